"""Large static files: sent at brotli 9 at once, at brotli 11 once the background thread has compressed them."""

import time

import brotli

import static_files
from config import PROJECT_ROOT

# Real CSS, repeated past the size from which files are compressed again at 11.
LARGE = (PROJECT_ROOT / "assets" / "bootstrap.min.css").read_bytes() * 3


def _wait_for_change(files, body, timeout: float = 60) -> bytes:
    deadline = time.monotonic() + timeout
    while (again := files.get("etag", "br", LARGE)) == body:
        assert time.monotonic() < deadline, "not compressed again at brotli 11"
        time.sleep(0.05)
    return again


def test_a_large_file_is_sent_at_once_then_smaller_at_brotli_11():
    assert len(LARGE) >= static_files.BEST_MIN_SIZE
    files = static_files.CompressedFiles()
    first = files.get("etag", "br", LARGE)
    assert brotli.decompress(first) == LARGE
    best = _wait_for_change(files, first)
    assert len(best) < len(first)
    assert brotli.decompress(best) == LARGE
    assert best == brotli.compress(LARGE, quality=static_files.BEST_BROTLI_QUALITY)
    assert files.get("etag", "br", LARGE) == best  # kept


def test_small_files_and_other_encodings_are_not_compressed_again():
    files = static_files.CompressedFiles()
    small = LARGE[: static_files.BEST_MIN_SIZE - 1]
    for encoding, data in (("br", small), ("gzip", LARGE), ("zstd", LARGE)):
        body = files.get(f"etag-{encoding}", encoding, data)
        assert files.get(f"etag-{encoding}", encoding, data) is body
    assert files._to_improve is None  # nothing was queued: no thread of its own was started


def test_smaller_files_are_compressed_again_first(monkeypatch):
    order = []
    compress = brotli.compress

    def recording(data, quality):
        if quality == static_files.BEST_BROTLI_QUALITY:
            order.append(len(data))
        return compress(data, quality=quality)

    monkeypatch.setattr(static_files.brotli, "compress", recording)
    files = static_files.CompressedFiles()
    sizes = {"big": LARGE * 2, "medium": LARGE, "small": LARGE[: static_files.BEST_MIN_SIZE]}
    bodies = {name: files.get(name, "br", data) for name, data in sizes.items()}  # queued in this order
    deadline = time.monotonic() + 120
    while any(files.get(name, "br", data) == bodies[name] for name, data in sizes.items()):
        assert time.monotonic() < deadline, "not all compressed again at brotli 11"
        time.sleep(0.05)
    assert order.index(len(sizes["small"])) < order.index(len(sizes["medium"]))
