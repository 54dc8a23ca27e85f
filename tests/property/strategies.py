"""Text strategies shared by the property tests: any Unicode, with the characters that break things made likely."""

import unicodedata
from functools import cache

from fontTools.ttLib import TTFont
from hypothesis import strategies as st

from exports.pdf_writer import FONT_DIR

# NUL (PostgreSQL refuses it), other C0 controls, lone surrogates (UTF-8 cannot encode them), a BOM,
# zero-width and bidi marks, noncharacters, combining marks, line breaks of every kind.
AWKWARD = (
    "\x00\x01\x08\x0b\x0c\x1b\x1f\x7f\ud800\udbff\udc00\udfff"
    "\ufeff\u200b\u200d\u202e\ufffe\uffff\u0301\r\n\t\u2028\x85 "
)

# Every code point, surrogates included (Hypothesis leaves them out by default).
any_character = st.one_of(st.characters(exclude_categories=()), st.sampled_from(AWKWARD))
any_text = st.text(any_character)
# What a browser may send in place of text: JSON's other values.
not_text = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.integers(), max_size=2))
any_value = st.one_of(any_text, not_text)


def json_values(keys: list[str]):
    """Any JSON value; objects' keys are often `keys`, so that generated objects reach the code that reads them."""
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | any_text,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(keys) | any_text, children, max_size=6)
        ),
        max_leaves=40,
    )


def _letters(first: int, last: int) -> list[str]:
    return [chr(point) for point in range(first, last + 1) if unicodedata.category(chr(point)).startswith("L")]


# Letters of the scripts the PDF export's fonts draw (DejaVu Sans, and Droid Sans Fallback for CJK);
# drawn_by() tells which of them a font has.
SCRIPTS = {
    "latin": _letters(0x41, 0x24F),
    "greek": _letters(0x386, 0x3CE),
    "cyrillic": _letters(0x410, 0x4FF),
    "armenian": _letters(0x531, 0x586),
    "georgian": _letters(0x10D0, 0x10FA),
    "hebrew": _letters(0x5D0, 0x5EA),
    "cjk": _letters(0x4E00, 0x9FA5),
    "kana": _letters(0x3041, 0x30FA),
    "hangul": _letters(0xAC00, 0xD7A3),
}


@cache
def drawn_by(font_file: str) -> frozenset[str]:
    """The characters a font of exports/fonts has a glyph for."""
    with TTFont(FONT_DIR / font_file, lazy=True) as font:
        return frozenset(map(chr, font.getBestCmap()))


def words(letters: list[str], min_size: int = 1, max_size: int = 12):
    """Lists of words (up to 10 of `letters` each)."""
    word = st.text(st.sampled_from(letters), min_size=1, max_size=10)
    return st.lists(word, min_size=min_size, max_size=max_size)


# Words of one script per example: a line of text as a person writes it.
any_words = st.sampled_from(sorted(SCRIPTS)).flatmap(lambda script: words(SCRIPTS[script]))

# What a person types or pastes: any code point at Hypothesis's usual rates, control characters and lone
# surrogates included, so that most examples pass validation and some are refused.
typed_text = st.text(st.characters(exclude_categories=()))
