"""Memory: what linting holds grows with the text by a bounded factor, the default
max-document-size keeps one document's memory bounded, and a JSONL line above the limit is
refused while it is read, never held whole (a gzip bomb of one huge line costs nothing).

Peak memory is the peak resident set size of a real ``lintnews check`` process (``os.wait4``),
compared between sizes within one test: no absolute figure depends on the machine."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import orjson

from lintnews.config import DEFAULT_MAX_DOCUMENT_SIZE

MB = 1_000_000


def peak_rss(args: list[str], cwd: Path) -> tuple[int, int, str, str]:
    """(exit code, peak RSS in bytes, stdout, stderr) of ``lintnews check ARGS``."""
    out, err = cwd / "stdout.txt", cwd / "stderr.txt"
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lintnews", "check", "--isolated", "--no-cache", *args],
            cwd=cwd,
            stdout=fo,
            stderr=fe,
            stdin=subprocess.DEVNULL,
        )
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, usage.ru_maxrss * 1024, out.read_text(), err.read_text()


def test_memory_grows_by_a_bounded_factor_and_the_default_limit_bounds_it(tmp_path: Path) -> None:
    # One-letter lines are the worst case per byte: every line is a block of its own. They took
    # ~400 bytes of memory per byte of text (8 MB of short lines: 3.0 GB).
    (tmp_path / "tiny.txt").write_text("Talks resumed in Geneva on Monday.\n")
    (tmp_path / "half.txt").write_text("a\n" * (MB // 10))
    (tmp_path / "one.txt").write_text("a\n" * (MB // 5))
    code, base, _, err = peak_rss(["--exit-zero", "tiny.txt"], tmp_path)
    assert code == 0, err
    _, half, _, _ = peak_rss(["--exit-zero", "half.txt"], tmp_path)
    _, one, _, _ = peak_rss(["--exit-zero", "one.txt"], tmp_path)
    print(f"peak RSS: {base >> 20} MB, {half >> 20} MB, {one >> 20} MB")
    per_byte = (one - half) / (MB / 5)
    assert per_byte < 250, (base, half, one)
    assert (half - base) / (MB / 5) < 250, (base, half, one)
    # At the default max-document-size, a document of the worst shape stays under 2 GB.
    assert per_byte * DEFAULT_MAX_DOCUMENT_SIZE < 2 * 1024**3, per_byte


def test_a_gzip_bomb_of_one_huge_line_is_refused_while_it_is_read(tmp_path: Path) -> None:
    corpus = tmp_path / "bomb.jsonl.gz"
    huge = 120 * MB
    with gzip.open(corpus, "wb", compresslevel=1) as fh:  # 120 MB in ~120 KB
        fh.write(orjson.dumps({"id": "small-1", "text": "The talks resumed on Monday.\nRead more:"}) + b"\n")
        fh.write(b'{"id": "huge", "text": "')
        block = b"a" * MB
        for _ in range(huge // MB):
            fh.write(block)
        fh.write(b'"}\n')
        fh.write(orjson.dumps({"id": "small-2", "text": "The talks resumed in Geneva on Monday."}) + b"\n")
    assert corpus.stat().st_size < 2 * MB
    (tmp_path / "tiny.txt").write_text("Talks resumed in Geneva on Monday.\n")
    _, base, _, _ = peak_rss(["--exit-zero", "tiny.txt"], tmp_path)
    code, peak, out, err = peak_rss(["--max-document-size", "1MB", "bomb.jsonl.gz"], tmp_path)
    assert code == 2
    assert err.splitlines() == [
        "lintnews: error: bomb.jsonl.gz:2 (record huge): document too large to lint: 120 MB "
        "(max-document-size is 1 MB; raise it with --max-document-size)"
    ]
    assert "bomb.jsonl.gz#small-1:2:1: S001" in out  # the records around it are linted
    assert "Found 1 diagnostic (1 warning) in 1 of 2 documents." in out
    # At most the limit of the line is ever held (it held the whole line, and copies of it).
    assert peak - base < 60 * MB, (base, peak)


def test_a_record_above_the_limit_is_copied_to_the_outputs_without_being_held(tmp_path: Path) -> None:
    lines = [
        orjson.dumps({"id": "a", "text": "The talks resumed on Monday.\nRead more:"}),
        b'{"id": "big", "text": "' + b"word " * (600_000) + b'"}',
        orjson.dumps({"id": "c", "text": "The talks resumed in Geneva on Monday."}),
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(b"\n".join(lines) + b"\n")
    limit = ["--max-document-size", "1MB"]
    code, _, _, err = peak_rss([*limit, "--fix", "--output-dir", "out", "c.jsonl"], tmp_path)
    assert code == 2, err
    assert (tmp_path / "out" / "c.jsonl").read_bytes() == b"\n".join(
        [orjson.dumps({"id": "a", "text": "The talks resumed on Monday."}), lines[1], lines[2]]
    ) + b"\n"
    code, _, _, err = peak_rss(
        [*limit, "--accepted-output", "ok.jsonl", "--rejected-output", "bad.jsonl", "c.jsonl"], tmp_path
    )
    assert code == 2, err
    assert (tmp_path / "bad.jsonl").read_bytes() == lines[1] + b"\n"
    assert (tmp_path / "ok.jsonl").read_bytes() == lines[0] + b"\n" + lines[2] + b"\n"
