"""Text read as Markdown wherever it is stored, as Vale's ``[formats]`` says it (``formats = { txt =
"md" }``), and a JSONL corpus's text as ``text-format`` (or a record's ``format-field``) says: links
and images are read as the words a reader sees, positions stay those of the text as stored, and
fixes never cut a link. Nothing is Markdown unless configured."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from console import lintnews_script
from test_markdown_links import LEDE, SECOND

from lintnews.api import Linter as ApiLinter
from lintnews.config import Settings
from lintnews.sources import kind_of

#: html2text's share row: each button a link with its query string (lines 7-9 of `PAGE`).
SHARE_ROW = (
    "  * [Facebook](http://www.facebook.com/sharer.php?u=http%3A%2F%2Fexample.com%2Fstrike)\n"
    "  * [Twitter](https://twitter.com/intent/tweet?url=http%3A%2F%2Fexample.com%2Fstrike)\n"
    "  * [Email](mailto:?subject=Harbour%20strike)\n"
)
#: A paragraph with two long links: prose, whose addresses a fix must keep.
LINKED = (
    "Read the statement on [its website](http://example.org/news/2012/11/statement-on-the-agreement-"
    "reached-with-the-port-authority.html) and the reply on [its site]"
    "(http://example.com/press/reply-to-the-union-on-the-agreement-reached-after-nine-days.html)."
)
PAGE = f"# Harbour strike ends\n\n{LEDE}\n\n{LINKED}\n\n{SHARE_ROW}\n{SECOND}\n"
#: B005 on each button of the share row, at the column of its text's first character.
SHARE_FINDINGS = [(7, 3, "B005"), (8, 3, "B005"), (9, 3, "B005")]


def run(
    cwd: Path, *args: str, config: str | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    if config is not None:
        (cwd / "lintnews.toml").write_text(config)
    command = [lintnews_script(), "check", "--no-cache", "--output-format", "json", *args]
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        command,
        cwd=cwd,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def findings(proc: subprocess.CompletedProcess[str], code: str | None = None) -> list[tuple[object, ...]]:
    found = json.loads(proc.stdout)
    return [
        ((d["record"],) if d.get("record") is not None else ()) + (d["line"], d["column"], d["code"])
        for d in found
        if code is None or d["code"] == code
    ]


def test_a_txt_file_configured_as_markdown_reads_links_as_their_words(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(PAGE)
    as_text = run(tmp_path, "story.txt", config="")
    assert findings(as_text, "B005") == []  # as written, each button is a long line of addresses
    as_md = run(tmp_path, "story.txt", config='formats = { txt = "md" }\n')
    assert findings(as_md, "B005") == SHARE_FINDINGS, as_md.stderr
    # the same as a .md file: the format, not the name, decides
    (tmp_path / "story.md").write_text(PAGE)
    assert findings(run(tmp_path, "story.md", config="")) == findings(as_md)
    # and a .md file configured as text is read as written
    assert findings(run(tmp_path, "story.md", config='formats = { md = "text" }\n')) == findings(as_text)


def test_a_new_extension_is_walked_and_read_in_its_format(tmp_path: Path) -> None:
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "story.mdx").write_text(PAGE)
    (tmp_path / "desk" / "notes.rst").write_text(PAGE)
    assert json.loads(run(tmp_path, "desk", config="").stdout) == []  # .mdx is no known suffix
    proc = run(tmp_path, "desk", config='[formats]\n".MDX" = "markdown"\n')
    assert {d["path"] for d in json.loads(proc.stdout)} == {os.path.join("desk", "story.mdx")}
    assert findings(proc, "B005") == SHARE_FINDINGS
    listed = run(tmp_path, "--show-files", "desk")
    assert listed.stdout.split() == [os.path.join("desk", "story.mdx")]


def test_stdin_takes_the_format_of_its_name(tmp_path: Path) -> None:
    proc = run(
        tmp_path,
        "--stdin-filename",
        "story.txt",
        "-",
        config='formats = { txt = "md" }\n',
        stdin=PAGE.encode(),
    )
    assert findings(proc, "B005") == SHARE_FINDINGS


def corpus(path: Path, records: list[dict[str, object]]) -> bytes:
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    path.write_bytes(data)
    return data


def test_jsonl_text_read_as_markdown_reports_positions_in_the_stored_text(tmp_path: Path) -> None:
    corpus(tmp_path / "c.jsonl", [{"id": "a", "text": PAGE}, {"id": "b", "text": f"{LEDE}\n\n{SECOND}\n"}])
    assert findings(run(tmp_path, "c.jsonl", config=""), "B005") == []
    proc = run(tmp_path, "c.jsonl", config='text-format = "markdown"\n')
    assert findings(proc, "B005") == [("a", *f) for f in SHARE_FINDINGS]


def test_a_record_field_names_its_texts_format(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": PAGE, "format": "md"},
        {"id": "b", "text": PAGE, "format": "text"},
        {"id": "c", "text": PAGE},  # no field: text-format (text by default)
        {"id": "d", "text": PAGE, "format": "Markdown"},
    ]
    corpus(tmp_path / "c.jsonl", records)
    proc = run(tmp_path, "--no-corpus", "c.jsonl", config='format-field = "format"\n')
    assert proc.returncode == 0, proc.stderr  # (B005 is a warning)
    assert {f[0] for f in findings(proc, "B005")} == {"a", "d"}
    proc = run(tmp_path, "--no-corpus", "c.jsonl", config='format-field = "format"\ntext-format = "md"\n')
    assert {f[0] for f in findings(proc, "B005")} == {"a", "c", "d"}


def test_a_record_whose_format_field_is_unknown_is_an_input_error(tmp_path: Path) -> None:
    corpus(
        tmp_path / "c.jsonl",
        [{"id": "a", "text": PAGE, "format": "rst"}, {"id": "b", "text": PAGE, "format": 3}],
    )
    proc = run(tmp_path, "--no-corpus", "c.jsonl", config='format-field = "format"\n')
    assert proc.returncode == 2
    assert (
        "c.jsonl:1 (record a): `format` is 'rst': the format of `text` must be text or markdown"
        in proc.stderr
    )
    assert "c.jsonl:2 (record b): `format` is a int:" in proc.stderr


#: Bad values of the format keys in ``lintnews.toml``, with the message naming each key
#: (`test_format_errors_tty` meets each on a terminal).
BAD_KEYS = [
    ('formats = { txt = "rst" }\n', "`formats.txt` must be text or markdown (or txt, md); got 'rst'"),
    (
        'formats = { jsonl = "md" }\n',
        "`formats.jsonl`: a JSONL file holds records; the format of their text is `text-format`",
    ),
    (  # any extension a JSONL file's name ends with: such a file is read as JSONL
        'formats = { "raw.JSONL" = "md" }\n',
        "`formats.raw.JSONL`: a JSONL file holds records; the format of their text is `text-format`",
    ),
    (
        'formats = { "*.txt" = "md" }\n',
        "`formats`: '*.txt' is not a file extension (such as txt, or mdx)",
    ),
    (
        'formats = ["txt"]\n',
        '`formats` must be a table of file extensions and formats, such as { txt = "md" }',
    ),
    ('text-format = "html"\n', "`text-format` must be text or markdown (or txt, md); got 'html'"),
    ('format-field = ""\n', "`format-field` must be a field name, not an empty string"),
    ("formats = { txt = 3 }\n", "`formats.txt` must be a string, not int"),
    ('formats = { "" = "md" }\n', "`formats`: '' is not a file extension (such as txt, or mdx)"),
    ("text-format = 3\n", "`text-format` must be a string, not int"),
    ("format-field = 3\n", "`format-field` must be a string, not int"),
]


@pytest.mark.parametrize(("config", "message"), BAD_KEYS)
def test_a_bad_format_setting_is_a_configuration_error_naming_the_file(
    tmp_path: Path, config: str, message: str
) -> None:
    (tmp_path / "story.txt").write_text(PAGE)
    proc = run(tmp_path, "story.txt", config=config)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"lintnews: error: lintnews.toml: {message}"
    assert proc.stdout.strip() in ("", "[]")


def test_a_bad_format_in_pyproject_names_the_key_under_tool_lintnews(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.lintnews]\nformats = { txt = "docx" }\n')
    (tmp_path / "story.txt").write_text(PAGE)
    proc = run(tmp_path, "story.txt")
    assert proc.returncode == 2
    assert "pyproject.toml: `tool.lintnews.formats.txt` must be text or markdown" in proc.stderr


def test_fix_on_a_markdown_corpus_rewrites_only_the_fixed_record_and_keeps_its_links(tmp_path: Path) -> None:
    records = [
        {"id": "a", "text": f"{LEDE}\n\n{SECOND}\n", "section": "port"},
        {"id": "b", "text": PAGE, "n": 12345678901234567890},
        {"id": "c", "text": f"{SECOND}\n\n[Harbour authority](http://example.com/harbour)\n"},
    ]
    data = corpus(tmp_path / "c.jsonl", records)
    proc = run(tmp_path, "--fix", "--output-dir", "out", "c.jsonl", config='text-format = "md"\n')
    assert proc.returncode == 0, proc.stderr
    assert sorted(os.listdir(tmp_path / "out")) == ["c.jsonl"]  # written whole, nothing left beside it
    written = (tmp_path / "out" / "c.jsonl").read_bytes().split(b"\n")
    original = data.split(b"\n")
    assert written[0] == original[0] and written[2:] == original[2:]  # byte for byte
    fixed = json.loads(written[1])
    assert fixed["text"] == PAGE.replace(SHARE_ROW, "")  # the share row's links went whole
    assert LINKED in fixed["text"] and fixed["n"] == 12345678901234567890


def test_fix_of_a_txt_file_read_as_markdown_keeps_every_other_link(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(PAGE)
    proc = run(tmp_path, "--fix", "story.txt", config='formats = { txt = "md" }\n')
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "story.txt").read_text() == PAGE.replace(SHARE_ROW, "")


def test_show_settings_prints_the_format_keys(tmp_path: Path) -> None:
    proc = run(tmp_path, "--show-settings", ".", config='formats = { TXT = "md" }\nformat-field = "fmt"\n')
    assert 'formats = { txt = "markdown" }  # lintnews.toml' in proc.stdout
    assert 'text-format = "text"  # default' in proc.stdout
    assert 'format-field = "fmt"  # lintnews.toml' in proc.stdout


def test_the_api_reads_a_path_in_its_configured_format() -> None:
    linter = ApiLinter(Settings(formats={"txt": "markdown"}))
    assert linter.document(PAGE, path="story.txt").kind == "markdown"
    assert ApiLinter(Settings()).document(PAGE, path="story.txt").kind == "text"
    assert kind_of("a/b.draft.TXT", {"txt": "markdown", "draft.txt": "text"}) == "text"  # the longest
    assert kind_of("a.jsonl", {"txt": "markdown"}) == "jsonl"
    assert kind_of("a.txt", {".TXT": "md"}) == "markdown"  # a Settings made by hand, unchecked


def test_the_command_line_sets_the_formats_for_one_run(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(PAGE)
    corpus(tmp_path / "c.jsonl", [{"id": "a", "text": PAGE}])
    assert findings(run(tmp_path, "--extension", "txt:md", "story.txt", config=""), "B005") == SHARE_FINDINGS
    # over the configuration's formats, as ruff's --extension is
    config = 'formats = { txt = "md", text = "md" }\n'
    assert findings(run(tmp_path, "--extension", "mdx:md,txt:text", "story.txt", config=config), "B005") == []
    proc = run(tmp_path, "--text-format", "markdown", "c.jsonl", config="")
    assert findings(proc, "B005") == [("a", *f) for f in SHARE_FINDINGS]
    shown = run(tmp_path, "--show-settings", "--extension", "TXT:md", "--text-format", "md", ".", config="")
    assert 'formats = { txt = "markdown" }  # command line' in shown.stdout
    assert 'text-format = "markdown"  # command line' in shown.stdout


#: Bad values of the format options, with the message naming each option.
BAD_OPTIONS = [
    (
        ("--extension", "txt:rst"),
        "`--extension txt:rst`: `formats.txt` must be text or markdown (or txt, md); got 'rst'",
    ),
    (("--extension", "txt"), "`--extension txt`: takes EXT:FORMAT, such as txt:md"),
    (
        ("--extension", "jsonl:md"),
        "`--extension jsonl:md`: `formats.jsonl`: a JSONL file holds records; the format of their text is `text-format`",
    ),
    (("--text-format", "html"), "`--text-format` must be text or markdown (or txt, md); got 'html'"),
    (
        ("--extension", "*.txt:md"),
        "`--extension *.txt:md`: `formats`: '*.txt' is not a file extension (such as txt, or mdx)",
    ),
    (
        ("--extension", ":md"),
        "`--extension :md`: `formats`: '' is not a file extension (such as txt, or mdx)",
    ),
    (
        ("--extension", "txt:"),
        "`--extension txt:`: `formats.txt` must be text or markdown (or txt, md); got ''",
    ),
    (
        ("--extension", "raw.jsonl:md"),
        "`--extension raw.jsonl:md`: `formats.raw.jsonl`: a JSONL file holds records; the format of their text is `text-format`",
    ),
    (("--text-format", ""), "`--text-format` must be text or markdown (or txt, md); got ''"),
]


@pytest.mark.parametrize(("args", "message"), BAD_OPTIONS)
def test_a_bad_format_on_the_command_line_is_a_usage_error(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    (tmp_path / "story.txt").write_text(PAGE)
    proc = run(tmp_path, *args, "story.txt", config="")
    assert (proc.returncode, proc.stderr.strip()) == (2, f"lintnews: error: {message}")
