"""--fix, --diff, --fix-only and --output-dir: round trips, atomicity, honest exit codes."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from lintnews.cli import main
from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.fixes import FixPolicy, apply_edits, fix_document

LEDE = "Talks resumed in Geneva on Monday after a two-week pause, officials from both delegations said."
SECOND = "Both sides said they expected a long week of negotiations over the prisoner exchange."
THIRD = "The mediators declined to say when a joint statement might be published."
HEADLINE = "Geneva Talks Resume After Two-Week Pause"

JUNKY = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{HEADLINE}\n\n{LEDE}\n\n{THIRD}\n"
CLEAN = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{THIRD}\n"


def run(args: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = runner.invoke(main, ["check", "--isolated", *args])
    finally:
        os.chdir(old)
    return result.exit_code, result.stdout, result.stderr


def test_apply_edits_skips_overlapping_fixes_for_the_next_pass() -> None:
    text = "abcdef"
    first = Fix("drop bc", (Edit(1, 3, ""),))
    overlapping = Fix("drop cd", (Edit(2, 4, ""),))
    later = Fix("x for f", (Edit(5, 6, "x"),))
    assert apply_edits(text, [later, overlapping, first]) == ("adex", 2)


def test_fix_removes_repeated_paragraph_and_heading(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(JUNKY, encoding="utf-8")
    code, out, _ = run(["--fix", str(article)])
    assert code == 0, out
    assert article.read_text(encoding="utf-8") == CLEAN
    assert "Fixed 2 diagnostics." in out
    # A second run finds nothing, in particular nothing the fix itself created.
    assert run([str(article)])[0] == 0


def test_clean_article_is_left_byte_identical(tmp_path: Path) -> None:
    article = tmp_path / "clean.txt"
    data = CLEAN.replace("\n", "\r\n").encode("utf-8")
    article.write_bytes(data)
    before = article.stat().st_mtime_ns
    code, _, _ = run(["--fix", str(article)])
    assert code == 0
    assert article.read_bytes() == data
    assert article.stat().st_mtime_ns == before


def test_fix_keeps_encoding_line_endings_and_permissions(tmp_path: Path) -> None:
    article = tmp_path / "crlf.txt"
    article.write_bytes(JUNKY.replace("\n", "\r\n").encode("utf-16"))
    article.chmod(0o640)
    assert run(["--fix", str(article)])[0] == 0
    raw = article.read_bytes()
    assert raw.decode("utf-16") == CLEAN.replace("\n", "\r\n")
    assert stat.S_IMODE(article.stat().st_mode) == 0o640


def test_diff_writes_nothing_and_still_fails(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(JUNKY, encoding="utf-8")
    code, out, err = run(["--diff", str(article)])
    assert code == 1  # the findings are still in the file: the gate stays red
    assert article.read_text(encoding="utf-8") == JUNKY
    assert f"-{HEADLINE}" in out and f"-{LEDE}" in out
    assert out.count("\n-") == 4  # heading + blank, paragraph + blank
    assert "Would fix 2 of 2 diagnostics" in err


def test_diff_counts_what_the_fixes_left_without_saying_more_than_all(tmp_path: Path) -> None:
    # two footer lines removed one after the other leave the blank line above them at the end,
    # which the next round fixes (F004): three fixes for the two diagnostics found
    article = tmp_path / "article.txt"
    article.write_text(
        f"{LEDE}\n\n{SECOND}\n\nAll rights reserved\nCopyright 2012 Foo Inc.\n", encoding="utf-8"
    )
    code, out, err = run(["--diff", str(article)])
    assert code == 0
    assert out.count("\n-") == 3
    assert "Would fix 3 diagnostics (2 found, and what their fixes left);" in err
    assert "of 2" not in err


def test_fix_exit_code_reports_what_remains(tmp_path: Path) -> None:
    article = tmp_path / "cut.txt"
    # The duplicate is fixable; the truncated ending is not.
    article.write_text(
        f"{LEDE}\n\n{SECOND}\n\n{LEDE}\n\nThe mediators declined to say when a statement would be ready for the\n"
    )
    code, out, _ = run(["--fix", str(article)])
    assert code == 1
    assert "T002" in out and "D001" not in out
    assert run(["--fix-only", str(article)])[0] == 0


def test_unsafe_fixes_need_the_flag() -> None:
    unsafe = Fix("drop", (Edit(0, 3, ""),), safe=False)
    doc = Document(path="x.txt", text="abc def")

    class Fake:
        fix = unsafe
        code = "D001"

    assert not FixPolicy().allows(Fake())  # type: ignore[arg-type]
    assert FixPolicy(unsafe=True).allows(Fake())  # type: ignore[arg-type]
    assert FixPolicy(unsafe=True, unfixable=["D"]).allows(Fake()) is False  # type: ignore[arg-type]
    assert doc.text == "abc def"


def test_fixing_is_idempotent_and_bounded() -> None:
    linter = Linter(Settings())
    doc = Document(path="a.txt", text=JUNKY)
    once = fix_document(doc, lambda d: linter.lint(d).diagnostics, FixPolicy())
    twice = fix_document(once.document, lambda d: linter.lint(d).diagnostics, FixPolicy())
    assert once.fixed == 2 and twice.fixed == 0
    assert twice.document.text == once.document.text == CLEAN


def test_html_fix_removes_the_element_from_the_markup(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    markup = (
        "<html><head><title>t</title></head><body>\n"
        f'<h1>{HEADLINE}</h1>\n<p>{LEDE}</p>\n<p class="x">{SECOND}</p>\n'
        f"<p>\n  {LEDE}\n</p>\n<p>{THIRD}</p>\n</body></html>\n"
    )
    page.write_text(markup, encoding="utf-8")
    assert run(["--fix", str(page)])[0] == 0
    fixed = page.read_text(encoding="utf-8")
    assert fixed.count(LEDE) == 1
    assert f'<p class="x">{SECOND}</p>' in fixed and THIRD in fixed and "<h1>" in fixed


def test_jsonl_is_never_fixed_in_place(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    original = json.dumps({"id": "a", "text": JUNKY}) + "\n"
    corpus.write_text(original)
    code, out, err = run(["--fix", str(corpus)])
    # a warning, not an error: the corpus is linted and its findings (not fixed) fail the run
    assert code == 1 and err.startswith("lintnews: warning: ") and "--output-dir" in err
    assert "c.jsonl#a:" in out
    assert corpus.read_text() == original


def test_jsonl_output_dir_keeps_other_fields_and_unreadable_records(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [
        json.dumps({"id": "a", "text": JUNKY, "url": "https://example.org/a", "n": 1}),
        "{broken json",
        json.dumps({"id": "b", "title": "no text field"}),
        json.dumps({"id": "c", "text": CLEAN}),
    ]
    corpus.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out"
    code, _, _ = run(["--fix", "--output-dir", str(out), str(corpus)], cwd=tmp_path)
    assert code == 2  # the two unreadable records are reported
    written = (out / "c.jsonl").read_text().splitlines()
    assert len(written) == 4
    first = json.loads(written[0])
    assert first == {"id": "a", "text": CLEAN, "url": "https://example.org/a", "n": 1}
    assert written[1] == "{broken json"
    assert written[2] == lines[2] and written[3] == lines[3]
    assert corpus.read_text() == "\n".join(lines) + "\n"


def test_killed_fix_leaves_every_file_old_or_new(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    # Many large files so the process is still fixing when it is killed.
    filler = "\n\n".join(f"Paragraph {i} of the report describes the hearing in detail." for i in range(400))
    for i in range(300):
        (folder / f"a{i:03}.txt").write_text(f"{JUNKY}\n{filler}\n", encoding="utf-8")
    new = None
    proc = subprocess.Popen(
        [sys.executable, "-m", "lintnews", "check", "--isolated", "--fix", "-q", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        done = [p for p in folder.glob("*.txt") if p.read_text(encoding="utf-8").count(LEDE) == 1]
        if done:
            new = done[0].read_text(encoding="utf-8")
            break
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert new is not None, "the fix never got going"
    old = f"{JUNKY}\n{filler}\n"
    texts = [p.read_text(encoding="utf-8") for p in folder.glob("*.txt")]
    assert len(texts) == 300
    assert all(t in (old, new) for t in texts)


def test_markdown_comments_are_invisible_to_rules_and_kept_by_fixes(tmp_path: Path) -> None:
    note = "<!-- editor: check the figures in the second paragraph before publishing -->"
    article = tmp_path / "a.md"
    article.write_text(f"{note}\n\n{LEDE}\n\n{SECOND}\n\n{note}\n\n{LEDE}\n")
    code, out, _ = run(["--fix", str(article)])
    assert code == 0, out
    # The repeated comment is not a duplicated paragraph; the repeated paragraph is removed.
    assert article.read_text() == f"{note}\n\n{LEDE}\n\n{SECOND}\n\n{note}\n"


def test_a_threads_fix_is_not_lost_to_the_fixes_of_its_lines() -> None:
    """B011's fix removes the whole thread; B002 and B012 remove its counter and its header lines.
    Tried in order of where they start, the counter's fix (the thread's first line) came first,
    the thread's clashed and waited for the next pass, where no header was left to find the
    thread by: the comment bodies stayed. The widest fix is tried first now (`fix_order`)."""
    article = (
        "The city council approved the new budget on Tuesday after a debate that lasted well into the "
        "night, and the mayor said the vote was a relief for the schools.",
        "Opposition members said the plan leaves too little for road repairs and warned that the deficit "
        "will return next year if the income from parking falls short.",
        "The council will vote on the details of the plan in March, a spokesman for the mayor said.",
    )
    thread = (
        "3 Comments",
        "Pascal Sauvé says:",
        "This is the worst idea the council has had in years, and everybody in the old town knows it.",
        "Mona says:",
        "Finally somebody says it out loud: the roads in the north of the city are a disgrace.",
        "Caleb says:",
        "The buses will be late again all winter, mark my words, and nobody will be held to account.",
    )
    doc = Document("a.txt", "\n".join((*article, *thread)) + "\n")  # one line a block, as trafilatura writes
    linter = Linter(Settings(extend_select=["B011"]))
    found = {(d.code, d.line) for d in linter.lint(doc).diagnostics}
    assert {("B002", 4), ("B011", 4), ("B012", 5)} <= found
    out = fix_document(doc, lambda d: linter.lint(d).diagnostics, FixPolicy(unsafe=True))
    assert out.document.text == "\n".join(article) + "\n"
