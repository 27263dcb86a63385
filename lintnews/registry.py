"""Rules, the violations they produce, and the table of every known rule.

The engine never names a rule: rule modules (``lintnews.rules.*``) define subclasses of `Rule` and
decorate them with `register`. `all_rules()` imports the rule package once and returns the table;
`rule_catalogue()` gives every rule's metadata, from `lintnews.rule_index` when it is current,
without importing the rules (selection, fix policies and the result cache need no more).
"""

from __future__ import annotations

import importlib
import inspect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lintnews import rule_index
from lintnews.diagnostics import Edit, Fix, RelatedLocation, Severity
from lintnews.rule_index import RuleInfo

if TYPE_CHECKING:
    from lintnews.config import Settings
    from lintnews.document import Document


@dataclass(frozen=True, init=False)
class Violation:
    """What a rule reports, in 0-based text coordinates of the document (``end_line`` inclusive,
    ``end_column`` exclusive)."""

    rule: Rule
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    fix: Fix | None = None
    related: tuple[RelatedLocation, ...] = ()
    #: Overrides the rule's default severity for this violation (pack entries may set one).
    severity: Severity | None = None

    def __init__(
        self,
        rule: Rule,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        message: str,
        fix: Fix | None = None,
        related: tuple[RelatedLocation, ...] = (),
        severity: Severity | None = None,
    ) -> None:
        # The fields in one dictionary set at once: a frozen dataclass's own `__init__` sets
        # each through `object.__setattr__`, which cost twice as much, once per finding.
        _set_fields(
            self,
            "__dict__",
            {
                "rule": rule,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "message": message,
                "fix": fix,
                "related": related,
                "severity": severity,
            },
        )


_set_fields = object.__setattr__


