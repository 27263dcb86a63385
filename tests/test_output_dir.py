"""--fix --output-dir DIR: the folder is staged beside DIR and appears whole or not at all; an
existing DIR only gains (or has replaced) the files the run writes."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from lintnews.cli import main
from lintnews.config import Settings
from lintnews.fixes import Fixer
from lintnews.run import CheckOptions, CheckRun
from lintnews.staging import STAGING_MARK, StagedFolder

LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."
HEADLINE = "Geneva Talks Resume After Two-Week Pause"
JUNKY = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{LEDE}\n"
CLEAN = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"


def run(args: list[str], cwd: Path, base: tuple[str, ...] = ("--no-corpus", "-q")) -> tuple[int, str, str]:
    """``lintnews check --isolated --no-cache *base *args`` in ``cwd``: exit code, stdout, stderr."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", *base, *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def corpus(root: Path) -> Path:
    """A small corpus: a JSONL file and a plain file in a subfolder, both with something to fix."""
    src = root / "src"
    (src / "desk").mkdir(parents=True)
    (src / "c.jsonl").write_text(json.dumps({"id": "a", "text": JUNKY, "url": "u"}) + "\n")
    (src / "desk" / "story.txt").write_text(JUNKY)
    return src


def staging_leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if STAGING_MARK in p.name]


def test_a_new_output_folder_appears_whole(tmp_path: Path) -> None:
    corpus(tmp_path)
    code, _, err = run(["--fix", "--output-dir", "out", "src"], tmp_path)
    assert code == 0, err
    out = tmp_path / "out"
    assert json.loads((out / "src" / "c.jsonl").read_text()) == {"id": "a", "text": CLEAN, "url": "u"}
    assert (out / "src" / "desk" / "story.txt").read_text() == CLEAN
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == [
        "src",
        "src/c.jsonl",
        "src/desk",
        "src/desk/story.txt",
    ]
    assert (tmp_path / "src" / "desk" / "story.txt").read_text() == JUNKY  # the input is untouched
    assert staging_leftovers(tmp_path) == []
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o777 & ~umask  # not mkdtemp's 0o700


def test_missing_parent_folders_are_created(tmp_path: Path) -> None:
    corpus(tmp_path)
    code, _, err = run(["--fix", "--output-dir", "a/b/out", "src"], tmp_path)
    assert code == 0, err
    assert (tmp_path / "a" / "b" / "out" / "src" / "desk" / "story.txt").read_text() == CLEAN
    assert staging_leftovers(tmp_path / "a" / "b") == []


def test_an_existing_output_folder_keeps_what_the_run_did_not_write(tmp_path: Path) -> None:
    corpus(tmp_path)
    out = tmp_path / "out"
    (out / "src" / "desk").mkdir(parents=True)
    (out / "notes.txt").write_text("mine\n")
    (out / "src" / "desk" / "other.md").write_text("also mine\n")
    (out / "src" / "desk" / "story.txt").write_text("an older copy\n")
    inode = out.stat().st_ino
    code, _, err = run(["--fix", "--output-dir", "out", "src"], tmp_path)
    assert code == 0, err
    assert out.stat().st_ino == inode  # merged into, never replaced
    assert (out / "notes.txt").read_text() == "mine\n"
    assert (out / "src" / "desk" / "other.md").read_text() == "also mine\n"
    assert (out / "src" / "desk" / "story.txt").read_text() == CLEAN
    assert json.loads((out / "src" / "c.jsonl").read_text())["text"] == CLEAN
    assert staging_leftovers(tmp_path) == [] and staging_leftovers(out) == []


def test_the_working_directory_as_output_folder(tmp_path: Path) -> None:
    src = corpus(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "keep.txt").write_text("mine\n")
    code, _, err = run(["--fix", "--output-dir", ".", str(src / "c.jsonl")], work)
    assert code == 0, err
    assert sorted(p.name for p in work.iterdir()) == ["c.jsonl", "keep.txt"]
    assert (work / "keep.txt").read_text() == "mine\n"
    assert json.loads((work / "c.jsonl").read_text())["text"] == CLEAN
    assert staging_leftovers(tmp_path) == []


