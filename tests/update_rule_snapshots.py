"""Snapshots of every rule on its fixture, as ruff keeps them: run to regenerate after a change
that is meant to alter what a rule reports, and review the diff before committing it.

    python tests/update_rule_snapshots.py            # every code
    python tests/update_rule_snapshots.py D001 F005  # these codes

Per code, ``tests/rule_fixtures/<CODE>.<txt|md|html|jsonl>`` holds news text the rule must flag
and text it must leave alone (corpus rules, N, read a JSONL corpus), and
``tests/rule_snapshots/<CODE>.txt`` holds the command and what it printed::

    lintnews check --isolated --no-cache --select CODE --output-format full <fixture>

run in ``tests/rule_fixtures/`` (paths in the output are the fixture's name). A rule that needs
an option has a configuration ``<CODE>.toml`` beside its fixture, used with ``--config`` in
place of ``--isolated``. tests/test_rule_snapshots.py compares the output with the snapshot.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "rule_fixtures"
SNAPSHOTS = HERE / "rule_snapshots"
SUFFIXES = (".txt", ".md", ".html", ".jsonl")


def fixture(code: str) -> Path | None:
    found = [p for p in sorted(FIXTURES.glob(f"{code}.*")) if p.suffix in SUFFIXES]
    return found[0] if len(found) == 1 else None


def command(code: str, path: Path) -> list[str]:
    config = FIXTURES / f"{code}.toml"
    isolation = ["--config", config.name] if config.exists() else ["--isolated"]
    return [
        "lintnews",
        "check",
        *isolation,
        "--no-cache",
        "--select",
        code,
        "--output-format",
        "full",
        path.name,
    ]


def render(code: str) -> str:
    """The snapshot of ``code``: the command, its exit status and its output (stdout, then
    stderr when there is any). The command is run as ``python -m lintnews`` of this
    interpreter, so a test run checks the lintnews it imports."""
    path = fixture(code)
    if path is None:
        raise SystemExit(f"{code}: no fixture, or more than one, in {FIXTURES}")
    argv = command(code, path)
    # the interpreter running the tests, not the first `lintnews` on PATH (another install's)
    run = [sys.executable, "-m", *argv]
    proc = subprocess.run(run, cwd=FIXTURES, capture_output=True, text=True, encoding="utf-8", check=False)
    out = f"$ {' '.join(argv)}\n# exit {proc.returncode}\n{proc.stdout}"
    if proc.stderr:
        out += f"# stderr\n{proc.stderr}"
    return out


def all_codes() -> list[str]:
    from lintnews.registry import all_rules

    return list(all_rules())


def main(argv: list[str]) -> int:
    codes = [c.upper() for c in argv] or all_codes()
    SNAPSHOTS.mkdir(exist_ok=True)
    for code in codes:
        target = SNAPSHOTS / f"{code}.txt"
        new = render(code)
        old = target.read_text(encoding="utf-8") if target.exists() else None
        if new != old:
            target.write_text(new, encoding="utf-8")
            print(f"{'updated' if old is not None else 'created'} {target.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
