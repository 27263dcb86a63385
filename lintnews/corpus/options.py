"""What a run asks of the corpus phase: the ``[corpus]`` options and the corpus rules selected.

The options are checked with the configuration's own helpers (the ones ``[rule-options]`` uses),
and the corpus rules are found in the rule registry by their ``role`` (see `rules/corpus.py`):
their codes, names, severities, whether their fix drops a record and which families mark site
chrome are rule metadata, never repeated here.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from typing import Any

from lintnews.config import ConfigError, Settings, _choice, _field_name, _option_value, did_you_mean
from lintnews.diagnostics import Severity
from lintnews.registry import Rule, RuleTable, all_rules, rule_catalogue
from lintnews.selection import select_rules

#: The roles of the corpus rules (`CorpusRule.role`), and the bit each has in a document's set of
#: enabled corpus rules (`DocSignature.enabled`).
NEAR, EXACT, TEMPLATE = "near-duplicate", "exact-duplicate", "template"
FLAGS = {NEAR: 1, EXACT: 2, TEMPLATE: 4}


def _bounded(default: Any, lo: Any, hi: Any) -> Any:
    return field(default=default, metadata={"min": lo, "max": hi})


@dataclass(frozen=True)
class CorpusOptions:
    """The ``[corpus]`` table of the configuration (keys are the field names with dashes)."""

    shingle_size: int = _bounded(5, 1, 32)
    num_perm: int = _bounded(128, 8, 1024)
    #: LSH threshold: pairs with a Jaccard similarity around this are found as candidates.
    threshold: float = _bounded(0.5, 0, 1)
    min_jaccard: float = _bounded(0.5, 0, 1)
    min_containment: float = _bounded(0.8, 0, 1)
    template_min_docs: int = _bounded(5, 2, 1 << 31)
    template_min_share: float = _bounded(0.01, 0, 1)
    template_min_words: int = _bounded(4, 1, 100)
    #: Share of a template line's documents in which it sits at the same place.
    template_min_stability: float = _bounded(0.5, 0, 1)
    keep: str = field(default="first", metadata={"check": _choice("first", "longest", "oldest")})
    date_field: str | None = field(default=None, metadata={"check": _field_name})

    @classmethod
    def from_settings(cls, settings: Settings) -> CorpusOptions:
        specs = {f.name.replace("_", "-"): f for f in dataclasses.fields(cls)}
        # (evaluating the annotations is ~1 ms: only for options a configuration sets)
        hints = typing.get_type_hints(cls) if settings.corpus else {}
        values: dict[str, Any] = {}
        for key, value in (settings.corpus or {}).items():
            spec = specs.get(key)
            if spec is None:
                raise ConfigError(
                    f"unknown configuration key `corpus.{key}`{did_you_mean(key, specs)}"
                    f" (expected one of {', '.join(sorted(specs))})"
                )
            check = spec.metadata.get("check")
            where = f"corpus.{key}"
            values[spec.name] = (
                check(where, value) if check else _option_value(where, value, hints[spec.name], spec.metadata)
            )
        options = cls(**values)
        if options.keep == "oldest" and not options.date_field:
            raise ConfigError(
                '`corpus.keep = "oldest"` needs `corpus.date-field` (the JSONL field with the date)'
            )
        return options


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """``(bands, rows)`` for LSH: the most rows per band (fewest chance candidates) that still
    make a pair with Jaccard similarity ``threshold`` a candidate with probability ≥ 0.95.
    (Here rather than in `lintnews.corpus.lsh`, which needs numpy: the result cache's checks
    need the LSH shape on every run, numpy only a run that compares documents.)"""
    best = (num_perm, 1)
    for rows in range(1, num_perm + 1):
        bands = num_perm // rows
        if 1 - (1 - threshold**rows) ** bands >= 0.95:
            best = (bands, rows)
        else:
            break
    return best


def corpus_rules() -> dict[str, Rule]:
    """The corpus rules by role."""
    return {getattr(rule, "role", rule.code): rule for rule in all_rules().values() if rule.corpus}


def corpus_codes() -> dict[str, str]:
    """The corpus rules' codes by role, from their metadata (`rule_catalogue`: selecting corpus
    rules imports no rule)."""
    return {info.role or info.code: code for code, info in rule_catalogue().items() if info.corpus}


@functools.cache
def droppable_codes() -> frozenset[str]:
    """Codes of the corpus rules whose fix leaves the reported record out of a cleaned corpus."""
    return frozenset(rule.code for rule in corpus_rules().values() if getattr(rule, "drops_record", False))


def chrome_families() -> tuple[str, ...]:
    """Families whose per-document diagnostics mark lines as chrome, not compared."""
    return tuple(f for rule in corpus_rules().values() for f in getattr(rule, "chrome_families", ()))


class CorpusSelection:
    """Which corpus rules a run selects (per path, with per-file ignores) and their severities,
    from the rule selection itself."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._base: RuleTable | None = None
        self._flags: dict[str, int] = {}

    @property
    def base(self) -> RuleTable:
        """The run's rule table (without per-file ignores)."""
        if self._base is None:
            self._base = select_rules(self.settings)
        return self._base

    @property
    def rules(self) -> dict[str, Rule]:
        return corpus_rules()

    @property
    def roles(self) -> set[str]:
        """Corpus rules selected anywhere in the run (per-file ignores apply per document)."""
        codes = set(self.base.codes)
        return {role for role, code in corpus_codes().items() if code in codes}

    def flags(self, path: str) -> int:
        """Bit set (`FLAGS`) of the corpus rules that apply to ``path``."""
        if not self.settings.per_file_ignores:
            path = ""
        got = self._flags.get(path)
        if got is None:
            table = select_rules(self.settings, path) if path else self.base
            codes = set(table.codes)
            got = sum(FLAGS[role] for role, code in corpus_codes().items() if code in codes)
            if len(self._flags) > 10_000:
                self._flags.clear()
            self._flags[path] = got
        return got

    def severity(self, role: str) -> Severity:
        return self.base.severity(self.rules[role])

    def __getstate__(self) -> dict[str, Any]:  # workers select again rather than unpickle rules
        return {**self.__dict__, "_base": None, "_flags": {}}
