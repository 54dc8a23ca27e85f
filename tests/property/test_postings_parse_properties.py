"""postings/parse.py on any page: a Posting or NotAPosting, never another exception, and 100 KB read in bounded time."""

import json
import time

from hypothesis import example, given
from hypothesis import strategies as st

from postings.parse import MAX_FIELD_LENGTH, NotAPosting, Posting, parse_posting
from tests.property import strategies
from tests.property.strategies import any_text

JSON_LD_KEYS = [
    *("@type", "@graph", "@context", "mainEntity", "mainEntityOfPage", "itemListElement", "item"),
    *("title", "name", "legalName", "hiringOrganization", "description", "responsibilities", "qualifications"),
    *("skills", "jobLocation", "address", "addressLocality", "addressRegion", "addressCountry"),
    *("jobLocationType", "applicantLocationRequirements"),
]
json_ld = st.one_of(
    strategies.json_values(JSON_LD_KEYS),
    st.dictionaries(st.sampled_from(JSON_LD_KEYS), strategies.json_values(JSON_LD_KEYS), max_size=8).map(
        lambda thing: thing | {"@type": "JobPosting"}
    ),
)
TAGS = ["html", "head", "body", "div", "p", "ul", "ol", "li", "br", "h1", "table", "tr", "td", "main", "article"]
pieces = st.one_of(
    any_text,
    st.sampled_from(TAGS).map(lambda tag: f"<{tag}>"),
    st.sampled_from(TAGS).map(lambda tag: f"</{tag}>"),
    st.sampled_from(["&amp;", "&lt;p&gt;", "&#0;", "&#xD800;", "<!--", "-->", "<?xml version='1.0'?>", "\ufeff"]),
    st.sampled_from(['<meta property="og:site_name" content="Acme">', '<meta property="og:title" content="Role">']),
    json_ld.map(lambda value: f'<script type="application/ld+json">{json.dumps(value)}</script>'),
)
pages = st.lists(pieces, max_size=30).map("".join)


def _parsed(html: str) -> Posting | None:
    try:
        posting = parse_posting(html)
    except NotAPosting as refusal:
        assert str(refusal).strip()
        return None
    for short in (posting.company, posting.role_title):
        assert isinstance(short, str) and len(short) <= MAX_FIELD_LENGTH
    assert isinstance(posting.location, str) and isinstance(posting.job_description, str)
    return posting


@given(pages)
@example('<script type="application/ld+json">{"@type": "JobPosting", "title": {"name": {"name": 1}}}</script>')
@example("<?xml version='1.0' encoding='utf-8'?><html><body>\x00\ud800</body></html>")
def test_any_page_is_a_posting_or_not_a_posting(html):
    _parsed(html)


@given(any_text)
def test_any_text_is_a_posting_or_not_a_posting(text):
    _parsed(text)


@given(pages.filter(bool))
def test_a_100_kb_page_is_read_within_a_bound(html):
    page = (html * (100_000 // len(html) + 1))[:100_000]
    started = time.perf_counter()
    _parsed(page)
    # A safety bound against pathological (backtracking) regexes and quadratic walks, not a benchmark:
    # a 100 KB page takes well under a second; 5 s leaves room for two busy cores.
    assert time.perf_counter() - started < 5
