"""postings/fetch.Page.text on any body and any declared charset: text, never an exception."""

from hypothesis import example, given
from hypothesis import strategies as st

from postings.fetch import Page

# Real names, names of codecs that are no text encoding, names that do not exist, and none at all.
CHARSETS = ["utf-8", "latin-1", "utf-16", "utf-32", "utf-7", "shift_jis", "idna", "punycode", "base64", "rot13"]
charsets = st.one_of(st.none(), st.sampled_from(CHARSETS), st.from_regex("[A-Za-z0-9_.:-]{1,20}", fullmatch=True))


@given(st.binary(max_size=500), charsets, charsets)
@example(b"\xff<p>x</p>", "idna", None)  # idna takes no errors="replace": it raised UnicodeError
@example(b"\xff<p>x</p>", "punycode", None)  # punycode fails on any non-ASCII byte
@example(b"<p>x</p>", None, "idna")
def test_any_body_decodes_to_text_whatever_charset_it_declares(body, header_charset, meta_charset):
    if meta_charset is not None:
        body = f'<meta charset="{meta_charset}">'.encode() + body
    assert isinstance(Page("https://example.com/", body, header_charset).text(), str)
