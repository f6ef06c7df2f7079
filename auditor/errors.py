"""Errors the user can act on; the CLI turns each into one line on stderr and exit code 2."""
from __future__ import annotations


class AuditorError(Exception):
    """A problem with the input, the rulebook or the options (exit code 2)."""

    exit_code = 2


class InputError(AuditorError):
    """A report file that cannot be read as text."""

    def __init__(self, path: str, reason: str, hint: str = ""):
        self.path, self.reason, self.hint = path, reason, hint
        msg = f"{path}: {reason}"
        super().__init__(msg + (f"（{hint}）" if hint else ""))


class RulebookError(AuditorError):
    """A rulebook that cannot be loaded; ``where`` is a line or a JSON path."""

    def __init__(self, path: str, where: str, reason: str):
        self.path, self.where, self.reason = path, where, reason
        super().__init__(f"{path}:{where}: {reason}" if where else f"{path}: {reason}")
