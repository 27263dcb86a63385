"""What a pack holds once loaded: entries, grouped by language and rule (`PackSet`), and their
compiled form (`Matcher`: one dict and one regex per rule and language)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lintnews.diagnostics import Severity
from lintnews.lazy import cached_property
from lintnews.packs.answers import LanguageAnswers, LineMatcher
from lintnews.packs.pattern_facts import kept_facts
from lintnews.packs.screen import Screen, ScreenUnion
from lintnews.packs.tried import TriedPatterns
from lintnews.packs.words import ordered
from lintnews.textnorm import line_key

ALL_LANGUAGES = "*"


@dataclass
class Entry:
    rule: str
    message: str
    severity: Severity | None
    lines: list[str]
    patterns: list[str]
    source: str

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """`line_key` of each of `lines`, made once an entry: a run's warm-up builds a screen of
        every language and rule, and each reads the same entries (5,405 keys made of 1,933 lines)."""
        return tuple(line_key(line) for line in self.lines)


@dataclass
class Matcher:
    """Every entry of one rule for one language: its literal lines in a dict, its patterns each
    compiled alone and tried only on the keys they may match (`TriedPatterns`)."""

    literal: dict[str, Entry] = field(default_factory=dict)
    #: Every entry's patterns as one alternation, an entry's a named group (None: no pattern):
    #: what `match` answers, as one expression (`regex`, for tests and bench/hostile.py).
    source: str | None = None
    groups: dict[str, Entry] = field(default_factory=dict)
    #: The entries, in order.
    entries: list[Entry] = field(default_factory=list)

    @cached_property
    def regex(self) -> re.Pattern[str] | None:
        """`source` compiled (matching never uses it: `match` tries the patterns one by one)."""
        return re.compile(self.source) if self.source is not None else None

    @cached_property
    def screen(self) -> Screen:
        """The `Screen` of the entries (what `TriedPatterns` files the patterns by, and
        `LanguageAnswers` the rules)."""
        return Screen.build(self.entries, alternations=False)

    @cached_property
    def patterns(self) -> TriedPatterns | None:
        """The patterns filed by what their matches start with (None: no pattern)."""
        return TriedPatterns.of(self.entries, self.screen) if self.source is not None else None

    def match(self, key: str) -> Entry | None:
        """The entry whose line is ``key``, else the first entry a pattern of which fullmatches
        it (as ``regex.fullmatch(key).lastgroup`` names it), or None."""
        entry = self.literal.get(key)
        if entry is not None:
            return entry
        patterns = self.patterns
        return patterns.match(key) if patterns is not None else None


@dataclass
class PackSet:
    """All loaded entries, grouped by language, then rule."""

    by_language: dict[str, dict[str, list[Entry]]] = field(default_factory=dict)
    matchers: dict[tuple[str, str], Matcher] = field(default_factory=dict)
    screens: dict[str, Screen] = field(default_factory=dict)
    unions: dict[tuple[str, ...], ScreenUnion] = field(default_factory=dict)
    rule_screens: dict[tuple[str, str], Screen] = field(default_factory=dict)
    rule_matchers: dict[tuple[str, tuple[str, ...]], list[Matcher]] = field(default_factory=dict)
    line_matchers: dict[tuple[str, ...], LineMatcher] = field(default_factory=dict)
    answers: dict[str, LanguageAnswers] = field(default_factory=dict)
    #: The term lists (`lintnews.packs.terms`): their words (line keys) by rule, name and language.
    terms: dict[tuple[str, str], dict[str, tuple[str, ...]]] = field(default_factory=dict)
    term_sets: dict[tuple[str, str, tuple[str, ...]], frozenset[str]] = field(default_factory=dict)
    #: The word lists (`lintnews.packs.words`): their words by rule, name and language.
    words: dict[tuple[str, str], dict[str, tuple[str, ...]]] = field(default_factory=dict)
    word_lists: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def add(self, language: str, entry: Entry) -> None:
        self.by_language.setdefault(language, {}).setdefault(entry.rule, []).append(entry)

    def add_terms(self, language: str, rule: str, name: str, words: tuple[str, ...]) -> None:
        by_language = self.terms.setdefault((rule, name), {})
        by_language[language] = by_language.get(language, ()) + words

    def add_words(self, language: str, rule: str, name: str, words: tuple[str, ...]) -> None:
        by_language = self.words.setdefault((rule, name), {})
        by_language[language] = by_language.get(language, ()) + words

    def word_list(self, rule: str, name: str) -> tuple[str, ...]:
        """The words of the word list ``name`` of ``rule`` in every language, without repeats,
        longest first (`lintnews.packs.words.ordered`; cached); none when no file loaded declares it."""
        found = self.word_lists.get((rule, name))
        if found is None:
            by_language = self.words.get((rule, name), {})
            found = self.word_lists[(rule, name)] = ordered(w for ws in by_language.values() for w in ws)
        return found

    def term_set(self, rule: str, name: str, languages: tuple[str, ...]) -> frozenset[str]:
        """The words of the term list ``name`` of ``rule`` in ``languages`` and ``*`` (cached);
        none when no file loaded declares it (a pack set made without the built-in files)."""
        found = self.term_sets.get((rule, name, languages))
        if found is None:
            by_language = self.terms.get((rule, name), {})
            found = frozenset(w for lang in (*languages, ALL_LANGUAGES) for w in by_language.get(lang, ()))
            self.term_sets[(rule, name, languages)] = found
        return found

    def languages(self) -> list[str]:
        return sorted(lang for lang in self.by_language if lang != ALL_LANGUAGES)

    def entries(self, rule: str, language: str) -> list[Entry]:
        """The entries of ``rule`` in ``language``, then its ``*`` entries."""
        return [
            *self.by_language.get(language, {}).get(rule, []),
            *self.by_language.get(ALL_LANGUAGES, {}).get(rule, []),
        ]

    def matcher(self, rule: str, language: str) -> Matcher:
        """Matcher for ``rule`` in ``language`` (which also gets every ``*`` entry)."""
        found = self.matchers.get((rule, language))
        if found is None:
            found = self.matchers[(rule, language)] = compile_entries(self.entries(rule, language))
        return found

    def matchers_for(self, rule: str, languages: tuple[str, ...]) -> list[Matcher]:
        """The non-empty matchers of ``rule`` in ``languages``, in order (cached)."""
        found = self.rule_matchers.get((rule, languages))
        if found is None:
            found = [
                m
                for m in (self.matcher(rule, lang) for lang in languages)
                if m.literal or m.source is not None
            ]
            self.rule_matchers[(rule, languages)] = found
        return found

    def rules(self) -> list[str]:
        """Every rule some entry names, sorted."""
        return sorted({rule for by_rule in self.by_language.values() for rule in by_rule})

    def line_matcher(self, languages: tuple[str, ...]) -> LineMatcher:
        """Every rule's matchers in ``languages`` as one `LineMatcher` (cached): the one of
        ``languages`` without the languages after the first that no pack holds, which change no
        answer. Each language's matcher of a rule holds its own entries and the rule's ``*``
        entries (`entries`), so one of no pack matches what the ``*`` entries match, which the
        first language's matcher matched already (its own entry or a ``*`` one, the first
        language's answer standing). A multilingual crawl's stop words place a page in four
        languages on average, 2.7 of which hold packs: the orders of languages fall from 312 to
        123 on the 20 MB crawl, each a `LineMatcher` with answers of its own."""
        found = self.line_matchers.get(languages)
        if found is None:
            held = tuple(lang for i, lang in enumerate(languages) if i == 0 or lang in self.by_language)
            found = self.line_matchers.get(held)
            if found is None:
                found = self.line_matchers[held] = LineMatcher(
                    tuple(self.language_answers(lang) for lang in held)
                )
            self.line_matchers[languages] = found
        return found

    def language_answers(self, language: str) -> LanguageAnswers:
        """Every rule's matcher in ``language`` as one `LanguageAnswers` (cached), shared by the
        line matchers of every order of languages that includes it."""
        found = self.answers.get(language)
        if found is None:
            rules = []
            for i, rule in enumerate(self.rules()):
                m = self.matcher(rule, language)
                if m.literal or m.source is not None:
                    rules.append((i, rule, m))
            found = self.answers[language] = LanguageAnswers(rules)
        return found

    def screen(self, language: str) -> Screen:
        """The `Screen` of every rule's entries in ``language`` (``*`` entries have their own)."""
        found = self.screens.get(language)
        if found is None:
            entries = [e for es in self.by_language.get(language, {}).values() for e in es]
            found = self.screens[language] = Screen.build(entries, alternations=False)
        return found

    def rule_screen(self, rule: str, language: str) -> Screen:
        """The `Screen` of the entries `matcher` compiles for ``rule`` in ``language``."""
        found = self.rule_screens.get((rule, language))
        if found is None:
            found = self.rule_screens[(rule, language)] = Screen.build(self.entries(rule, language))
        return found

    def compile_all(self) -> None:
        """Compile the screen of every language and the matcher of every rule in every language
        now, rather than on the first document of each: a check run calls this before it forks
        its worker processes, which then share the compiled regexes (copy-on-write) instead of
        each compiling them again (~0.2 CPU-s a process). What is compiled is what the lazy
        path would compile, so the answers are the same. What the screens need of each pattern
        comes from a kept file (`kept_facts`)."""
        languages = self.languages()
        with kept_facts():
            for language in [*languages, ALL_LANGUAGES]:
                self.screen(language)
            for language in languages:
                self.language_answers(language)  # (and the matcher of every rule)
                for rule in self.rules():
                    self.matcher(rule, language).patterns  # noqa: B018 (filed on first use)

    def screen_of(self, languages: tuple[str, ...]) -> ScreenUnion:
        """The screens of ``languages`` as one `ScreenUnion` (cached; building it compiles
        nothing, so the many language sets of a multilingual corpus cost next to nothing)."""
        found = self.unions.get(languages)
        if found is None:
            found = self.unions[languages] = ScreenUnion.of([self.screen(lang) for lang in languages])
        return found


def compile_entries(entries: list[Entry]) -> Matcher:
    matcher = Matcher(entries=list(entries))
    parts = []
    for i, entry in enumerate(entries):
        for key in entry.keys:
            matcher.literal.setdefault(key, entry)
        if entry.patterns:
            name = f"e{i}"
            matcher.groups[name] = entry
            parts.append(f"(?P<{name}>{'|'.join(f'(?:{p})' for p in entry.patterns)})")
    if parts:
        matcher.source = "|".join(parts)
    return matcher
