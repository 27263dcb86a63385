"""Phrase packs: the data behind phrase-driven rules (Vale-style "existence" rules).

A pack is a TOML file (``rules/packs/<family>-<lang>.toml`` ship with lintnews; users add their own with
``extend-packs``) holding entries::

    language = "en"            # or "*" for every language

    [[entry]]
    rule = "seo-filler"        # the kebab-case name of the rule that reports matches
    message = "Related-content prompt left in the text"
    severity = "warning"       # optional: overrides the rule's default severity for these lines
    lines = ["You may also like", "Explore related products"]
    patterns = ['read more(?: about .{1,60})?', 'more from [\\w .&-]{1,40}']

Matching is always against a *whole line* (never a substring of a sentence), compared in its
"key" form (see `line_key`): NFKC, case-folded, curly quotes made straight, Markdown emphasis
markers removed, whitespace collapsed, bullets and punctuation trimmed from both ends. ``lines``
are literal and compared after the same normalisation; ``patterns`` are regular expressions that
must match the entire key. All entries of one rule and language are compiled into a single
alternation, so a line costs one regex call per rule, whatever the size of the pack.

``extra-phrases = { seo-filler = ["Don't miss"] }`` in the config adds literal lines to a rule in
every language.
"""

from __future__ import annotations

import bisect
import importlib.util
import itertools
import re
import sys
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from lintnews.config import ConfigError, PackError, Settings, pack_rule, shown
from lintnews.diagnostics import Severity
from lintnews.document import View, cached_property
from lintnews.language import language_of
from lintnews.regexcheck import backtracking_risk
from lintnews.registry import Rule, Violation
from lintnews.textnorm import EDGE as _EDGE  # noqa: F401  (re-exported: line keys live in textnorm)
from lintnews.textnorm import EDGE_CHARS as _EDGE_CHARS  # noqa: F401
from lintnews.textnorm import EMPHASIS as _EMPHASIS  # noqa: F401
from lintnews.textnorm import line_key

if TYPE_CHECKING:
    from lintnews.document import Document

ALL_LANGUAGES = "*"


@dataclass
class Entry:
    rule: str
    message: str
    severity: Severity | None
    lines: list[str]
    patterns: list[str]
    source: str


@dataclass
class Matcher:
    """Every entry of one rule for one language, compiled to a dict and one regex."""

    literal: dict[str, Entry] = field(default_factory=dict)
    regex: re.Pattern[str] | None = None
    groups: dict[str, Entry] = field(default_factory=dict)

    def match(self, key: str) -> Entry | None:
        entry = self.literal.get(key)
        if entry is not None:
            return entry
        if self.regex is not None:
            m = self.regex.fullmatch(key)
            if m is not None and m.lastgroup is not None:
                return self.groups[m.lastgroup]
        return None


