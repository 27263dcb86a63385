"""The phrase screen (`lintnews.packs.screen`) selects exactly the lines its definition says: a
line passes when it is one of the literal lines of a pack in the languages, or when one of their
patterns matches it whole. Checked against that definition, written out naively, on generated
lines in many scripts and on the bundled fixtures."""

from __future__ import annotations

import itertools
import random
import re
from pathlib import Path

import pytest

from lintnews import packs
from lintnews.config import Settings
from lintnews.packs import first_pass, regex_facts, regex_prefix

ROOT = Path(__file__).resolve().parent.parent

WORDS = {
    "latin": "the council budget news more read share next page über straße déjà año żółć photo by".split(),
    "cyrillic": "новости москва бюджет читать далее поделиться комментарии".split(),
    "cjk": ["新闻", "预算", "评论", "阅读更多", "東京", "ニュース", "続きを読む", "한국어", "뉴스"],
    "other": ["خبر", "الميزانية", "খবর", "বাজেট", "😀", "𝔘𝔫𝔦", "🇩🇪"],
    "marks": ["/", "|", "-", "–", "©", "(c)", "»", "›", "«", ":", "[", "]", "…", "2024", "12", "3"],
}
LANGUAGE_SETS = [
    ("en", packs.ALL_LANGUAGES),
    ("de", "en", packs.ALL_LANGUAGES),
    ("fr", "es", "en", packs.ALL_LANGUAGES),
    ("pl", "en", "pt", packs.ALL_LANGUAGES),
]


def reference_select(pack_set: packs.PackSet, langs: tuple[str, ...], keys: list[str]) -> list[int]:
    """The definition: a key passes when an entry of a rule in ``langs`` may match it whole."""
    entries = [e for lang in langs for es in pack_set.by_language.get(lang, {}).values() for e in es]
    literal = {packs.line_key(line) for e in entries for line in e.lines}
    patterns = [re.compile(p) for p in dict.fromkeys(p for e in entries for p in e.patterns)]
    return [j for j, key in enumerate(keys) if key in literal or any(p.fullmatch(key) for p in patterns)]


