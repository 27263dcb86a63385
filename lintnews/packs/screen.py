"""Screens: every entry of every rule in some languages reduced to what makes a line a candidate,
so that the rules look only at the few lines that may match (see `lintnews.packs.matching`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any

from lintnews import regex_cache
from lintnews.lazy import cached_property
from lintnews.packs import first_pass
from lintnews.packs.pattern_facts import pattern_deep_heads, pattern_heads, pattern_needs
from lintnews.packs.regex_prefix import DEEP, HEAD

if TYPE_CHECKING:
    from lintnews.packs.model import Entry

#: What may make the meaning of a pattern depend on the other patterns it is compiled with
#: (group references and conditionals): a `Screen` does not combine such patterns.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


@dataclass
class Screen:
    """Every entry of every rule in some languages, reduced to what makes a line a candidate:
    a line the screen does not let through is matched by no entry of any rule, so the rules
    only look at the few lines that pass (see `match_lines`).

    Literal lines are a set. Each pattern is filed under the characters its matches can start
    with, so a line is tried only against the patterns that can start with its first
    character; a pattern whose first character is not known is tried only on lines that
    contain one of the strings its matches must contain (a word of a lookahead, a phrase),
    found for all such patterns at once (`ScreenUnion`)."""

    literal: frozenset[str]
    #: Patterns by first character, and (built with ``alternations``) each character's as one regex.
    by_first: dict[str, list[str]] = field(default_factory=dict)
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict)
    #: The same patterns by the first `HEAD` characters of their matches (`pattern_heads`),
    #: and by first character those whose heads are not known: a line is tried only against
    #: the patterns filed under its own first characters (`ScreenUnion.select`; a rule's
    #: `lintnews.packs.answers.LanguageAnswers` and `lintnews.packs.tried.TriedPatterns`).
    by_head: dict[str, tuple[str, ...]] = field(default_factory=dict)
    headless: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The patterns of `by_head` by their heads up to `DEEP` characters (`pattern_deep_heads`):
    #: what `ScreenUnion.select` tries a line against, and its first pass admits it on.
    by_deep: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Patterns of unknown first character (as one regex: built with ``alternations``), and the
    #: strings a line needs for any of them to match (None: unknown, always try them).
    rest: re.Pattern[str] | None = None
    rest_needs: tuple[str, ...] | None = None
    #: The same patterns one by one, each with the strings a line needs for it to match (None:
    #: unknown or too common to be worth looking for, always try it).
    rest_each: tuple[tuple[str, tuple[str, ...] | None], ...] = ()
    #: No screen could be built: every line passes.
    everything: bool = False

    @classmethod
    def build(cls, entries: list[Entry], alternations: bool = True) -> Screen:
        """The screen of ``entries``. With ``alternations`` false, the patterns are filed and
        compiled one by one but not also joined into `compiled` and `rest`: those alternations
        are what B005's stretch search reads of a rule's screen (`PackSet.rule_screen`), while
        a language's screen is only ever used through `ScreenUnion.select`, which tries each
        pattern alone (`ScreenUnion.select`). Compiling them was two thirds of building the
        language screens (0.10 of 0.15 CPU-s, once a process, before the workers fork)."""
        literal = frozenset(key for e in entries for key in e.keys)
        patterns = list(dict.fromkeys(p for e in entries for p in e.patterns))
        if not patterns:
            return cls(literal)
        if any(_GROUP_REFERENCE.search(p) for p in patterns):
            return cls(literal, everything=True)
        screen = cls(literal)
        rest: list[tuple[str, tuple[str, ...] | None]] = []
        needs: set[str] | None = set()
        for p in patterns:
            try:
                first, required = pattern_needs(p)
            except Exception:  # an unexpected parse tree: no screen
                return cls(literal, everything=True)
            if first is not None:
                for char in first:
                    screen.by_first.setdefault(char, []).append(p)
                screen._file_by_head(p, first)
                continue
            # a string of white space alone is in nearly every line: no test
            rest.append(
                (p, tuple(sorted(required)) if required and all(n.strip() for n in required) else None)
            )
            needs = None if needs is None or not required else needs | required
        try:
            if rest:
                screen.rest_needs = None if needs is None else tuple(sorted(needs))
                screen.rest_each = tuple(rest)
                for p, _ in rest:
                    compiled(p)
            if not alternations:
                return screen
            if rest:
                screen.rest = re.compile("|".join(f"(?:{p})" for p, _ in rest))
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

    def _file_by_head(self, pattern: str, first: frozenset[str]) -> None:
        """File ``pattern`` (of first characters ``first``) under its heads, and compile it
        alone: the screen tries it on the lines of those heads only."""
        found = pattern_heads(pattern)
        filed = self.by_head if found is not None else self.headless
        for head in found if found is not None else first:
            # (tuples of strings, not lists: the collector stops tracking them, and a run
            # holds a screen for every language and rule)
            filed[head] = (*filed.get(head, ()), pattern)
        for head in (pattern_deep_heads(pattern) or ()) if found is not None else ():
            self.by_deep[head] = (*self.by_deep.get(head, ()), pattern)
        compiled(pattern)

    @cached_property
    def literal_heads(self) -> frozenset[str]:
        """The first `DEEP` characters of the literal lines (once a screen, not once a union)."""
        return frozenset(line[:DEEP] for line in self.literal if line)

    @cached_property
    def first_heads(self) -> tuple[str, ...]:
        """The heads the first pass admits a line on (`ScreenUnion._first_pass`): those of the
        patterns (`by_deep`) and of the literal lines (`literal_heads`), each once, without
        those that start with another (a line starting with one starts with the other): what
        the unions of the screen put in their first pass's trie, made once a screen."""
        found: list[str] = []
        for head in sorted({*self.by_deep, *self.literal_heads}):
            if not found or not head.startswith(found[-1]):
                found.append(head)
        return tuple(found)

    @cached_property
    def deep_of_head(self) -> dict[str, dict[str, tuple[str, ...]]]:
        """`by_deep` by the first `HEAD` characters of its heads (once a screen)."""
        found: dict[str, dict[str, tuple[str, ...]]] = {}
        for head, patterns in self.by_deep.items():
            found.setdefault(head[:HEAD], {})[head] = patterns
        return found

    def deep_tables(self, head: str) -> tuple[tuple[int, dict[str, tuple[re.Pattern[str], ...]]], ...]:
        """The patterns filed under heads (`by_deep`) that start with ``head`` (a line key's first
        `HEAD` characters, or all of a shorter key), by the length of their heads: (length,
        {head: the regexes of its patterns}), shortest first; kept, once a screen for all the
        unions it is in (made when a line of the head is first selected: a screen has hundreds
        of heads, a document meets few)."""
        kept = self._deep_tables
        found = kept.get(head)
        if found is None:
            by_length: dict[int, dict[str, tuple[re.Pattern[str], ...]]] = {}
            for deep, patterns in self.deep_of_head.get(head, {}).items():
                by_length.setdefault(len(deep), {})[deep] = tuple(map(compiled, patterns))
            found = kept[head] = tuple(sorted(by_length.items()))
        return found

    @cached_property
    def _deep_tables(self) -> dict[str, tuple[tuple[int, dict[str, tuple[re.Pattern[str], ...]]], ...]]:
        return {}

    def admits(self, key: str) -> bool:
        """Whether an entry may match the (non-empty) line key ``key``."""
        return bool(self.select([key]))

    def select(self, keys: list[str]) -> list[int]:
        """Indices of the (non-empty) line keys ``keys`` that an entry may match."""
        return ScreenUnion.of([self]).select(keys)


