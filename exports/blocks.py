"""Markdown parsed once into plain blocks and spans, so the DOCX and PDF writers render the same structure."""

import re
import unicodedata
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt

# html=False: raw HTML such as <script> stays literal text; nothing in an export is ever interpreted as markup.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])

# Control characters, lone surrogates and non-characters that XML 1.0 (and so DOCX) cannot hold.
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

# Only these open anything when clicked in Word or a PDF viewer; other targets are shown but not linked.
CLICKABLE_SCHEMES = ("http://", "https://", "mailto:", "tel:")


@dataclass(frozen=True)
class Span:
    """A run of text in one style. "\n" in the text is a hard line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    link: str | None = None


@dataclass
class Heading:
    level: int
    spans: list[Span]


@dataclass
class Paragraph:
    spans: list[Span]
    quoted: bool = False


@dataclass
class ListItem:
    """One paragraph of a list item; later paragraphs of the same item have `continues` set and no marker."""

    spans: list[Span]
    depth: int
    list_id: int
    number: int | None = None  # None: a bullet
    continues: bool = False


@dataclass
class CodeBlock:
    text: str


@dataclass
class Table:
    header: list[list[Span]]
    rows: list[list[list[Span]]]


@dataclass
class Rule:
    pass


Block = Heading | Paragraph | ListItem | CodeBlock | Table | Rule


def clean_text(text: str) -> str:
    """NFC (so é is one glyph, not e + accent) without characters no document format can store."""
    return _NOT_XML_TEXT.sub("", unicodedata.normalize("NFC", text))


def plain_text(spans: list[Span]) -> str:
    return "".join(span.text for span in spans)


def _comparable_url(url: str) -> str:
    url = re.sub(r"^(https?://|mailto:|tel:)", "", url.strip().lower())
    return url.removeprefix("www.").rstrip("/")


@dataclass
class _InlineState:
    bold: int = 0
    italic: int = 0
    strike: int = 0
    link: str | None = None
    link_text: list[str] = field(default_factory=list)


def _inline_spans(inline_token) -> list[Span]:
    spans: list[Span] = []
    state = _InlineState()

    def add(text: str, code: bool = False) -> None:
        if not text:
            return
        if state.link is not None:
            state.link_text.append(text)
        spans.append(Span(text, state.bold > 0, state.italic > 0, code, state.strike > 0, state.link))

    for token in inline_token.children or []:
        kind = token.type
        if kind == "text":
            add(token.content)
        elif kind == "code_inline":
            add(token.content, code=True)
        elif kind == "softbreak":
            add(" ")
        elif kind == "hardbreak":
            add("\n")
        elif kind in ("strong_open", "strong_close"):
            state.bold += 1 if kind.endswith("open") else -1
        elif kind in ("em_open", "em_close"):
            state.italic += 1 if kind.endswith("open") else -1
        elif kind in ("s_open", "s_close"):
            state.strike += 1 if kind.endswith("open") else -1
        elif kind == "link_open":
            state.link, state.link_text = str(token.attrs.get("href", "")), []
        elif kind == "link_close":
            url, shown = state.link or "", "".join(state.link_text)
            state.link = None
            # A printed page cannot be clicked: keep the address next to the words unless they already say it.
            readable_url = _MARKDOWN.normalizeLinkText(url)
            if url and _comparable_url(shown) != _comparable_url(readable_url):
                add(f" ({readable_url})")
        elif kind == "image":
            # Never fetched: an export must not reach out to the network. The alt text stands in for it.
            add(token.content or str(token.attrs.get("alt", "")))
        else:
            add(token.content)
    return _merge_adjacent(spans)


def _merge_adjacent(spans: list[Span]) -> list[Span]:
    """Fewer, longer runs: "Jörg" and " Müller" in one style become one run (tidier DOCX, faster PDF)."""
    merged: list[Span] = []
    for span in spans:
        if merged and replace(merged[-1], text="") == replace(span, text=""):
            merged[-1] = replace(span, text=merged[-1].text + span.text)
        else:
            merged.append(span)
    return merged


@dataclass
class _ListState:
    list_id: int
    next_number: int | None


def parse_blocks(markdown_text: str) -> list[Block]:
    """The document as a flat list of blocks; nesting survives as list depth and the quoted flag."""
    tokens = _MARKDOWN.parse(clean_text(markdown_text))
    blocks: list[Block] = []
    lists: list[_ListState] = []
    item_has_paragraph: list[bool] = []  # one entry per open list item
    quote_depth = 0
    list_count = 0
    table: Table | None = None
    in_header = False
    row: list[list[Span]] = []

    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_count += 1
            start = int(token.attrs.get("start", 1)) if kind == "ordered_list_open" else None
            lists.append(_ListState(list_count, start))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            item_has_paragraph.append(False)
        elif kind == "list_item_close":
            if not item_has_paragraph.pop():  # "- " with nothing after it still shows its marker
                blocks.append(_list_item([], lists, continues=False))
        elif kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "heading_open":
            index += 1
            blocks.append(Heading(int(token.tag[1:]), _inline_spans(tokens[index])))
        elif kind == "paragraph_open":
            index += 1
            spans = _inline_spans(tokens[index])
            if item_has_paragraph:
                blocks.append(_list_item(spans, lists, continues=item_has_paragraph[-1]))
                item_has_paragraph[-1] = True
            else:
                blocks.append(Paragraph(spans, quoted=quote_depth > 0))
        elif kind in ("fence", "code_block"):
            blocks.append(CodeBlock(token.content.rstrip("\n")))
        elif kind == "hr":
            blocks.append(Rule())
        elif kind == "table_open":
            table = Table(header=[], rows=[])
        elif kind == "thead_open":
            in_header = True
        elif kind == "thead_close":
            in_header = False
        elif kind == "tr_open":
            row = []
        elif kind in ("th_open", "td_open"):
            index += 1
            row.append(_inline_spans(tokens[index]))
        elif kind == "tr_close" and table is not None:
            if in_header:
                table.header = row
            else:
                table.rows.append(row)
        elif kind == "table_close" and table is not None:
            blocks.append(table)
            table = None
        index += 1
    return blocks


def _list_item(spans: list[Span], lists: list[_ListState], continues: bool) -> ListItem:
    current = lists[-1]
    number = None if continues else current.next_number  # a continuation paragraph shows no marker
    if number is not None:
        current.next_number = number + 1
    return ListItem(spans, depth=len(lists), list_id=current.list_id, number=number, continues=continues)
