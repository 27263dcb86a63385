"""The per-diagnostic and per-process overheads cut for issue 17 stay cut, with the same answers.

Worker processes send every diagnostic to the main process pickled, and the main process asks
the fix policy (and the rule table) about every diagnostic it reports: these were a tenth of a
two-worker run on the crawl corpus. The tests check the answers and count the work (calls of
the slow paths), never the time.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import pickle
import sys
from collections.abc import Mapping
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from click.testing import CliRunner

from lintnews import gcpace, parallel, registry
from lintnews.cli import main as cli_main
from lintnews.config import Settings
from lintnews.diagnostics import Diagnostic, Edit, Fix, Location, Severity
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.fixes import apply as fixes_apply
from lintnews.fixes.apply import FixPolicy
from lintnews.rule_index import RuleInfo


def _full_diagnostic() -> Diagnostic:
    """A diagnostic with every field set to something other than its default."""
    return Diagnostic(
        path="a/b.jsonl",
        record="r7",
        line=3,
        column=5,
        end_line=4,
        end_column=2,
        code="B002",
        name="comment-widget",
        severity=Severity.ERROR,
        message="Comment-form text left in the text",
        fix=Fix("Remove the line", (Edit(10, 21, ""), Edit(30, 31, " ")), safe=False),
        related=[Location("c.jsonl", "r1", 2, 1), Location("d.txt", None, 9, 4)],
        record_line=12,
        snippet="6 Comments",
        document_score=91,
        fix_edits=((3, 5, 4, 2, ""),),
        region_text="6 Comments and more",
        fix_replaced=("6 Comments\n",),
        similarity=0.875,
        kept=Location("e.jsonl", "r0", 1, 1),
    )


def test_a_pickled_diagnostic_comes_back_equal_field_by_field() -> None:
    d = _full_diagnostic()
    # every field is set, so a field added to Diagnostic (or Fix, Edit, Location) that their
    # hand-written `__reduce__` forgets fails here, not in a worker's results
    for value in (d, d.fix, *(d.fix.edits[-1:] if d.fix else ()), d.kept):
        for f in dataclasses.fields(value):
            assert getattr(value, f.name) not in (f.default, None, (), []), (type(value).__name__, f.name)
    back = pickle.loads(pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == d
    assert back.severity is Severity.ERROR
    assert back.fix == Fix("Remove the line", (Edit(10, 21, ""), Edit(30, 31, " ")), safe=False)
    assert type(back.fix.edits) is tuple and back.kept == Location("e.jsonl", "r0", 1, 1)
    assert back.to_dict() == d.to_dict()
    bare = Diagnostic("x.txt", None, 1, 1, 1, 2, "F001", "spacing", Severity.INFO, "m")
    assert pickle.loads(pickle.dumps(bare)) == bare


def test_real_diagnostics_survive_the_trip_from_a_worker() -> None:
    text = "Share on Facebook\nShare on Twitter\n\nThe port strike ended on Tuesday after talks.\n" * 3
    found = Linter(Settings()).lint(Document(path="p.txt", text=text)).diagnostics
    assert len(found) >= 3
    assert pickle.loads(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)) == found


def _python_calls(action: Any) -> list[str]:
    """The modules of the Python functions called while ``action()`` runs."""
    seen: list[str] = []

    def profile(frame: FrameType, event: str, arg: Any) -> None:
        if event == "call":
            seen.append(frame.f_globals.get("__name__", "?"))

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return seen


def test_pickling_diagnostics_takes_no_generic_dataclass_or_enum_path() -> None:
    """The default pickling of these dataclasses went through `dataclasses.fields` (frozen
    slotted `Location`), copyreg and the `Severity` enum's own reduction, about 20 us a
    diagnostic; each now reduces itself to its values."""
    diagnostics = [_full_diagnostic() for _ in range(50)]
    calls = _python_calls(lambda: pickle.dumps(diagnostics, protocol=pickle.HIGHEST_PROTOCOL))
    # (only these modules: other code may run meanwhile, e.g. a garbage collector callback)
    assert sorted({m for m in calls if m in ("dataclasses", "enum", "copyreg")}) == []
    assert "lintnews.diagnostics" in calls


def test_the_fix_policy_reads_the_rule_table_once_per_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    real = fixes_apply.rule_catalogue

    def counting() -> Mapping[str, RuleInfo]:
        asked.append(1)
        return real()

    monkeypatch.setattr(fixes_apply, "rule_catalogue", counting)
    policy = FixPolicy(unsafe=False, fixable=None, unfixable=["B002"])
    answers = [policy.allows_rule(code, True) for _ in range(200) for code in ("B002", "S001")]
    assert answers == [False, True] * 200
    assert len(asked) == 2
    assert policy.allows_rule("B002", safe=False) is False  # unsafe fixes stay off
    assert FixPolicy(unsafe=True).allows_rule("B002", safe=False) is True
    assert policy.allows_rule("Z999", safe=True) is False  # an unknown code


def test_the_rule_table_is_sorted_a_copy_and_follows_new_registrations() -> None:
    first = registry.all_rules()
    assert list(first) == sorted(first)
    first.pop("B002")
    assert "B002" in registry.all_rules()  # the caller's copy changed, not the table

    class Probe(registry.Rule):
        code = "Z998"
        name = "speed-probe"

    try:
        registry.register(Probe)
        assert list(registry.all_rules())[-1] == "Z998"
    finally:
        del registry._REGISTRY["Z998"]
        registry._sorted = None
    assert "Z998" not in registry.all_rules()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_check_run_collects_garbage_less_often_and_puts_the_collector_back(
    jobs: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The collector's passes over the run's long-lived caches took 6-8 % of a check run: the
    check command raises the young-generation threshold for the run (in the worker processes
    too) and restores it afterwards."""
    records = [
        json.dumps({"id": f"r{i}", "text": f"Story {i} about the port strike.\n\nShare on Facebook\n"})
        for i in range(70)  # (64 or more units start the worker pool)
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    seen = tmp_path / "seen.txt"
    real = parallel.Analyzer.analyze_units

    def recording(self: parallel.Analyzer, units: list[Any]) -> Any:
        with seen.open("a", encoding="utf-8") as out:  # (appended to by forked workers too)
            out.write(f"{os.getpid()} {gc.get_threshold()[0]}\n")
        return real(self, units)

    monkeypatch.setattr(parallel.Analyzer, "analyze_units", recording)
    before = gc.get_threshold()
    result = CliRunner().invoke(cli_main, ["check", "--isolated", "--no-cache", "-j", jobs, str(corpus)])
    assert result.exit_code == 0, result.output  # (warnings only)
    assert result.output.count("B005") == 70
    rows = [line.split() for line in seen.read_text(encoding="utf-8").splitlines()]
    assert rows and {int(t) for _, t in rows} == {gcpace.GC_THRESHOLDS[0]}
    assert ({pid for pid, _ in rows} != {str(os.getpid())}) == (jobs == "2")  # workers, for -j2
    assert gc.get_threshold() == before


def test_fixes_made_without_init_are_the_dataclasses_own() -> None:
    """`Fix`'s and `Edit`'s own `__init__` (one dictionary for the fields, not the frozen
    dataclass's `object.__setattr__` per field) set every field the dataclass has: a field added
    to `Fix` or `Edit` that it forgets fails here."""
    edit, fix = Edit(3, 9, "x"), Fix("Remove", (Edit(3, 9, "x"),), False)
    assert vars(edit) == vars(Edit(3, 9, "x")) and vars(fix) == vars(Fix("Remove", (Edit(3, 9, "x"),), False))
    assert {f.name for f in dataclasses.fields(Edit)} == set(vars(edit))
    assert {f.name for f in dataclasses.fields(Fix)} == set(vars(fix))
    assert fix == Fix("Remove", (Edit(3, 9, "x"),), safe=False) and hash(fix) == hash(
        Fix("Remove", (Edit(3, 9, "x"),), False)
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        fix.safe = True  # type: ignore[misc]
    assert dataclasses.replace(edit, end=10) == Edit(3, 10, "x")