@pytest.mark.parametrize("exc", [RuntimeError("boom"), KeyboardInterrupt()])
@pytest.mark.parametrize("existing", [False, True])
def test_a_failed_run_leaves_no_output_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exc: BaseException, existing: bool
) -> None:
    src = corpus(tmp_path)
    for i in range(3):
        (src / f"more{i}.txt").write_text(JUNKY)
    out = tmp_path / "a" / "out"
    if existing:
        out.mkdir(parents=True)
        (out / "notes.txt").write_text("mine\n")
    original = Fixer.process
    calls = []

    def process(self: Fixer, doc):  # type: ignore[no-untyped-def]
        calls.append(doc.path)
        if len(calls) == 3:  # two documents were written to the staging folder already
            raise exc
        return original(self, doc)

    monkeypatch.setattr(Fixer, "process", process)
    code, _, _ = run(["--fix", "--output-dir", "a/out", "src"], tmp_path)
    assert code != 0 and len(calls) == 3
    if existing:
        assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
        assert staging_leftovers(out.parent) == []
    else:
        assert not (tmp_path / "a").exists()  # nor the parent folder made for it
    assert staging_leftovers(tmp_path) == []


def test_failing_to_move_a_file_into_place_is_an_input_error(tmp_path: Path) -> None:
    corpus(tmp_path)
    out = tmp_path / "out"
    (out / "src" / "c.jsonl").mkdir(parents=True)  # a folder where the fixed corpus should go
    (out / "notes.txt").write_text("mine\n")
    code, _, err = run(["--fix", "--output-dir", "out", "src"], tmp_path)
    assert code == 2
    assert "lintnews: error: out: cannot move the fixed files into place" in err
    assert (out / "notes.txt").read_text() == "mine\n" and (out / "src" / "c.jsonl").is_dir()
    assert staging_leftovers(tmp_path) == []


def test_a_stop_signal_swallowed_by_library_code_still_stops_the_run(tmp_path: Path) -> None:
    # The handler's exception can be lost (a broad except in some import); the run checks too.
    src = corpus(tmp_path)
    run_ = CheckRun(Settings(), CheckOptions(fix=True, output_dir=str(tmp_path / "out"), corpus=False))
    received: list[int] = []
    original = run_.process

    def process(item):  # type: ignore[no-untyped-def]
        original(item)
        received.append(signal.SIGTERM)  # as if the handler ran and its SystemExit was swallowed

    run_.process = process  # type: ignore[method-assign]
    run_.stopped = lambda: received[0] if received else None
    with pytest.raises(SystemExit) as info:
        run_.run([str(src)])
    assert info.value.code == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]


def test_an_output_folder_that_cannot_be_made_is_an_input_error_per_input(tmp_path: Path) -> None:
    corpus(tmp_path)
    (tmp_path / "afile").write_text("not a folder\n")
    code, _, err = run(["--fix", "--output-dir", "afile/out", "src"], tmp_path)
    assert code == 2
    errors = err.splitlines()
    assert len(errors) == 2, err  # one per input, no traceback
    assert all(": cannot write the fixed copy to afile/out: " in e for e in errors)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afile", "src"]


def test_stale_staging_folders_are_removed_unless_a_live_run_holds_them(tmp_path: Path) -> None:
    corpus(tmp_path)
    stale = tmp_path / f".out{STAGING_MARK}abcd1234"
    live = tmp_path / f".out{STAGING_MARK}wxyz5678"
    other = tmp_path / f".other{STAGING_MARK}abcd1234"  # another output folder's: not ours to judge
    for folder in (stale, live, other):
        (folder / "src").mkdir(parents=True)
        (folder / "src" / "c.jsonl").write_text("half a recor")
    fd = os.open(live, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        code, _, err = run(["--fix", "--output-dir", "out", "src"], tmp_path)
    finally:
        os.close(fd)
    assert code == 0, err
    assert not stale.exists()
    assert live.exists() and other.exists()
    assert (tmp_path / "out" / "src" / "desk" / "story.txt").read_text() == CLEAN


def test_the_walk_skips_staging_folders(tmp_path: Path) -> None:
    src = corpus(tmp_path)
    staged = src / f".out{STAGING_MARK}abcd1234"
    staged.mkdir()
    (staged / "half.txt").write_text(JUNKY)
    result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "--format", "json", str(src)])
    assert result.exit_code == 1
    assert {d["path"] for d in json.loads(result.stdout)} == {
        str(src / "c.jsonl"),
        str(src / "desk" / "story.txt"),
    }


