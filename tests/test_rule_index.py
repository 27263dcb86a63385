"""The rule index (`lintnews.rule_index`): every rule's metadata and the source hash, kept beside
the code and keyed by the source files' stats, so that a run answered from the result cache
imports no rule module; a stale, missing or damaged index is only a slower run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from lintnews import pack_cache, registry, rule_index
from lintnews.registry import all_rules, rule_catalogue
from lintnews.selection import select_rules

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def index_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The index written to ``tmp_path/index``, over a source folder ``tmp_path/src`` of one file."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "mod.py").write_text("# version 1\n")
    monkeypatch.setenv(pack_cache.FOLDER_VARIABLE, str(tmp_path / "index"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(rule_index, "_folders", lambda: [str(src)])
    monkeypatch.setattr(rule_index, "_INDEX", rule_index._Index())
    return src


def fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rule_index, "_INDEX", rule_index._Index())


def ours() -> list[tuple[object, ...]]:
    return [rule_index.fields_of(rule) for rule in all_rules().values()]


def test_the_index_gives_back_every_rules_metadata(index_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert rule_index.stored_rules() is None  # nothing written yet
    rule_index.save(ours())
    fresh_process(monkeypatch)
    stored = rule_index.stored_rules()
    assert stored is not None
    assert [info.fields() for info in stored] == ours()
    assert {info.code: info.name for info in stored} == {c: r.name for c, r in all_rules().items()}
    near = next(info for info in stored if info.code == "N001")
    assert (near.corpus, near.role, near.drops_record, near.chrome_families) == (
        True,
        "near-duplicate",
        True,
        ("S", "B"),
    )


def test_an_edited_source_file_makes_the_index_stale(index_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rule_index.save(ours())
    first = rule_index.source_hash()
    saved = index_in / "saved.tmp"  # (as an editor saves: a new file in its place)
    saved.write_text("# version 2\n")
    saved.replace(index_in / "mod.py")
    fresh_process(monkeypatch)
    assert rule_index.stored_rules() is None
    assert rule_index.source_hash() != first
    (index_in / "new.toml").write_text("")  # an added file (a phrase pack) too
    second = rule_index.source_hash()
    (index_in / "new.toml").unlink()
    assert second != rule_index.source_hash()


def test_an_edit_in_the_tick_the_index_was_written_in_is_not_missed(
    index_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Git's "racy" case: on a file system with a coarse clock, a file edited in place to the
    same size in the tick the index was written in keeps every stat the index is keyed by. The
    index must not answer for it. Simulated: a clock whose one tick holds the whole test."""
    tick = 1 << 62

    def coarse(st: os.stat_result) -> SimpleNamespace:
        return SimpleNamespace(
            st_size=st.st_size,
            st_ino=st.st_ino,
            st_mtime_ns=st.st_mtime_ns // tick * tick,
            st_ctime_ns=st.st_ctime_ns // tick * tick,
        )

    files = rule_index._files
    monkeypatch.setattr(
        rule_index, "_files", lambda folders: [(p, r, coarse(st)) for p, r, st in files(folders)]
    )
    # (the index file's own time on that clock; raising=False: a lintnews that never looks)
    written = getattr(rule_index, "_written", lambda path: 0)
    monkeypatch.setattr(rule_index, "_written", lambda path: written(path) // tick * tick, raising=False)
    rule_index.save(ours())
    first = rule_index.source_hash()
    with open(index_in / "mod.py", "r+") as fh:  # (in place: the same inode and size)
        fh.write("# version 2\n")
    fresh_process(monkeypatch)
    assert rule_index.stored_rules() is None
    assert rule_index.source_hash() != first


def test_a_damaged_index_is_read_as_missing(index_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rule_index.save(ours())
    (path,) = (index_in.parent / "index").iterdir()
    data = path.read_bytes()
    path.write_bytes(data[:-40])
    fresh_process(monkeypatch)
    assert rule_index.stored_rules() is None
    path.write_bytes(data[:16] + b"\x00garbage")
    fresh_process(monkeypatch)
    assert rule_index.stored_rules() is None


def test_nothing_is_written_without_bytecode(index_in: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    rule_index.save(ours())
    assert not (index_in.parent / "index").exists()


def test_selection_from_the_index_is_selection_from_the_rules(
    index_in: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lintnews.config import RuleSelection, Settings

    rule_index.save(ours())
    fresh_process(monkeypatch)
    settings = Settings(select=["B", "N001", "truncated-sentence"], ignore=["B002"], severity={"B0": "info"})
    settings.cli_selection = RuleSelection(None, ["D"], ["D002"])
    from_rules = select_rules(settings)
    monkeypatch.setattr(registry, "_loaded", False)  # (as a process that has not imported them)
    monkeypatch.setattr(registry, "_catalogue", None)
    from_index = select_rules(settings)
    assert registry._catalogue is not None and registry._catalogue[0] is None  # (read from the index)
    assert (
        from_index.codes == from_rules.codes and "B001" in from_index.codes and "B002" not in from_index.codes
    )
    assert from_index.severities == from_rules.severities
    assert [rule.code for rule in from_index.rules] == from_index.codes  # imported when asked for
    assert dict(rule_catalogue()).keys() == all_rules().keys()


def test_a_re_run_from_the_cache_imports_no_rule_and_reports_the_same(tmp_path: Path) -> None:
    """The command line end to end: the first run writes the index, the second (another
    process, answered from the result cache) imports no rule module, nor the phrase packs' reader,
    nor numpy."""
    env = {**os.environ, pack_cache.FOLDER_VARIABLE: str(tmp_path / "index"), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    probe = (
        "import sys\nfrom lintnews.cli import main\nsys.argv = ['lintnews', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit as exc:\n"
        "    print('LOADED', [m for m in ('lintnews.rules', 'lintnews.packs', 'numpy') if m in sys.modules], file=sys.stderr)\n"
        "    raise\n"
    )
    command = [sys.executable, "-c", probe, "check", "--isolated", "--cache-dir", str(tmp_path / "cc"), "."]
    runs = [
        subprocess.run(command, cwd=FIXTURES, capture_output=True, text=True, env=env, timeout=300)
        for _ in range(3)
    ]
    assert [r.returncode for r in runs] == [1, 1, 1]
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    assert "B006" in runs[2].stdout
    assert "LOADED ['lintnews.rules', 'lintnews.packs', 'numpy']" in runs[0].stderr  # (linted: the rules ran)
    assert "LOADED []" in runs[2].stderr
