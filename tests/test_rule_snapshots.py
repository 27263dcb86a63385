"""Every rule's output on its fixture is its snapshot (``--output-format full``), as in ruff.

Regenerate with ``python tests/update_rule_snapshots.py [CODE...]`` (README, Development);
the test never writes a snapshot.
"""

from __future__ import annotations

import re

import pytest
from update_rule_snapshots import FIXTURES, SNAPSHOTS, fixture, render

from lintnews.registry import all_rules

CODES = list(all_rules())
#: Codes no fixture can make fire: their fixture holds only text they must leave alone.
NEVER_FIRES = {"E900": "reports a rule that crashed; no shipped rule crashes on purpose"}


@pytest.mark.parametrize("code", CODES, ids=CODES)
def test_rule_output_matches_its_snapshot(code: str) -> None:
    path = fixture(code)
    assert path is not None, f"{code}: add tests/rule_fixtures/{code}.<txt|md|html|jsonl>"
    snapshot = SNAPSHOTS / f"{code}.txt"
    assert snapshot.exists(), f"{code}: run python tests/update_rule_snapshots.py {code}"
    got = render(code)
    assert got == snapshot.read_text(encoding="utf-8"), (
        f"run python tests/update_rule_snapshots.py {code} and review"
    )
    assert "# stderr" not in got
    fired = re.findall(rf"^{re.escape(path.name)}\S*:\d+:\d+: {code} ", got, re.M)
    if code in NEVER_FIRES:
        assert fired == [] and "# exit 0\n" in got
    else:
        assert fired, f"{code}: the fixture must hold text the rule flags"
        assert "# exit 1\n" in got or "# exit 0\n" in got


def test_no_stray_fixtures_or_snapshots() -> None:
    """Every fixture and snapshot belongs to a rule that exists (a renamed code leaves none behind)."""
    stems = {p.name.split(".")[0] for p in FIXTURES.iterdir()} | {p.stem for p in SNAPSHOTS.iterdir()}
    assert stems <= set(CODES), sorted(stems - set(CODES))