@dataclass
class PackSet:
    """All loaded entries, grouped by language, then rule."""

    by_language: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)
    matchers: dict[tuple[str, str], Matcher] = field(default_factory=dict)
    screens: dict[str, Screen] = field(default_factory=dict)
    unions: dict[tuple[str, ...], ScreenUnion] = field(default_factory=dict)
    rule_screens: dict[tuple[str, str], Screen] = field(default_factory=dict)
    rule_matchers: dict[tuple[str, tuple[str, ...]], list[Matcher]] = field(default_factory=dict)

    def add(self, language: str, entry: Entry) -> None:
        self.by_language.setdefault(language, {}).setdefault(entry.rule, []).append(entry)

    def languages(self) -> list[str]:
        return sorted(lang for lang in self.by_language if lang != ALL_LANGUAGES)

    def matcher(self, rule: str, language: str) -> Matcher:
        """Matcher for ``rule`` in ``language`` (which also gets every ``*`` entry)."""
        found = self.matchers.get((rule, language))
        if found is None:
            entries = [*self.by_language.get(language, {}).get(rule, []),
                       *self.by_language.get(ALL_LANGUAGES, {}).get(rule, [])]
            found = self.matchers[(rule, language)] = compile_entries(entries)
        return found

    def matchers_for(self, rule: str, languages: tuple[str, ...]) -> list[Matcher]:
        """The non-empty matchers of ``rule`` in ``languages``, in order (cached)."""
        found = self.rule_matchers.get((rule, languages))
        if found is None:
            found = [m for m in (self.matcher(rule, lang) for lang in languages) if m.literal or m.regex is not None]
            self.rule_matchers[(rule, languages)] = found
        return found

    def screen(self, language: str) -> Screen:
        """The `Screen` of every rule's entries in ``language`` (``*`` entries have their own)."""
        found = self.screens.get(language)
        if found is None:
            entries = [e for es in self.by_language.get(language, {}).values() for e in es]
            found = self.screens[language] = Screen.build(entries)
        return found

    def rule_screen(self, rule: str, language: str) -> Screen:
        """The `Screen` of the entries `matcher` compiles for ``rule`` in ``language``."""
        found = self.rule_screens.get((rule, language))
        if found is None:
            entries = [*self.by_language.get(language, {}).get(rule, []),
                       *self.by_language.get(ALL_LANGUAGES, {}).get(rule, [])]
            found = self.rule_screens[(rule, language)] = Screen.build(entries)
        return found

    def screen_of(self, languages: tuple[str, ...]) -> ScreenUnion:
        """The screens of ``languages`` as one `ScreenUnion` (cached; building it compiles
        nothing, so the many language sets of a multilingual corpus cost next to nothing)."""
        found = self.unions.get(languages)
        if found is None:
            found = self.unions[languages] = ScreenUnion.of([self.screen(lang) for lang in languages])
        return found


#: What may make the meaning of a pattern depend on the other patterns it is compiled with
#: (group references and conditionals): a `Screen` does not combine such patterns.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")

try:  # the regex parser of the standard library, to read what a pattern's matches must contain
    from re import _constants as _sre  # type: ignore[attr-defined]
    from re import _parser as _sre_parse  # type: ignore[attr-defined]  # private, 3.11+ (the stubs target 3.10)
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]


def _first_chars(items: Any) -> tuple[set[str], bool] | None:
    """The characters a non-empty match of the parsed sequence ``items`` can start with, and
    whether it can match the empty string; None when unknown."""
    chars: set[str] = set()
    for op, av in items:
        if op is _sre.AT:  # ^, $, \b: zero width
            continue
        if op is _sre.LITERAL:
            return chars | {chr(av)}, False
        if op is _sre.IN:
            for o, a in av:
                if o is _sre.LITERAL:
                    chars.add(chr(a))
                elif o is _sre.RANGE and a[1] - a[0] < 256:
                    chars.update(map(chr, range(a[0], a[1] + 1)))
                else:
                    return None
            return chars, False
        if op is _sre.BRANCH:
            nullable = False
            for branch in av[1]:
                got = _first_chars(branch)
                if got is None:
                    return None
                chars |= got[0]
                nullable = nullable or got[1]
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without flags
            got = _first_chars(av[3])
            if got is None:
                return None
            chars |= got[0]
            nullable = got[1]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            got = _first_chars(av[2])
            if got is None:
                return None
            chars |= got[0]
            nullable = got[1] or av[0] == 0
        else:
            return None
        if not nullable:
            return chars, False
    return chars, True


def _required(items: Any) -> set[str] | None:
    """Strings one of which every match of the parsed sequence ``items`` contains, or None when
    none is known."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append({"".join(run)})
            run = []
        got = None
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:
            got = _required(av[3])
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            got = _required(av[2])
        elif op is _sre.ASSERT and av[0] == 1:  # a lookahead: what it sees is in the line too
            got = _required(av[1])
        elif op is _sre.BRANCH:
            branches = [_required(b) for b in av[1]]
            if all(b is not None for b in branches):
                got = set().union(*branches)  # type: ignore[arg-type]
        if got:
            options.append(got)
    if not options:
        return None
    # the cheapest good test: strings of three or more characters, as few as possible, long
    return min(options, key=lambda o: (min(map(len, o)) < 3, len(o), -min(map(len, o))))


class _Keys:
    """Line keys a `Screen` selects from, with their concatenation (made once for all screens)."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys

    @cached_property
    def joined(self) -> str:
        return "\n".join(self.keys)

    @cached_property
    def ends(self) -> Sequence[int]:
        """The offset just after each key's line break in `joined` (machine integers: 8 bytes
        a line, not 40)."""
        return array("q", itertools.accumulate(len(k) + 1 for k in self.keys))


