"""lintnews on a terminal, as a person runs it: the installed ``lintnews`` script under a
pseudo-terminal (the standard library's ``pty``), so that standard error is a tty and the
progress bars run (nothing else in the suite has a terminal: a crash there went unseen)."""

from __future__ import annotations

import json
import os
import random
import re
import sys
from pathlib import Path

from console import lintnews_script, run_lintnews
from ttyrun import run_in_pty, screen_lines

WORDS = (
    "harbour council ferry terminal pilot boats engines summer authority passengers winter storms "
    "repairs budget ministers schools teachers unions library reading room visitors morning staff "
    "railway station platform signals drivers timetable bridge river flooding crews pumps homes "
    "market traders stalls square festival music stage tickets museum exhibition paintings loans"
).split()


def article(rng: random.Random, n: int) -> str:
    sentences = []
    for _ in range(8):
        words = [rng.choice(WORDS) for _ in range(rng.randint(10, 16))]
        sentences.append(" ".join(words).capitalize() + ".")
    return f"Story {n} About The {rng.choice(WORDS).title()}\n" + "\n".join(sentences)


def corpus(path: Path, records: int, copies: list[int], filler: tuple[int, ...] = ()) -> None:
    """``records`` distinct articles, then an exact copy of each record index in ``copies``;
    the records in ``filler`` end on a "Read more:" line (S001 at line 10)."""
    rng = random.Random(7)
    texts = [article(rng, n) + ("\nRead more:" if n in filler else "") for n in range(records)]
    rows = [{"id": f"r{n}", "text": t} for n, t in enumerate(texts)]
    rows += [{"id": f"copy-of-r{n}", "text": texts[n]} for n in copies]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


#: A refreshed bar of the lint stage once its total is known: percentage, bytes done of the
#: total, elapsed and a real ETA (not "?"), rate.
LINT_BAR = re.compile(r"lint: +(\d+)%\|[^|]*\| [\d.]+[kMG]?B/([\d.]+[kMG]?)B \[\d\d:\d\d<\d\d:\d\d, [^\]]*\]")
CORPUS_BAR = re.compile(r"corpus: \d+/(\d+) LSH bands searched for candidates \|[^|]*\| +\d+%")


def lint_bar_percents(tty: str, size: int) -> list[int]:
    """The percentages of the lint bars drawn on ``tty``, whose total must be ``size`` bytes."""
    bars = LINT_BAR.findall(tty)
    assert bars, tty[:2000]
    assert {total for _, total in bars} == {
        f"{size / 1000:.0f}k" if size >= 100_000 else f"{size / 1000:.1f}k"
    }
    return [int(p) for p, _ in bars]


def test_first_run_on_a_terminal_shows_the_bars_and_exits_cleanly(tmp_path: Path) -> None:
    corpus(tmp_path / "batch.jsonl", 400, [3, 150, 399])
    size = (tmp_path / "batch.jsonl").stat().st_size
    # TQDM_MININTERVAL=0: every update redraws the bar, so the test sees a bar with an ETA
    # however fast the machine is (tqdm's documented environment override).
    env = {**os.environ, "TQDM_MININTERVAL": "0"}
    env.pop("NO_COLOR", None)
    run = run_in_pty(
        [lintnews_script(), "check", "--no-cache", "--select", "N", "batch.jsonl"], tmp_path, env
    )
    assert "Traceback" not in run.tty and "Error" not in run.tty, run.tty[-2000:]
    assert run.returncode == 1, run.tty[-2000:]
    # the report (stdout, a pipe here) is untouched by the bars
    assert [line.split(":")[0] for line in run.stdout.splitlines()[:3]] == [
        "batch.jsonl#copy-of-r3",
        "batch.jsonl#copy-of-r150",
        "batch.jsonl#copy-of-r399",
    ]
    assert run.stdout.splitlines()[3].startswith("Found 3 diagnostics (3 error) in 3 of 403 documents.")
    # the total is the file's size in bytes, and the percentage moves up to (nearly) all of it
    percents = lint_bar_percents(run.tty, size)
    assert percents == sorted(percents) and percents[-1] >= 99
    # the second stage: the corpus phase has its own bar
    assert set(CORPUS_BAR.findall(run.tty)) == {"42"}  # 128 permutations: 42 bands of 3 rows
    # both bars are removed at the end: the last thing on the terminal clears the line
    assert run.tty.rstrip(" ").endswith("\r")


