"""Blocks rendered as a PDF with fpdf2, in embedded Unicode fonts so every name and dash survives."""

from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF
from fpdf.fonts import FontFace

from exports.blocks import (
    CLICKABLE_SCHEMES,
    Block,
    CodeBlock,
    Heading,
    ListItem,
    Paragraph,
    Rule,
    Span,
    Table,
    plain_text,
)

FONT_DIR = Path(__file__).resolve().parent / "fonts"
BODY_FONT = "dejavu"
BODY_FONT_FILES = {
    "": "DejaVuSans.ttf",
    "B": "DejaVuSans-Bold.ttf",
    "I": "DejaVuSans-Oblique.ttf",
    "BI": "DejaVuSans-BoldOblique.ttf",
}
# Chinese, Japanese and Korean, which DejaVu lacks. Loaded only for documents that need it (3.4 MB to parse).
FALLBACK_FONT = "droidfallback"
FALLBACK_FONT_FILE = "DroidSansFallback.ttf"
CODE_FONT = "courier"  # a PDF core font: no file to embed, but Latin-1 only, so used only for text it can show

PAGE_FORMAT = "A4"
MARGIN_MM = 20
BODY_SIZE_PT = 10.5
HEADING_SIZES_PT = {1: 18, 2: 14, 3: 12}  # h4-h6: body size, bold
LINE_SPACING = 1.35
LIST_INDENT_MM = 6
MARKER_GAP_MM = 2
TEXT_COLOR = (0x22, 0x22, 0x22)
MUTED_COLOR = (0x66, 0x66, 0x66)
LINK_COLOR = (0x05, 0x63, 0xC1)
CODE_BACKGROUND = (0xF2, 0xF2, 0xF2)
BULLETS = ("•", "◦", "▪")
PT_TO_MM = 25.4 / 72


class _JobForgePdf(FPDF):
    def footer(self) -> None:
        # Like a business letter: the first page carries no number, later pages say where they belong.
        if self.page_no() > 1:
            self.set_y(-12)
            self.set_font(BODY_FONT, "", 8)
            self.set_text_color(*MUTED_COLOR)
            self.cell(0, 5, f"{self.page_no()} / {{nb}}", align="C")


def render_pdf(blocks: list[Block], title: str) -> bytes:
    pdf = _JobForgePdf(format=PAGE_FORMAT)
    pdf.set_title(title)
    pdf.set_creator("Job Forge")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    # Each font costs ~40 ms to parse; most letters have no italics, so the oblique faces load only when used.
    styles = ("", "B", "I", "BI") if _has_italics(blocks) else ("", "B")
    for style in styles:
        pdf.add_font(BODY_FONT, style, FONT_DIR / BODY_FONT_FILES[style])
    if _needs_fallback_font(blocks):
        pdf.add_font(FALLBACK_FONT, "", FONT_DIR / FALLBACK_FONT_FILE)
        # exact_match=False: a bold CJK word is drawn in the one fallback weight rather than not at all.
        pdf.set_fallback_fonts([FALLBACK_FONT], exact_match=False)
    pdf.add_page()
    previous: Block | None = None
    for block in blocks:
        _space_before(pdf, previous, block)
        if isinstance(block, Heading):
            _write_heading(pdf, block)
        elif isinstance(block, Paragraph):
            _write_paragraph(pdf, block)
        elif isinstance(block, ListItem):
            _write_list_item(pdf, block)
        elif isinstance(block, CodeBlock):
            _write_code_block(pdf, block)
        elif isinstance(block, Table):
            _write_table(pdf, block)
        elif isinstance(block, Rule):
            pdf.set_draw_color(*MUTED_COLOR)
            pdf.line(pdf.l_margin, pdf.get_y() + 1, pdf.w - pdf.r_margin, pdf.get_y() + 1)
            pdf.ln(2)
        previous = block
    return bytes(pdf.output())


@cache
def _font_characters(file_name: str) -> frozenset[int]:
    with TTFont(FONT_DIR / file_name, lazy=True) as font:
        return frozenset(font.getBestCmap())


def _needs_fallback_font(blocks: list[Block]) -> bool:
    """True when some character is missing from DejaVu but drawn by the fallback font (CJK, mostly)."""
    if not (FONT_DIR / FALLBACK_FONT_FILE).exists():
        return False
    missing = {ord(character) for character in "".join(_all_text(blocks))} - _font_characters(BODY_FONT_FILES[""])
    return bool(missing & _font_characters(FALLBACK_FONT_FILE))


def _has_italics(blocks: list[Block]) -> bool:
    for block in blocks:
        if isinstance(block, Paragraph) and block.quoted:
            return True
        if isinstance(block, Heading | Paragraph | ListItem) and any(span.italic for span in block.spans):
            return True
    return False


def _all_text(blocks: list[Block]):
    for block in blocks:
        if isinstance(block, CodeBlock):
            yield block.text
        elif isinstance(block, Table):
            for row in [block.header, *block.rows]:
                for cell in row:
                    yield plain_text(cell)
        elif not isinstance(block, Rule):
            yield plain_text(block.spans)