@lru_cache(maxsize=4096)
def _analyse(pattern: str) -> tuple[frozenset[str] | None, frozenset[str] | None]:
    """What a `Screen` needs of a pattern: the characters its matches start with (None: not
    known, or it can match the empty string) and strings one of which they contain."""
    parsed = _sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return None, None
    first = _first_chars(parsed)
    required = _required(parsed)
    return (frozenset(first[0]) if first is not None and not first[1] else None,
            frozenset(required) if required else None)


@dataclass
class Screen:
    """Every entry of every rule in some languages, reduced to what makes a line a candidate:
    a line the screen does not let through is matched by no entry of any rule, so the rules
    only look at the few lines that pass (see `match_lines`).

    Literal lines are a set. Each pattern is filed under the characters its matches can start
    with, so a line is tried only against the patterns that can start with its first
    character; the patterns whose first character is not known are tried only on lines that
    contain one of the strings their matches must contain (a word of a lookahead, a phrase)."""

    literal: frozenset[str]
    #: Patterns by first character, and compiled.
    by_first: dict[str, list[str]] = field(default_factory=dict)
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: Patterns of unknown first character, and the strings a line needs for any of them to
    #: match (None: unknown, always try them).
    rest: re.Pattern[str] | None = None
    rest_needs: tuple[str, ...] | None = None
    #: No screen could be built: every line passes.
    everything: bool = False

    @classmethod
    def build(cls, entries: list[Entry]) -> Screen:
        literal = frozenset(line_key(line) for e in entries for line in e.lines)
        patterns = list(dict.fromkeys(p for e in entries for p in e.patterns))
        if not patterns:
            return cls(literal)
        if any(_GROUP_REFERENCE.search(p) for p in patterns):
            return cls(literal, everything=True)
        screen = cls(literal)
        rest: list[str] = []
        needs: set[str] | None = set()
        for p in patterns:
            try:
                first, required = _analyse(p)
            except Exception:  # an unexpected parse tree: no screen
                return cls(literal, everything=True)
            if first is not None:
                for char in first:
                    screen.by_first.setdefault(char, []).append(p)
                continue
            rest.append(p)
            needs = None if needs is None or not required else needs | required
        try:
            if rest:
                screen.rest = re.compile("|".join(f"(?:{p})" for p in rest))
                screen.rest_needs = None if needs is None else tuple(sorted(needs))
            # one regex per first character, but the same regex for the same patterns
            regexes: dict[tuple[str, ...], re.Pattern[str]] = {}
            for char, found in screen.by_first.items():
                group = tuple(found)
                if group not in regexes:
                    regexes[group] = re.compile("|".join(f"(?:{p})" for p in group))
                screen.compiled[char] = regexes[group]
        except re.error:  # e.g. the same group name in two patterns
            return cls(literal, everything=True)
        return screen

    def admits(self, key: str) -> bool:
        """Whether an entry may match the (non-empty) line key ``key``."""
        return bool(self.select(_Keys([key])))

    def select(self, keys: _Keys) -> list[int]:
        """Indices of the (non-empty) line keys ``keys`` that an entry may match."""
        return ScreenUnion.of([self]).select(keys)

    def needy(self, keys: _Keys) -> set[int] | None:
        """Indices of the keys that hold one of `rest_needs` (None: every key), found with one
        search per string over all keys."""
        if self.rest_needs is None:
            return None
        found: set[int] = set()
        joined, ends = keys.joined, keys.ends
        for needle in self.rest_needs:
            at = joined.find(needle)
            while at >= 0:
                j = bisect.bisect_right(ends, at)
                found.add(j)
                at = joined.find(needle, ends[j]) if j < len(ends) else -1
        return found


