"""Phrase packs: the data behind phrase-driven rules (Vale-style "existence" rules).

A pack is a TOML file (``rules/packs/<lang>.toml`` ships with lintnews; users add their own with
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

import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from lintnews.config import ConfigError, Settings
from lintnews.language import language_of
from lintnews.registry import Rule, Severity, Violation

if TYPE_CHECKING:
    from lintnews.document import Document

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "\u00a0": " "})
_EDGE = r"""\s\-–—•·*#>|»«:;.,!?…_~=+"'()\[\]{}/\\▶►▸→›‹<"""
_TRIM = re.compile(f"^[{_EDGE}]+|[{_EDGE}]+$")
_WS = re.compile(r"\s+")
#: Markdown emphasis around words ("**Read more:**", "_Ähnliche Beiträge_"); a lone "*" between
#: spaces ("marked with * are required") and snake_case stay.
_EMPHASIS = re.compile(r"""(?<!\w)[*_]{1,3}(?=[\w¿¡])|(?<=[\w.!?:…)"'])[*_]{1,3}(?!\w)""")
ALL_LANGUAGES = "*"


def line_key(line: str) -> str:
    """The normalised form of a line that pack entries are matched against."""
    key = unicodedata.normalize("NFKC", line).translate(_QUOTES).casefold()
    if "*" in key or "_" in key:
        key = _EMPHASIS.sub("", key)
    key = _WS.sub(" ", key)
    return _TRIM.sub("", key)


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


def _entry(data: Any, where: str) -> Entry:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: each [[entry]] must be a table")
    unknown = set(data) - {"rule", "message", "severity", "lines", "patterns"}
    if unknown:
        raise ConfigError(f"{where}: unknown key `{sorted(unknown)[0]}` in [[entry]]")
    rule = data.get("rule")
    if not isinstance(rule, str):
        raise ConfigError(f"{where}: [[entry]] needs `rule = \"<rule name>\"`")
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
    severity = data.get("severity")
    try:
        sev = Severity.parse(severity) if isinstance(severity, str) else None
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    message = data.get("message") or ""
    return Entry(rule, str(message), sev, list(lines), list(patterns), where)


def load_pack(path: Path, packs: PackSet, known_rules: set[str]) -> None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read pack: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML in pack: {exc}") from None
    language = data.get("language")
    if not isinstance(language, str):
        raise ConfigError(f"{path}: a pack needs `language = \"<code>\"` (or \"*\")")
    unknown = set(data) - {"language", "entry", "description"}
    if unknown:
        raise ConfigError(f"{path}: unknown key `{sorted(unknown)[0]}` in pack")
    for i, raw in enumerate(data.get("entry", []), start=1):
        entry = _entry(raw, f"{path} entry {i}")
        if entry.rule not in known_rules:
            raise ConfigError(f"{path} entry {i}: unknown rule `{entry.rule}`")
        packs.add(language, entry)


def builtin_dir() -> Path:
    """``packs/`` inside the installed ``lintnews.rules`` package (``rules/`` in a checkout)."""
    import lintnews.rules

    return Path(lintnews.rules.__file__).resolve().parent / "packs"


@lru_cache(maxsize=32)
def _load(extend: tuple[str, ...], extra: tuple[tuple[str, tuple[str, ...]], ...], root: str) -> PackSet:
    from lintnews.registry import all_rules

    known = {r.name for r in all_rules().values()}
    packs = PackSet()
    for path in sorted(builtin_dir().glob("*.toml")):
        load_pack(path, packs, known)
    for name in extend:
        path = Path(name)
        if not path.is_absolute():
            path = Path(root) / path
        if not path.is_file():
            raise ConfigError(f"extend-packs: pack file not found: {path}")
        load_pack(path, packs, known)
    for rule, lines in extra:
        if rule not in known:
            raise ConfigError(f"extra-phrases: unknown rule `{rule}`")
        packs.add(ALL_LANGUAGES, Entry(rule, "", None, list(lines), [], "extra-phrases"))
    return packs


def load_packs(settings: Settings) -> PackSet:
    """Built-in packs plus the user's, cached per configuration."""
    extra: list[tuple[str, tuple[str, ...]]] = []
    for rule, lines in sorted(settings.extra_phrases.items()):
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise ConfigError(f"extra-phrases.{rule} must be a list of strings")
        extra.append((rule, tuple(lines)))
    return _load(tuple(settings.extend_packs), tuple(extra), settings.root)


def pack_languages(doc: Document, settings: Settings, packs: PackSet) -> list[str]:
    """Languages whose packs apply to ``doc``: its own language plus English (English site chrome
    is everywhere), plus, when detected, any other language with a substantial stop-word share (a
    German page converted whole is often classified by its English navigation); every language
    when none could be detected."""
    lang = language_of(doc, settings)
    if lang is None:
        return packs.languages() or ["en"]
    langs = [lang] if lang == "en" else [lang, "en"]
    if not settings.language or settings.language == "auto":
        langs += [other for other in _also_present(doc) if other not in langs]
    return langs


_SECONDARY_SHARE = 0.25
_SECONDARY_MIN_HITS = 10


def _also_present(doc: Document) -> list[str]:
    """Languages whose stop words make up at least a quarter of the best language's count."""
    found = doc.cache.get("secondary_languages")
    if found is None:
        from collections import Counter

        from lintnews.language import STOPWORDS

        counts = Counter(w.casefold() for w in re.findall(r"[^\W\d_]+", doc.text[:50_000]))
        scores = {lang: sum(counts[w] for w in stop) for lang, stop in STOPWORDS.items()}
        best = max(scores.values(), default=0)
        found = doc.cache["secondary_languages"] = [
            lang for lang, n in sorted(scores.items(), key=lambda kv: -kv[1])
            if n >= _SECONDARY_MIN_HITS and n >= _SECONDARY_SHARE * best
        ]
    return list(found)


def line_keys(doc: Document) -> list[str]:
    keys = doc.cache.get("line_keys")
    if keys is None:
        keys = doc.cache["line_keys"] = [line_key(line) for line in doc.lines]
    return keys


def match_lines(doc: Document, settings: Settings, rule: str) -> Iterator[tuple[int, Entry]]:
    """(line index, entry) for every line of ``doc`` that an entry of ``rule`` matches whole."""
    packs = load_packs(settings)
    matchers = [packs.matcher(rule, lang) for lang in pack_languages(doc, settings, packs)]
    matchers = [m for m in matchers if m.literal or m.regex is not None]
    if not matchers:
        return
    for i, key in enumerate(line_keys(doc)):
        if not key or len(key) > 300:
            continue
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
