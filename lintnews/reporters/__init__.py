"""Reporters: write a run's diagnostics in one output format.

Each format is a function ``(report, stream, color) -> None`` registered in `REPORTERS` under its
``--format`` name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from lintnews.engine import Diagnostic
from lintnews.registry import Rule, all_rules
from lintnews.sources import InputError


@dataclass
class Report:
    """Everything a reporter may show about one run."""

    diagnostics: list[Diagnostic]
    errors: list[InputError] = field(default_factory=list)
    documents: int = 0
    #: Diagnostics fixed by ``--fix`` (they are no longer in ``diagnostics``).
    fixed: int = 0
    rules: dict[str, Rule] = field(default_factory=all_rules)
    #: ``--statistics`` summary and per-document summaries (json/jsonl formats carry them).
    stats: dict[str, Any] | None = None
    summaries: list[Any] = field(default_factory=list)


Reporter = Callable[[Report, TextIO, bool], None]
REPORTERS: dict[str, Reporter] = {}


def reporter(name: str) -> Callable[[Reporter], Reporter]:
    def wrap(fn: Reporter) -> Reporter:
        REPORTERS[name] = fn
        return fn

    return wrap


def location(d: Diagnostic) -> str:
    """``path:line:col`` or, for a JSONL record, ``path#record:line:col``."""
    where = d.path if d.record is None else f"{d.path}#{d.record}"
    return f"{where}:{d.line}:{d.column}"


# Importing the format modules registers them.
from lintnews.reporters import gitlab, junit, sarif, structured, text  # noqa: E402,F401
