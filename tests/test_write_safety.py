"""What lintnews writes never loses or changes data it was not asked to change (issue 21, items
3-7, and issue 14, item 14): fixed copies of distinct inputs never overwrite each other, an input
named twice is read once, a fixed JSONL record keeps every byte it did not fix, outputs write
through devices, pipes and links, outputs never replace inputs, in-place fixes keep line
endings, encodings, links and read-only files, and a failed or raced input commits nothing."""

from __future__ import annotations

import gzip
import json
import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from console import lintnews_script

from lintnews import fixes, sources
from lintnews.atomic import TEMP_PREFIX, TEMP_SUFFIX
from lintnews.cli import main
from lintnews.fixes import fixer as fixer_mod

LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."
HEADLINE = "Geneva Talks Resume After Two-Week Pause"
JUNKY = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{LEDE}\n"
CLEAN = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
OTHER = (
    "Flooding Closes Rail Line\n\nHeavy rain closed the coastal rail line on Tuesday, and buses "
    "replaced trains between the two towns while engineers inspected the embankment.\n"
)
#: A defect F001 fixes by inserting one space: "Monday.Both" becomes "Monday. Both".
SPACE_JUNK = "Talks resumed in Geneva on Monday.Both sides said they expected a long week."
SPACE_FIXED = "Talks resumed in Geneva on Monday. Both sides said they expected a long week."


