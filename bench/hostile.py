"""Hostile and broken input: what the real ``lintnews check`` does with each, timed.

Every case builds its input in a temporary folder and runs ``python -m lintnews check --isolated
--no-cache --format json`` on it in a child process, with a time limit, and records the exit code,
the first ``lintnews: error:`` line (or the number of diagnostics), whether a Python traceback
reached stderr, the wall time and the peak resident memory of the child and its workers
(``os.wait4``'s ``ru_maxrss``). A run that hits the time limit is killed and reported as a hang.

Then every regular expression lintnews runs is timed against adversarial strings (see
`regex_check`): the patterns of every pack and every compiled regex at module level (and in class
bodies) of ``lintnews/*.py`` and ``rules/*.py``. A pattern whose time more than triples when its
input doubles is reported as superlinear.

Usage::

    python bench/hostile.py                      # everything: 1,000,000 files, 200 MB document
    python bench/hostile.py --files 20000 --big-mb 50 --skip-regex   # a quicker run
    python bench/hostile.py --only fifo,empty-file --keep             # some cases, keep the inputs

Prints Markdown tables (the README's "Hostile input" section is one run of this). Exit code 1
when a case crashed (traceback), hung or exited with an unexpected code, or a regex is superlinear.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import random
import re
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
#: Set by --pythonpath: run another checkout's lintnews (a before/after comparison).
PYTHONPATH = ""
CLI = [sys.executable, "-m", "lintnews", "check", "--isolated", "--no-cache", "--format", "json"]
#: lintnews's default max-document-size (lintnews.config.DEFAULT_MAX_DOCUMENT_SIZE).
MAX_DOCUMENT_SIZE = 10_000_000

# --- real-shaped prose -------------------------------------------------------------------------

_SUBJECTS = [
    "The city council",
    "Dock workers at the northern terminal",
    "The regional health authority",
    "A spokesperson for the ministry",
    "Residents of the old harbour district",
    "The transport union",
    "Analysts at the central bank",
    "The school board",
    "Farmers in the valley",
    "The mayor's office",
    "Opposition lawmakers",
    "The river authority",
    "Emergency crews",
    "The football club's owners",
]
_VERBS = [
    "said on Tuesday that",
    "confirmed late on Friday that",
    "warned in a statement that",
    "told reporters after the meeting that",
    "argued in a letter to members that",
    "acknowledged during the hearing that",
    "announced this morning that",
]
_CLAIMS = [
    "the budget for road repairs would rise by {n} percent next year",
    "talks over the new contract would resume after a pause of {n} days",
    "water levels had fallen below the seasonal average for the {o} week in a row",
    "about {n},000 households were still without power after the storm",
    "the inquiry would publish its findings before the end of the {o} quarter",
    "ticket prices on the coastal line would stay frozen until {y}",
    "inspectors found cracks in {n} of the bridge's support beams",
    "the plan had been drafted without consulting the families most affected",
    "enrolment at the vocational college had doubled since {y}",
    "the harvest was expected to be the smallest since {y}",
]
_TAILS = [
    "",
    "",
    "",
    " Officials did not say how the measure would be paid for.",
    " Critics called the timing unfortunate.",
    " A vote is expected next month.",
    " The figures could not be independently verified.",
    " Local businesses welcomed the news.",
]
_ORDINALS = ["second", "third", "fourth", "fifth", "sixth"]


def prose(rng: random.Random, target_bytes: int, newline: str = "\n\n") -> str:
    """Paragraphs of news prose (three to six sentences each), about ``target_bytes`` long."""
    parts: list[str] = []
    size = 0
    while size < target_bytes:
        sentences = []
        for _ in range(rng.randint(3, 6)):
            claim = rng.choice(_CLAIMS).format(
                n=rng.randint(2, 97), o=rng.choice(_ORDINALS), y=rng.randint(1961, 2019)
            )
            sentences.append(f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {claim}.{rng.choice(_TAILS)}")
        para = " ".join(sentences)
        parts.append(para)
        size += len(para) + len(newline)
    return newline.join(parts) + "\n"


def article(rng: random.Random, paragraphs: int = 4) -> str:
    return "Harbour talks resume after a week of strikes\n\n" + prose(rng, 250 * paragraphs)


# --- running the CLI ---------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    description: str
    #: Builds the input under the given folder; returns the CLI arguments after ``check``.
    build: Callable[[Path, argparse.Namespace], list[str]]
    #: Exit codes that are acceptable (what a user should get).
    expect: tuple[int, ...] = (2,)
    timeout: float = 120
    #: Run the CLI without the capabilities that let root read any file.
    no_dac: bool = False
    #: Python code run before the CLI's ``main()`` (for races that need a hook).
    prelude: str | None = None
    note: str = ""


@dataclass
class Outcome:
    case: Case
    code: int | None
    wall: float
    maxrss_kb: int
    stderr: str
    diagnostics: int | None
    codes: dict[str, int] = field(default_factory=dict)
    hung: bool = False
    skipped: str = ""
    input_bytes: int = 0

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr

    @property
    def errors(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("lintnews: error:")]

    @property
    def ok(self) -> bool:
        return bool(self.skipped) or (not self.hung and not self.traceback and self.code in self.case.expect)


def run_cli(case: Case, args: list[str], workdir: Path, mem_limit_gb: float, prefix: list[str]) -> Outcome:
    out_path, err_path = workdir / f"{case.name}.stdout", workdir / f"{case.name}.stderr"
    if case.prelude:
        code = (
            case.prelude
            + "\nimport sys\nfrom lintnews.cli import main\nsys.argv = ['lintnews', 'check', *sys.argv[1:]]\nmain()\n"
        )
        argv = [sys.executable, "-c", code, *CLI[4:], *args]
    else:
        argv = [*CLI, *args]
    argv = [*prefix, *argv]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"}
    if PYTHONPATH:
        env["PYTHONPATH"] = PYTHONPATH
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter()
        limit = int(mem_limit_gb * (1 << 30))

        def cap() -> None:  # a runaway read must not take the machine down with it
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        proc = subprocess.Popen(
            argv,
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            cwd=workdir,
            env=env,
            start_new_session=True,
            preexec_fn=cap,
        )
        hung = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > case.timeout:
                hung = True
                os.killpg(proc.pid, signal.SIGKILL)  # the child's own session: it and its workers
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = err_path.read_text(errors="replace")
    diagnostics: int | None = None
    codes: dict[str, int] = {}
    if not hung and out_path.stat().st_size:
        try:
            found = json.loads(out_path.read_bytes())
            diagnostics = len(found)
            for d in found:
                codes[d["code"]] = codes.get(d["code"], 0) + 1
        except (json.JSONDecodeError, KeyError, TypeError):
            pass
    return Outcome(
        case, None if hung else proc.returncode, wall, usage.ru_maxrss, stderr, diagnostics, codes, hung
    )


# --- the cases ---------------------------------------------------------------------------------


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _jsonl(records: list[dict[str, object]]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode("utf-8") + b"\n" for r in records)


def _good(d: Path) -> Path:
    """A well-formed article next to the hostile input, with one known defect (a "Read more:"
    line, S001): the diagnostic shows that the other inputs were still linted."""
    return _write(d / "good.txt", article(random.Random(1)) + "\nRead more:\n")


def b_binary(d: Path, a: argparse.Namespace) -> list[str]:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(
        random.Random(2).randrange(256) for _ in range(50_000)
    )
    return [str(_write(d / "photo.txt", png)), str(_good(d))]


def b_nul_early(d: Path, a: argparse.Namespace) -> list[str]:
    text = article(random.Random(3)).encode()
    return [str(_write(d / "story.txt", text[:200] + b"\x00\x00\x00" + text[200:])), str(_good(d))]


def b_nul_late(d: Path, a: argparse.Namespace) -> list[str]:
    text = (article(random.Random(4), 60)).encode()
    return [str(_write(d / "story.txt", text + b"Tail\x00\x00 of the page.\n"))]


def b_utf8_stray(d: Path, a: argparse.Namespace) -> list[str]:
    text = "Die Brücke über die Förde wird gesperrt, teilte die Behörde mit. Grüße aus Kiel. Übermorgen.\n"
    return [str(_write(d / "bruecke.txt", text.encode() * 3 + b"Ende\xff.\n"))]


def b_latin1(d: Path, a: argparse.Namespace) -> list[str]:
    text = "Die Brücke über die Förde wird gesperrt, teilte die Behörde mit. Grüße aus Kiel.\n"
    return [str(_write(d / "bruecke.txt", text.encode("latin-1") * 5))]


def b_not_text(d: Path, a: argparse.Namespace) -> list[str]:
    noise = bytes((i * 7919) % 255 + 1 for i in range(40_000))  # no NUL, no charset fits
    return [str(_write(d / "noise.txt", noise)), str(_good(d))]


def b_mixed_jsonl(d: Path, a: argparse.Namespace) -> list[str]:
    rng = random.Random(5)
    lines = []
    for i in range(6):
        rec = {"id": f"r{i}", "text": "Straße gesperrt. " + prose(rng, 300)}
        line = json.dumps(rec, ensure_ascii=False)
        lines.append(line.encode("latin-1" if i in (2, 4) else "utf-8"))
    return [str(_write(d / "mixed.jsonl", b"\n".join(lines) + b"\n"))]


def b_jsonl_utf16(d: Path, a: argparse.Namespace) -> list[str]:
    rng = random.Random(23)
    data = _jsonl([{"id": f"r{i}", "text": prose(rng, 300)} for i in range(50)]).decode("utf-8")
    return [str(_write(d / "export.jsonl", data.encode("utf-16"))), str(_good(d))]


def b_jsonl_bad_json(d: Path, a: argparse.Namespace) -> list[str]:
    rng = random.Random(6)
    good = _jsonl([{"id": "a", "text": prose(rng, 400)}])
    return [str(_write(d / "c.jsonl", good + b'{"id": "b", "text": "unterminated\n' + good))]


def b_jsonl_no_text(d: Path, a: argparse.Namespace) -> list[str]:
    rng = random.Random(7)
    return [
        str(
            _write(
                d / "c.jsonl",
                _jsonl([{"id": "a", "title": "Only a title"}, {"id": "b", "text": prose(rng, 400)}]),
            )
        )
    ]


def b_jsonl_text_not_str(d: Path, a: argparse.Namespace) -> list[str]:
    rng = random.Random(8)
    return [
        str(
            _write(
                d / "c.jsonl",
                _jsonl([{"id": "a", "text": ["a", "list"]}, {"id": "b", "text": prose(rng, 400)}]),
            )
        )
    ]


def b_jsonl_not_object(d: Path, a: argparse.Namespace) -> list[str]:
    return [
        str(_write(d / "c.jsonl", b'["a", "list"]\n42\n' + _jsonl([{"text": article(random.Random(9))}])))
    ]


def b_empty_file(d: Path, a: argparse.Namespace) -> list[str]:
    return [str(_write(d / "empty.txt", b"")), str(_good(d))]


def b_whitespace(d: Path, a: argparse.Namespace) -> list[str]:
    return [str(_write(d / "blank.md", b" \n\t\n\r\n   \n")), str(_good(d))]


def b_empty_jsonl(d: Path, a: argparse.Namespace) -> list[str]:
    return [str(_write(d / "empty.jsonl", b"")), str(_good(d))]


def b_blank_jsonl(d: Path, a: argparse.Namespace) -> list[str]:
    return [str(_write(d / "blank.jsonl", b"\n\n  \n")), str(_good(d))]


def b_empty_text_record(d: Path, a: argparse.Namespace) -> list[str]:
    return [
        str(
            _write(
                d / "c.jsonl",
                _jsonl(
                    [
                        {"id": "a", "text": ""},
                        {"id": "b", "text": "  \n "},
                        {"id": "c", "text": article(random.Random(10))},
                    ]
                ),
            )
        )
    ]


def b_unclosed_markup_md(d: Path, a: argparse.Namespace) -> list[str]:
    body = "Talks resumed on Monday. <!-- lintnews: disable=D001 " * 20_000
    return [str(_write(d / "comments.md", article(random.Random(22)) + body + "\n"))]


def b_unclosed_markup_html(d: Path, a: argparse.Namespace) -> list[str]:
    body = "".join(
        f"<p>Talks resumed on day {i}.<{tag}>" for i in range(20_000) for tag in ("svg", "noscript", "select")
    )
    return [str(_write(d / "unclosed.html", "<html><body>" + body + "<!-- lintnews: disable=D001 " * 5_000))]


def b_pathological_runs(d: Path, a: argparse.Namespace) -> list[str]:
    """Lines built around runs of 200,000 characters where a careless regex backtracks."""
    r = 200_000
    lines = [
        "Harbour talks resume after a week of strikes",
        "",
        "The union said " + "x" * r + " and then left.",
        "",  # a huge token, then more words
        "Officials said" + " " * r + "nothing more.",
        "",  # a huge run of spaces
        "Home " + " " * r + "› News",
        "",  # breadcrumb separator after a run of spaces
        "| Name | Role |",
        "|" + " " * r + "x |",
        "",  # table separator line that is all spaces
        "Pregunta" + " " * r + "x",
        "",  # FAQ label
        "Bibliography" + " " * r + "x",
        "",  # reference heading
        "Why did talks fail?" + " " * r + "x",
        "",
        "The talks ended" + "." * r + "x",
        "",
        "<!-- lintnews: disable=D001" + " " * r + "D002 -- " + " " * r + "wire copy -->",
        "",
        "Dock workers voted" + " " * r + "…",
    ]
    return [str(_write(d / "runs.md", "\n".join(lines) + "\n"))]


def _big(mb: int, options: tuple[str, ...] = ()) -> Callable[[Path, argparse.Namespace], list[str]]:
    def build(d: Path, a: argparse.Namespace) -> list[str]:
        path = d / f"big-{mb}mb.txt"
        rng = random.Random(11)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("Harbour talks resume after a week of strikes\n\n")
            for _ in range(mb):
                fh.write(prose(rng, 1 << 20))
                fh.write("\n")
        return [*options, str(path)]

    return build


def b_long_line(d: Path, a: argparse.Namespace) -> list[str]:
    text = prose(random.Random(12), 10 << 20, newline=" ").rstrip("\n")
    return ["--max-document-size", "0", str(_write(d / "one-line.txt", text))]  # (above the default)


def b_deep_html(d: Path, a: argparse.Namespace) -> list[str]:
    depth = 10_000
    page = (
        "<html><body>"
        + "<div>" * depth
        + "<p>Dock workers voted to end the strike.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    return [str(_write(d / "deep.html", page))]


def b_deep_html_unclosed(d: Path, a: argparse.Namespace) -> list[str]:
    page = "<html><body>" + "<div><span>Talks resumed." * 10_000
    return [str(_write(d / "deep-open.html", page))]


def b_truncated_gzip(d: Path, a: argparse.Namespace) -> list[str]:
    rng = random.Random(13)
    packed = gzip.compress(_jsonl([{"id": f"r{i}", "text": prose(rng, 600)} for i in range(400)]), mtime=0)
    return [str(_write(d / "c.jsonl.gz", packed[: len(packed) // 2]))]


def b_not_gzip(d: Path, a: argparse.Namespace) -> list[str]:
    return [str(_write(d / "c.jsonl.gz", _jsonl([{"text": article(random.Random(14))}]))), str(_good(d))]


def b_unreadable(d: Path, a: argparse.Namespace) -> list[str]:
    path = _write(d / "secret.txt", article(random.Random(15)))
    path.chmod(0)
    folder = d / "folder"
    _write(folder / "locked" / "story.txt", article(random.Random(24)))
    _write(folder / "hidden.md", article(random.Random(25))).chmod(0)
    (folder / "locked").chmod(0)
    good = _good(d)
    d.chmod(0o755)
    return [str(path), str(folder), str(good)]


def b_broken_symlink(d: Path, a: argparse.Namespace) -> list[str]:
    (d / "gone.txt").symlink_to(d / "nowhere.txt")
    (d / "folder").mkdir()
    (d / "folder" / "gone.md").symlink_to(d / "nowhere.md")
    return [str(d / "gone.txt"), str(d / "folder"), str(_good(d))]


def b_symlink_loop(d: Path, a: argparse.Namespace) -> list[str]:
    (d / "a.txt").symlink_to(d / "b.txt")
    (d / "b.txt").symlink_to(d / "a.txt")
    (d / "folder").mkdir()
    (d / "folder" / "up").symlink_to(d / "folder")  # a folder link cycle: links are not followed
    _write(d / "folder" / "story.txt", article(random.Random(16)))
    return [str(d / "a.txt"), str(d / "folder")]


def b_many_files(d: Path, a: argparse.Namespace) -> list[str]:
    folder = d / "corpus"
    folder.mkdir()
    rng = random.Random(17)
    bodies = [article(rng, 2).encode() for _ in range(500)]
    for i in range(a.files):
        with open(folder / f"article-{i:07d}.txt", "wb") as fh:
            fh.write(bodies[i % len(bodies)].replace(b"Harbour", b"Harbour %d" % i, 1))
    return [str(folder), "--no-corpus"] + (["-j", str(a.jobs)] if a.jobs else [])


def b_big_records(d: Path, a: argparse.Namespace) -> list[str]:
    rng = random.Random(18)
    path = d / "big-records.jsonl"
    with open(path, "wb") as fh:
        for i in range(a.big_records):
            fh.write(json.dumps({"id": f"r{i}", "text": prose(rng, 1 << 20)}).encode() + b"\n")
    return [str(path)]


def b_dir_as_config(d: Path, a: argparse.Namespace) -> list[str]:
    (d / "conf").mkdir()
    return ["--config", str(d / "conf"), str(_good(d))]


def b_dir_as_output(d: Path, a: argparse.Namespace) -> list[str]:
    (d / "report").mkdir()
    return ["-o", str(d / "report"), str(_good(d))]


def b_dir_named_like_file(d: Path, a: argparse.Namespace) -> list[str]:
    _write(d / "story.txt" / "inner.txt", article(random.Random(19)))
    return [str(d / "story.txt")]


def b_fifo(d: Path, a: argparse.Namespace) -> list[str]:
    os.mkfifo(d / "pipe.txt")
    (d / "folder").mkdir()
    os.mkfifo(d / "folder" / "pipe.jsonl")
    _write(d / "folder" / "story.txt", article(random.Random(20)))
    return [str(d / "pipe.txt"), str(d / "folder")]


def b_device(d: Path, a: argparse.Namespace) -> list[str]:
    return ["/dev/zero", "/dev/null", str(_good(d))]


def b_sparse_zeros(d: Path, a: argparse.Namespace) -> list[str]:
    path = d / "zeros.txt"
    with open(path, "wb") as fh:
        fh.truncate(4 << 30)  # 4 GB of NUL bytes that take no disk space
    return [str(path), str(_good(d))]


_VANISH = """
import os
_scandir = os.scandir
class _Vanishing:
    # Lists a folder, then deletes vanish.txt right after the listing returned it.
    def __init__(self, path='.'):
        self.it = _scandir(path)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self.it.close()
    def close(self):
        self.it.close()
    def __iter__(self):
        for entry in self.it:
            yield entry
            if entry.name.startswith('vanish'):
                os.remove(entry.path)
    def __next__(self):
        entry = next(self.it)
        if entry.name.startswith('vanish'):
            os.remove(entry.path)
        return entry