@lru_cache(maxsize=4096)
def compiled(pattern: str) -> re.Pattern[str]:
    return regex_cache.compiled(pattern)


#: The longest line key the phrase rules look at (longer lines are prose, never a phrase line).
MAX_KEY = 300


@lru_cache(maxsize=8192)
def _tried(patterns: tuple[str, ...], always: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
    """The regexes a `ScreenUnion` tries on the lines of one head, shared by every union that
    tries the same (the language sets of a crawl share most of their heads' patterns)."""
    return (*map(compiled, patterns), *always)


@lru_cache(maxsize=1024)
def _either(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """``patterns`` as one regex that fullmatches what one of them fullmatches, or one by one
    when they cannot be compiled together (the same group name in two of them)."""
    if len(patterns) > 1:
        try:
            return (re.compile("|".join(f"(?:{p})" for p in patterns)),)
        except re.error:
            pass
    return tuple(compiled(p) for p in patterns)


#: How many line keys' answers a `ScreenUnion` keeps (~100 bytes each beside the key itself).
PASSES_KEPT = 100_000


@dataclass
class ScreenUnion:
    """Several `Screen`s as one: a line passes when it passes any of them, decided in one pass
    over the lines. Made from the screens' compiled parts (the literal sets joined, the
    regexes of each first character listed, the patterns of unknown first character joined),
    so making one compiles nothing new (the automaton of needed strings is built when first
    used, in microseconds)."""

    screens: tuple[Screen, ...]
    literal: frozenset[str]
    compiled: dict[str, tuple[re.Pattern[str], ...]]
    everything: bool
    #: Patterns of unknown first character tried on every line (none of their needed strings
    #: known), as few regexes as possible.
    always: tuple[re.Pattern[str], ...] = ()
    #: The others, and for each string they need, the patterns (indices) that need it: the
    #: first pass's needles (`_first_pass`), which `select` asks which of them a line holds.
    needy: list[str] = field(default_factory=list)
    needed: dict[str, list[int]] = field(default_factory=dict)
    #: Whether a line key passes, for the keys met so far in this process (see `select`).
    _passes: dict[str, bool] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def of(cls, screens: list[Screen]) -> ScreenUnion:
        compiled: dict[str, list[re.Pattern[str]]] = {}
        for screen in screens:
            for char, regex in screen.compiled.items():
                found = compiled.setdefault(char, [])
                if regex not in found:
                    found.append(regex)
        literal = frozenset().union(*(s.literal for s in screens))
        rest = dict(item for s in screens for item in s.rest_each)
        always = tuple(p for p, needs in rest.items() if needs is None)
        needy = [p for p, needs in rest.items() if needs is not None]
        needed: dict[str, list[int]] = {}
        for i, p in enumerate(needy):
            for needle in rest[p] or ():
                needed.setdefault(needle, []).append(i)
        return cls(
            tuple(screens),
            literal,
            {c: tuple(r) for c, r in compiled.items()},
            any(s.everything for s in screens),
            _either(always) if always else (),
            needy,
            needed,
        )

    @cached_property
    def _needy(self) -> tuple[list[re.Pattern[str]], list[list[int]]]:
        """The `needy` patterns compiled, and the patterns that need each needle of
        `_first_pass` (in its order, `needed`'s)."""
        return [compiled(p) for p in self.needy], list(self.needed.values())

    @cached_property
    def _headless(self) -> dict[str, tuple[re.Pattern[str], ...]]:
        """The regexes to try on a line by its first character: the patterns whose heads are not
        known, then `always` (for a line of no such first character, `always` alone)."""
        headless: dict[str, dict[str, None]] = {}
        for screen in self.screens:
            for char, patterns in screen.headless.items():
                headless.setdefault(char, {}).update(dict.fromkeys(patterns))
        return {char: _tried(tuple(found), self.always) for char, found in headless.items()}

    def _deep_tables(self, head: str) -> tuple[tuple[int, dict[str, tuple[re.Pattern[str], ...]]], ...]:
        """The screens' `Screen.deep_tables` of ``head``, one after the other; kept."""
        made = self._deep[head] = tuple(
            table for screen in self.screens for table in screen.deep_tables(head)
        )
        return made

    @cached_property
    def _deep(self) -> dict[str, Any]:
        """`_deep_tables` by the first `HEAD` characters of a line key: None (not made yet) for
        those of the screens' heads (`Screen.deep_of_head`), absent for any other."""
        return dict.fromkeys(head for screen in self.screens for head in screen.deep_of_head)

    @cached_property
    def _first_pass(self) -> Any:  # (`first_pass.key_screen`: opaque when compiled)
        """What `first_pass.maybe_keys` tests every line key against: the heads of the patterns
        (`Screen.by_deep`) and the first `DEEP` characters of the literal lines, the first
        characters of the patterns whose heads are not known, and the strings the patterns of
        unknown first character need; every key when a screen lets everything through or some
        patterns are tried on every line (`always`). A key none of these admit fails `select`:
        it is no literal line, it starts with no head of a pattern, no pattern is filed under
        its first character, and it holds no string a pattern that might match it needs."""
        return first_pass.key_screen(
            tuple(chain.from_iterable(s.first_heads for s in self.screens)),
            "".join(sorted(self._headless)),
            tuple(self.needed),
            self.everything or bool(self.always),
        )

    def __getstate__(self) -> dict[str, Any]:
        """The union's state without `_first_pass` (the compiled one cannot be pickled; a copy
        makes it again on first use)."""
        state = dict(self.__dict__)
        state.pop("_first_pass", None)
        return state

    def passing_lines(self, keys: list[str]) -> list[int]:
        """Indices of the line keys ``keys`` of a document (empty keys and keys over
        `MAX_KEY` characters never pass) that an entry of a screen may match: `select`, with
        the answer for each key kept.

        Most keys (four in five on the crawl corpus) fail on their first characters and the
        strings they hold alone, found for all keys of the document in one pass of a kernel
        (`first_pass.screen_keys`), without hashing the key or looking it up. Whether one of the
        others passes depends on the key alone, and a crawl repeats most of its lines (a site's
        menus in every page, syndicated copies: two thirds of the line keys of the crawl corpus
        were met before in the same process), so the answers are kept (up to `PASSES_KEPT`
        keys, then forgotten all at once) and looked up by the same pass of the kernel: only
        keys met for the first time are screened."""
        passes = self._passes
        passing, fresh = first_pass.screen_keys(self._first_pass, keys, MAX_KEY, passes)
        if not fresh:
            return passing
        new = list(dict.fromkeys(map(keys.__getitem__, fresh)))
        if len(passes) + len(new) > PASSES_KEPT:
            passes.clear()
        chosen = self.select(new)
        passes.update(dict.fromkeys(new, False))
        if not chosen:  # (the new keys all fail)
            return passing
        for j in chosen:
            passes[new[j]] = True
        passing += [j for j in fresh if passes[keys[j]]]
        passing.sort()
        return passing

    def select(self, keys: list[str]) -> list[int]:
        """Indices of the (non-empty) line keys ``keys`` that an entry of a screen may match."""
        if self.everything:
            return list(range(len(keys)))
        needy = self._needy_match if self.needy else None
        literal, always = self.literal, self.always
        deep, headless = self._deep, self._headless
        out = []
        # (plain loops rather than any() of a generator: this runs for every line)
        for j, key in enumerate(keys):
            if key in literal:
                out.append(j)
                continue
            tables = deep.get(key[:HEAD], ())
            if tables is None:
                tables = self._deep_tables(key[:HEAD])
            hit = False
            for length, by_head in tables:
                for regex in by_head.get(key[:length], ()):
                    if regex.fullmatch(key) is not None:
                        hit = True
                        break
                if hit:
                    break
            if not hit:
                for regex in headless.get(key[0], always):
                    if regex.fullmatch(key) is not None:
                        hit = True
                        break
            if hit or (needy is not None and needy(key)):
                out.append(j)
        return out

    def _needy_match(self, key: str) -> bool:
        """Whether a pattern of unknown first character that needs a string ``key`` holds
        matches it (each such pattern tried once)."""
        patterns, needing = self._needy
        held = first_pass.key_needles(self._first_pass, key)
        if not held:
            return False
        which = needing[held[0]] if len(held) == 1 else dict.fromkeys(i for n in held for i in needing[n])
        for i in which:
            if patterns[i].fullmatch(key) is not None:
                return True
        return False