def check(args: list[str], cwd: Path, corpus: bool = False) -> subprocess.CompletedProcess[str]:
    """The installed ``lintnews check --isolated --no-cache -q [--no-corpus] ARGS`` in ``cwd``."""
    base = ["--isolated", "--no-cache", "-q", *([] if corpus else ["--no-corpus"])]
    return subprocess.run(
        [lintnews_script(), "check", *base, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_COLOR": "1"},
    )


def in_process(args: list[str], cwd: Path) -> tuple[int, str, str]:
    old = os.getcwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, ["check", "--isolated", "--no-cache", "-q", "--no-corpus", *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def record(rid: str, text: str) -> str:
    return json.dumps({"id": rid, "text": text}) + "\n"


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


# --- item 3: --output-dir names: distinct inputs get distinct copies ---------------------------


def test_a_corpus_and_its_gzipped_twin_get_one_copy_each(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text(record("plain", JUNKY))
    (tmp_path / "c.jsonl.gz").write_bytes(gzip.compress(record("zipped", JUNKY).encode()))
    proc = check(["--fix", "--output-dir", "out", "c.jsonl", "c.jsonl.gz"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    assert files_under(out) == ["c.jsonl", "c.jsonl.gz"]
    assert (out / "c.jsonl").read_text() == record("plain", CLEAN)
    # The copy of a gzipped corpus is gzipped too, under the same name.
    assert gzip.decompress((out / "c.jsonl.gz").read_bytes()).decode() == record("zipped", CLEAN)


def test_inputs_outside_the_working_folder_mirror_their_common_folder(tmp_path: Path) -> None:
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "c.jsonl").write_text(record(name, JUNKY))
    data = tmp_path / "data"
    for name in ("a", "b"):  # one folder argument, the same file name in two subfolders
        (data / name).mkdir(parents=True)
        (data / name / "story.txt").write_text(f"{name}\n\n{JUNKY}")
    work = tmp_path / "work"
    work.mkdir()
    proc = check(["--fix", "--output-dir", "out", "../x/c.jsonl", "../y/c.jsonl"], work)
    assert proc.returncode == 0, proc.stderr
    assert files_under(work / "out") == ["x/c.jsonl", "y/c.jsonl"]
    assert (work / "out" / "x" / "c.jsonl").read_text() == record("x", CLEAN)
    assert (work / "out" / "y" / "c.jsonl").read_text() == record("y", CLEAN)
    proc = check(["--fix", "--output-dir", "out2", str(data)], work)
    assert proc.returncode == 0, proc.stderr
    assert files_under(work / "out2") == ["data/a/story.txt", "data/b/story.txt"]
    assert (work / "out2" / "data" / "b" / "story.txt").read_text() == f"b\n\n{CLEAN}"
    # Inside the working folder, copies still mirror the path from there.
    proc = check(["--fix", "--output-dir", "out3", "."], data)
    assert files_under(data / "out3") == ["a/story.txt", "b/story.txt"]


@pytest.mark.parametrize("spelling", ["same", "folded"])
def test_two_inputs_mapped_to_one_copy_are_refused_naming_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    # Distinct paths never map to one name on a case-sensitive file system; one that folds
    # case might ("folded": two spellings of one file, found only by the file system), or a
    # future mapping ("same"): the second input is refused, the first one's copy kept.
    for name in ("x", "y"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "c.jsonl").write_text(record(name, JUNKY))
        (tmp_path / name / "s.txt").write_text(f"{name}\n\n{JUNKY}")

    def relative(self: fixes.Fixer, path: str) -> str:
        fold = "./" if spelling == "folded" and path.startswith("y") else ""
        return fold + os.path.basename(path)

    monkeypatch.setattr(fixes.Fixer, "_relative", relative)
    code, _, err = in_process(["--fix", "--output-dir", "out", "x", "y"], tmp_path)
    assert code == 2
    assert err.splitlines() == [
        f"lintnews: error: y/c.jsonl:1 (record y): its fixed copy would replace that of x/c.jsonl (both map to "
        f"{os.path.join('out', 'c.jsonl')}): not written",
        f"lintnews: error: y/s.txt: its fixed copy would replace that of x/s.txt (both map to "
        f"{os.path.join('out', 's.txt')}): not written",
    ]
    assert (tmp_path / "out" / "c.jsonl").read_text() == record("x", CLEAN)
    assert (tmp_path / "out" / "s.txt").read_text() == f"x\n\n{CLEAN}"


# --- item 4: an input named twice is read once; the kept copy is always written -----------------


def copies(folder: Path) -> list[str]:
    """A corpus with two exact copies (a and d) and two other records."""
    lines = [record("a", CLEAN), record("b", OTHER), record("c", SPACE_FIXED + "\n"), record("d", CLEAN)]
    (folder / "c.jsonl").write_text("".join(lines))
    return lines


def test_a_corpus_named_twice_is_read_once_and_keeps_its_records(tmp_path: Path) -> None:
    sub = tmp_path / "sub"
    sub.mkdir()
    lines = copies(sub)
    (sub / "alias.jsonl").symlink_to("c.jsonl")  # the same file under another name
    proc = check(
        ["--fix", "--unsafe-fixes", "--output-dir", "out", "sub", "sub/c.jsonl", "./sub/"],
        tmp_path,
        corpus=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Read once (under its first name, the link): only the real copy "d" is dropped.
    assert files_under(tmp_path / "out") == ["sub/alias.jsonl"]
    assert (tmp_path / "out" / "sub" / "alias.jsonl").read_text() == "".join(lines[:3])
    proc = check(["--format", "json", "sub/c.jsonl", "sub"], tmp_path, corpus=True)
    found = json.loads(proc.stdout)
    assert [(d["path"], d["record"], d["code"]) for d in found] == [("sub/c.jsonl", "d", "N002")]


def test_a_record_read_twice_is_never_dropped_with_its_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Were a file read twice after all (the inputs not deduplicated), a record would be reported
    # as a copy of itself: its only copy must still be written, once.
    lines = copies(tmp_path)
    monkeypatch.setattr(sources.SeenFiles, "add_path", lambda self, path: True)
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(
            main,
            [
                "check",
                "--isolated",
                "--no-cache",
                "-q",
                "--fix",
                "--unsafe-fixes",
                "--output-dir",
                "out",
                "c.jsonl",
                "c.jsonl",
            ],
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.stdout  # the self-copies are reported, not dropped
    assert (tmp_path / "out" / "c.jsonl").read_text() == "".join(lines)  # each record once


def test_seen_files_stay_exact_past_the_in_memory_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources.SeenFiles, "FLUSH", 4)
    seen = sources.SeenFiles()
    assert all(seen.add(dev, ino) for dev in (1, 2) for ino in range(10))
    assert not any(seen.add(dev, ino) for dev in (1, 2) for ino in range(10))
    assert seen.add(3, 0) and seen.add(1, 2**64 - 1) and not seen.add(1, 2**64 - 1)


# --- item 5: a fixed JSONL record keeps every byte it did not fix -------------------------------


def test_fixed_records_keep_every_byte_they_did_not_fix(tmp_path: Path) -> None:
    lines = [
        # numbers beyond a double, beyond 64 bits, and not exact in binary; odd spacing
        '{"id": "r1" , "n": 18446744073709551616, "f": 0.1, "g": 1e400, "h": -0.0,  "x": 1.50E+3,'
        f' "text" : {json.dumps(SPACE_JUNK)} }}\n',
        # duplicate keys (the last text is the one read and fixed), escapes in other fields
        f'{{"id":"r2","tag":"a","tag":"b","title":"Caf\\u00e9 \\ud83d\\ude00 \\/ \\"q\\"","text":"stale",'
        f'"text":{json.dumps(SPACE_JUNK)}}}\n',
        # CRLF and a lone CR inside the text: each line break keeps its kind
        '{"id":"r3","text":' + json.dumps(f"{HEADLINE}\r\n\r\n{SPACE_JUNK}\r{SECOND}\n") + "}\n",
        # a text written with \u escapes keeps that style
        '{"id":"r4","text":' + json.dumps(f"Caf\u00e9 {SPACE_JUNK}") + "}\n",
        # records that need no fix: byte-identical, whatever their layout
        '{ "id" : "r5", "text" : "' + SPACE_FIXED + '", "n": 18446744073709551616, "f": 1e400 }\r\n',
        '{"id":"r6","text":'
        + json.dumps(f"Caf\u00e9 {SPACE_FIXED}", ensure_ascii=False)
        + ',"t":"\\u00e9"}\n',
    ]
    (tmp_path / "c.jsonl").write_text("".join(lines), newline="")
    proc = check(["--fix", "--output-dir", "out", "c.jsonl"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = (tmp_path / "out" / "c.jsonl").read_bytes().decode()
    expected = [
        lines[0].replace(json.dumps(SPACE_JUNK), json.dumps(SPACE_FIXED)),
        lines[1].replace(json.dumps(SPACE_JUNK), json.dumps(SPACE_FIXED)),
        lines[2].replace(json.dumps(SPACE_JUNK)[1:-1], json.dumps(SPACE_FIXED)[1:-1]),
        lines[3].replace(json.dumps(SPACE_JUNK)[1:-1], json.dumps(SPACE_FIXED)[1:-1]),
        lines[4],
        lines[5],
    ]
    assert out.splitlines(keepends=True) == expected
    assert "\\u00e9" in expected[3] and '"stale"' in expected[1] and "\\r\\n\\r\\n" in expected[2]


# --- item 6 and issue 14 item 14: outputs write through; outputs never replace inputs -----------


def article(folder: Path, name: str = "story.txt") -> Path:
    path = folder / name
    path.write_text(JUNKY)
    return path


def test_a_report_into_a_named_pipe_is_written_through_it(tmp_path: Path) -> None:
    article(tmp_path)
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    proc = check(["-o", "report.fifo", "story.txt"], tmp_path)
    reader.join(30)
    assert proc.returncode == 1, proc.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # still a pipe, not a file renamed over it
    assert received == [b"story.txt:7:1: D001 [*] Paragraph repeats line 3\n"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def null_device(folder: Path) -> Path:
    """A private /dev/null (the same device, another node): what happens to it would happen to
    the real one, without touching the machine's."""
    path = folder / "null"
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    return path


def test_outputs_to_a_device_leave_it_a_device(tmp_path: Path) -> None:
    article(tmp_path)
    (tmp_path / "c.jsonl").write_text(record("a", JUNKY) + record("b", CLEAN))
    null = null_device(tmp_path)
    before = null.stat()
    for option in ("-o", "--write-baseline", "--accepted-output", "--rejected-output"):
        proc = check([option, "null", "story.txt", "c.jsonl"], tmp_path)
        assert proc.returncode == 1, proc.stderr
        after = null.stat()
        assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (
            before.st_ino,
            before.st_rdev,
        )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "null", "story.txt"]


def test_a_report_to_a_descriptor_name_goes_where_the_descriptor_does(tmp_path: Path) -> None:
    # `-o /dev/stdout > report.txt`: /dev/stdout leads to the shell's file, which must receive
    # the report (not be replaced by a new file the shell never sees). A private link to
    # /proc/self/fd/1 stands for /dev/stdout.
    article(tmp_path)
    (tmp_path / "stdout").symlink_to("/proc/self/fd/1")
    with open(tmp_path / "report.txt", "wb") as redirected:
        inode = os.fstat(redirected.fileno()).st_ino
        proc = subprocess.run(
            [lintnews_script(), "check", "--isolated", "--no-cache", "-q", "-o", "stdout", "story.txt"],
            cwd=tmp_path,
            stdout=redirected,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "stdout").is_symlink()
    assert (tmp_path / "report.txt").stat().st_ino == inode
    assert (tmp_path / "report.txt").read_text() == "story.txt:7:1: D001 [*] Paragraph repeats line 3\n"


def test_outputs_through_symbolic_links_replace_the_file_they_point_to(tmp_path: Path) -> None:
    article(tmp_path)
    (tmp_path / "c.jsonl").write_text(record("a", JUNKY) + record("b", CLEAN))
    real = tmp_path / "real"
    real.mkdir()
    links = {
        "-o": "report.txt",
        "--write-baseline": "base.json",
        "--accepted-output": "ok.jsonl",
        "--rejected-output": "bad.jsonl",
    }
    for name in links.values():
        (real / name).write_text("old\n")
        (tmp_path / name).symlink_to(real / name)
    (tmp_path / "dangling.json").symlink_to(real / "new.json")  # its target is created
    args = [arg for option, name in links.items() for arg in (option, name)]
    proc = check([*args, "story.txt", "c.jsonl"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    for name in links.values():
        assert (tmp_path / name).is_symlink() and os.readlink(tmp_path / name) == str(real / name)
    assert (real / "report.txt").read_text().splitlines() == [
        "story.txt:7:1: D001 [*] Paragraph repeats line 3",
        "c.jsonl#a:7:1: D001 [*] Paragraph repeats line 3",
    ]
    assert (real / "ok.jsonl").read_text() == record("b", CLEAN)
    assert (real / "bad.jsonl").read_text() == record("a", JUNKY)
    assert json.loads((real / "base.json").read_text())["tool"] == "lintnews"
    proc = check(["--write-baseline", "dangling.json", "story.txt"], tmp_path)
    assert (tmp_path / "dangling.json").is_symlink() and json.loads((real / "new.json").read_text())[
        "entries"
    ]


def test_an_output_with_hard_links_is_rewritten_in_place(tmp_path: Path) -> None:
    article(tmp_path)
    (tmp_path / "report.txt").write_text("old\n")
    os.link(tmp_path / "report.txt", tmp_path / "also.txt")
    proc = check(["-o", "report.txt", "story.txt"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "also.txt").read_text() == "story.txt:7:1: D001 [*] Paragraph repeats line 3\n"
    assert (tmp_path / "report.txt").stat().st_ino == (tmp_path / "also.txt").stat().st_ino


@pytest.mark.parametrize("option", ["-o", "--write-baseline", "--accepted-output", "--rejected-output"])
def test_an_output_that_is_a_named_input_is_refused_before_anything_is_written(
    tmp_path: Path, option: str
) -> None:
    (tmp_path / "c.jsonl").write_text(record("a", JUNKY) + record("b", CLEAN))
    story = article(tmp_path)
    target = "c.jsonl" if option.endswith("-output") else "story.txt"
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    proc = check([option, target, "--fix", "c.jsonl", "story.txt"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        f"lintnews: error: {option} {target} is an input of this run ({target}): writing it would replace "
        f"that input; choose another file or leave it out of the inputs\n"
    )
    assert proc.stdout == ""
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # not even the --fix
    assert story.read_text() == JUNKY


def test_an_output_found_in_a_linted_folder_is_refused_unless_the_walk_skips_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "batch.jsonl").write_text(record("a", JUNKY) + record("b", CLEAN))
    before = (data / "batch.jsonl").read_bytes()
    proc = check(["--accepted-output", "data/batch.jsonl", "data"], tmp_path)
    assert proc.returncode == 2
    assert "--accepted-output data/batch.jsonl is an input of this run (data/batch.jsonl)" in proc.stderr
    assert (data / "batch.jsonl").read_bytes() == before
    # A report of a previous run in the folder is an input too (a .txt is linted) ...
    (data / "report.txt").write_text("old report\n")
    proc = check(["-o", str(data / "report.txt"), "data"], tmp_path)
    assert proc.returncode == 2 and "is an input of this run (data/report.txt)" in proc.stderr
    # ... unless the walk leaves it out (an .ignore file), or it is not there yet.
    (data / ".ignore").write_text("report.txt\n")
    proc = check(["-o", "data/report.txt", "--rejected-output", "data/rejected.jsonl", "data"], tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (data / "report.txt").read_text() == "data/batch.jsonl#a:7:1: D001 [*] Paragraph repeats line 3\n"
    assert (data / "rejected.jsonl").read_text() == record("a", JUNKY)


def test_two_outputs_naming_one_file_are_refused(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text(record("a", JUNKY) + record("b", CLEAN))
    proc = check(["--accepted-output", "x.jsonl", "--rejected-output", "./x.jsonl", "c.jsonl"], tmp_path)
    assert proc.returncode == 2
    assert proc.stderr == (
        "lintnews: error: --accepted-output and --rejected-output name the same file (./x.jsonl): "
        "each output needs its own file\n"
    )
    assert not (tmp_path / "x.jsonl").exists()
    (tmp_path / "r.txt").write_text("")
    (tmp_path / "link.txt").symlink_to("r.txt")
    proc = check(["-o", "r.txt", "--write-baseline", "link.txt", "c.jsonl"], tmp_path)
    assert proc.returncode == 2 and "-o and --write-baseline name the same file (link.txt)" in proc.stderr
    # Updating a baseline in place stays allowed, and devices may take several outputs.
    assert check(["--write-baseline", "b.json", "c.jsonl"], tmp_path).returncode == 1
    null_device(tmp_path)
    proc = check(
        [
            "--baseline",
            "b.json",
            "--write-baseline",
            "b.json",
            "-o",
            "null",
            "--rejected-output",
            "null",
            "c.jsonl",
        ],
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr


# --- item 7: in-place fixes change only what they fix ------------------------------------------


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("cr.txt", JUNKY.replace("\n", "\r").encode(), CLEAN.replace("\n", "\r").encode()),
        (
            "mixed.txt",
            f"{HEADLINE}\r\n\n{LEDE}\r\r{SECOND}\n\r\n{LEDE}\r\n".encode(),
            f"{HEADLINE}\r\n\n{LEDE}\r\r{SECOND}\n".encode(),
        ),
        ("be.txt", b"\xfe\xff" + JUNKY.encode("utf-16-be"), b"\xfe\xff" + CLEAN.encode("utf-16-be")),
        (
            "le32.md",
            b"\xff\xfe\x00\x00" + JUNKY.replace("\n", "\r\n").encode("utf-32-le"),
            b"\xff\xfe\x00\x00" + CLEAN.replace("\n", "\r\n").encode("utf-32-le"),
        ),
        ("bom8.txt", b"\xef\xbb\xbf" + JUNKY.encode(), b"\xef\xbb\xbf" + CLEAN.encode()),
    ],
)
def test_a_fix_keeps_each_line_ending_and_the_encoding(
    tmp_path: Path, name: str, data: bytes, expected: bytes
) -> None:
    (tmp_path / name).write_bytes(data)
    proc = check(["--fix", name], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / name).read_bytes() == expected


def test_line_endings_follow_the_lines_they_belong_to() -> None:
    original = "a\r\nb\nc\rd\r\ne"
    assert fixes.restore_line_endings(original, "a\nc\nd\ne") == "a\r\nc\rd\r\ne"  # b removed
    assert fixes.restore_line_endings(original, "A\nb\nc\nd\ne") == "A\r\nb\nc\rd\r\ne"  # a changed
    assert fixes.restore_line_endings(original, "a\nb\nc\nd\ne\n") == "a\r\nb\nc\rd\r\ne\r\n"
    assert fixes.restore_line_endings("x\ny\n", "x\n") == "x\n"


def test_a_symbolic_link_is_fixed_through_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    target = article(real)
    (tmp_path / "link.txt").symlink_to(target)
    proc = check(["--fix", "link.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "link.txt").is_symlink()
    assert target.read_text() == CLEAN


def test_hard_links_all_see_the_fix(tmp_path: Path) -> None:
    story = article(tmp_path)
    os.link(story, tmp_path / "same.txt")
    story.chmod(0o640)
    proc = check(["--fix", "story.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "same.txt").read_text() == CLEAN
    assert story.stat().st_ino == (tmp_path / "same.txt").stat().st_ino and story.stat().st_nlink == 2
    assert stat.S_IMODE(story.stat().st_mode) == 0o640


def test_a_fixed_file_keeps_its_owner(tmp_path: Path) -> None:
    story = article(tmp_path)
    owner = (1234, 5678) if os.geteuid() == 0 else (os.geteuid(), os.getegid())  # root fixes others' files
    os.chown(story, *owner)
    proc = check(["--fix", "story.txt"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert story.read_text() == CLEAN
    assert (story.stat().st_uid, story.stat().st_gid) == owner


def test_a_read_only_file_is_not_fixed(tmp_path: Path) -> None:
    story = article(tmp_path)
    other = article(tmp_path, "other.txt")
    story.chmod(0o444)
    proc = check(["--fix", "story.txt", "other.txt"], tmp_path)
    assert proc.returncode == 2
    assert (
        proc.stderr == "lintnews: error: story.txt: read-only file: not fixed (make it writable to fix it)\n"
    )
    assert story.read_text() == JUNKY and stat.S_IMODE(story.stat().st_mode) == 0o444
    assert other.read_text() == CLEAN


HOLD = """
import sys, time
from lintnews.atomic import atomic_open
with atomic_open(sys.argv[1], "wb") as fh:
    fh.write(b"half a fi")
    fh.flush()
    print("writing", flush=True)
    time.sleep(120)
"""


def test_temporary_files_of_killed_runs_are_removed_by_the_next_run(tmp_path: Path) -> None:
    story = article(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(tmp_path / "out.txt")], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "writing\n"
        (live,) = [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]
        assert live.name.endswith(TEMP_SUFFIX)
        not_ours = [tmp_path / ".lintnews-keep.tmp", tmp_path / ".lintnews-abcd1234.tmp.bak"]
        for path in not_ours:
            path.write_text("someone else's\n")
        proc = check(["--fix", "story.txt"], tmp_path)  # a live run's temporary file stays
        assert proc.returncode == 0 and live.exists()
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert live.exists()  # SIGKILL leaves it behind
        story.write_text(JUNKY)
        proc = check(["--fix", "story.txt"], tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert not live.exists() and all(p.exists() for p in not_ours)
        assert story.read_text() == CLEAN
    finally:
        holder.kill()
        holder.wait()


# --- crashes: a file changed while it was fixed; a corpus read in part --------------------------


def test_a_file_changed_while_it_is_fixed_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = article(tmp_path)
    article(tmp_path, "other.txt")
    original = fixes.fix_document

    def racing(doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        outcome = original(doc, *args, **kwargs)
        if doc.path == "story.txt":
            story.write_text("Edited by someone else meanwhile.\n")  # another program, another run
        return outcome

    monkeypatch.setattr(fixer_mod, "fix_document", racing)  # where the Fixer looks it up
    code, _, err = in_process(["--fix", "story.txt", "other.txt"], tmp_path)
    assert code == 2
    assert err == (
        "lintnews: error: story.txt: changed on disk while it was being fixed (by another program or run?): "
        "not written; run lintnews again\n"
    )
    assert story.read_text() == "Edited by someone else meanwhile.\n"
    assert (tmp_path / "other.txt").read_text() == CLEAN


def test_a_truncated_gzip_corpus_commits_no_cleaned_copy(tmp_path: Path) -> None:
    whole = gzip.compress("".join(record(f"r{i}", f"Story {i}\n\n{JUNKY}") for i in range(400)).encode())
    (tmp_path / "c.jsonl.gz").write_bytes(whole[: len(whole) // 2])
    # good.jsonl repeats r1: with unsafe fixes its copy would be dropped as a duplicate of r1,
    # whose corpus gets no copy: the text would be in no output.
    (tmp_path / "good.jsonl").write_text(record("g", JUNKY) + record("again", f"Story 1\n\n{JUNKY}"))
    proc = check(
        [
            "--select",
            "D001,N002",
            "--fix",
            "--unsafe-fixes",
            "--output-dir",
            "out",
            "c.jsonl.gz",
            "good.jsonl",
        ],
        tmp_path,
        corpus=True,
    )
    assert proc.returncode == 2
    (error,) = proc.stderr.splitlines()
    assert error.startswith("lintnews: error: c.jsonl.gz:") and ": cannot read past line " in error
    assert error.endswith("; no cleaned copy written to out")
    assert files_under(tmp_path / "out") == ["good.jsonl"]
    assert (tmp_path / "out" / "good.jsonl").read_text() == record("g", CLEAN) + record(
        "again", f"Story 1\n\n{CLEAN}"
    )
    # Reported in the cleaned copy it stays in (c.jsonl.gz has none: named as the input).
    assert (
        proc.stdout
        == "out/good.jsonl#again:1:1: N002 [*] Exact duplicate of c.jsonl.gz#r1 (same text after normalisation)\n"
    )