class Rule:
    """Base class of per-document rules.

    Subclasses set the class attributes and implement `check`. The class docstring is the rule's
    documentation, in ruff's shape: ``## What it does``, ``## Why is this bad?``, ``## Example``,
    ``## Fix`` (``lintnews rule CODE`` prints it).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    #: One line for ``lintnews rules`` and SARIF's shortDescription.
    summary: ClassVar[str] = ""
    #: ``None`` (cannot fix), ``"safe"``, ``"unsafe"``, or ``"mixed"`` (safe for most findings,
    #: unsafe for some: each `Fix` says which).
    fix_applicability: ClassVar[str | None] = None
    #: Part of the default selection? Rules that cannot reach the precision target are not.
    default: ClassVar[bool] = True
    #: Runs on the whole corpus (see `lintnews.corpus`) rather than one document at a time.
    corpus: ClassVar[bool] = False
    #: Reads entries of the phrase packs filed under its name (see `lintnews.packs`): packs and
    #: ``extra-phrases`` may name only such rules.
    reads_packs: ClassVar[bool] = False
    #: Its options (``[rule-options.CODE]``): a dataclass whose fields are the keys in
    #: snake_case, with their types and defaults (``metadata={"min": 1}`` or ``"max"`` bound a
    #: number); None: the rule takes none. See `lintnews.config.rule_options`.
    options: ClassVar[type | None] = None
    #: Whether its `warm` imports a library a document may never need (F005: ftfy, T002:
    #: wordfreq, ~0.02 CPU-s each): a small run in one process leaves that to the first document
    #: that needs it (`lintnews.engine.Linter.warm`).
    warm_imports: ClassVar[bool] = False

    def check(self, doc: Document, settings: Settings) -> Iterable[Violation]:
        raise NotImplementedError

    def warm(self, settings: Settings) -> None:
        """Load now what the rule would otherwise load on its first document (T002: word lists),
        so that a check run's forked workers share it (`lintnews.engine.Linter.warm`); most rules
        load nothing. Must not change any answer."""

    @property
    def fixable(self) -> bool:
        return self.fix_applicability is not None

    @property
    def doc(self) -> str:
        return inspect.cleandoc(type(self).__doc__ or "")

    def violation(
        self,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        message: str,
        fix: Fix | None = None,
        related: Iterable[RelatedLocation] = (),
        severity: Severity | None = None,
    ) -> Violation:
        return Violation(self, line, column, end_line, end_column, message, fix, tuple(related), severity)

    def line_violation(
        self, doc: Document, line: int, message: str, end_line: int | None = None, **kwargs: object
    ) -> Violation:
        """A violation covering whole lines ``line..end_line`` without their leading blanks (as
        written: a Markdown line opening with a link starts at its ``[``, not at the link's
        words)."""
        end = line if end_line is None else end_line
        text = doc.lines[line]
        col = len(text) - len(text.lstrip())
        if col and doc.source is not None and doc.kind == "markdown":
            start = doc.line_starts[line]
            written = doc.source[start : start + col]
            col = len(written) - len(written.lstrip())
        # (`violation` written out, one call fewer a finding: most findings are whole lines)
        if "related" in kwargs:
            kwargs["related"] = tuple(kwargs["related"])  # type: ignore[arg-type]
        return Violation(self, line, col, end, len(doc.lines[end]), message, **kwargs)  # type: ignore[arg-type]

    def removable_lines(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        fix_title: str,
        safe: bool = True,
        **kwargs: object,
    ) -> Violation:
        """A violation covering whole lines ``start..end`` whose fix removes them
        (`remove_lines_fix`): what every rule that reports chrome, copies or appendices gives."""
        fix = self.remove_lines_fix(doc, start, end, fix_title, safe)
        return self.line_violation(doc, start, message, end_line=end, fix=fix, **kwargs)

    def remove_lines_fix(self, doc: Document, start: int, end: int, title: str, safe: bool = True) -> Fix:
        """A fix that deletes text lines ``start..end`` (inclusive) with their line breaks. When the
        lines stand between blank lines, one of those goes too, so paragraphs stay one blank line
        apart and the fix never creates a run of blank lines."""
        lines, void = doc.lines, doc.void_lines  # (a Markdown image's line is no blank line to take)
        prev_blank = start > 0 and not lines[start - 1].strip() and start - 1 not in void
        next_blank = end + 1 >= len(lines) or not lines[end + 1].strip() and end + 1 not in void
        cut = start - 1 if prev_blank and next_blank else start
        if start == 0 and end + 1 < len(lines) and not lines[end + 1].strip() and end + 1 not in void:
            end += 1  # the first line: take the blank line after it, so the text starts with text
        begin = doc.offset(cut)
        stop = doc.offset(end + 1) if end + 1 < len(lines) else len(doc.text)
        if end + 1 >= len(lines) and begin > 0:
            begin -= 1  # last line: take the line break before it instead
        return Fix(title, (Edit(begin, stop, ""),), safe)

    def __repr__(self) -> str:
        return f"<{self.code} {self.name}>"


_CODE = re.compile(r"^[A-Z][0-9]{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_REGISTRY: dict[str, Rule] = {}
_loaded = False
#: `_REGISTRY` sorted by code, made again only after `register` changes it (`all_rules` is asked
#: once per reported diagnostic, and sorting the table each time was 2 % of a run).
_sorted: dict[str, Rule] | None = None
_names: dict[str, str] | None = None
#: Each registered rule's metadata as its class declared it when registered (`rule_index`
#: stores these: never what a test patched later).
_DECLARED: dict[str, tuple[Any, ...]] = {}
#: `rule_catalogue`'s answer, and the table it was made from (None: from the stored index).
_catalogue: tuple[dict[str, Rule] | None, dict[str, RuleInfo]] | None = None


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule to the table (codes and names must be unique)."""
    if not _CODE.match(cls.code):
        raise ValueError(f"bad rule code {cls.code!r}")
    if not _NAME.match(cls.name):
        raise ValueError(f"rule name must be kebab-case: {cls.name!r}")
    if cls.code in _REGISTRY and type(_REGISTRY[cls.code]) is not cls:
        raise ValueError(f"duplicate rule code {cls.code}")
    for other in _REGISTRY.values():
        if other.name == cls.name and other.code != cls.code:
            raise ValueError(f"duplicate rule name {cls.name}")
    global _sorted, _names, _catalogue
    _REGISTRY[cls.code] = cls()
    _DECLARED[cls.code] = rule_index.fields_of(cls)
    _sorted = _names = _catalogue = None
    return cls


def all_rules() -> dict[str, Rule]:
    """Every registered rule by code, sorted by code."""
    global _loaded, _sorted
    if not _loaded:
        importlib.import_module("lintnews.rules")
        _loaded = True
    if _sorted is None:
        _sorted = dict(sorted(_REGISTRY.items()))
    return dict(_sorted)  # (a copy: a caller may change what it gets)


def _table() -> dict[str, Rule]:
    """`all_rules`'s table itself (not a copy): only for reading."""
    all_rules()
    assert _sorted is not None
    return _sorted


def rule_catalogue() -> Mapping[str, RuleInfo]:
    """Every rule's metadata by code, sorted by code (do not change it): from the stored index
    (`lintnews.rule_index`) while the rules are not imported and it is current, with the rules
    this process registered itself; else from the rules, imported (and the index written)."""
    global _catalogue
    if _catalogue is not None:
        made_from, infos = _catalogue
        if (made_from is None and not _loaded) or (made_from is not None and made_from is _sorted):
            return infos
    if not _loaded:
        stored = rule_index.stored_rules()
        if stored is not None:
            infos = {info.code: info for info in stored}
            infos.update((code, RuleInfo(fields)) for code, fields in _DECLARED.items() if code in _REGISTRY)
            _catalogue = (None, dict(sorted(infos.items())))
            return _catalogue[1]
        table = _table()  # (imports the rules)
        ours = [
            _DECLARED[code] for code, rule in table.items() if type(rule).__module__.startswith("lintnews.")
        ]
        rule_index.save(ours)
    table = _table()
    _catalogue = (table, {code: RuleInfo.of(rule) for code, rule in table.items()})
    return _catalogue[1]


def rule_names() -> Mapping[str, str]:
    """Every known rule's name by code, kept (the cache checks the code and name of every
    diagnostic it reads back, hundreds of thousands a run)."""
    global _names
    if _names is None:
        _names = {code: info.name for code, info in rule_catalogue().items()}
    return _names


def iter_rules() -> Iterator[Rule]:
    return iter(all_rules().values())


class RuleTable:
    """The rules selected for a run (their codes), with their effective severities. The rules
    themselves (`rules`) are imported when first asked for: a run answered from the result cache
    never runs one."""

    def __init__(self, codes: Iterable[str], severities: dict[str, Severity] | None = None) -> None:
        self.codes = list(codes)
        self.severities = {} if severities is None else severities
        self._rules: list[Rule] | None = None

    @property
    def rules(self) -> list[Rule]:
        if self._rules is None:
            table = _table()
            self._rules = [table[code] for code in self.codes]
        return self._rules

    def severity(self, rule: Rule | RuleInfo, violation: Violation | None = None) -> Severity:
        """Configured severity, else the violation's own (from a pack entry), else the rule's."""
        configured = self.severities.get(rule.code)
        if configured is not None:
            return configured
        if violation is not None and violation.severity is not None:
            return violation.severity
        return rule.severity


@register
class InternalError(Rule):
    """## What it does
    Reports that a rule raised an exception on a document. The other rules still ran on it.

    ## Why is this bad?
    The document was not fully checked: a rule that crashes may hide the defects it looks for.

    ## Example
    `article.txt:1:1: E900 rule T001 (truncated-sentence) failed: IndexError: list index out of range`

    ## Fix
    Report the message and the document to the lintnews maintainers; meanwhile `--ignore` the rule.
    """

    code = "E900"
    name = "internal-error"
    severity = Severity.ERROR
    summary = "A rule raised an exception on this document"

    def check(self, doc: Document, settings: Settings) -> Iterable[Violation]:
        return ()