def _line_height(size_pt: float) -> float:
    return size_pt * PT_TO_MM * LINE_SPACING


def _space_before(pdf: FPDF, previous: Block | None, block: Block) -> None:
    if previous is None:
        return
    if isinstance(block, Heading):
        gap = 4 if block.level <= 2 else 3
    elif isinstance(block, ListItem) and isinstance(previous, ListItem):
        gap = 1 if block.list_id == previous.list_id or block.depth != previous.depth else 2.5
    else:
        gap = 2.5
    pdf.ln(gap)


def _write_spans(
    pdf: FPDF,
    spans: list[Span],
    size_pt: float,
    bold: bool = False,
    italic: bool = False,
    indent_mm: float = 0,
    marker: str = "",
) -> None:
    """One paragraph, laid out as a whole so a line is only ever broken between words, whatever the styles."""
    pdf.set_font(BODY_FONT, "B" if bold else "", size_pt)
    pdf.set_text_color(*TEXT_COLOR)
    # The marker (bullet or "3.") hangs left of the indent, so wrapped lines align with the text.
    with (
        pdf.text_columns(line_height=LINE_SPACING) as region,
        region.paragraph(indent=indent_mm, bullet_string=marker, bullet_r_margin=MARKER_GAP_MM) as paragraph,
    ):
        for span in spans:
            clickable = bool(span.link) and span.link.lower().startswith(CLICKABLE_SCHEMES)
            family, style = BODY_FONT, ("B" if bold or span.bold else "") + ("I" if italic or span.italic else "")
            if span.code and _latin1(span.text):
                family, style = CODE_FONT, ""
            style += ("U" if clickable else "") + ("S" if span.strike else "")
            pdf.set_font(family, style, size_pt)
            pdf.set_text_color(*(LINK_COLOR if clickable else TEXT_COLOR))
            paragraph.write(span.text.replace("\t", "    "), link=span.link if clickable else None)
        if not spans:
            paragraph.write(" ")  # an empty list item still shows its marker
    pdf.set_text_color(*TEXT_COLOR)


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _write_heading(pdf: FPDF, heading: Heading) -> None:
    size = HEADING_SIZES_PT.get(heading.level, BODY_SIZE_PT)
    # Keep a heading with the first lines under it instead of alone at the foot of a page.
    if pdf.get_y() + _line_height(size) + 2 * _line_height(BODY_SIZE_PT) > pdf.page_break_trigger:
        pdf.add_page()
    _write_spans(pdf, heading.spans, size, bold=True)
    if heading.level == 1:
        pdf.set_draw_color(*MUTED_COLOR)
        pdf.line(pdf.l_margin, pdf.get_y() + 0.5, pdf.w - pdf.r_margin, pdf.get_y() + 0.5)
        pdf.ln(1)


def _write_paragraph(pdf: FPDF, paragraph: Paragraph) -> None:
    indent = LIST_INDENT_MM if paragraph.quoted else 0
    _write_spans(pdf, paragraph.spans, BODY_SIZE_PT, italic=paragraph.quoted, indent_mm=indent)


def _write_list_item(pdf: FPDF, item: ListItem) -> None:
    marker = ""
    if not item.continues:
        marker = f"{item.number}." if item.number is not None else BULLETS[(item.depth - 1) % len(BULLETS)]
    _write_spans(pdf, item.spans, BODY_SIZE_PT, indent_mm=LIST_INDENT_MM * item.depth, marker=marker)


def _write_code_block(pdf: FPDF, block: CodeBlock) -> None:
    text = block.text.expandtabs(4)
    family = CODE_FONT if _latin1(text) else BODY_FONT
    pdf.set_font(family, "", BODY_SIZE_PT - 1)
    pdf.set_text_color(*TEXT_COLOR)
    pdf.set_fill_color(*CODE_BACKGROUND)
    pdf.multi_cell(0, _line_height(BODY_SIZE_PT - 1), text, fill=True, new_x="LMARGIN", new_y="NEXT")


def _write_table(pdf: FPDF, table: Table) -> None:
    pdf.set_font(BODY_FONT, "", BODY_SIZE_PT - 0.5)
    pdf.set_text_color(*TEXT_COLOR)
    pdf.set_draw_color(*MUTED_COLOR)
    columns = max([len(table.header)] + [len(row) for row in table.rows])
    rows = ([table.header] if table.header else []) + table.rows
    with pdf.table(
        first_row_as_headings=bool(table.header),
        headings_style=FontFace(emphasis="BOLD", fill_color=CODE_BACKGROUND),
        line_height=_line_height(BODY_SIZE_PT - 0.5),
        text_align="LEFT",
    ) as pdf_table:
        for row in rows:
            pdf_row = pdf_table.row()
            for column in range(columns):
                pdf_row.cell(plain_text(row[column]) if column < len(row) else "")
