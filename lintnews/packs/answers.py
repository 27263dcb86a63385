"""Which entry of which rule matches a line key, with the answers kept per key: `LineMatcher`
for a document's languages, in their order, from `LanguageAnswers` for each language alone.

A `LineMatcher` is made per order of a document's languages (99 orders on the first 3,591
documents of the 200 MB crawl), and the answer for a key depends on the order (the first
language whose matcher matches gives the entry); but the answer of each language alone does
not, so it is kept per language and the orders combine them: a key met under another order
of the same languages is not matched again (44 % of the keys a run's line matchers met were).

A key met for the first time is tried only against the rules a matcher of which may match it:
those with the key among their literal lines, and those with a pattern that may match it,
known the way a `Screen` knows it (the first three characters of its matches, their first
character, the strings they must hold; `lintnews.packs.screen`), instead of every rule's
matcher, whose regexes (two dozen calls a key) cost more than the rest of the matching.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lintnews.lazy import cached_property
from lintnews.packs import first_pass
from lintnews.packs.regex_prefix import HEAD

if TYPE_CHECKING:
    from lintnews.packs.model import Entry, Matcher

#: A language's answer for a key: (the rule's index among the pack set's rules, rule, entry)
#: for every rule a matcher of which matches it, in the order of the rules.
Answer = tuple[tuple[int, str, "Entry"], ...]


#: How many line keys' answers a `LineMatcher` keeps (then it forgets them all at once).
MATCHES_KEPT = 100_000


def keep(kept: dict[Any, Any], key: Any, value: Any) -> None:
    """``kept[key] = value``, forgetting every kept answer first when there are `MATCHES_KEPT`."""
    if len(kept) >= MATCHES_KEPT:
        kept.clear()
    kept[key] = value


class LineMatcher:
    """The matchers of every rule in some languages: which entry of which rule matches a line
    key, for all rules at once, with the answer kept per key (a crawl repeats most of its
    phrase lines: a site's menus and footers on every page, syndicated copies). The answer of
    each language alone is its `LanguageAnswers`', shared by every order of languages."""

    def __init__(self, languages: tuple[LanguageAnswers, ...]) -> None:
        #: The matchers of every rule in each language, in the order of the languages.
        self.languages = languages
        self._kept: dict[str, tuple[tuple[str, Entry], ...]] = {}
        self._derived: dict[str, dict[Any, Any]] = {}

    def derived(self, name: str) -> dict[Any, Any]:
        """A dict of its own for ``name``: for a rule to keep answers it derives from these
        matchers alone (whether a segment of a row is a home link...), which a crawl asks
        again and again. The rule bounds its size (`keep`)."""
        found = self._derived.get(name)
        if found is None:
            found = self._derived[name] = {}
        return found

    def match(self, key: str) -> tuple[tuple[str, Entry], ...]:
        """(rule, entry) for every rule an entry of which matches ``key`` whole: the entry of
        the first language whose matcher matches, in the order of the rules."""
        kept = self._kept
        found = kept.get(key)
        if found is None:
            answers = [language.answer(key) for language in self.languages]
            if len(answers) == 1:
                found = tuple([(rule, entry) for _, rule, entry in answers[0]])
            else:
                first: dict[int, tuple[str, Entry]] = {}
                for answer in answers:
                    for i, rule, entry in answer:
                        first.setdefault(i, (rule, entry))
                found = tuple([first[i] for i in sorted(first)])
            keep(kept, key, found)
        return found

    def matches(self, keys: list[str], lines: list[int]) -> dict[str, list[tuple[int, Entry]]]:
        """For each rule: (line index, entry) of each of ``lines`` (indices into ``keys``) that
        an entry of the rule matches, in the order of ``lines``."""
        out: dict[str, list[tuple[int, Entry]]] = {}
        match = self.match
        for i in lines:
            for rule, entry in match(keys[i]):
                found = out.get(rule)
                if found is None:
                    out[rule] = [(i, entry)]
                else:
                    found.append((i, entry))
        return out


class LanguageAnswers:
    """The matchers of every rule in one language, and which of them match a line key (kept
    per key, up to `MATCHES_KEPT` keys)."""

    def __init__(self, rules: list[tuple[int, str, Matcher]]) -> None:
        """``rules``: (index among the pack set's rules, rule, its matcher in this language), for
        the rules with a non-empty matcher."""
        self.rules = {i: (rule, matcher) for i, rule, matcher in rules}
        self._kept: dict[str, Answer] = {}
        literal: dict[str, set[int]] = {}
        by_head: dict[str, set[int]] = {}
        by_first: dict[str, set[int]] = {}
        needed: dict[str, set[int]] = {}
        always: set[int] = set()
        for i, _, matcher in rules:
            for key in matcher.literal:
                literal.setdefault(key, set()).add(i)
            if matcher.source is None:
                continue
            screen = matcher.screen
            if screen.everything:
                always.add(i)
            for head in screen.by_head:
                by_head.setdefault(head, set()).add(i)
            for char in screen.headless:
                by_first.setdefault(char, set()).add(i)
            for _, needs in screen.rest_each:
                if needs is None:
                    always.add(i)
                for needle in needs or ():
                    needed.setdefault(needle, set()).add(i)
        self._literal = _frozen(literal)
        self._by_head = _frozen(by_head)
        self._by_first = _frozen(by_first)
        self._always = frozenset(always)
        #: The strings the patterns of unknown first character need, and the rules that need each.
        self._needle_strings = tuple(needed)
        self._needed = [frozenset(which) for which in needed.values()]

    @cached_property
    def _needles(self) -> Any:  # (`first_pass.key_screen`: opaque when compiled)
        """The needed strings as a first pass's needles, for `first_pass.key_needles`."""
        return first_pass.key_screen((), "", self._needle_strings, False) if self._needle_strings else None

    def __getstate__(self) -> dict[str, Any]:
        """The state without `_needles` (a compiled one cannot be pickled; a copy makes it again)."""
        state = dict(self.__dict__)
        state.pop("_needles", None)
        return state

    def answer(self, key: str) -> Answer:
        """(index, rule, entry) of every rule whose matcher in this language matches ``key``
        (`Matcher.match`), in the order of the rules."""
        kept = self._kept
        found = kept.get(key)
        if found is None:
            out = []
            rules = self.rules
            for i in sorted(self._may_match(key)):
                rule, matcher = rules[i]
                entry = matcher.match(key)
                if entry is not None:
                    out.append((i, rule, entry))
            found = tuple(out)
            keep(kept, key, found)
        return found

    def _may_match(self, key: str) -> set[int]:
        """The rules a matcher of which may match ``key``: every other one's `Matcher.match`
        answers None (its literal lines do not hold the key, and no pattern of its regex can
        match it: the key is not of a pattern's first characters and holds none of the strings
        the patterns of unknown first character need)."""
        may = set(self._always)
        for found in (
            self._literal.get(key),
            self._by_head.get(key[:HEAD]),
            self._by_first.get(key[:1]),
        ):
            if found is not None:
                may |= found
        needles = self._needles
        if needles is not None:
            for n in first_pass.key_needles(needles, key):
                may |= self._needed[n]
        return may


def _frozen(index: dict[str, set[int]]) -> dict[str, frozenset[int]]:
    return {key: frozenset(which) for key, which in index.items()}
