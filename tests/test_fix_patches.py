"""What fixes report and print, run as a user runs them: `--diff` is a patch that `git apply` and
`patch -p1` apply to exactly what `--fix` writes; a diagnostic after `--fix --output-dir` names the
text its line and column are in; F004 never reports what its fix cannot fix (a Markdown comment)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from console import NO_COLOR, run_lintnews

HEADLINE = "Geneva Talks Resume After Two-Week Pause"
LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."
CUT = "The mediators declined to say when a joint statement might be published, and the talks went on and"
#: A run of 4 blank lines (F004, line 4), a repeated paragraph (D001, line 8), a document cut off
#: at its end (T002, line 12, not fixable) and two blank lines after it (F004, line 13).
JUNKY = f"{HEADLINE}\n\n{LEDE}\n\n\n\n\n{LEDE}\n\n{SECOND}\n\n{CUT}\n\n\n"
FIXED = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{CUT}\n"


def lintnews(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The installed ``lintnews check --isolated --no-cache ARGS`` in ``cwd``, output as bytes."""
    return run_lintnews(["check", "--isolated", "--no-cache", *args], cwd, env=NO_COLOR, text=False)


def git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=60, check=False
    )


# --- item 11: --diff is a patch of the bytes --fix writes ---------------------------------------

#: Each file as the bytes on disk: LF, CRLF, no final newline, CRLF without final newline, and a
#: Latin-1 file (a patch of its bytes, not of a UTF-8 rendering).
FILES = {
    "desk/lf.txt": JUNKY.encode(),
    "desk/crlf.txt": JUNKY.replace("\n", "\r\n").encode(),
    "desk/no-final-newline.txt": (JUNKY + "  ").encode(),
    "desk/crlf-no-final-newline.txt": (JUNKY + "  ").replace("\n", "\r\n").encode(),
    "latin1.txt": ("Caf\u00e9 Zentral: " + JUNKY).encode("latin-1"),
}


