"""Text that any stream can carry: ASCII stand-ins for symbols a console cannot show, escapes for the rest.

``SAFE`` names a codec error handler (registered on import) for every stream and file the tool
writes: a symbol the encoding lacks becomes its ASCII stand-in (✓ → OK, ↔ → <->), a file-name byte
that was not valid UTF-8 (decoded by ``os.fsdecode`` as a surrogate escape) becomes ``\\udcff`` (the
JSON spelling of the same character, so JSON output stays valid), anything else becomes "?". A
Chinese Windows console (GBK) therefore shows the report instead of raising ``UnicodeEncodeError``.
"""
from __future__ import annotations

import codecs
import unicodedata

SAFE = "auditor-safe"

# The symbols the renderers use, and a few common ones, with what a plain ASCII console shows instead.
STAND_INS = {
    "✓": "OK", "✔": "OK", "✅": "[OK]", "✗": "X", "✘": "X", "❌": "[X]", "🟡": "[~]", "➖": "[-]", "💤": "[z]",
    "⛔": "[!]", "⚠": "!", "↔": "<->", "→": "->", "←": "<-", "↑": "^", "↓": "v", "△": "^", "…": "...",
    "—": "--", "–": "-", "·": ".", "•": "*", "“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ",
}


def _stand_in(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for ch in error.object[error.start:error.end]:
        if "\udc80" <= ch <= "\udcff":            # an undecodable file-name byte (surrogate escape)
            out.append(f"\\u{ord(ch):04x}")
        elif ch in STAND_INS:
            out.append(STAND_INS[ch])
        else:
            folded = unicodedata.normalize("NFKC", ch)   # e.g. full-width "ＡＢ" → "AB"
            out.append(folded if folded.isascii() and folded.isprintable() else "?")
    return "".join(out), error.end


codecs.register_error(SAFE, _stand_in)


def displayable(text: str, encoding: str | None) -> str:
    """``text`` as a stream in ``encoding`` will show it: what the encoding lacks replaced as ``SAFE``
    does ("✓" → "OK" in GBK or ASCII). Renderers that pad to a width call it before measuring, so
    columns still line up after the substitution. ``None`` or a UTF encoding: ``text`` unchanged."""
    if not encoding or encoding.lower().replace("_", "-").startswith("utf"):
        return text
    try:
        return text.encode(encoding, SAFE).decode(encoding, "replace")
    except LookupError:   # an encoding Python does not know: the stream will fail or cope on its own
        return text


def one_line(text: str) -> str:
    """``text`` with line breaks and control characters escaped (``\\n``, ``\\x1b``), so a message
    stays one line whatever a file name holds."""
    return "".join(repr(ch)[1:-1] if _breaks(ch) else ch for ch in text)


def _breaks(ch: str) -> bool:
    return unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch == "\x85"
