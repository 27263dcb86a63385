"""What ``lintnews check`` imports: the whole-run report formats' modules (SARIF's needs
`importlib.metadata`, JUnit's an XML library) load only when their format is asked for, and
every format still writes its report from the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from console import lintnews_script

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DOCUMENT = "en-port-strike-duplicated-truncated.txt"
WHOLE_RUN = (
    "lintnews.reporters.sarif",
    "lintnews.reporters.junit",
    "lintnews.reporters.gitlab",
    "lintnews.reporters.html",
)

#: Runs the command line in this interpreter, then prints which of the modules named in its first
#: argument (comma-separated) it had imported.
# (a module the interpreter's start-up imported, e.g. a site's ``.pth`` file, as on this project's
# machines, whose system site imports tempfile and shutil, is none of the run's)
PROBE = """
import sys
before = set(sys.modules)
from lintnews.cli import main
watch = sys.argv[1].split(",")
sys.argv = ["lintnews", *sys.argv[2:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print("LOADED", code, ",".join(m for m in watch if m in sys.modules and m not in before), file=sys.stderr)
"""


def loaded_by(
    cwd: Path, watch: tuple[str, ...], *args: str, cache: str | None = None, env: dict[str, str] | None = None
) -> tuple[int, list[str], str]:
    """(exit code, the modules of ``watch`` a ``lintnews check ARGS`` run imported, its stdout);
    ``cache``: the run's cache folder (else ``--no-cache``); ``env``: the run's environment."""
    caching = ["--no-cache"] if cache is None else ["--cache-dir", cache]
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(watch), "check", "--isolated", *caching, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**(os.environ if env is None else env), "NO_COLOR": "1"},
        timeout=120,
    )
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED ")][-1]
    _, code, loaded = (line.split(" ", 2) + [""])[:3]
    return int(code), [m for m in loaded.split(",") if m], proc.stdout


def probe(*args: str) -> tuple[int, list[str], str]:
    return loaded_by(FIXTURES, (*WHOLE_RUN, "importlib.metadata", "xml.etree.ElementTree"), *args, DOCUMENT)


@pytest.mark.parametrize("fmt", ["text", "full", "json", "jsonl", "github"])
def test_a_streaming_format_loads_no_whole_run_reporter(fmt: str) -> None:
    code, loaded, out = probe("--output-format", fmt)
    assert code == 1  # the document has findings
    assert loaded == []
    assert "D001" in out and "T002" in out


@pytest.mark.parametrize(
    ("fmt", "module"),
    [
        ("sarif", "lintnews.reporters.sarif"),
        ("junit", "lintnews.reporters.junit"),
        ("gitlab", "lintnews.reporters.gitlab"),
    ],
)
def test_a_whole_run_format_loads_its_reporter_and_writes_the_report(fmt: str, module: str) -> None:
    code, loaded, out = probe("--output-format", fmt)
    assert code == 1 and module in loaded
    assert [m for m in loaded if m in WHOLE_RUN and m != module] == (
        ["lintnews.reporters.sarif"] if fmt == "gitlab" else []  # (GitLab's fingerprints are SARIF's)
    )
    if fmt == "sarif":
        log = json.loads(out)
        assert log["version"] == "2.1.0" and log["runs"][0]["results"]
    elif fmt == "gitlab":
        issues = json.loads(out)
        assert issues and all(i["location"]["path"] == DOCUMENT for i in issues)
    else:
        failures = [f.get("message", "") for f in ET.fromstring(out).iter("failure")]
        assert sorted(failures) == ['Document is cut off (ends on "the")', "Paragraph repeats line 3"]


def test_the_html_report_from_the_installed_script(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    proc = subprocess.run(
        [
            lintnews_script(),
            "check",
            "--isolated",
            "--no-cache",
            "--output-format",
            "html",
            "-o",
            str(report),
            DOCUMENT,
        ],
        cwd=FIXTURES,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    assert "<html" in report.read_text(encoding="utf-8")


def heavy(cwd: Path, *args: str) -> tuple[int, list[str], str]:
    return loaded_by(cwd, ("numpy", "charset_normalizer"), *args)


def test_a_check_without_the_corpus_phase_loads_neither_numpy_nor_the_charset_detector() -> None:
    code, loaded, out = heavy(FIXTURES, "--no-corpus", DOCUMENT)
    assert code == 1 and loaded == []
    assert "D001" in out and "T002" in out


def test_the_corpus_phase_loads_numpy_and_utf8_input_no_charset_detector() -> None:
    code, loaded, out = heavy(FIXTURES, DOCUMENT, "de-brueckensperrung-site-chrome.md")
    assert code == 1 and loaded == ["numpy"]
    assert "D001" in out and "T002" in out


def test_a_check_of_one_file_has_no_corpus_phase_and_the_same_report() -> None:
    """One text, Markdown or HTML file is one document: its corpus phase has no pair to compare,
    so a check of it (a pre-commit hook's on one changed file) skips the phase as --no-corpus
    does, with the same report; a JSONL file, or a file with --index, keeps the phase."""
    code, loaded, out = heavy(FIXTURES, DOCUMENT)
    assert code == 1 and loaded == []
    assert (code, out) == heavy(FIXTURES, "--no-corpus", DOCUMENT)[::2]
    code, loaded, out = heavy(FIXTURES, "en-grain-corridor.html")
    assert code == 1 and "numpy" not in loaded and "D002" in out
    code, loaded, out = heavy(FIXTURES, "corpus-harbour.jsonl")
    assert loaded == ["numpy"] and "N002" in out


def test_a_file_that_is_not_utf8_loads_the_charset_detector(tmp_path: Path) -> None:
    text = (
        "Die Brücke über den Fluss bleibt bis Ende März gesperrt, teilte die Stadtverwaltung mit.\n\n"
        "Anwohner müssen größere Umwege fahren; die Fähre verkehrt öfter als üblich.\n"
    )
    (tmp_path / "latin1.txt").write_bytes(text.encode("latin-1"))
    code, loaded, out = heavy(tmp_path, "--no-corpus", "--output-format", "json", "latin1.txt")
    assert code == 0 and loaded == ["charset_normalizer"]
    assert json.loads(out) == []


def test_a_re_run_answered_from_the_cache_loads_no_worker_pool(tmp_path: Path) -> None:
    """A corpus large enough for worker processes: the first run starts them, a re-run of the
    unchanged corpus (every chunk answered from the cache) does not import the pool at all."""
    records = [
        {
            "id": f"r{i}",
            "text": f"Record {i}. The harbour reopened after repairs.\n\nShare this article on Facebook",
        }
        for i in range(100)
    ]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    watch = ("multiprocessing.pool", "lintnews.pool")
    args = ("-j", "2", "--output-format", "json", "c.jsonl")
    first = loaded_by(tmp_path, watch, *args, cache="cc")
    again = loaded_by(tmp_path, watch, *args, cache="cc")
    assert first[1] == ["multiprocessing.pool", "lintnews.pool"]
    assert again[1] == []
    assert again[0] == first[0] and again[2] == first[2]
    assert [d["code"] for d in json.loads(first[2])] == ["B005"] * 100


#: What a re-run answered from the cache never needs: it writes no file (temporary files,
#: `shutil`'s copies and removals, and the compression modules they bring), reads no gzip, fixes
#: no markup (`html` and its table of entities).
NOT_FOR_A_RERUN = ("tempfile", "shutil", "bz2", "lzma", "gzip", "html", "html.entities")


def test_a_re_run_answered_from_the_cache_writes_and_imports_nothing_it_does_not_need(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text(
        "".join(
            json.dumps({"id": f"r{i}", "text": f"Record {i}.\n\nShare on Facebook"}) + "\n" for i in range(80)
        )
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["LINTNEWS_PACK_CACHE"] = str(tmp_path / "kept")  # (the first run writes the kept files)
    first, again = (loaded_by(tmp_path, NOT_FOR_A_RERUN, "c.jsonl", cache="cc", env=env) for _ in range(2))
    # (the rules import html; the kept files written, tempfile, unless the interpreter's start-up
    # imported it already)
    started = subprocess.run(
        [sys.executable, "-c", "import sys; print('tempfile' in sys.modules)"],
        env=env,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert "html" in first[1] and ("tempfile" in first[1]) == (started == "False")
    assert again[1] == []
    assert again[0] == first[0] and again[2] == first[2] and first[2].count(": B005 ") == 80


#: What a plain check of a text file never needs: HTML parsing (bs4, lxml), the benchmarks'
#: datasketch, ftfy, T002's word lists (wordfreq: on a word that needs them only), ignore-file
#: patterns (pathspec: no ignore file in the folder), TOML (no configuration file; the built-in
#: packs come from `lintnews.pack_cache`), --statistics' `statistics`, a failing rule's `traceback`.
NOT_FOR_TEXT = (
    "bs4",
    "lxml",
    "datasketch",
    "ftfy",
    "wordfreq",
    "pathspec",
    "tomllib",
    "statistics",
    "traceback",
)


def test_a_plain_check_of_a_text_file_loads_none_of_what_it_does_not_need(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text((FIXTURES / DOCUMENT).read_text(encoding="utf-8"), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["LINTNEWS_PACK_CACHE"] = str(tmp_path / "packs")  # (the first run writes it)
    runs = [
        loaded_by(folder, (*NOT_FOR_TEXT, "numpy"), *args, env=env)
        for args in (["."], ["."], ["--no-corpus", "."])
    ]
    assert [code for code, _, _ in runs] == [1, 1, 1]
    assert runs[0][2] == runs[1][2] == runs[2][2] and "D001" in runs[1][2] and "T002" in runs[1][2]
    assert "tomllib" in runs[0][1]  # (the first run reads the rule files: the test can see TOML)
    assert runs[1][1] == ["numpy"]  # (the corpus phase's)
    assert runs[2][1] == []


def test_every_command_is_found_by_its_module() -> None:
    """`COMMAND_MODULES` names every command of ``lintnews`` (with all their modules imported,
    what the group holds), so that none is missing from a run that imports only its own."""
    import importlib

    from lintnews.cli.app import COMMAND_MODULES, main

    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(module)
    assert sorted(main.commands) == sorted(COMMAND_MODULES)
    for name, module in COMMAND_MODULES.items():
        assert main.commands[name].callback.__module__ in (module, "lintnews.index.commands")  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("args", "needed"),
    [
        (["--version"], []),
        (["rule", "D001"], ["lintnews.cli.commands", "lintnews.rules"]),  # (not the check command's)
    ],
)
def test_a_command_imports_no_other_command_module(args: list[str], needed: list[str]) -> None:
    watch = ("lintnews.cli.check_command", "lintnews.cli.commands", "lintnews.rules")
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(watch), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    line = [x for x in proc.stderr.splitlines() if x.startswith("LOADED ")][-1]
    _, code, loaded = (line.split(" ", 2) + [""])[:3]
    assert code in ("0", "None") and proc.stdout
    assert [m for m in loaded.split(",") if m] == needed


FIXING = ("lintnews.fixes.fixer", "lintnews.fixes.output", "lintnews.fixes.jsonl")


def test_only_a_run_that_fixes_loads_the_fixing_modules(tmp_path: Path) -> None:
    """`lintnews.fixes` imports each module when one of its names is first used: a check that
    fixes nothing (a re-run answered from the cache, most of all) needs only `FixPolicy`."""
    checked = loaded_by(FIXTURES, FIXING, DOCUMENT)
    cached = [loaded_by(FIXTURES, FIXING, DOCUMENT, cache=str(tmp_path / "cc")) for _ in range(2)]
    diffed = loaded_by(FIXTURES, FIXING, "--diff", DOCUMENT)
    assert checked[0] == cached[0][0] == cached[1][0] == 1 and checked[2] == cached[1][2]
    assert checked[1] == cached[0][1] == cached[1][1] == []
    assert diffed[1] == list(FIXING) and diffed[2].startswith(f"--- a/{DOCUMENT}")


def test_a_check_of_html_defers_the_css_selectors_bs4_imports_and_they_still_work() -> None:
    """The program (``python -m lintnews``) has bs4's import of soupsieve wait until a CSS selector
    is used (lintnews uses none): a check of an HTML file does not import it; in a process that
    deferred it, bs4's selectors, ``from soupsieve import …`` and ``find_spec`` work as usual."""
    proc = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "lintnews",
            "check",
            "--no-cache",
            "--isolated",
            "en-grain-corridor.html",
        ],
        cwd=FIXTURES,
        capture_output=True,
        text=True,
        timeout=120,
    )
    imported = [
        line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")
    ]
    assert proc.returncode == 1 and "D002" in proc.stdout
    assert "bs4" in imported and not [m for m in imported if m.startswith("soupsieve")]
    probe = """
import importlib.util, sys
from lintnews.cli.app import defer_css_selectors
defer_css_selectors()
import bs4
assert "soupsieve.css_parser" not in sys.modules
soup = bs4.BeautifulSoup('<p class="a">x</p><p>y</p>', "html.parser")
from soupsieve import SoupSieve
print([p.text for p in soup.select("p.a")], isinstance(soup.css.compile("p"), SoupSieve),
      importlib.util.find_spec("soupsieve").name, "soupsieve.css_parser" in sys.modules)
"""
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert out.stdout.split() == ["['x']", "True", "soupsieve", "True"]
