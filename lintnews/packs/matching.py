"""Which packs apply to a document, which of its lines they match, and `PhraseRule`, the base of
rules that report the matched lines."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from lintnews.block_edges import CODE_LINES
from lintnews.config import Settings
from lintnews.document import View
from lintnews.language import language_of
from lintnews.language_scripts import other_script_languages
from lintnews.packs.loading import load_packs
from lintnews.packs.model import ALL_LANGUAGES, Entry, PackSet
from lintnews.registry import Rule, Violation

if TYPE_CHECKING:
    from lintnews.document import Document


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
    memo[settings.language] = (packs, tuple(langs))
    return list(langs)


def pack_terms(doc: Document, settings: Settings, rule: str, name: str) -> frozenset[str]:
    """The words (line keys) of the term list ``name`` of ``rule`` (its name) that apply to
    ``doc``: its ``[terms.<lang>]`` words in the languages whose phrases apply (`pack_languages`)
    and its ``[terms."*"]`` words, the built-in file's and the user's (`lintnews.packs.terms`)."""
    packs = load_packs(settings)
    hit = _PACK_LANGUAGES.of(doc).get(settings.language)  # (`pack_languages`' memo, not its copy)
    if hit is None or hit[0] is not packs:
        pack_languages(doc, settings, packs)
        hit = _PACK_LANGUAGES.of(doc)[settings.language]
    return packs.term_set(rule, name, hit[1])


def pack_words(settings: Settings, rule: str, name: str) -> tuple[str, ...]:
    """The words (lower case, longest first) of the word list ``name`` of ``rule`` (its name) in
    every language, the built-in file's and the user's (`lintnews.packs.words`): what the rule
    puts in its regular expression, through `lintnews.packs.words.alternation`."""
    return load_packs(settings).word_list(rule, name)


#: A secondary language's stop words make up at least 1 / `_SECONDARY_QUARTERS` of the best
#: language's count (a quarter), and `_SECONDARY_MIN_HITS` at least.
_SECONDARY_QUARTERS = 4
_SECONDARY_MIN_HITS = 10


T = TypeVar("T")


def per_pack_set(make: Callable[[PackSet], T]) -> Callable[[Settings], T]:
    """``make``'s answer for a configuration's packs (its word lists compiled into patterns),
    kept with the packs it was made from: a rule asks on every document, and `load_packs`
    answers the same object while the configuration is the same (the last answer is kept: one
    configuration runs at a time)."""
    last: list[Any] = []

    def of(settings: Settings) -> T:
        packs = load_packs(settings)
        if last and last[0] is packs:
            return cast(T, last[1])
        found = make(packs)
        last[:] = [packs, found]
        return found

    return of


def _also_present(doc: Document) -> list[str]:
    """Languages whose stop words make up at least a quarter of the best language's count, then
    the languages of the scripts other than its language's that the document holds
    `MIN_PACK_LETTERS` letters of (an Arabic page's share buttons in Bengali, a Chinese page's in
    Japanese, a Bengali page's comment form in Arabic: `other_script_languages`, one pass of a
    kernel over a text that is not of one byte a character, ~7,400 instructions a KB of Russian
    text and ~7,800 of Arabic, 0.7 and 1.1 % of linting them; ~1,700 a KB of English, as most of
    it is skipped a vector of ASCII characters at a time: callgrind on crawl-20mb's pages)."""
    scores = doc.stopword_profile[0]
    # (n >= max(10, 0.25 * best) of whole numbers as one integer comparison: n >= ceil(best / 4),
    # where comparing ~45 ints to a float cost a tenth of this view)
    least = max(_SECONDARY_MIN_HITS, -(-max(scores.values(), default=0) // _SECONDARY_QUARTERS))
    found = [lang for lang, n in scores.items() if n >= least]
    found.sort(key=scores.__getitem__, reverse=True)  # (stable: ties stay in the scores' order)
    if doc.language is None:
        return found
    others = other_script_languages(doc.text, doc.language)
    return found + [lang for lang in others if lang not in found]


#: Per document: `pack_languages` by configured language (with the pack set they were made for),
#: and `_also_present`.
_PACK_LANGUAGES: View[dict[str | None, tuple[PackSet, tuple[str, ...]]]] = View(
    "packs.pack_languages", lambda doc: {}
)
_SECONDARY_LANGUAGES: View[list[str]] = View("packs.secondary_languages", _also_present)


def line_keys(doc: Document) -> list[str]:
    """``doc.line_keys``: `line_key` of every line of ``doc`` (`lintnews.textnorm.line_keys_of`),
    computed once per document."""
    return doc.line_keys


def _candidate_lines(doc: Document, packs: PackSet, langs: list[str]) -> list[int]:
    """Lines of ``doc`` that some entry of some rule in ``langs`` may match (see `Screen`),
    computed once per document for all phrase rules.

    Which lines pass does not depend on the order of the languages (a line passes when it
    passes any of their screens), so the screen is the one of the languages sorted: a
    multilingual crawl orders the same few languages many ways (81 orders of 29 sets on the
    20 MB crawl), and each union keeps its own answers and builds its own automaton."""
    memo = _PHRASE_LINES.of(doc)
    hit = memo.get(tuple(langs))
    if hit is not None and hit[0] is packs:
        return hit[1]
    found = keys_passing(packs, langs, doc.line_keys)
    memo[tuple(langs)] = (packs, found)
    return found


def keys_passing(packs: PackSet, langs: Sequence[str], keys: list[str]) -> list[int]:
    """Indices of the line keys ``keys`` (a document's lines', or any text's `line_key`) that
    some entry of some rule in ``langs`` may match (`ScreenUnion.passing_lines` of the screen of
    the languages): a key that does not pass is matched by no entry of any rule in them (a
    rule's `LineMatcher.match` answers none)."""
    # (a language no pack holds has an empty screen: left out, as `PackSet.line_matcher` leaves
    # it out; sets of languages: 179 on the 20 MB crawl, 57 of them held)
    held = packs.by_language
    screen = packs.screen_of(tuple(sorted({*(lang for lang in langs if lang in held), ALL_LANGUAGES})))
    return screen.passing_lines(keys)


#: Per document: `_candidate_lines` by languages (with the pack set they were made for).
_PHRASE_LINES: View[dict[tuple[str, ...], tuple[PackSet, list[int]]]] = View(
    "packs.phrase_lines", lambda doc: {}
)


def match_lines(doc: Document, settings: Settings, rule: str) -> Sequence[tuple[int, Entry]]:
    """(line index, entry) for every line of ``doc`` that an entry of ``rule`` matches whole, in
    the order of the lines (kept for the document: not to be changed)."""
    return _phrase_matches(doc, settings).get(rule, ())


def lines_matched(doc: Document, settings: Settings, rules: tuple[str, ...]) -> set[int]:
    """The lines of ``doc`` that an entry of any of ``rules`` matches whole: `match_lines` of
    several rules in one call (one look-up of the document's matches, where a call per rule
    looked them up again each time: T002 asks of nine rules at once). Not kept: a rule asks it
    about once a document, and keeping it cost more than making it."""
    found = _phrase_matches(doc, settings)
    return {line for rule in rules for line, _ in found.get(rule, ())}


def phrase_lines(doc: Document, settings: Settings) -> set[int]:
    """The lines of ``doc`` that an entry of any phrase rule matches whole: the chrome and filler
    the packs know, whatever the selection runs."""
    return set(_matched(doc, settings)[2])


#: `_phrase_matches` and the lines its matches are on (`phrase_lines`).
_Matched = tuple[PackSet, dict[str, list[tuple[int, Entry]]], frozenset[int]]


def _phrase_matches(doc: Document, settings: Settings) -> dict[str, list[tuple[int, Entry]]]:
    """`match_lines` of every rule at once, computed once per document (and configured
    language and pack set) for all phrase rules: one pass over the candidate lines."""
    return _matched(doc, settings)[1]


def _matched(doc: Document, settings: Settings) -> _Matched:
    """`_phrase_matches` with the pack set it was made for and the lines of its matches, kept
    for the document: `wrapped_tail` and `story_word` ask, for each match, whether a line near
    it is matched too, which a search of every match answered (the document's matches again for
    each of them).

    The last answer is also kept with its document and settings, and returned at once when
    asked again of the same two (a document is checked under one configuration at a time): the
    phrase rules and `wrapped_tail` ask ~20 times a document (50,000 times on the 20 MB crawl),
    and finding the packs (`load_packs`) and the document's memo cost ~0.47 µs a time."""
    last = _LAST
    if last and last[0] is doc and last[1] is settings:
        return last[2]  # type: ignore[no-any-return]
    packs = load_packs(settings)
    memo = _PHRASE_MATCHES.of(doc)
    hit = memo.get(settings.language)
    if hit is None or hit[0] is not packs:
        langs = pack_languages(doc, settings, packs)
        candidates = _candidate_lines(doc, packs, langs)
        # no phrase rule reports a code block's line: a program's `print()` is no print button,
        # its `Tags:` no tag line, a doctest's `'a second ago'` no timestamp of the page
        code = CODE_LINES.of(doc)
        if code:
            candidates = [i for i in candidates if i not in code]
        found = packs.line_matcher(tuple(langs)).matches(line_keys(doc), candidates)
        hit = memo[settings.language] = (packs, found, frozenset(i for f in found.values() for i, _ in f))
    _LAST[:] = [doc, settings, hit]
    return hit


#: `_matched`'s last document, settings and answer.
_LAST: list[Any] = []


#: Per document: `_matched` by configured language.
_PHRASE_MATCHES: View[dict[str | None, _Matched]] = View("packs.phrase_matches", lambda doc: {})


#: A line that starts with a word in lower case (then a space, a mark of punctuation or its end).
_WORD_FIRST = re.compile(r"[^\W\d_A-ZÀ-Þ]+(?:[\s,;:!?)]|$)")


def wrapped_tail(doc: Document, settings: Settings, line: int) -> bool:
    """``line`` continues in lower case a sentence soft-wrapped from the line above (the two are
    one block): "like this:" under "When the user submits the form, the request would look
    something" in a hard-wrapped RFC is the end of a sentence, not a share button on its own.
    The line must start with a word, and the line above must be no pack phrase itself: an
    address ("www.djreprints.com" under a reprints notice cut at the end of its line) is the link
    the pack names, and "next post: …" under "previous post: …" is chrome under chrome."""
    if not _WORD_FIRST.match(doc.lines[line].lstrip(" \t>")):
        return False
    block = doc.block_at(line)
    if block is None or block.start == line:
        return False
    return line - 1 not in _matched(doc, settings)[2]


def story_word(doc: Document, settings: Settings, rule: str, line: int) -> bool:
    """``line`` is one of ``rule``'s ``story-words`` (a term list of its file) alone between two
    paragraphs of prose: a word a button shares with the story's own subheadings and
    exclamations ("Comment" over the paragraph on offering journalists comment, in a list of
    what to offer them; a bold "Like!" between two paragraphs of a blog post). A button or a
    form's label stands among other chrome: its line above or below is no paragraph of prose,
    or is a pack phrase itself (a form's "Kommentar" between "Deine E-Mail-Adresse wird nicht
    veröffentlicht. …" and "Meinen Namen … speichern"; in the 200 MB crawl no lone "Comment" or
    "Like" stands between two paragraphs of prose)."""
    block = doc.block_at(line)
    if block is None or block.start != block.end or not 0 < block.index < len(doc.blocks) - 1:
        return False
    before, after = doc.blocks[block.index - 1], doc.blocks[block.index + 1]
    if not (before.prose and after.prose):
        return False
    if doc.line_keys[line] not in pack_terms(doc, settings, rule, "story-words"):
        return False
    return not any(
        before.start <= i <= before.end or after.start <= i <= after.end for i in _matched(doc, settings)[2]
    )


class PhraseRule(Rule):
    """Base of rules that report whole lines matched by their pack entries.

    A subclass sets the usual class attributes and ``default_message``; the phrases live in the
    packs under the rule's name. The fix removes the line (safe: the line is nothing but the
    phrase). A matched line that continues in lower case a sentence soft-wrapped from the line
    above (`wrapped_tail`) is no line of its own and is not reported, nor is a word of the
    rule's ``story-words`` alone between two paragraphs of prose (`story_word`)."""

    fix_applicability: ClassVar[str | None] = "safe"
    reads_packs: ClassVar[bool] = True
    default_message: ClassVar[str] = "Boilerplate line"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for i, entry in match_lines(doc, settings, self.name):
            if wrapped_tail(doc, settings, i) or story_word(doc, settings, self.name, i) or self.left(doc, i):
                continue
            yield self.line_violation(
                doc,
                i,
                entry.message or self.default_message,
                fix=self.remove_lines_fix(doc, i, i, f'Remove the line "{doc.lines[i].strip()[:60]}"'),
                severity=entry.severity,
            )

    def left(self, doc: Document, line: int) -> bool:
        """Whether the matched ``line`` is left by the rule's own judgement (none: a subclass may
        judge, as S001 leaves an article's own title)."""
        return False

    def language_message(self, doc: Document, settings: Settings) -> str:
        """The message of the rule's first table, in the first language whose phrases apply to
        ``doc``, that gives one (else `default_message`): what a finding made of more than its
        matched lines says (B032's login box)."""
        packs = load_packs(settings)
        for language in pack_languages(doc, settings, packs):
            for entry in packs.entries(self.name, language):
                if entry.message:
                    return entry.message
        return self.default_message
