"""Text strategies shared by the property tests: any Unicode, with the characters that break things made likely."""

from hypothesis import strategies as st

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