def checkout(root: Path) -> Path:
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def test_diff_is_a_patch_git_apply_and_patch_apply_to_what_fix_writes(tmp_path: Path) -> None:
    # What --fix writes, in a plain folder.
    fixed = checkout(tmp_path / "fixed")
    done = lintnews(["--fix", "."], fixed)
    assert done.returncode == 1, done.stderr  # T002 stays: not fixable
    assert (fixed / "desk/lf.txt").read_bytes() == FIXED.encode()
    assert (fixed / "desk/crlf.txt").read_bytes() == FIXED.replace("\n", "\r\n").encode()
    assert (fixed / "desk/no-final-newline.txt").read_bytes() == FIXED.rstrip("\n").encode()
    assert (fixed / "desk/crlf-no-final-newline.txt").read_bytes() == FIXED.rstrip("\n").replace(
        "\n", "\r\n"
    ).encode()

    # --diff in a git checkout, paths given with ./ (and a folder), applied with git apply.
    repo = checkout(tmp_path / "repo")
    assert git(["init", "-q", "."], repo).returncode == 0
    diff = lintnews(["--diff", "./desk/", "./latin1.txt"], repo)
    assert diff.returncode == 1, diff.stderr
    patch = diff.stdout
    assert b"./" not in patch and b"a/desk/crlf.txt\n" in patch
    headers = [line for line in patch.split(b"\n") if line.startswith((b"--- ", b"+++ "))]
    assert headers == [
        f"{sign} {side}/{name}".encode()
        for name in [
            "desk/crlf-no-final-newline.txt",
            "desk/crlf.txt",
            "desk/lf.txt",
            "desk/no-final-newline.txt",
            "latin1.txt",
        ]
        for sign, side in (("---", "a"), ("+++", "b"))
    ]
    assert f"-{LEDE}\r\n".encode() in patch  # CRLF files are diffed with their CRLF endings
    assert "Caf\u00e9".encode("latin-1") in patch  # and every file in its own encoding
    # the last line of both versions of both files without a final newline
    assert patch.count(b"\n\\ No newline at end of file\n") == 4
    assert f"-  \n\\ No newline at end of file\n+{CUT}\n\\ No newline at end of file\n".encode() in patch
    for name, data in FILES.items():  # --diff wrote nothing
        assert (repo / name).read_bytes() == data
    (tmp_path / "fix.patch").write_bytes(patch)
    applied = git(["apply", "--whitespace=nowarn", str(tmp_path / "fix.patch")], repo)
    assert applied.returncode == 0, applied.stderr
    for name in FILES:
        assert (repo / name).read_bytes() == (fixed / name).read_bytes(), name

    # And GNU patch -p1, where it is installed.
    if shutil.which("patch"):
        plain = checkout(tmp_path / "plain")
        patched = subprocess.run(
            ["patch", "-p1", "--binary", "-i", str(tmp_path / "fix.patch")],
            cwd=plain,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert patched.returncode == 0, patched.stdout + patched.stderr
        for name in FILES:
            assert (plain / name).read_bytes() == (fixed / name).read_bytes(), name


def test_a_diff_names_files_relative_to_the_working_directory(tmp_path: Path) -> None:
    checkout(tmp_path)
    (tmp_path / "sub").mkdir()
    patch = lintnews(["--diff", "../desk//lf.txt", str(tmp_path / "latin1.txt")], tmp_path / "sub").stdout
    headers = [line for line in patch.split(b"\n") if line.startswith((b"--- ", b"+++ "))]
    outside = str(tmp_path).lstrip("/").encode()
    assert headers == [
        b"--- a/" + outside + b"/desk/lf.txt",
        b"+++ b/" + outside + b"/desk/lf.txt",
        b"--- a/" + outside + b"/latin1.txt",
        b"+++ b/" + outside + b"/latin1.txt",
    ]


# --- item 10: --fix --output-dir reports the copy its positions are in ---------------------------


def test_fix_output_dir_reports_remaining_findings_in_the_fixed_copy(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(JUNKY)
    record = {"id": "r1", "text": JUNKY, "url": "u"}
    (tmp_path / "c.jsonl").write_text(json.dumps(record) + "\n")
    before = lintnews(["--no-corpus", "story.txt"], tmp_path).stdout.decode()
    assert "story.txt:12:96: T002" in before
    done = lintnews(["--no-corpus", "--fix", "--output-dir", "out", "story.txt", "c.jsonl"], tmp_path)
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode()
    # The cut-off sentence is on line 7 of the fixed copy (line 11 of the unchanged input).
    assert out.splitlines()[:2] == [
        'out/story.txt:7:96: T002 Document is cut off (ends on "and")',
        'out/c.jsonl#r1:7:96: T002 Document is cut off (ends on "and")',
    ]
    assert (tmp_path / "out/story.txt").read_text().splitlines()[6] == CUT
    assert json.loads((tmp_path / "out/c.jsonl").read_text())["text"].splitlines()[6] == CUT
    assert (tmp_path / "story.txt").read_text() == JUNKY
    # JSON output: the same pairing, and the document summary names the copy too.
    done = lintnews(
        ["--no-corpus", "--fix", "--output-dir", "out2", "--format", "json", "--statistics", "story.txt"],
        tmp_path,
    )
    report = json.loads(done.stdout)
    assert [(d["path"], d["line"], d["code"]) for d in report["diagnostics"]] == [
        ("out2/story.txt", 7, "T002")
    ]
    assert [d["path"] for d in report["documents"]] == ["out2/story.txt"]


def test_fix_in_place_and_diff_report_the_file_they_describe(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(JUNKY)
    diff = lintnews(["--no-corpus", "--diff", "--format", "json", "story.txt"], tmp_path)
    assert (tmp_path / "story.txt").read_text() == JUNKY
    done = lintnews(["--no-corpus", "--fix", "--format", "json", "story.txt"], tmp_path)
    assert [(d["path"], d["line"]) for d in json.loads(done.stdout)] == [("story.txt", 7)]
    assert (tmp_path / "story.txt").read_text() == FIXED
    assert diff.returncode == 1


# --- item 8: F004 and a Markdown file ending in an HTML comment ----------------------------------


def test_markdown_ending_in_a_comment_has_no_trailing_blank_lines(tmp_path: Path) -> None:
    text = f"{LEDE}\n\n{SECOND}\n<!-- lintnews: disable-next-line=D001 -- nothing follows -->\n"
    (tmp_path / "a.md").write_text(text)
    (tmp_path / "b.md").write_text(f"{LEDE}\n\n{SECOND}\n\n<!-- end of the story -->")
    done = lintnews(["--select", "F004", "a.md", "b.md"], tmp_path)
    assert (done.returncode, done.stdout.decode()) == (0, "All checks passed (2 documents).\n")


def test_f004_counts_comment_lines_as_lines_and_its_fixes_apply(tmp_path: Path) -> None:
    # Blank lines after a closing comment are reported and removed; blank lines inside a comment
    # are the comment's, never reported or edited; a comment between runs splits them.
    comment = "<!--\n\n\n\nnotes\n-->"
    text = f"{LEDE}\n\n\n\n<!-- moved -->\n\n{SECOND}\n{comment}\n\n\n"
    (tmp_path / "a.md").write_text(text)
    done = lintnews(["--select", "F004", "a.md"], tmp_path)
    assert done.stdout.decode().splitlines()[:2] == [
        "a.md:2:1: F004 [*] 3 blank lines in a row",
        "a.md:14:1: F004 [*] 2 blank lines at the end of the document",
    ]
    fixed = lintnews(["--select", "F004", "--fix", "a.md"], tmp_path)
    assert fixed.returncode == 0, fixed.stdout
    assert (tmp_path / "a.md").read_text() == f"{LEDE}\n\n<!-- moved -->\n\n{SECOND}\n{comment}\n"
    assert lintnews(["--select", "F004", "a.md"], tmp_path).stdout == b"All checks passed (1 document).\n"
