"""`lintnews.cli.run`, the program: after `main`, a process with nothing left to do at exit ends
at once, without the interpreter's teardown; its exit handlers (a worker pool's, coverage's, a
site's) are run first, as the interpreter's exit runs them; one with another thread still running
exits as usual. Either way the exit code and the whole report are the run's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENT = "en-port-strike-duplicated-truncated.txt"

#: The program with a witness of the interpreter's teardown (a module global whose ``__del__``
#: runs when the interpreter clears the modules) and, when asked, an exit handler. It starts with
#: no exit handler: an environment's site may register one before any program runs (a `.pth`
#: file's; this machine's and CI's do), and then `run` rightly exits as usual.
PROGRAM = """
import atexit, sys
atexit._clear()  # (what the interpreter's site registered: a .pth file's handler, here or in CI)
from lintnews.cli import run
class Witness:
    def __del__(self):
        print("TORN DOWN", file=sys.stderr)
witness = Witness()
if sys.argv[1] == "handler":
    atexit.register(print, "HANDLER RAN", file=sys.stderr)
if sys.argv[1] == "failing":  # (a handler that raises, then one that does not)
    atexit.register(print, "HANDLER RAN", file=sys.stderr)
    atexit.register(lambda: 1 / 0)
if sys.argv[1] == "thread":  # (still running at exit: the interpreter's exit is left to handle it)
    import threading, time
    atexit.register(print, "HANDLER RAN", file=sys.stderr)
    threading.Thread(target=time.sleep, args=(600,), daemon=True).start()
sys.argv = ["lintnews", *sys.argv[2:]]
run()
"""


def program(handler: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROGRAM, handler, "check", "--isolated", "--no-cache", *args],
        cwd=FIXTURES,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_run_with_nothing_left_at_exit_ends_at_once_with_its_code_and_report() -> None:
    quick = program("none", DOCUMENT)
    handled = program("handler", DOCUMENT)
    usual = program("thread", DOCUMENT)
    assert quick.returncode == handled.returncode == usual.returncode == 1
    assert quick.stdout == handled.stdout == usual.stdout
    assert quick.stdout.splitlines()[:2] == [
        f"{DOCUMENT}:8:1: D001 [*] Paragraph repeats line 3",
        f'{DOCUMENT}:10:234: T002 Document is cut off (ends on "the")',
    ]
    assert quick.stdout.endswith("[*] 1 fixable with `lintnews check --fix`.\n")
    assert "TORN DOWN" not in quick.stderr and "HANDLER" not in quick.stderr  # (ended at once)
    # An exit handler (a site's .pth file registers one on this machine and in CI) is run, once,
    # and then the run ends at once all the same.
    assert handled.stderr.count("HANDLER RAN") == 1 and "TORN DOWN" not in handled.stderr
    # Another thread still running: the interpreter's exit, handler and teardown included.
    assert usual.stderr.count("HANDLER RAN") == 1 and "TORN DOWN" in usual.stderr


def test_a_failing_exit_handler_is_reported_and_the_others_run_as_at_the_usual_exit() -> None:
    failing = program("failing", DOCUMENT)
    assert failing.returncode == 1 and failing.stdout == program("none", DOCUMENT).stdout
    assert "ZeroDivisionError" in failing.stderr and failing.stderr.count("HANDLER RAN") == 1
    assert "TORN DOWN" not in failing.stderr


def test_an_error_exit_keeps_its_code_and_message() -> None:
    quick = program("none", "--output-format", "nonsense", DOCUMENT)
    assert quick.returncode == 2 and "nonsense" in quick.stderr and "TORN DOWN" not in quick.stderr
    missing = program("none", "no-such-file.txt")
    assert missing.returncode == 2 and "no-such-file.txt" in missing.stderr


def test_the_program_starts_numpy_blas_single_threaded_unless_the_user_chose(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`run` (the program, not `main`) sets ``OPENBLAS_NUM_THREADS`` to 1 before the run imports
    numpy, and leaves a value the user set alone."""
    from lintnews.cli import app

    seen: list[str | None] = []
    monkeypatch.setattr(app, "main", lambda: seen.append(os.environ.get("OPENBLAS_NUM_THREADS")))
    for given, expected in ((None, "1"), ("4", "4")):
        environ = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
        if given is not None:
            environ["OPENBLAS_NUM_THREADS"] = given
        monkeypatch.setattr(os, "environ", environ)
        app.run()  # (`main` returned: no exit)
        assert seen[-1] == expected
    assert seen == ["1", "4"]


def test_a_run_with_the_corpus_phase_leaves_no_blas_thread_behind() -> None:
    """The corpus phase imports numpy; run as the program, the process has no thread but its
    own when it ends (OpenBLAS would start one a core)."""
    corpus = FIXTURES / "corpus-harbour.jsonl"
    code = (
        "import sys, os, atexit\n"
        "threads = lambda: len(os.listdir('/proc/self/task'))\n"
        "atexit.register(lambda: print('THREADS', threads(), 'numpy' in sys.modules, file=sys.stderr))\n"
        "from lintnews.cli import run\n"
        f"sys.argv = ['lintnews', 'check', '--isolated', '--no-cache', '-j1', '--exit-zero', {str(corpus)!r}]\n"
        "run()\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert "THREADS 1 True" in done.stderr.splitlines()  # (numpy loaded, no thread of its own)
