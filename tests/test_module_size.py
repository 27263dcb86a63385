"""Every module of ``lintnews/`` can be read in one sitting: no more than `MAX_LINES` lines."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400
#: Modules still over the limit, each to be split by whoever owns it (issue 15): when one is
#: split, delete it from here (the test says so).
PENDING = {"lintnews/packs.py"}


def sizes() -> dict[str, int]:
    return {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted((ROOT / "lintnews").rglob("*.py"))
    }


def test_no_module_of_lintnews_is_over_the_limit() -> None:
    found = sizes()
    over = {name: n for name, n in found.items() if n > MAX_LINES and name not in PENDING}
    assert over == {}
    for name in PENDING:
        assert found.get(name, 0) > MAX_LINES, f"{name} is split: remove it from PENDING"