@dataclass
class ScreenUnion:
    """Several `Screen`s as one: a line passes when it passes any of them, decided in one pass
    over the lines. Made from the screens' compiled parts (the literal sets joined, the
    regexes of each first character listed), so making one compiles nothing."""

    screens: tuple[Screen, ...]
    literal: frozenset[str]
    compiled: dict[str, tuple[re.Pattern[str], ...]]
    everything: bool

    @classmethod
    def of(cls, screens: list[Screen]) -> ScreenUnion:
        compiled: dict[str, list[re.Pattern[str]]] = {}
        for screen in screens:
            for char, regex in screen.compiled.items():
                found = compiled.setdefault(char, [])
                if regex not in found:
                    found.append(regex)
        literal = frozenset().union(*(s.literal for s in screens))
        return cls(tuple(screens), literal, {c: tuple(r) for c, r in compiled.items()}, any(s.everything for s in screens))

    def select(self, keys: _Keys) -> list[int]:
        """Indices of the (non-empty) line keys ``keys`` that an entry of a screen may match."""
        if self.everything:
            return list(range(len(keys.keys)))
        rests = [(s.rest, s.needy(keys)) for s in self.screens if s.rest is not None]
        literal, compiled = self.literal, self.compiled
        out = []
        for j, key in enumerate(keys.keys):
            if key in literal:
                out.append(j)
                continue
            regexes = compiled.get(key[0])
            if regexes is not None and any(r.fullmatch(key) is not None for r in regexes):
                out.append(j)
                continue
            for rest, needy in rests:
                if (needy is None or j in needy) and rest.fullmatch(key) is not None:
                    out.append(j)
                    break
        return out


def compile_entries(entries: list[Entry]) -> Matcher:
    matcher = Matcher()
    parts = []
    for i, entry in enumerate(entries):
        for line in entry.lines:
            matcher.literal.setdefault(line_key(line), entry)
        if entry.patterns:
            name = f"e{i}"
            matcher.groups[name] = entry
            parts.append(f"(?P<{name}>{'|'.join(f'(?:{p})' for p in entry.patterns)})")
    if parts:
        matcher.regex = re.compile("|".join(parts))
    return matcher


