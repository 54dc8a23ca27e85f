"""HTML turned into readable plain text: paragraphs apart, list items as "- " lines, no markup."""

import html as entities
import re

import lxml.html
from lxml import etree

_SKIPPED = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "button", "form"}
_BLOCKS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "figure", "figcaption", "address", "dl", "dt", "dd", "hr",
}  # fmt: skip
_LISTS = {"ul", "ol"}
_ROW_CELLS = {"td", "th"}
_TAG = re.compile(r"<[a-zA-Z!/]")


class _Writer:
    """Collects inline text into lines; blocks end a line, paragraphs also leave a blank line."""

    def __init__(self):
        self.lines: list[str] = []
        self._words: list[str] = []
        self._gap = False
        self.lists: list[list] = []  # per open list: [ordered, items so far]
        self._marker = ""

    def text(self, text: str | None) -> None:
        if text:
            self._words.append(text)

    def end_line(self) -> None:
        line = " ".join("".join(self._words).split())
        self._words = []
        if not line:
            return
        if self._gap and self.lines:
            self.lines.append("")
        self._gap = False
        indent = "  " * max(0, len(self.lists) - 1)
        self.lines.append(indent + (self._marker or ("  " if self.lists else "")) + line)
        self._marker = ""

    def paragraph(self) -> None:
        self.end_line()
        self._gap = True

    def start_item(self) -> None:
        self.end_line()
        if self.lists:
            ordered_and_count = self.lists[-1]
            ordered_and_count[1] += 1
            self._marker = f"{ordered_and_count[1]}. " if ordered_and_count[0] else "- "
        else:
            self._marker = "- "


def _walk(element, writer: _Writer) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else None
    if tag is None or tag in _SKIPPED:
        return  # comments and processing instructions; their tail is the parent's to write
    if tag == "br":
        writer.end_line()
        return
    if tag in _LISTS:
        writer.paragraph() if not writer.lists else writer.end_line()
        writer.lists.append([tag == "ol", 0])
    elif tag == "li":
        writer.start_item()
    elif tag in _BLOCKS or tag == "tr":
        # Inside a list a paragraph is one more line of its item, not a new paragraph.
        writer.end_line() if writer.lists or tag == "tr" else writer.paragraph()
    elif tag in _ROW_CELLS:
        writer.text(" ")
    writer.text(element.text)
    for child in element:
        _walk(child, writer)
        writer.text(child.tail)
    if tag in _LISTS:
        writer.end_line()
        writer.lists.pop()
        if not writer.lists:
            writer.paragraph()
    elif tag == "li" or tag == "tr" or (tag in _BLOCKS and writer.lists):
        writer.end_line()
    elif tag in _BLOCKS:
        writer.paragraph()


def _plain_text(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def element_text(element) -> str:
    """The readable text of a parsed element and everything in it."""
    writer = _Writer()
    _walk(element, writer)
    writer.end_line()
    return "\n".join(writer.lines).strip()


def html_to_text(html: str) -> str:
    """Readable text of an HTML fragment; text with no markup keeps its own lines.

    Markup that arrives escaped (``&lt;p&gt;``, as some job boards put it in JSON-LD) is read as markup.
    """
    if not html or not html.strip():
        return ""
    if not _TAG.search(html):
        html = entities.unescape(html)
        if not _TAG.search(html):
            return _plain_text(html)
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return _plain_text(html)
    return element_text(root)
