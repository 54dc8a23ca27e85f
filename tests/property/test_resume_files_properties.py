"""resume_files on any upload: the text, or FileRefused with a message; words come back from text, DOCX and
PDF files; 100 KB of anything is judged within a bound."""

import random
import time

from hypothesis import example, given, settings
from hypothesis import strategies as st

from resume_files import FileRefused, decode_upload, extract_text
from tests.property.strategies import SCRIPTS, any_text, any_words, drawn_by, words
from tests.support import resume_docx, resume_pdf
from validators import MAX_DOCUMENT_LENGTH

NAMES = ["resume.pdf", "resume.docx", "resume.doc", "resume.md", "resume.txt", "resume.TXT", "resume", "a.b.pdf"]
filenames = st.one_of(st.sampled_from(NAMES), any_text, any_text.map(lambda stem: stem + ".pdf"))
MAGIC = [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xff\xfe", b"\xef\xbb\xbf"]
uploads = st.builds(lambda magic, rest: magic + rest, st.sampled_from(MAGIC), st.binary(max_size=3000))
_SAMPLE_PDF = resume_pdf("Pat Person\nBackend engineer\n- Go, PostgreSQL")
_SAMPLE_DOCX = resume_docx("# Pat Person\n- Go, PostgreSQL")


def _damaged(data: bytes, seed: int, flips: int) -> bytes:
    """`data` with `flips` bytes changed at random places (a download cut short or a disk error)."""
    chosen = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(flips):
        damaged[chosen.randrange(len(damaged))] = chosen.randrange(256)
    return bytes(damaged[: chosen.randrange(len(damaged) // 2, len(damaged) + 1)])


damaged_files = st.builds(
    lambda sample, seed, flips: (_damaged(sample[0], seed, flips), sample[1]),
    st.sampled_from([(_SAMPLE_PDF, "resume.pdf"), (_SAMPLE_DOCX, "resume.docx")]),
    st.integers(0, 2**32),
    st.integers(0, 20),
)


def _extracted(data: bytes, filename: str) -> str | None:
    try:
        text = extract_text(data, filename)
    except FileRefused as refusal:
        assert str(refusal).strip() and refusal.kind
        return None
    assert isinstance(text, str) and 0 < len(text) <= MAX_DOCUMENT_LENGTH
    return text


@given(uploads, filenames)
@example(b"%PDF-1.4\n%\xff\xff\n1 0 obj<<>>endobj\ntrailer<</Root 1 0 R>>", "resume.pdf")
@example(b"PK\x03\x04" + b"\x00" * 30, "resume.docx")
@example("caf\xe9 \x00".encode("cp1252"), "resume.txt")
def test_any_upload_is_text_or_refused_with_a_message(data, filename):
    _extracted(data, filename)


@given(damaged_files)
def test_a_damaged_pdf_or_docx_is_text_or_refused_with_a_message(damaged):
    _extracted(*damaged)


@given(any_text)
@example("data:application/pdf;base64,JVBERi0=")
@example("data:text/plain;base64,\ud800")
def test_any_upload_contents_decode_to_bytes_or_are_refused(contents):
    try:
        assert isinstance(decode_upload(contents), bytes)
    except FileRefused as refusal:
        assert str(refusal).strip()


@given(any_words, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]), st.sampled_from(["resume.md", "resume.txt"]))
def test_the_words_of_a_text_file_come_back(words, encoding, filename):
    text = " ".join(words)
    assert _extracted(text.encode(encoding), filename) == text


@given(any_words)
def test_the_words_of_a_docx_come_back(words):
    assert _extracted(resume_docx("\n".join(words)), "resume.docx").split() == words


# Left-to-right scripts DejaVu Sans draws (the one font tests.support.resume_pdf embeds); Hebrew is left out:
# fpdf2 without text shaping writes it in logical order, which pypdf reads back reversed.
pdf_words = st.sampled_from(["latin", "greek", "cyrillic", "armenian", "georgian"]).flatmap(
    lambda script: words(sorted(set(SCRIPTS[script]) & drawn_by("DejaVuSans.ttf")), max_size=6)
)


@settings(max_examples=20)  # each PDF embeds DejaVu anew, the slowest example here
@given(pdf_words)
def test_the_words_of_a_pdf_come_back(words):
    assert _extracted(resume_pdf(" ".join(words)), "resume.pdf").split() == words


@given(st.binary(min_size=64, max_size=64), st.sampled_from(MAGIC), st.sampled_from(NAMES))
def test_100_kb_of_anything_is_judged_within_a_bound(seed, magic, filename):
    data = magic + (seed * (100_000 // len(seed) + 1))[: 100_000 - len(magic)]
    started = time.perf_counter()
    _extracted(data, filename)
    # A safety bound against pathological parsing (a regex or a PDF cross-reference loop), not a benchmark.
    assert time.perf_counter() - started < 5
