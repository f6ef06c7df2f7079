"""``python -m auditor`` runs the ``audit`` command."""
from .cli import main

main()