def _entry(data: Any, where: str, check_backtracking: bool = True) -> Entry:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: each [[entry]] must be a table")
    unknown = set(data) - {"rule", "message", "severity", "lines", "patterns"}
    if unknown:
        raise ConfigError(f"{where}: unknown key `{sorted(unknown)[0]}` in [[entry]]")
    rule = data.get("rule")
    if not isinstance(rule, str):
        raise ConfigError(f"{where}: [[entry]] needs `rule = \"<rule name or code>\"`")
    lines = data.get("lines", [])
    patterns = data.get("patterns", [])
    for key, value in (("lines", lines), ("patterns", patterns)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: `{key}` of rule {rule} must be a list of strings")
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ConfigError(f"{where}: invalid pattern {p!r} for rule {rule}: {exc}") from None
        # A pattern Python's backtracking engine can spend minutes on would hang every run that
        # meets an unlucky line: refused when the pack is loaded (see `lintnews.regexcheck`).
        risk = backtracking_risk(p) if check_backtracking else None
        if risk is not None:
            raise ConfigError(
                f"{where}: pattern {p!r} for rule {rule} can make matching hang: {risk}. "
                "Rewrite it so that each stretch of text can be matched only one way (`\\S+(?: \\S+){0,3}` "
                "instead of `(?:\\S+ ?){1,4}`, `\\w+` instead of `(?:\\w+)+`), or make the repetition "
                "possessive (`a++`) or atomic (`(?>...)`, Python 3.11+)"
            )
    severity = data.get("severity")
    try:
        sev = Severity.parse(severity) if isinstance(severity, str) else None
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    message = data.get("message") or ""
    return Entry(rule, str(message), sev, list(lines), list(patterns), where)


def load_pack(path: Path, packs: PackSet, check_backtracking: bool = True) -> None:
    """Add the entries of the pack file ``path`` (errors name the file and the entry). An entry
    names its rule by name or code; only rules that read packs may be named (`pack_rule`).
    ``check_backtracking``: refuse patterns that can backtrack for exponential or high
    polynomial time (off for the packs lintnews ships, which the test suite checks once instead
    of every run)."""
    try:
        _load_pack(path, packs, check_backtracking)
    except ConfigError as exc:
        message = str(exc)
        if message.startswith(str(path)):
            message = shown(path) + message[len(str(path)):]
        raise PackError(message) from None


def _load_pack(path: Path, packs: PackSet, check_backtracking: bool) -> None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read pack: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: pack is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML in pack: {exc}") from None
    language = data.get("language")
    if not isinstance(language, str):
        raise ConfigError(f"{path}: a pack needs `language = \"<code>\"` (or \"*\")")
    unknown = set(data) - {"language", "entry", "description"}
    if unknown:
        raise ConfigError(f"{path}: unknown key `{sorted(unknown)[0]}` in pack")
    entries = data.get("entry", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: `entry` must be an array of tables ([[entry]])")
    for i, raw in enumerate(entries, start=1):
        entry = _entry(raw, f"{path} entry {i}", check_backtracking)
        entry.rule = pack_rule(entry.rule, f"{path} entry {i}")
        packs.add(language, entry)


def _pack_path(name: str, root: str) -> Path:
    path = Path(name)
    return path if path.is_absolute() else Path(root) / path


def check_pack_files(names: list[str], root: str, where: str) -> None:
    """Load the ``extend-packs`` files ``names`` (relative to ``root``) once, so a missing file
    or a broken entry is reported before any input is read."""
    for name in names:
        path = _pack_path(name, root)
        if not path.is_file():
            raise ConfigError(f"{where}: pack file not found: {shown(path)}")
        load_pack(path, PackSet())


def builtin_dir() -> Path:
    """``packs/`` inside the installed ``lintnews.rules`` package (``rules/`` in a checkout),
    found without importing it: the rule modules import this one."""
    spec = importlib.util.find_spec("lintnews.rules")
    assert spec is not None and spec.origin is not None, "lintnews.rules is not installed"
    return Path(spec.origin).resolve().parent / "packs"


@lru_cache(maxsize=32)
def _load(extend: tuple[str, ...], extra: tuple[tuple[str, tuple[str, ...]], ...], root: str) -> PackSet:
    packs = PackSet()
    for path in sorted(builtin_dir().glob("*.toml")):
        load_pack(path, packs, check_backtracking=False)
    for name in extend:
        path = _pack_path(name, root)
        if not path.is_file():
            raise ConfigError(f"`extend-packs`: pack file not found: {shown(path)}")
        load_pack(path, packs)
    for rule, lines in extra:
        name = pack_rule(rule, f"`extra-phrases.{rule}`")
        packs.add(ALL_LANGUAGES, Entry(name, "", None, list(lines), [], "extra-phrases"))
    return packs


def load_packs(settings: Settings) -> PackSet:
    """Built-in packs plus the user's, cached per configuration."""
    extra: list[tuple[str, tuple[str, ...]]] = []
    for rule, lines in sorted(settings.extra_phrases.items()):
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise ConfigError(f"`extra-phrases.{rule}` must be a list of strings")
        extra.append((rule, tuple(lines)))
    return _load(tuple(settings.extend_packs), tuple(extra), settings.root)


def pack_languages(doc: Document, settings: Settings, packs: PackSet) -> list[str]:
    """Languages whose packs apply to ``doc``: its own language plus English (English site chrome
    is everywhere), plus, when detected, any other language with a substantial stop-word share (a
    German page converted whole is often classified by its English navigation); every language
    when none could be detected."""
    memo = _PACK_LANGUAGES.of(doc)
    hit = memo.get(settings.language)
    if hit is not None and hit[0] is packs:
        return list(hit[1])
    lang = language_of(doc, settings)
    if lang is None:
        langs = packs.languages() or ["en"]
    else:
        langs = [lang] if lang == "en" else [lang, "en"]
        if not settings.language or settings.language == "auto":
            langs += [other for other in _SECONDARY_LANGUAGES.of(doc) if other not in langs]
    memo[settings.language] = (packs, langs)
    return list(langs)


_SECONDARY_SHARE = 0.25
_SECONDARY_MIN_HITS = 10


def _also_present(doc: Document) -> list[str]:
    """Languages whose stop words make up at least a quarter of the best language's count."""
    scores = doc.stopword_profile[0]
    best = max(scores.values(), default=0)
    return [
        lang for lang, n in sorted(scores.items(), key=lambda kv: -kv[1])
        if n >= _SECONDARY_MIN_HITS and n >= _SECONDARY_SHARE * best
    ]


#: Per document: `pack_languages` by configured language (with the pack set they were made for),
#: and `_also_present`.
_PACK_LANGUAGES: View[dict[str | None, tuple[PackSet, list[str]]]] = View("packs.pack_languages", lambda doc: {})
_SECONDARY_LANGUAGES: View[list[str]] = View("packs.secondary_languages", _also_present)


def line_keys(doc: Document) -> list[str]:
    """``doc.line_keys``: `line_key` of every line of ``doc`` (`lintnews.textnorm.line_keys_of`),
    computed once per document."""
    return doc.line_keys


def _candidate_lines(doc: Document, packs: PackSet, langs: list[str]) -> list[int]:
    """Lines of ``doc`` that some entry of some rule in ``langs`` may match (see `Screen`),
    computed once per document for all phrase rules."""
    memo = _PHRASE_LINES.of(doc)
    hit = memo.get(tuple(langs))
    if hit is not None and hit[0] is packs:
        return hit[1]
    keys = doc.line_keys
    eligible = array("q", [i for i, key in enumerate(keys) if key and len(key) <= 300])
    candidates = _Keys([keys[i] for i in eligible])
    found = [eligible[j] for j in packs.screen_of((*langs, ALL_LANGUAGES)).select(candidates)]
    memo[tuple(langs)] = (packs, found)
    return found


#: Per document: `_candidate_lines` by languages (with the pack set they were made for).
_PHRASE_LINES: View[dict[tuple[str, ...], tuple[PackSet, list[int]]]] = View("packs.phrase_lines", lambda doc: {})


def match_lines(doc: Document, settings: Settings, rule: str) -> Iterator[tuple[int, Entry]]:
    """(line index, entry) for every line of ``doc`` that an entry of ``rule`` matches whole."""
    packs = load_packs(settings)
    langs = pack_languages(doc, settings, packs)
    matchers = packs.matchers_for(rule, tuple(langs))
    if not matchers:
        return
    keys = line_keys(doc)
    for i in _candidate_lines(doc, packs, langs):
        key = keys[i]
        for m in matchers:
            entry = m.match(key)
            if entry is not None:
                yield i, entry
                break


class PhraseRule(Rule):
    """Base of rules that report whole lines matched by their pack entries.

    A subclass sets the usual class attributes and ``default_message``; the phrases live in the
    packs under the rule's name. The fix removes the line (safe: the line is nothing but the
    phrase)."""

    fix_applicability: ClassVar[str | None] = "safe"
    reads_packs: ClassVar[bool] = True
    default_message: ClassVar[str] = "Boilerplate line"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for i, entry in match_lines(doc, settings, self.name):
            yield self.line_violation(
                doc,
                i,
                entry.message or self.default_message,
                fix=self.remove_lines_fix(doc, i, i, f"Remove the line \"{doc.lines[i].strip()[:60]}\""),
                severity=entry.severity,
            )