def test_nothing_staged_means_nothing_created(tmp_path: Path) -> None:
    staged = StagedFolder(str(tmp_path / "out"))
    staged.commit()
    staged.abort()
    assert list(tmp_path.iterdir()) == []


def test_diff_with_output_dir_writes_nothing(tmp_path: Path) -> None:
    corpus(tmp_path)
    code, _, _ = run(["--diff", "--output-dir", "out", "src"], tmp_path)
    assert code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]


# --- a real process, killed -------------------------------------------------------------------


def corpus_lines(records: int) -> bytes:
    """JSONL records, each with a paragraph to fix."""
    filler = "\n\n".join(f"Paragraph {j} describes the hearing in detail, with quotes." for j in range(15))
    return "".join(
        json.dumps(
            {"id": f"r{i}", "text": f"Headline {i}\n\n{LEDE} Record {i}.\n\n{filler}\n\n{LEDE} Record {i}.\n"}
        )
        + "\n"
        for i in range(records)
    ).encode()


def start_and_wait_for_staging(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    """A ``--fix --output-dir D`` run that is writing D's staging folder and cannot finish: its
    corpus comes on stdin, and stdin stays open. Returns once the run has staged its first
    fixed record (so it is past start-up, its stop handlers are in place and the staging
    folder is locked); the caller stops it (and closes ``proc.stdin``)."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "lintnews",
            "check",
            "--isolated",
            "--no-cache",
            "-q",
            "--fix",
            "--output-dir",
            "D",
            "--stdin-filename",
            "corpus.jsonl",
            "-",
        ],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None
    proc.stdin.write(corpus_lines(20))
    proc.stdin.flush()
    # The run cannot end before the test stops it, so this waits for an event, not a time: the
    # deadline only turns a broken run into a failure instead of a hang.
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        found = [p for p in tmp_path.iterdir() if p.name.startswith(f".D{STAGING_MARK}")]
        if found and any(found[0].rglob("*")) and _locked(found[0]):
            return proc, found[0]
        time.sleep(0.01)
    proc.kill()
    _, err = proc.communicate()
    raise AssertionError(f"the run never staged anything (exit {proc.returncode}): {err.decode()}")


def _locked(folder: Path) -> bool:
    """Whether a live run holds the lock on a staging folder."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def stop(proc: subprocess.Popen[bytes], signum: int) -> int:
    """Send ``signum`` to the run, close its stdin and return its exit status."""
    proc.send_signal(signum)
    proc.communicate(timeout=120)
    return proc.returncode


def test_a_killed_run_leaves_no_output_folder(tmp_path: Path) -> None:
    proc, staging = start_and_wait_for_staging(tmp_path)
    assert stop(proc, signal.SIGKILL) == -signal.SIGKILL
    assert not (tmp_path / "D").exists()
    # SIGKILL leaves no chance to clean up: the staging folder stays, and the next run removes it.
    assert staging.exists()
    (tmp_path / "corpus.jsonl").write_bytes(corpus_lines(2))
    code, _, err = run(["--fix", "--output-dir", "D", "corpus.jsonl"], tmp_path)
    assert code == 0, err
    assert not staging.exists()
    assert len((tmp_path / "D" / "corpus.jsonl").read_text().splitlines()) == 2


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGINT, 1)])
def test_a_terminated_or_interrupted_run_cleans_up_its_staging_folder(
    tmp_path: Path, signum: int, code: int
) -> None:
    proc, staging = start_and_wait_for_staging(tmp_path)
    assert stop(proc, signum) == code
    assert not (tmp_path / "D").exists()
    assert not staging.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_ctrl_c_exits_1_wherever_it_lands(tmp_path: Path) -> None:
    """Under ``python -m``, CPython ended a process by SIGINT (status -2, not the 1 lintnews
    exits with) when the KeyboardInterrupt had passed through code run by ``exec`` of a string,
    as `dataclasses` runs while a module is imported: that is where Ctrl-C landed when it came
    while the first document was linted (imports are lazy)."""
    (tmp_path / "interrupted.py").write_text(
        "import os, signal, sys\n"
        "from lintnews.cli import interrupt_on_sigterm\n"
        "with interrupt_on_sigterm(True):\n"
        "    try:\n"
        "        exec('os.kill(os.getpid(), signal.SIGINT)\\nfor _ in range(10 ** 7): pass')\n"
        "    except KeyboardInterrupt:\n"
        "        sys.exit(1)\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "interrupted"], cwd=tmp_path, capture_output=True, timeout=120
    )
    assert done.returncode == 1, done.stderr


