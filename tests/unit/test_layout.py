"""PDF layout geometry: advances that cannot be right are corrected before columns are found."""
from auditor.read.layout import page_lines, respace

SIZE = 10.0
BOX = (0.0, 0.0, 400.0, 400.0)


def _run(text: str, x: float, y: float, font: str, widths: dict[str, float]) -> list:
    """Glyphs of one run drawn left to right from ``x``, each placed where the last one ended
    (the way a library computes positions inside a text run from its advances)."""
    out = []
    for ch in text:
        adv = widths.get(ch, SIZE)
        out.append((-y, x, ch, SIZE, adv, 0.0, font))
        x += adv
    return out


# A library reading a CID font's widths at the wrong glyph ids: digits 0.54–0.77 em, none alike.
WRONG = {"2": 7.7, "0": 7.7, "1": 5.4, "3": 6.3, " ": 3.4}


def test_impossible_digit_widths_are_half_an_em_and_the_run_moves_back():
    glyphs = _run("共12件30人", 20, 300, "CJKFont", WRONG)
    chars = respace(glyphs)
    xs = [round(c[1], 2) for c in chars]
    assert xs == [20, 30, 35, 40, 50, 55, 60]
    assert [c[4] for c in chars] == [10, 5, 5, 10, 5, 5, 10]


def test_plausible_widths_and_latin_fonts_are_left_alone():
    half = {d: 5.0 for d in "0123456789"}
    glyphs = _run("共12件", 20, 300, "CJKFont", half) + _run("2023 10", 20, 200, "Times", WRONG)
    assert respace(glyphs) == [g[:6] for g in glyphs]


def test_a_left_column_with_wide_digits_stays_out_of_the_right_column():
    left, right = "共12300件和20231023起及3012013人", "右栏的文字继续写在这里"
    glyphs = []
    for row in range(8):
        y = 380 - 20 * row
        glyphs += _run(left, 20, y, "CJKFont", WRONG) + _run(right, 200, y, "CJKFont", WRONG)
    lines, _ = page_lines(respace(glyphs), BOX)
    assert [ln.text for ln in lines] == [left] * 8 + [right] * 8


def test_without_the_correction_the_columns_would_merge():
    glyphs = []
    for row in range(8):
        y = 380 - 20 * row
        glyphs += _run("共12300件和20231023起及3012013人", 20, y, "CJKFont", WRONG) + \
            _run("右栏的文字继续写在这里", 200, y, "CJKFont", WRONG)
    lines, _ = page_lines([g[:6] for g in glyphs], BOX)
    assert len(lines) == 8 and all("右" in ln.text and "栏" in ln.text for ln in lines)   # spliced rows