def generated_keys(
    pack_set: packs.PackSet, n: int, seed: int, langs: tuple[str, ...] | None = None
) -> list[str]:
    """Lines of words of many scripts, with the strings the screen looks for (its needles) and
    the packs' literal lines mixed in: whole, cut, inside other text, beside astral characters.
    With ``langs``, the needles of their screen are drawn as often as all the others together (a
    few languages' needles are a small share of every language's, and shrink as packs grow)."""
    rng = random.Random(seed)
    union = pack_set.screen_of(tuple(pack_set.languages()) + (packs.ALL_LANGUAGES,))
    needles = sorted(union.needed) + ["comments", "newsletter", "reuters", "all rights reserved", "next"]
    if langs is not None:
        own = sorted(pack_set.screen_of(langs).needed)
        needles += own * max(1, len(needles) // max(1, len(own)))
    literal = sorted(union.literal)
    pools = [w for words in WORDS.values() for w in words]
    lines = []
    for _ in range(n):
        words = [rng.choice(pools) for _ in range(rng.randint(0, 8))]
        for _ in range(rng.randint(0, 2)):
            words.insert(rng.randint(0, len(words)), rng.choice(needles))
        if rng.random() < 0.15:
            words.insert(rng.randint(0, len(words)), rng.choice(literal))
        line = " ".join(words)
        if rng.random() < 0.1:
            line = line[: rng.randint(0, len(line))]
        lines.append(line)
    lines += literal + [f"{k} x" for k in literal[::7]]
    return lines


def fixture_lines() -> list[str]:
    lines = []
    for folder in (ROOT / "fixtures", ROOT / "tests" / "rule_fixtures"):
        for path in sorted(folder.iterdir()):
            if path.is_file():
                lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines


def as_keys(lines: list[str]) -> list[str]:
    return sorted({k for k in map(packs.line_key, lines) if k and len(k) <= 300})


@pytest.mark.parametrize("langs", LANGUAGE_SETS, ids=["-".join(s) for s in LANGUAGE_SETS])
def test_the_screen_selects_exactly_the_lines_an_entry_may_match(langs: tuple[str, ...]) -> None:
    pack_set = packs.load_packs(Settings())
    keys = as_keys(generated_keys(pack_set, 3000, seed=len(langs), langs=langs) + fixture_lines())
    expected = reference_select(pack_set, langs, keys)
    assert pack_set.screen_of(langs).select(keys) == expected
    assert len(expected) > 300  # many lines pass, not only literal ones
    rest_only = [
        keys[j]
        for j in expected
        if all(keys[j][0] not in screen.by_first for screen in pack_set.screen_of(langs).screens)
        and keys[j] not in pack_set.screen_of(langs).literal
    ]
    assert len(rest_only) > 10  # and lines only a pattern of unknown first character matches


def test_a_language_s_screen_is_built_without_the_alternations_only_b005_reads() -> None:
    """`PackSet.screen` (the phrase screen of a language) files and compiles each pattern but
    does not join them into per-character and rest alternations; built with them, as a rule's
    screen for B005 is, it is the same screen otherwise and selects the same lines."""
    pack_set = packs.load_packs(Settings())
    keys = as_keys(generated_keys(pack_set, 1500, seed=3) + fixture_lines())
    rested = 0
    for lang in [*pack_set.languages(), packs.ALL_LANGUAGES]:
        lean = pack_set.screen(lang)
        entries = [e for es in pack_set.by_language.get(lang, {}).values() for e in es]
        full = packs.Screen.build(entries)
        assert lean.compiled == {} and lean.rest is None
        assert set(full.compiled) == set(full.by_first)
        # (the four languages of every pack have patterns; the others may hold lines only)
        assert full.compiled or lang not in ("en", "de", "fr", "es", packs.ALL_LANGUAGES)
        rested += full.rest is not None
        for name in ("literal", "by_first", "by_head", "headless", "rest_needs", "rest_each", "everything"):
            assert getattr(lean, name) == getattr(full, name), name
        assert lean.select(keys) == full.select(keys)
    assert rested >= 2  # languages whose patterns of unknown first character were joined before
    screen = pack_set.rule_screen("social-share", "en")  # B005's screens keep the alternations
    assert screen.compiled and screen.rest is not None


def test_a_document_s_passing_lines_are_the_definition_with_answers_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`ScreenUnion.passing_lines` (what the phrase rules use) picks the lines the definition
    picks among a document's line keys (empty keys and keys over 300 characters never), and
    screens a key met before, in this document or an earlier one, no more: a crawl repeats two
    thirds of its lines. When the kept answers would pass `PASSES_KEPT`, they are forgotten and
    the answers stay the same."""
    from lintnews.packs import screen as screen_mod

    pack_set = packs.load_packs(Settings())
    langs = ("de", "en", packs.ALL_LANGUAGES)
    union = packs.ScreenUnion.of([pack_set.screen(lang) for lang in langs])  # (answers of its own)
    pool = as_keys(generated_keys(pack_set, 600, seed=5) + fixture_lines())
    rng = random.Random(11)
    screened: list[int] = []
    real_select = union.select

    def counting(keys: list[str]) -> list[int]:
        screened.append(len(keys))
        return real_select(keys)

    monkeypatch.setattr(union, "select", counting)
    documents = [
        [rng.choice(pool) for _ in range(rng.randint(0, 60))] + ["", "x" * 301, "share " * 60]
        for _ in range(40)
    ]
    for doc in documents:
        eligible = [i for i, k in enumerate(doc) if k and len(k) <= 300]
        expected = [eligible[j] for j in reference_select(pack_set, langs, [doc[i] for i in eligible])]
        assert union.passing_lines(doc) == expected
    # each key the first pass admits screened once, in all 40 documents; the others never
    distinct = {k for doc in documents for k in doc if k and len(k) <= 300}
    admitted = {doc[j] for doc in documents for j in first_pass.maybe_keys(union._first_pass, doc, 300)}
    assert sum(screened) == len(admitted) and admitted < distinct
    assert set(union._passes) == admitted
    assert union.passing_lines(documents[0]) == union.passing_lines(list(documents[0]))
    assert sum(screened) == len(admitted)
    monkeypatch.setattr(screen_mod, "PASSES_KEPT", 50)
    union._passes.clear()
    for doc in documents[:8]:
        eligible = [i for i, k in enumerate(doc) if k and len(k) <= 300]
        expected = [eligible[j] for j in reference_select(pack_set, langs, [doc[i] for i in eligible])]
        assert union.passing_lines(doc) == expected
        assert len(union._passes) <= max(50, len(doc))


def test_lines_after_astral_characters_are_found() -> None:
    pack_set = packs.load_packs(Settings())
    keys = ["😀𝔘 " * 40, "🇩🇪", "12 comments", "x" * 50, "𝔘😀 / reuters", "photo 😀 / afp", "3 kommentare"]
    langs = ("de", "en", packs.ALL_LANGUAGES)
    assert pack_set.screen_of(langs).select(keys) == reference_select(pack_set, langs, keys) == [2, 4, 5, 6]


def test_patterns_of_unknown_first_character_are_tried_only_on_lines_with_what_they_need() -> None:
    entries = [
        packs.Entry(
            "seo-filler",
            "",
            None,
            [],
            [
                r".*\bcookies?\b.*",  # needs "cookie"
                r"(?:\d{1,3} ){1,3}\d",  # needs " ": found everywhere, so tried on every line
                r"\d{1,5} (?:comments?|replies)",  # needs "comment" or "replies"
                r"(?:\d{1,3} ){1,3}»",  # needs " " and "»": the screen looks for "»"
            ],
            "t",
        )
    ]
    union = packs.ScreenUnion.of([packs.Screen.build(entries)])
    assert [r.pattern for r in union.always] == [r"(?:\d{1,3} ){1,3}\d"]
    assert union.needy == [r".*\bcookies?\b.*", r"\d{1,5} (?:comments?|replies)", r"(?:\d{1,3} ){1,3}»"]
    assert union.needed == {"cookie": [0], "comment": [1], "replies": [1], "»": [2]}
    keys = ["we use cookies", "1 2 »", "4 replies", "cook", "4 repl", "3 comments", "1 2 3", "1 2 x"]
    assert union.select(keys) == [0, 1, 2, 5, 6]


# --- what a pattern's matches must look like (lintnews.packs.regex_facts) --------------------

FACTS = [
    # pattern, first characters (None: unknown), needed strings (None: unknown)
    (r"read more(?: about .{1,60})?", "r", {"read more"}),
    (r".*\bcookies?\b.*", None, {"cookie"}),
    (r"(?:\d{1,3} ){1,3}»", None, {"»"}),  # (not the space: nearly every line has one)
    (r"\d{1,5} (?:comments?|replies)", None, {"comment", "replies"}),
    (r"[a-c]x\.y", "abc", {"x.y"}),
    (r"[]x]{2}[\]-]", "]x", None),
    (r"[^a]bcd", None, {"bcd"}),
    (r"[\w.]+ news", None, {" news"}),
    (r"\x41\u00e9\N{EM DASH}\t\0", "A", {"Aé—\t\0"}),
    (r"a{2,}b{,3}c{}", "a", {"c{}"}),
    (r"a{,}x", "ax", {"x"}),
    (r"(?=.*\bnews\b)(?=.*\bletter).*", None, {"letter"}),
    (r"(?!ad)(?<=x)ab(?>cd)ef*+gh", None, {"ab"}),
    (r"(?i:abc)def", None, {"def"}),
    (r"(?P<x>abc)|de?", "ad", {"abc", "d"}),
    (r"(?:ab|)cd", "ac", {"cd"}),
    (r"x*?y+?", "xy", {"y"}),
    (r"(?#note)^abc$", "a", {"abc"}),
    (r"(?i)abc", None, None),  # global flags: nothing known
    (r"(\w+) \1", None, None),  # a group reference
    (r"(?P<w>a)(?P=w)", None, None),
]


@pytest.mark.parametrize("pattern, first, needed", FACTS, ids=[str(i) for i in range(len(FACTS))])
def test_what_a_pattern_requires(pattern: str, first: str | None, needed: set[str] | None) -> None:
    got_first, got_needed = regex_facts.analyse(pattern)
    assert got_first == (frozenset(first) if first is not None else None)
    assert got_needed == (frozenset(needed) if needed is not None else None)


def test_what_a_pattern_requires_holds_for_every_line_it_matches() -> None:
    """On every pack pattern and the patterns above, every line it matches (generated lines, the
    fixtures, the pack lines) starts with one of its first characters and holds one of its needed
    strings: the screen never drops a line a pattern matches."""
    pack_set = packs.load_packs(Settings())
    keys = as_keys(generated_keys(pack_set, 1500, seed=7) + fixture_lines())
    keys += ["]x]-", "abx.y", "Aé—\t\0", "aabc{}", "xbcd", "ab", "cd", "y", "abc", "ba ba", "zzx"]
    patterns = sorted(
        {
            p
            for rules in pack_set.by_language.values()
            for es in rules.values()
            for e in es
            for p in e.patterns
        }
        | {p for p, _, _ in FACTS}
    )
    matched = 0
    for pattern in patterns:
        first, needed = regex_facts.analyse(pattern)
        regex = re.compile(pattern)
        for key in keys:
            if regex.fullmatch(key) is not None:
                matched += 1
                assert first is None or key[0] in first, (pattern, key)
                assert needed is None or any(n in key for n in needed), (pattern, key)
    assert matched > 300


def test_runs_of_plain_characters_parse_as_one_character_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser reads a run of characters that stand for themselves at once (leaving the last
    to a quantifier that may follow): the same tree as reading them one by one, on every pack
    pattern, the patterns above and quantifiers and braces after runs."""
    pack_set = packs.load_packs(Settings())
    patterns = {
        p for rules in pack_set.by_language.values() for es in rules.values() for e in es for p in e.patterns
    }
    patterns |= {p for p, _, _ in FACTS} | {
        "abc{2}d",
        "ab{x}c}",
        "abc*d+e?f",
        "a}b{,}c{}",
        "x{1,2}?yz",
        "é—ab+",
    }
    fast = {}
    for pattern in patterns:
        regex_facts.parse.cache_clear()
        try:
            fast[pattern] = regex_facts.parse(pattern)
        except regex_facts.Unreadable as exc:
            fast[pattern] = str(exc)
    monkeypatch.setattr(regex_facts, "_PLAIN", re.compile(r"(?!)"))  # (no run: a character at a time)
    runs = 0
    for pattern in patterns:
        regex_facts.parse.cache_clear()
        try:
            slow = regex_facts.parse(pattern)
        except regex_facts.Unreadable as exc:
            assert fast[pattern] == str(exc), pattern
            continue
        assert fast[pattern] == slow, pattern
        runs += any(isinstance(node, regex_facts.Lit) for node in slow)
    regex_facts.parse.cache_clear()
    assert runs > 300


def test_the_phrase_packs_read_patterns_without_the_private_regex_parser() -> None:
    for path in (ROOT / "lintnews" / "packs").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "_parser" not in text and "sre_parse" not in text, path


# --- the first characters of a pattern's matches (lintnews.packs.regex_prefix) ---------------

HEADS = [
    # pattern, heads of 3 characters (None: unknown)
    (r"read more(?: about .{1,60})?", {"rea"}),
    (r"rss", {"rss"}),
    (r"x|ab", {"x", "ab"}),
    (r"(?:share|follow) us", {"sha", "fol"}),
    (r"[ab]c?d", {"acd", "ad", "bcd", "bd"}),
    (r"a{2,}b", {"aaa", "aab"}),
    (r"(?:ab)*c", {"c", "abc", "aba"}),
    (r"^(?=news)new\w+", {"new"}),  # (a lookahead adds nothing)
    (r"^ne\w+", None),  # a category in the first three characters
    (r"a.b", None),  # "." in the first three characters
    (r"abc.*", {"abc"}),  # past them, anything
    (r"\d{1,3} comments", None),
    (r"(?i)abc", None),  # global flags: nothing known
    (r"a?", None),  # may match the empty string
]


@pytest.mark.parametrize("pattern, expected", HEADS, ids=[str(i) for i in range(len(HEADS))])
def test_the_heads_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    assert regex_prefix.heads(pattern) == (frozenset(expected) if expected is not None else None)


def test_every_line_a_pattern_matches_starts_with_one_of_its_heads() -> None:
    """On every pack pattern and the patterns above, at head lengths 1 to 5: every line it
    matches (generated lines in many scripts, the fixtures, the pack lines) starts with one of
    its heads, so filing the pattern under them never drops a line it matches."""
    pack_set = packs.load_packs(Settings())
    keys = as_keys(generated_keys(pack_set, 1500, seed=9) + fixture_lines())
    keys += ["rss", "x", "ab", "acd", "bd", "aaab", "ababc", "c", "newsy", "abcdef", "1 comments"]
    patterns = sorted(
        {
            p
            for rules in pack_set.by_language.values()
            for es in rules.values()
            for e in es
            for p in e.patterns
        }
        | {p for p, _ in HEADS}
    )
    known = matched = 0
    for pattern in patterns:
        regex = re.compile(pattern)
        for k in range(1, 6):
            found = regex_prefix.heads(pattern, k)
            known += found is not None
            for key in keys:
                if found is not None and regex.fullmatch(key) is not None:
                    matched += 1
                    assert key[:k] in found, (pattern, k, key)
    assert known > 600 and matched > 1000


DEEP_HEADS = [
    # pattern, heads up to `regex_prefix.DEEP` characters (None: unknown)
    (r"read more(?: about .{1,60})?", {"read mor"}),
    (r"rss", {"rss"}),
    (r"x|ab", {"x", "ab"}),
    (r"(?:share|follow) us", {"share us", "follow u"}),
    (r"(?:\d{1,3} )?comments?", None),  # (no character class is known in full)
    (r"abc.*", {"abc"}),  # past them, anything: the heads three characters long
    # 8 characters would give 4 ** 5 heads, more than `_MAX_DEEP_HEADS`: the depth with 64 at most
    (r"[abcd]{5,}", {"".join(t) for t in itertools.product("abcd", repeat=3)}),
]


@pytest.mark.parametrize("pattern, expected", DEEP_HEADS, ids=[str(i) for i in range(len(DEEP_HEADS))])
def test_the_deep_heads_of_a_pattern(pattern: str, expected: set[str] | None) -> None:
    assert regex_prefix.deep_heads(pattern) == (frozenset(expected) if expected is not None else None)


def test_every_line_a_pattern_matches_starts_with_one_of_its_deep_heads() -> None:
    """On every pack pattern: every line it matches (generated lines in many scripts, the
    fixtures) starts with one of its deep heads, so the first pass and `ScreenUnion.select`,
    which admit and try a line on them, never drop a line it matches."""
    pack_set = packs.load_packs(Settings())
    keys = as_keys(generated_keys(pack_set, 1500, seed=13) + fixture_lines())
    patterns = sorted(
        {
            p
            for rules in pack_set.by_language.values()
            for es in rules.values()
            for e in es
            for p in e.patterns
        }
    )
    deeper = matched = 0
    for pattern in patterns:
        regex = re.compile(pattern)
        found = regex_prefix.deep_heads(pattern)
        deeper += found is not None and max(map(len, found)) > regex_prefix.HEAD
        for key in keys:
            if found is not None and regex.fullmatch(key) is not None:
                matched += 1
                assert any(key.startswith(head) for head in found), (pattern, key)
    assert deeper > 300 and matched > 250


def test_the_first_pass_reads_past_the_first_three_characters() -> None:
    """A line whose first three characters are a literal line's or a pattern's, but whose first
    eight are not, is not admitted (nor tried against the pattern): "the president said" under
    "the posting of advertisements ..." and "share via mail" under the literal "share this story"."""
    entries = [
        packs.Entry(
            "seo-filler",
            "",
            None,
            ["Share this story", "RSS"],
            [r"the posting of advertisements is prohibited\.", r"(?:\d+ )?comments?"],
            "t",
        )
    ]
    screen = packs.Screen.build(entries)
    assert screen.first_heads == ("rss", "share th", "the post")
    union = packs.ScreenUnion.of([screen])
    keys = [
        "the president said",
        "the posting of advertisements is prohibited.",
        "the posting of adverts",
        "share via mail",
        "share this story",
        "share this",
        "rss feed",
        "rss",
        "12 comments",
        "the",
    ]
    assert first_pass.maybe_keys(union._first_pass, keys, 300) == [1, 2, 4, 5, 6, 7, 8]
    assert union.passing_lines(keys) == [1, 4, 7, 8]


def test_a_user_s_patterns_are_screened_by_their_heads_exactly() -> None:
    """Patterns a user adds (any language, any script): a short one, one of a class, two of the
    same head in two languages, one whose first three characters are not known, one of unknown
    first character: the union of their screens lets through exactly the lines one of them
    matches, among lines that share their first characters."""
    mine = {
        "xx": [r"rss", r"[ab]c?d", r"share (?:on|via) \w+", r"новости( дня)?"],
        "yy": [r"share this", r"新闻.{0,4}", r"s\w+ now", r"\d+ comments?"],
    }
    screens = [
        packs.Screen.build([packs.Entry("seo-filler", "", None, [f"literal {lang}"], patterns, "t")])
        for lang, patterns in mine.items()
    ]
    union = packs.ScreenUnion.of(screens)
    keys = [
        "rss",
        "rss feed",
        "acd",
        "ad",
        "bcd",
        "bd",
        "cd",
        "share on x",
        "share via mail",
        "share this",
        "share thus",
        "sharp now",
        "s now",
        "sx now",
        "новости",
        "новости дня",
        "новост",
        "新闻",
        "新闻联播节目",
        "新闻联播节目表",
        "3 comments",
        "comments",
        "literal xx",
        "literal yy",
        "literal",
        "x",
        "ш",
        "新",
    ]
    patterns = [re.compile(p) for ps in mine.values() for p in ps]
    expected = [
        j
        for j, key in enumerate(keys)
        if key in {"literal xx", "literal yy"} or any(p.fullmatch(key) for p in patterns)
    ]
    assert union.select(keys) == expected
    assert expected == [0, 2, 3, 4, 5, 7, 8, 9, 11, 13, 14, 15, 17, 18, 20, 22, 23]


def test_the_first_pass_admits_every_line_that_passes_and_few_others() -> None:
    """`ScreenUnion.passing_lines` screens only the keys `first_pass.maybe_keys` admits: a key whose
    first characters are no literal line's and no pattern's heads, that does not start with a
    character of a pattern whose heads are not known, and holds no string a pattern of unknown
    first character needs. Every key the definition passes is admitted (in every set of
    languages, on generated lines in many scripts), and most others are not."""
    pack_set = packs.load_packs(Settings())
    keys = as_keys(generated_keys(pack_set, 1500, seed=9) + fixture_lines())
    for langs in LANGUAGE_SETS:
        union = packs.ScreenUnion.of([pack_set.screen(lang) for lang in langs])
        admitted = first_pass.maybe_keys(union._first_pass, keys, 300)
        expected = reference_select(pack_set, langs, keys)
        assert set(expected) <= set(admitted)
        assert union.passing_lines(keys) == expected
    # prose: a needle ("next") admits a line, and a line without one, of other first characters, is left
    prose = [f"mayor jane doe said on {d} june the budget would pass next year" for d in range(40)]
    assert first_pass.maybe_keys(union._first_pass, prose, 300) == list(range(40))
    plain = [f"mayor jane doe said on {d} june the budget would pass" for d in range(40)]
    assert first_pass.maybe_keys(union._first_pass, plain, 300) == []


def test_a_screen_that_lets_everything_through_admits_every_key() -> None:
    """A screen that cannot be built (a pattern with a group reference) lets every line through,
    and so does the first pass: every key of 1 to 300 characters is screened."""
    entries = [packs.Entry("seo-filler", "", None, ["Read more"], [r"(a)\1 b"], "test")]
    union = packs.ScreenUnion.of([packs.Screen.build(entries)])
    assert union.everything
    keys = ["", "zz top", "x" * 301, "aa b", "read more", "ab b"]
    assert first_pass.maybe_keys(union._first_pass, keys, 300) == [1, 3, 4, 5]
    assert union.passing_lines(keys) == [1, 3, 4, 5]


def test_a_union_pickles_without_its_first_pass_and_answers_alike() -> None:
    import pickle

    pack_set = packs.load_packs(Settings())
    union = packs.ScreenUnion.of([pack_set.screen(lang) for lang in ("en", packs.ALL_LANGUAGES)])
    keys = as_keys(generated_keys(pack_set, 300, seed=2))
    expected = union.passing_lines(keys)
    copy = pickle.loads(pickle.dumps(union))
    assert "_first_pass" in vars(union) and "_first_pass" not in vars(copy)
    assert (
        copy.passing_lines(keys) == expected == reference_select(pack_set, ("en", packs.ALL_LANGUAGES), keys)
    )
