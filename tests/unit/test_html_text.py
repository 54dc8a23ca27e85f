"""HTML descriptions become readable text: paragraphs, headings and bullets kept, markup gone."""

import pytest

from postings.html_text import html_to_text


def test_paragraphs_are_apart_and_bullets_are_dash_lines():
    html = "<p>About <b>us</b></p><p>We build&nbsp;things.</p><h3>Requirements</h3><ul><li>Go</li><li>SQL</li></ul>"
    assert html_to_text(html) == "About us\n\nWe build things.\n\nRequirements\n\n- Go\n- SQL"


def test_nested_and_numbered_lists_and_paragraphs_inside_items():
    html = "<ol><li><p>First</p></li><li>Second<ul><li>detail</li><li><p>more</p><p>still</p></li></ul></li></ol>"
    assert html_to_text(html) == "1. First\n2. Second\n  - detail\n  - more\n    still"


def test_line_breaks_tables_and_text_between_blocks():
    html = "Intro text<br>next line<div>Block</div>tail<table><tr><td>Salary</td><td>$90k</td></tr></table>"
    assert html_to_text(html) == "Intro text\nnext line\n\nBlock\n\ntail\n\nSalary $90k"


def test_scripts_styles_comments_and_forms_are_dropped():
    html = (
        "<style>p{}</style><p>Kept<!-- hidden --> text</p><script>alert(1)</script><form><button>Apply</button></form>"
    )
    assert html_to_text(html) == "Kept text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Line one\n\n\n\nLine   two", "Line one\n\nLine two"),
        ("R&amp;D and 5 &lt; 6", "R&D and 5 < 6"),
        ("&lt;p&gt;Escaped&lt;/p&gt;&lt;ul&gt;&lt;li&gt;a&lt;/li&gt;&lt;/ul&gt;", "Escaped\n\n- a"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_text_without_markup_keeps_its_lines_and_escaped_markup_is_read(text, expected):
    assert html_to_text(text) == expected