def test_no_bar_when_stderr_is_not_a_terminal_or_quiet(tmp_path: Path) -> None:
    corpus(tmp_path / "batch.jsonl", 20, [1])
    args = ["check", "--no-cache", "--select", "N", "batch.jsonl"]
    proc = run_lintnews(args, tmp_path)
    assert (proc.returncode, proc.stderr) == (1, "")
    run = run_in_pty([lintnews_script(), *args, "--quiet"], tmp_path, {**os.environ, "TQDM_MININTERVAL": "0"})
    assert (run.returncode, run.tty) == (1, "")


def test_report_on_the_same_terminal_is_not_mixed_into_the_bar(tmp_path: Path) -> None:
    """stdout and stderr both the terminal (as in a shell): every report line stands whole on
    its own screen line once the terminal has applied the carriage returns."""
    corpus(tmp_path / "batch.jsonl", 200, [5, 6, 7], filler=(10, 100, 150))
    env = {**os.environ, "TQDM_MININTERVAL": "0", "NO_COLOR": "1"}
    run = run_in_pty(
        [lintnews_script(), "check", "--no-cache", "--select", "N,S001", "batch.jsonl"],
        tmp_path,
        env,
        stdout_tty=True,
    )
    assert run.returncode == 1
    lines = [line for line in screen_lines(run.tty) if line]
    assert lines == [
        "batch.jsonl#r10:10:1: S001 [*] Related-content prompt left in the text",
        "batch.jsonl#r100:10:1: S001 [*] Related-content prompt left in the text",
        "batch.jsonl#r150:10:1: S001 [*] Related-content prompt left in the text",
        "batch.jsonl#copy-of-r5:1:1: N002 Exact duplicate of batch.jsonl#r5 (same text after normalisation)",
        "batch.jsonl#copy-of-r6:1:1: N002 Exact duplicate of batch.jsonl#r6 (same text after normalisation)",
        "batch.jsonl#copy-of-r7:1:1: N002 Exact duplicate of batch.jsonl#r7 (same text after normalisation)",
        "Found 6 diagnostics (3 error, 3 warning) in 6 of 203 documents.",
        "[*] 3 fixable with `lintnews check --fix` (3 hidden fixes can be enabled with `--unsafe-fixes`).",
    ]


def test_stdin_and_folders_get_a_bar_too(tmp_path: Path) -> None:
    corpus(tmp_path / "in" / "batch.jsonl", 100, [2])
    env = {**os.environ, "TQDM_MININTERVAL": "0"}
    script = lintnews_script()
    run = run_in_pty([script, "check", "--no-cache", "--select", "N", "in"], tmp_path, env)
    assert run.returncode == 1 and "Traceback" not in run.tty
    assert "lint:" in run.tty and "LSH bands" in run.tty
    data = (tmp_path / "in" / "batch.jsonl").read_bytes()
    run = run_in_pty(
        [script, "check", "--no-cache", "--select", "N", "-", "--stdin-filename", "b.jsonl"],
        tmp_path,
        env,
        stdin=data,
    )
    assert run.returncode == 1 and "Traceback" not in run.tty
    assert re.search(r"lint: \d+doc \[", run.tty), run.tty[:500]  # no total: documents counted
    assert run.stdout.startswith("b.jsonl#copy-of-r2:1:1: N002 ")


def test_the_helpers_see_a_terminal() -> None:
    run = run_in_pty(
        [
            sys.executable,
            "-c",
            "import os, sys; print(sys.stderr.isatty(), os.get_terminal_size(2), file=sys.stderr)",
        ],
        Path.cwd(),
        dict(os.environ),
    )
    assert run.tty.strip() == "True os.terminal_size(columns=100, lines=30)"


def test_index_add_shows_the_lint_bar_on_a_terminal(tmp_path: Path) -> None:
    """`lintnews index add` lints every document as `check` does: on a terminal it shows the
    same bar (a total in bytes, a percentage, an ETA), and none when stderr is not a terminal."""
    corpus(tmp_path / "archive.jsonl", 300, [])
    size = (tmp_path / "archive.jsonl").stat().st_size
    env = {**os.environ, "TQDM_MININTERVAL": "0"}
    run = run_in_pty(
        [lintnews_script(), "index", "add", "--isolated", "--index", "idx.db", "archive.jsonl"], tmp_path, env
    )
    assert run.returncode == 0 and "Traceback" not in run.tty, run.tty[-2000:]
    percents = lint_bar_percents(run.tty, size)
    assert percents == sorted(percents) and percents[-1] >= 95
    assert "Indexed 300 documents in idx.db (300 in the index)." in run.tty
    piped = run_lintnews(["index", "add", "--isolated", "--index", "idx2.db", "archive.jsonl"], tmp_path)
    assert (piped.returncode, piped.stderr) == (0, "Indexed 300 documents in idx2.db (300 in the index).\n")