os.scandir = _Vanishing
"""


def b_vanishing(d: Path, a: argparse.Namespace) -> list[str]:
    folder = d / "corpus"
    rng = random.Random(21)
    _write(folder / "a-story.txt", article(rng))
    _write(folder / "vanish.txt", article(rng))
    _write(folder / "vanish.jsonl", _jsonl([{"text": article(rng)}]))
    _write(folder / "z-story.txt", article(rng))
    return [str(folder)]


def b_gzip_binary(d: Path, a: argparse.Namespace) -> list[str]:
    return [
        str(_write(d / "c.jsonl.gz", gzip.compress(random.Random(26).randbytes(100_000), mtime=0))),
        str(_good(d)),
    ]


def cases(a: argparse.Namespace) -> list[Case]:
    big_timeout = max(600.0, a.big_mb * 6.0)
    return [
        Case("binary", "binary file (PNG bytes named .txt)", b_binary),
        Case("nul-early", "NUL bytes in the first 8,000 characters", b_nul_early),
        Case("nul-late", "stray NUL bytes late in a text file", b_nul_late, expect=(0, 1)),
        Case("utf8-stray", "invalid UTF-8: one stray byte in UTF-8 text", b_utf8_stray, expect=(0, 1)),
        Case("latin1", "Latin-1 text file", b_latin1, expect=(0, 1)),
        Case("no-charset", "bytes no charset fits (no NUL)", b_not_text),
        Case("jsonl-mixed", "mixed encodings in one JSONL (UTF-8 and Latin-1 records)", b_mixed_jsonl),
        Case("jsonl-not-json", "JSONL line that is not JSON", b_jsonl_bad_json),
        Case("jsonl-not-object", "JSONL lines that are JSON but not objects", b_jsonl_not_object),
        Case("jsonl-no-text", "JSONL record lacking the text field", b_jsonl_no_text),
        Case("jsonl-text-not-str", "JSONL record whose text is not a string", b_jsonl_text_not_str),
        Case("jsonl-empty-text", "JSONL records with empty or blank text", b_empty_text_record),
        Case("jsonl-utf16", "JSONL saved as UTF-16 (PowerShell's `>`)", b_jsonl_utf16),
        Case("empty-file", "empty file (0 bytes)", b_empty_file),
        Case("whitespace-file", "file with only whitespace", b_whitespace),
        Case("empty-jsonl", "empty JSONL (0 bytes)", b_empty_jsonl),
        Case("blank-jsonl", "JSONL with only blank lines", b_blank_jsonl),
        Case(
            "big-20mb",
            "single document of 20 MB (prose paragraphs) with `--max-document-size 0`",
            _big(20, ("--max-document-size", "0")),
            expect=(0, 1),
            timeout=big_timeout,
        ),
        # Above max-document-size (default 10 MB) a document is refused from its size; the
        # "nolimit" case lints it anyway (--max-document-size 0), to measure time and memory.
        Case(
            f"big-{a.big_mb}mb",
            f"single document of {a.big_mb} MB (prose paragraphs)",
            _big(a.big_mb),
            expect=(2,) if a.big_mb << 20 > MAX_DOCUMENT_SIZE else (0, 1),
            timeout=big_timeout,
        ),
        Case(
            f"big-{a.big_mb}mb-nolimit",
            f"single document of {a.big_mb} MB with `--max-document-size 0`",
            _big(a.big_mb, ("--max-document-size", "0")),
            expect=(0, 1),
            timeout=big_timeout,
        ),
        Case("long-line", "10 MB line with no newline", b_long_line, expect=(0, 1), timeout=600),
        Case(
            "big-records",
            f"JSONL of {a.big_records} records of 1 MB each",
            b_big_records,
            expect=(0, 1),
            timeout=600,
        ),
        Case("deep-html", "HTML nested 10,000 levels deep", b_deep_html, expect=(0, 1)),
        Case("deep-html-open", "HTML with 20,000 unclosed nested tags", b_deep_html_unclosed, expect=(0, 1)),
        Case(
            "unclosed-md",
            "Markdown with 20,000 unclosed `<!--` (and a lintnews directive)",
            b_unclosed_markup_md,
            expect=(0, 1),
        ),
        Case(
            "unclosed-html",
            "HTML with 20,000 each of unclosed `<svg>`, `<noscript>`, `<select>` and 5,000 `<!--`",
            b_unclosed_markup_html,
            expect=(0, 1),
        ),
        Case(
            "pathological-runs",
            "Markdown lines with 200,000-character runs (spaces, dots, one word) next to "
            "table, FAQ, breadcrumb, heading and directive syntax",
            b_pathological_runs,
            expect=(0, 1),
        ),
        Case("truncated-gzip", "truncated .jsonl.gz", b_truncated_gzip),
        Case("not-gzip", ".jsonl.gz that is not gzip", b_not_gzip),
        Case("gzip-binary", ".jsonl.gz holding binary data", b_gzip_binary),
        Case(
            "unreadable",
            "unreadable file and folder (chmod 000; named, and in a folder; run as root without CAP_DAC_OVERRIDE)",
            b_unreadable,
            no_dac=True,
        ),
        Case("broken-symlink", "broken symbolic link (named, and in a folder)", b_broken_symlink),
        Case("symlink-loop", "symbolic link loop (file links, folder link to itself)", b_symlink_loop),
        Case(
            "many-files",
            f"folder with {a.files:,} small files",
            b_many_files,
            expect=(0, 1),
            timeout=a.files_timeout,
        ),
        Case("dir-as-config", "a folder passed to --config", b_dir_as_config),
        Case("dir-as-output", "a folder passed to -o/--output", b_dir_as_output),
        Case("dir-named-file", "a folder named story.txt", b_dir_named_like_file, expect=(0, 1)),
        Case("fifo", "named pipe with no writer (named, and in a folder)", b_fifo, timeout=60),
        Case("device", "device files (/dev/zero, /dev/null)", b_device, timeout=60),
        Case("sparse-zeros", "4 GB sparse file of NUL bytes", b_sparse_zeros, timeout=120),
        Case("vanishing", "files deleted between listing and reading", b_vanishing, prelude=_VANISH),
    ]


_NO_DAC = [
    "setpriv",
    "--inh-caps=-dac_override,-dac_read_search",
    "--bounding-set=-dac_override,-dac_read_search",
    "--",
]


def drop_dac(workdir: Path) -> tuple[list[str], str]:
    """How to run the CLI so that file permissions apply to it, or why that cannot be done.

    Root reads anything because of two capabilities (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH);
    ``setpriv`` drops them for the child, which stays root and can still reach the Python
    install (switching to ``nobody`` would lose it when it lives under /root)."""
    if os.geteuid() != 0:
        return [], ""
    if shutil.which("setpriv") is None:
        return [], "untestable as root: no setpriv to drop the capabilities that let root read anything"
    probe = workdir / ".probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        res = subprocess.run(
            [*_NO_DAC, sys.executable, "-c", f"open({str(probe)!r}).read()"], capture_output=True
        )
    finally:
        probe.unlink()
    if b"PermissionError" not in res.stderr:
        return [], "untestable as root: dropping CAP_DAC_OVERRIDE did not make a chmod 000 file unreadable"
    return _NO_DAC, ""


def describe(o: Outcome) -> str:
    if o.skipped:
        return f"skipped: {o.skipped}"
    if o.hung:
        return f"**HUNG**: killed after {o.case.timeout:.0f} s"
    parts = [f"exit {o.code}"]
    if o.traceback:
        parts.append("**TRACEBACK**")
    errors = o.errors
    if errors:
        shown = [e.removeprefix("lintnews: error: ") for e in errors[:3]]
        shown = [s if len(s) < 160 else s[:157] + "…" for s in shown]
        shown = [re.sub(r"[^\s'\"`]*/lintnews-hostile-[^/]+/[^/]+/", "…/", s) for s in shown]
        more = f" (+{len(errors) - 3} more)" if len(errors) > 3 else ""
        parts.append("; ".join(f"`` {s} ``" for s in shown) + more)
    if o.diagnostics is not None:
        top = ", ".join(f"{c} {n}" for c, n in sorted(o.codes.items(), key=lambda kv: -kv[1])[:4])
        parts.append(f"{o.diagnostics} diagnostics" + (f" ({top})" if top else ""))
    elif not errors:
        tail = o.stderr.strip().splitlines()[-1:] or ["no output"]
        parts.append(f"`` {tail[0][:160]} ``")
    if o.code not in o.case.expect:
        parts.append(f"**expected exit {'/'.join(map(str, o.case.expect))}**")
    return ", ".join(parts)


def human_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return str(n)


def tree_size(args: list[str]) -> int:
    total = 0
    for a in args:
        p = Path(a)
        if not p.is_absolute() or not os.path.lexists(p):
            continue
        try:
            st = p.stat()
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode):
            total += st.st_blocks * 512 if st.st_blocks * 512 < st.st_size // 2 else st.st_size
        elif stat.S_ISDIR(st.st_mode):
            for root, _dirs, files in os.walk(p):
                for f in files:
                    try:
                        total += os.lstat(os.path.join(root, f)).st_size
                    except OSError:
                        pass
    return total


def run_cases(a: argparse.Namespace) -> list[Outcome]:
    top = Path(tempfile.mkdtemp(prefix="lintnews-hostile-", dir=a.tmp))
    top.chmod(0o755)  # the unreadable case runs as another user, who must reach its folder
    outcomes = []
    try:
        for case in cases(a):
            if a.only and case.name not in a.only:
                continue
            if a.timeout:
                case.timeout = a.timeout
            d = top / case.name
            d.mkdir()
            print(f"[{time.strftime('%H:%M:%S')}] {case.name} ...", file=sys.stderr, flush=True)
            t0 = time.perf_counter()
            args = case.build(d, a)
            built = time.perf_counter() - t0
            prefix: list[str] = []
            if case.no_dac:
                prefix, why = drop_dac(top)
                if why:
                    outcomes.append(Outcome(case, None, 0, 0, "", None, skipped=why))
                    continue
            o = run_cli(case, args, d, a.mem_limit, prefix)
            o.input_bytes = tree_size(args)
            outcomes.append(o)
            print(
                f"    built in {built:.1f} s; {describe(o)}; {o.wall:.2f} s; {o.maxrss_kb / 1024:.0f} MB",
                file=sys.stderr,
                flush=True,
            )
            if not a.keep:
                for p in sorted(d.rglob("*"), reverse=True):  # chmod 000 files, links, pipes: remove all
                    if p.is_symlink() or not p.is_dir():
                        p.unlink()
                    else:
                        p.chmod(0o755)
                        p.rmdir()
    finally:
        if a.keep:
            print(f"inputs kept in {top}", file=sys.stderr)
        else:
            shutil.rmtree(top, ignore_errors=True)
    return outcomes


def print_cases(outcomes: list[Outcome], a: argparse.Namespace) -> None:
    print("| input | what lintnews does | input size | wall time | peak memory |")
    print("|---|---|--:|--:|--:|")
    for o in outcomes:
        size = human_size(o.input_bytes) if o.input_bytes else "–"
        wall = "–" if o.skipped else f"{o.wall:.2f} s"
        mem = "–" if o.skipped else f"{o.maxrss_kb / 1024:.0f} MB"
        print(f"| {o.case.description} | {describe(o)} | {size} | {wall} | {mem} |")
    by = {o.case.name: o for o in outcomes}
    small, big = by.get("big-20mb"), by.get(f"big-{a.big_mb}mb-nolimit")
    if small and big and not small.skipped and not big.skipped and a.big_mb != 20:
        scale = a.big_mb / 20
        print()
        print(
            f"Single document: {a.big_mb} MB takes {big.wall / small.wall:.2f}× the time of 20 MB "
            f"(input {scale:.0f}× larger; linear would be {scale:.0f}×, so time per MB changes by "
            f"{big.wall / small.wall / scale:.2f}×); memory {big.maxrss_kb / max(small.maxrss_kb, 1):.2f}×."
        )
    many = by.get("many-files")
    if many and not many.skipped and not many.hung:
        print(
            f"\nFolder of {a.files:,} files: {a.files / many.wall:,.0f} files/s, peak memory "
            f"{many.maxrss_kb / 1024:.0f} MB (largest process)."
        )


# --- adversarial regexes -----------------------------------------------------------------------


@dataclass
class Pattern:
    where: str
    regex: re.Pattern[str]
    #: How lintnews applies it: "fullmatch" (pack entries, against a line key), "match" (only
    #: ever ``.match``/``.fullmatch``: one start position) or "scan" (search, finditer, sub, split:
    #: every start position, timed with finditer).
    mode: str


def _usage(source: str, attr: str) -> str:
    """``match`` when every use of ``attr`` in ``source`` is ``.match(``/``.fullmatch(``, else ``scan``."""
    methods = set(re.findall(rf"\b{re.escape(attr)}\.(\w+)\(", source))
    return "match" if methods and methods <= {"match", "fullmatch"} else "scan"


def collect_patterns() -> list[Pattern]:
    import importlib
    import inspect
    import pkgutil

    import lintnews.rules

    import lintnews
    import lintnews.reporters
    from lintnews.config import Settings
    from lintnews.packs import compile_entries, load_packs

    found: list[Pattern] = []
    seen: set[tuple[str, int]] = set()

    def add(where: str, rx: re.Pattern[str], mode: str) -> None:
        if (rx.pattern, rx.flags) in seen or not isinstance(rx.pattern, str):  # type: ignore[comparison-overlap]
            return
        seen.add((rx.pattern, rx.flags))  # type: ignore[arg-type]
        found.append(Pattern(where, rx, mode))

    packs = load_packs(Settings())
    for lang, rules in sorted(packs.by_language.items()):
        for rule, entries in sorted(rules.items()):
            for entry in entries:
                for p in entry.patterns:
                    add(f"{Path(entry.source.split(' entry ')[0]).name}: {rule}", re.compile(p), "fullmatch")
            combined = compile_entries(entries).regex
            if combined is not None:
                add(f"packs {lang}/{rule} (all entries, one alternation)", combined, "fullmatch")
    modules = [m.name for m in pkgutil.iter_modules(lintnews.__path__, "lintnews.")]
    modules += [m.name for m in pkgutil.walk_packages(lintnews.rules.__path__, "lintnews.rules.")]
    modules += [m.name for m in pkgutil.iter_modules(lintnews.reporters.__path__, "lintnews.reporters.")]
    for name in sorted(modules):
        if name.endswith("__main__"):
            continue
        mod = importlib.import_module(name)
        try:
            source = inspect.getsource(mod)
        except (OSError, TypeError):
            source = ""
        for attr, value in sorted(vars(mod).items()):
            if isinstance(value, re.Pattern):
                add(f"{name}.{attr}", value, _usage(source, attr))
            elif isinstance(value, type) and value.__module__ == name:
                for cattr, cvalue in sorted(vars(value).items()):
                    if isinstance(cvalue, re.Pattern):
                        add(f"{name}.{attr}.{cattr}", cvalue, _usage(source, cattr))
    return found


_CLASS_REPS = {
    "s": " ",
    "d": "7",
    "w": "a",
    "S": "x",
    "D": "x",
    "W": " ",
    "b": "",
    "B": "",
    "n": "\n",
    "t": "\t",
}


def pattern_pieces(pattern: str) -> tuple[list[str], list[str]]:
    """Characters and literal words a pattern contains (escapes and classes by a representative)."""
    chars: set[str] = set()
    words: list[str] = []
    current = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            nxt = pattern[i + 1]
            rep = _CLASS_REPS.get(nxt, nxt if not nxt.isalnum() else "")
            if rep:
                chars.add(rep)
                current.append(rep)
            i += 2
            continue
        if c in "()[]{}|?*+^$.":
            if len(current) >= 2:
                words.append("".join(current))
            current = []
            if c in ".":
                chars.add("x")
        else:
            chars.add(c)
            current.append(c)
        i += 1
    if len(current) >= 2:
        words.append("".join(current))
    return sorted(chars), sorted(set(words))[:12]


def adversarial(pattern: str) -> list[tuple[str, Callable[[int], str]]]:
    """Named generators of adversarial strings of about ``n`` characters: runs of one character
    (every character the pattern contains and some usual suspects), two of its characters
    alternating, its literal words repeated, and plain prose."""
    chars, words = pattern_pieces(pattern)
    base = sorted(set(chars) | {" ", "a", "A", "7", ".", "\n", "-", "*", "é", "<", "&", "\t"})
    gens: list[tuple[str, Callable[[int], str]]] = []
    for c in base:
        gens.append((f"run of {c!r}", lambda n, c=c: c * n))
        gens.append((f"run of {c!r} then 'x'", lambda n, c=c: c * n + "x"))
        gens.append((f"run of {c!r} then ' x'", lambda n, c=c: c * n + " x"))
        gens.append((f"run of {c!r} then '! x'", lambda n, c=c: c * n + "! x"))
    pick = [c for c in chars if c.strip()][:10] or ["a"]
    for i, c1 in enumerate(pick):
        for c2 in pick[i + 1 : i + 4] + [" "]:
            gens.append((f"alternating {c1 + c2!r}", lambda n, s=c1 + c2: (s * (n // 2 + 1))[:n]))
    for w in words:
        gens.append((f"repeated {w!r}", lambda n, w=w: (w * (n // len(w) + 1))[:n]))
        gens.append((f"repeated {w + ' '!r}", lambda n, w=w + " ": (w * (n // len(w) + 1))[:n]))
        gens.append((f"{w!r} then run of 'a'", lambda n, w=w: w + "a" * n))
        gens.append((f"{w!r} then run of ' '", lambda n, w=w: w + " " * n + "x"))
        # (a long token then more words than a bounded repetition of words allows: what made
        # `read more about (?:\S+ ?){1,6}` take seconds on a line of 80 characters)
        gens.append((f"{w!r} then a run and words", lambda n, w=w: w + " " + "a" * n + " b c d e f g h i j"))
    gens.append(("words and spaces", lambda n: ("talks resumed " * (n // 14 + 1))[:n]))
    gens.append(("prose line", lambda n: (prose(random.Random(0), 2000, newline=" ") * (n // 2000 + 1))[:n]))
    return gens


def _time(rx: re.Pattern[str], mode: str, s: str, repeats: int = 3) -> float:
    """Best of ``repeats`` runs (fewer when one run is slow), with the garbage collector off:
    collections triggered by many match objects would otherwise add time that grows with the heap."""
    best = float("inf")
    spent = 0.0
    gc.disable()
    try:
        for _ in range(repeats):
            t = time.perf_counter()
            if mode == "fullmatch":
                rx.fullmatch(s)
            elif mode == "match":
                rx.match(s)
            else:
                for _m in rx.finditer(s):
                    pass
            dt = time.perf_counter() - t
            best = min(best, dt)
            spent += dt
            if spent > 0.5:
                break
    finally:
        gc.enable()
    return best


#: Below this, a time is noise for the purpose of a ratio.
_FLOOR = 2e-3


def measure_pattern(p: Pattern, max_chars: int, threshold: float = 3.0) -> dict[str, object]:
    """Time ``p`` on every adversarial string at doubling sizes, 1 KB up to ``max_chars`` (or
    until one call takes 0.5 s). A string shows superlinear time when t(2n)/t(n) exceeds
    ``threshold`` at the last two doublings (the last one when it hit the time limit); the
    result is the worst string: its last ratio, size and time."""
    worst = {"ratio": 0.0, "input": "", "n": 0, "seconds": 0.0, "superlinear": False}
    for name, gen in adversarial(p.regex.pattern):
        times: list[tuple[int, float]] = []
        n = 1024
        while n <= max_chars:
            t = _time(p.regex, p.mode, gen(n))
            times.append((n, t))
            if t > 0.5:
                break
            n *= 2
        if len(times) < 2:
            continue
        ratios = [b[1] / a[1] if a[1] > 0 else 0.0 for a, b in zip(times, times[1:])]
        last_n, last_t = times[-1]
        if last_t < _FLOOR:
            continue
        if last_t > 0.5:
            superlinear = ratios[-1] > threshold
        else:
            superlinear = len(ratios) >= 2 and min(ratios[-2:]) > threshold and times[-2][1] >= _FLOOR / 2
        key = (superlinear, ratios[-1])
        if key > (bool(worst["superlinear"]), float(worst["ratio"])):  # type: ignore[arg-type]
            worst = {
                "ratio": ratios[-1],
                "input": name,
                "n": last_n // 2,
                "seconds": last_t,
                "superlinear": superlinear,
            }
    return worst


def regex_worker(start: int, max_chars: int, threshold: float, only: str | None) -> None:
    patterns = select_patterns(only)
    for i in range(start, len(patterns)):
        res = measure_pattern(patterns[i], max_chars, threshold)
        print(json.dumps({"i": i, **res}), flush=True)


def select_patterns(only: str | None) -> list[Pattern]:
    return [p for p in collect_patterns() if not only or only in p.where]


def regex_check(a: argparse.Namespace) -> list[dict[str, object]]:
    patterns = select_patterns(a.regex_filter)
    print(f"[{time.strftime('%H:%M:%S')}] timing {len(patterns)} regexes ...", file=sys.stderr, flush=True)
    results: list[dict[str, object]] = []
    i = 0
    while i < len(patterns):
        proc = subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--regex-worker",
                str(i),
                "--regex-max",
                str(a.regex_max),
                "--regex-ratio",
                str(a.regex_ratio),
                *(["--regex-filter", a.regex_filter] if a.regex_filter else []),
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        while i < len(patterns):
            ready, _, _ = select.select([proc.stdout], [], [], a.regex_timeout)
            line = proc.stdout.readline() if ready else ""
            if not line:
                results.append(
                    {
                        "i": i,
                        "ratio": float("inf"),
                        "input": f"no answer within {a.regex_timeout:.0f} s",
                        "n": 0,
                        "seconds": a.regex_timeout,
                        "superlinear": True,
                    }
                )
                proc.kill()
                proc.wait()
                i += 1
                break
            res = json.loads(line)
            results.append(res)
            i = res["i"] + 1
        else:
            proc.wait()
    for r in results:
        p = patterns[int(r["i"])]  # type: ignore[call-overload]
        r["where"], r["pattern"], r["mode"] = p.where, p.regex.pattern, p.mode
    return results


#: Regexes whose superlinear worst case cannot happen the way lintnews applies them, and why.
BOUNDED_BY_USE = {
    "lintnews.rules.seo.related._INLINE_TITLE": "only searched in lines a pack matched, which are at most 300 characters",
    "lintnews.rules.truncation.shape._URL_END": "only searched in the last token of a paragraph, which holds no whitespace, so `\\S*$` cannot fail",
}


def print_regexes(results: list[dict[str, object]], a: argparse.Namespace) -> int:
    flagged = [r for r in results if r["superlinear"]]
    bad = [r for r in flagged if r["where"] not in BOUNDED_BY_USE]
    n_pack = sum(1 for r in results if r["mode"] == "fullmatch")
    n_match = sum(1 for r in results if r["mode"] == "match")
    print()
    print(
        f"Regexes timed: {len(results)}: {n_pack} pack patterns and per-rule alternations (matched whole, as "
        f"lintnews does), {len(results) - n_pack} compiled at module or class level in lintnews/ and rules/ "
        f"({n_match} only ever used with `.match`, timed so; the others timed with `finditer`, every start "
        f"position). Inputs: adversarial strings doubling from 1 KB to {a.regex_max // 1024} KB. Superlinear "
        f"(t(2n)/t(n) > {a.regex_ratio:g} at the last two doublings, or at the last one past 0.5 s): "
        f"{len(flagged)}, of which {len(flagged) - len(bad)} bounded by how they are used."
    )
    ranked = sorted(results, key=lambda r: (not r["superlinear"], -float(r["ratio"])))  # type: ignore[arg-type]
    ranked = ranked[: max(a.regex_show, len(flagged))]
    print()
    print("| regex | applied | worst input | size | time | t(2n)/t(n) |")
    print("|---|---|---|--:|--:|--:|")
    for r in ranked:
        pat = str(r["pattern"])
        pat = pat if len(pat) <= 60 else pat[:57] + "…"
        pat = pat.replace("|", "\\|").replace("`", "'").replace("\n", "\\n")
        ratio = "∞" if r["ratio"] == float("inf") else f"{r['ratio']:.2f}"
        flag = ""
        if r["superlinear"]:
            why = BOUNDED_BY_USE.get(str(r["where"]))
            flag = f" superlinear, bounded: {why}" if why else " **superlinear**"
        print(
            f"| {r['where']}: `{pat}` | {r['mode']} | {r['input']} | {int(r['n']) * 2 // 1024} KB | "  # type: ignore[call-overload]
            f"{float(r['seconds']) * 1000:.1f} ms | {ratio}{flag} |"
        )  # type: ignore[arg-type]
    return len(bad)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--files", type=int, default=1_000_000, help="files in the many-files folder (default 1,000,000)"
    )
    ap.add_argument("--files-timeout", type=float, default=3600)
    ap.add_argument(
        "--jobs", type=int, default=0, help="-j for the many-files case (default: lintnews's default)"
    )
    ap.add_argument("--big-mb", type=int, default=200, help="size of the big single document (default 200)")
    ap.add_argument("--big-records", type=int, default=50, help="records of 1 MB in the big-records JSONL")
    ap.add_argument("--only", type=lambda s: set(s.split(",")), help="comma-separated case names")
    ap.add_argument("--skip-regex", action="store_true", help="skip the adversarial regex check")
    ap.add_argument("--regex-only", action="store_true", help="only the adversarial regex check")
    ap.add_argument(
        "--regex-max", type=int, default=128 * 1024, help="largest adversarial string (characters)"
    )
    ap.add_argument(
        "--regex-ratio", type=float, default=3.0, help="t(2n)/t(n) above which a regex is superlinear"
    )
    ap.add_argument(
        "--regex-timeout", type=float, default=60, help="seconds one regex may take over all inputs"
    )
    ap.add_argument("--regex-show", type=int, default=10, help="rows of the regex table (worst first)")
    ap.add_argument("--regex-filter", help="only regexes whose location contains this text (e.g. lintnews.)")
    ap.add_argument("--regex-worker", type=int, help=argparse.SUPPRESS)
    ap.add_argument(
        "--mem-limit", type=float, default=12, help="address-space limit of each run, GB (default 12)"
    )
    ap.add_argument("--tmp", help="folder for the inputs (default: the system's temporary folder)")
    ap.add_argument("--pythonpath", help="PYTHONPATH for the CLI runs (another checkout, to compare)")
    ap.add_argument("--timeout", type=float, help="time limit of every case (default: per case)")
    ap.add_argument("--keep", action="store_true", help="keep the inputs")
    a = ap.parse_args()
    global PYTHONPATH
    PYTHONPATH = a.pythonpath or ""
    if a.regex_worker is not None:
        regex_worker(a.regex_worker, a.regex_max, a.regex_ratio, a.regex_filter)
        return 0
    failed = 0
    if not a.regex_only:
        outcomes = run_cases(a)
        print_cases(outcomes, a)
        failed += sum(1 for o in outcomes if not o.ok)
    if not a.skip_regex and not a.only:
        failed += print_regexes(regex_check(a), a)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
