"""Blocks rendered as a Word document with python-docx, using Word's own heading and list styles."""

import io
from dataclasses import replace

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from exports.blocks import CLICKABLE_SCHEMES, Block, CodeBlock, Heading, ListItem, Paragraph, Rule, Span, Table

CODE_FONT = "Courier New"  # on every Windows and macOS machine that opens the file
LINK_COLOR = RGBColor(0x05, 0x63, 0xC1)  # Word's own hyperlink blue
MAX_LIST_DEPTH = 3  # the default template has "List Bullet", "List Bullet 2" and "List Bullet 3"


def render_docx(blocks: list[Block], title: str) -> bytes:
    document = Document()
    properties = document.core_properties
    # The template ships with python-docx as author and comment; a person's resume should not say that.
    properties.title, properties.author, properties.comments, properties.last_modified_by = title, "", "", ""
    numbering_ids: dict[int, int] = {}
    for block in blocks:
        if isinstance(block, Heading):
            _add_spans(document.add_heading("", level=min(block.level, 9)), block.spans)
        elif isinstance(block, Paragraph):
            _add_spans(document.add_paragraph(style="Quote" if block.quoted else None), block.spans)
        elif isinstance(block, ListItem):
            _add_list_item(document, block, numbering_ids)
        elif isinstance(block, CodeBlock):
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Pt(18)
            _add_spans(paragraph, [Span(block.text, code=True)])
        elif isinstance(block, Table):
            _add_table(document, block)
        elif isinstance(block, Rule):
            _add_bottom_border(document.add_paragraph())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_spans(paragraph: DocxParagraph, spans: list[Span]) -> None:
    for span in spans:
        # Run.text turns "\n" into a Word line break, which is what a markdown hard break means.
        run = paragraph.add_run(span.text)
        if span.bold:
            run.bold = True
        if span.italic:
            run.italic = True
        if span.strike:
            run.font.strike = True
        if span.code:
            run.font.name = CODE_FONT
        if span.link and span.link.lower().startswith(CLICKABLE_SCHEMES):
            _wrap_in_hyperlink(paragraph, run, span.link)


def _wrap_in_hyperlink(paragraph: DocxParagraph, run, url: str) -> None:
    """python-docx reads hyperlinks but cannot add them: move the styled run into a w:hyperlink element."""
    relationship_id = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), relationship_id)
    run.font.color.rgb = LINK_COLOR
    run.font.underline = True
    run._r.addprevious(hyperlink)
    hyperlink.append(run._r)


def _list_style(block: ListItem) -> str:
    depth = min(block.depth, MAX_LIST_DEPTH)
    suffix = "" if depth == 1 else f" {depth}"
    if block.continues:
        return f"List Continue{suffix}"
    return f"List Number{suffix}" if block.number is not None else f"List Bullet{suffix}"


def _add_list_item(document, block: ListItem, numbering_ids: dict[int, int]) -> None:
    paragraph = document.add_paragraph(style=_list_style(block))
    if block.number is not None:
        if block.list_id not in numbering_ids:
            numbering_ids[block.list_id] = _restarted_numbering(document, paragraph.style, block.number)
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = numbering_ids[block.list_id]
    _add_spans(paragraph, block.spans)


def _restarted_numbering(document, style, start: int) -> int:
    """A numbering instance of its own for one list.

    Every "List Number" paragraph shares one counter in Word, so a second numbered list would go
    on from 4, 5, 6; each markdown list gets a fresh instance that starts where the markdown says.
    """
    numbering = document.part.numbering_part.element
    style_num_id = style.element.pPr.numPr.numId.val
    abstract_num_id = numbering.num_having_numId(style_num_id).abstractNumId.val
    num = numbering.add_num(abstract_num_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(start)
    return num.numId


def _add_table(document, table: Table) -> None:
    columns = max([len(table.header)] + [len(row) for row in table.rows])
    rows = ([table.header] if table.header else []) + table.rows
    word_table = document.add_table(rows=len(rows), cols=columns)
    word_table.style = "Table Grid"
    for row_index, row in enumerate(rows):
        is_header = bool(table.header) and row_index == 0
        for column, spans in enumerate(row):
            if is_header:
                spans = [replace(span, bold=True) for span in spans]
            _add_spans(word_table.cell(row_index, column).paragraphs[0], spans)


def _add_bottom_border(paragraph: DocxParagraph) -> None:
    """A markdown rule (---) as a paragraph border, the way Word draws a horizontal line itself."""
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attribute, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{attribute}"), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().append(border)
