"""Regexes compiled on first use, so a cold ``audit check`` compiles only the patterns its run reaches.

``re.compile`` costs 0.2–3 ms a pattern on the project's machine, most for a class over the Han block
(``[\\u4e00-\\u9fff]``: the compiler visits its 20,992 code points one by one); the package's
module-level patterns took about 50 ms of a 265 ms cold start, and a run used two thirds of them
(``python -X importtime``; ``bench/``).
"""
from __future__ import annotations

import re


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)``: compiles when a method (``search``, ``sub``…) is
    first asked for, then keeps that bound method as its own attribute, so later calls go straight
    to the compiled pattern."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str):   # only reached for names not kept yet
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(re.compile(self.pattern, self._flags), name)
        setattr(self, name, value)
        return value


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile`` deferred to first use (see ``LazyPattern``); typed as the pattern it stands for."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