def test_a_stop_right_after_the_staging_folder_is_made_still_removes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stop signal raises wherever the run is, also between ``mkdtemp`` making the staging
    folder and `StagedFolder` learning its name: `abort` still removes it."""
    real = tempfile.mkdtemp

    def mkdtemp(*args, **kwargs):  # type: ignore[no-untyped-def]
        real(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    folder = StagedFolder(str(tmp_path / "out"))
    with pytest.raises(KeyboardInterrupt):
        folder.staged("c.jsonl")
    assert staging_leftovers(tmp_path) != []
    folder.abort()
    assert list(tmp_path.iterdir()) == []


# --- dropping copies (N001/N002, unsafe) ----------------------------------------------------------

COPY_TEXT = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
OTHER_TEXT = (
    "Flooding Closes Rail Line\n\nHeavy rain closed the coastal rail line on Tuesday, and buses "
    "replaced trains between the two towns while engineers inspected the embankment.\n"
)


def run_corpus(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """`run` with the corpus phase and the full text report."""
    return run(args, cwd, base=("--format", "text"))


def copies_corpus(root: Path) -> None:
    records = [("a", COPY_TEXT), ("b", OTHER_TEXT), ("c", COPY_TEXT.upper()), ("d", COPY_TEXT)]
    (root / "c.jsonl").write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in records))


def test_unsafe_fixes_drop_exact_copies_from_the_cleaned_corpus(tmp_path: Path) -> None:
    copies_corpus(tmp_path)
    code, out, err = run_corpus(["--fix", "--unsafe-fixes", "--output-dir", "out", "c.jsonl"], tmp_path)
    assert code == 0, out + err
    kept = [json.loads(line)["id"] for line in (tmp_path / "out" / "c.jsonl").read_text().splitlines()]
    assert kept == ["a", "b"]
    assert "N002" not in out  # fixed, so not reported
    assert (tmp_path / "c.jsonl").read_text().count("\n") == 4  # the input is untouched


def test_copies_stay_without_unsafe_fixes_or_when_unfixable(tmp_path: Path) -> None:
    copies_corpus(tmp_path)
    code, out, _ = run_corpus(["--fix", "--output-dir", "out", "c.jsonl"], tmp_path)
    assert code == 1
    assert out.count("N002") == 2
    assert len((tmp_path / "out" / "c.jsonl").read_text().splitlines()) == 4
    (tmp_path / "lintnews.toml").write_text('unfixable = ["N002"]\n')
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(
            main,
            [
                "check",
                "--no-cache",
                "--format",
                "text",
                "--fix",
                "--unsafe-fixes",
                "--output-dir",
                "out2",
                "c.jsonl",
            ],
        )
    finally:
        os.chdir(old)
    assert result.stdout.count("N002") == 2
    assert len((tmp_path / "out2" / "c.jsonl").read_text().splitlines()) == 4


def test_diff_drops_nothing(tmp_path: Path) -> None:
    copies_corpus(tmp_path)
    code, _, err = run_corpus(["--diff", "--unsafe-fixes", "c.jsonl"], tmp_path)
    assert code == 1
    assert "Would fix 0 of 2 diagnostics" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl"]


def test_an_output_folder_inside_the_linted_folder_is_not_linted_again(tmp_path: Path) -> None:
    src = corpus(tmp_path)
    for _ in range(2):
        code, _, err = run(["--fix", "--output-dir", "src/clean", "src"], tmp_path)
        assert code == 0, err
    written = sorted(str(p.relative_to(src / "clean")) for p in (src / "clean").rglob("*") if p.is_file())
    assert written == ["src/c.jsonl", "src/desk/story.txt"]
