"""The shortcuts of the phrase engine give the answers of the straightforward computation: a
`Matcher` that skips its regex on keys of another first character, the greatest length of a
pattern's matches (`regex_length.max_length`), a screen shared by the orders of the same
languages, and B005's stretches of a run of buttons tried only when their length and the strings
they hold allow a match. Checked on generated lines in many scripts
(Latin, CJK, Cyrillic, Turkish dotted and dotless i, long s), the fixtures, and pack entries of
users with patterns of every kind."""

from __future__ import annotations

import itertools
import random
import re

import pytest
from test_packs_screen import as_keys, fixture_lines, generated_keys

from lintnews import packs
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import model, regex_length
from lintnews.packs.matching import _candidate_lines

#: Users' entries: literal lines and patterns with anchors, classes, lookarounds, flags, group
#: references, alternatives of unknown first character, and non-Latin text.
USER_ENTRIES = [
    model.Entry("seo-filler", "m1", None, ["İstanbul haberleri", "ſtraße news"], [r"^ılık .{1,20}$"], "u"),
    model.Entry(
        "seo-filler",
        "m2",
        None,
        [],
        [r"(?i:read) more", r"(?P<w>\w+) and (?P=w)", r"\d+ (?:news|новости)"],
        "u",
    ),
    model.Entry("seo-filler", "m3", None, ["新闻 预算"], [r"(?=.*cookies).*", r"[àa]lso .*", r"(?:)"], "u"),
    model.Entry(
        "tag-line", "m4", None, ["tags"], [r"tags?: [\w ,]{1,80}", r"новости: .+", r"東京.{0,10}"], "u"
    ),
]

MORE_KEYS = [
    "ılık bir gün",
    "i̇stanbul haberleri",
    "istanbul haberleri",
    "ſtraße news",
    "straße news",
    "read more",
    "READ more",
    "news and news",
    "news and views",
    "12 новости",
    "٣ news",
    "we use cookies here",
    "also this",
    "àlso that",
    "tags: a, b",
    "новости: москва",
    "東京 ニュース",
    "新闻 预算",
    "x",
    "",
]


def slow_match(matcher: model.Matcher, key: str) -> model.Entry | None:
    """`Matcher.match` without its first-character shortcut."""
    entry = matcher.literal.get(key)
    if entry is not None:
        return entry
    if matcher.regex is not None:
        m = matcher.regex.fullmatch(key)
        if m is not None and m.lastgroup is not None:
            return matcher.groups[m.lastgroup]
    return None


def all_keys(pack_set: packs.PackSet, seed: int) -> list[str]:
    return as_keys(generated_keys(pack_set, 1500, seed=seed) + fixture_lines()) + MORE_KEYS


def test_a_matcher_tries_its_patterns_only_where_they_may_match() -> None:
    """`Matcher.match` tries a rule's patterns one by one, those filed under the key's first
    characters or whose needed strings it holds, and answers what the rule's patterns joined
    as one alternation answer (the entry of its first branch that matches)."""
    pack_set = packs.load_packs(Settings())
    keys = all_keys(pack_set, seed=3)
    matchers = [pack_set.matcher(rule, lang) for rule in pack_set.rules() for lang in pack_set.by_language]
    matchers += [model.compile_entries([e]) for e in USER_ENTRIES] + [model.compile_entries(USER_ENTRIES)]
    matched = tried = every = 0
    for matcher in matchers:
        for key in keys:
            expected = slow_match(matcher, key)
            assert matcher.match(key) is expected, (matcher.regex, key)
            matched += expected is not None
            if matcher.patterns is not None:
                tried += len(matcher.patterns.tried(key))
                every += len({p for e in matcher.entries for p in e.patterns})
    assert matched > 500 and every > 10 * tried  # many matches, and few patterns tried
    # a pattern that can match nothing is tried on every key; one of unknown first character
    # on keys that hold a string it needs
    unknown = model.compile_entries([USER_ENTRIES[2]]).patterns
    assert unknown is not None and len(unknown.always) == 1 and len(unknown.needy) == 1
    assert [t[0] for t in unknown.tried("we use cookies")] == [0, 2]
    assert [t[0] for t in unknown.tried("also this")] == [1, 2]
    # a group reference leaves every pattern to try on every key
    assert len(model.compile_entries([USER_ENTRIES[1]]).patterns.always) == 3  # type: ignore[union-attr]
    filed = model.compile_entries([USER_ENTRIES[3]]).patterns
    assert (
        filed is not None
        and not filed.always
        and {h[0] for h in filed.by_head} | set(filed.by_first) == set("tн東")
    )
    # the first entry a pattern of which matches, as the alternation's first matching branch
    both = model.compile_entries(USER_ENTRIES)
    assert both.match("tags: a, b") is USER_ENTRIES[3]  # (a line of USER_ENTRIES[3], no pattern before)
    assert both.match("we use cookies here") is USER_ENTRIES[2]
    assert both.match("read more") is USER_ENTRIES[1]


LENGTHS = [
    # pattern, greatest length of a match (None: no limit, or not known)
    ("abc", 3),
    ("a?b{2}c{1,3}", 6),
    ("a{,2}b{3,}", None),
    ("(?:ab|cde)f", 4),
    ("x.y", 3),
    (r"\d{1,5} (?:comments?|replies)", 14),
    ("(?=.*news)read", 4),
    ("a*", None),
    ("(?:a{0})*b", 1),
    ("(?i:ab)c", None),
    ("(?i)abc", None),
    ("(?x) a b c", None),
    (r"(\w+) \1", None),
    ("c{}", 3),
    ("(?#note)^ab$", 2),
    ("[^a]{2,4}", 4),
    ("(?:)", 0),
]


@pytest.mark.parametrize("pattern, longest", LENGTHS, ids=[str(i) for i in range(len(LENGTHS))])
def test_the_greatest_length_of_a_pattern_s_matches(pattern: str, longest: int | None) -> None:
    assert regex_length.max_length(pattern) == longest


def test_no_match_of_a_pattern_is_longer_than_its_greatest_length() -> None:
    pack_set = packs.load_packs(Settings())
    keys = all_keys(pack_set, seed=9)
    keys += [" ".join(rng_keys) for rng_keys in itertools.combinations(MORE_KEYS[:8], 3)]
    patterns = {
        p for rules in pack_set.by_language.values() for es in rules.values() for e in es for p in e.patterns
    }
    patterns |= {p for e in USER_ENTRIES for p in e.patterns} | {p for p, _ in LENGTHS}
    bounded = matched = 0
    for pattern in sorted(patterns):
        longest = regex_length.max_length(pattern)
        bounded += longest is not None
        regex = re.compile(pattern)
        for key in keys:
            if regex.fullmatch(key) is not None:
                matched += 1
                assert longest is None or len(key) <= longest, (pattern, key)
    assert bounded > 200 and matched > 300


def test_a_document_s_candidate_lines_do_not_depend_on_the_order_of_its_languages() -> None:
    """The screen of a set of languages is shared by their orders: each order picks the lines the
    definition picks (a key passes when it is a literal line of an entry in one of the languages
    or a pattern of one matches it whole)."""
    pack_set = packs.load_packs(Settings())
    keys = all_keys(pack_set, seed=5)
    rng = random.Random(6)
    docs = [Document(f"d{i}.txt", "\n".join(rng.choice(keys) for _ in range(60))) for i in range(20)]
    for langs in (["de", "en", "fr"], ["fr", "de", "en"], ["en", "fr", "de"], ["es", "en"], ["en", "es"]):
        entries = [
            e for lang in (*langs, "*") for es in pack_set.by_language.get(lang, {}).values() for e in es
        ]
        literal = {packs.line_key(line) for e in entries for line in e.lines}
        regexes = [re.compile(p) for e in entries for p in e.patterns]
        for doc in docs:
            expected = [
                i
                for i, key in enumerate(doc.line_keys)
                if key and len(key) <= 300 and (key in literal or any(r.fullmatch(key) for r in regexes))
            ]
            assert _candidate_lines(doc, pack_set, list(langs)) == expected
    assert pack_set.screen_of(("*", "de", "en", "fr")) is pack_set.unions[("*", "de", "en", "fr")]


def definition_stretches(
    texts: tuple[str, ...], matchers: list[model.Matcher]
) -> list[tuple[int, int, model.Entry]]:
    """B005's stretches by their definition: from each start, left to right, the longest stretch
    of two to twelve lines whose lines joined one of the matchers matches (the first matcher's
    entry), the next start after it."""
    found = []
    start = 0
    while start < len(texts) - 1:
        for stop in range(min(len(texts), start + 12), start + 1, -1):
            joined = " ".join(texts[start:stop])
            entry = next((e for m in matchers if (e := slow_match(m, joined)) is not None), None)
            if entry is not None:
                found.append((start, stop, entry))
                start = stop
                break
        else:
            start += 1
    return found


def share_runs(seed: int) -> list[tuple[str, ...]]:
    """Runs of button keys: network names, the words of share prompts and follow prompts cut
    into lines one to three words long (so that the strings the patterns need fall across lines),
    literal lines and their heads, and other menu items."""
    from lintnews.packs import line_key

    pack_set = packs.load_packs(Settings())
    literal = sorted(
        line_key(line)
        for lang in pack_set.by_language
        for e in pack_set.by_language[lang].get("social-share", [])
        for line in e.lines
    )
    prompts = [
        "share on facebook",
        "click to share on twitter (opens in new window)",
        "follow us on twitter, facebook and instagram",
        "follow @jdoe on twitter for news",
        "twitter: @townledger",
        "folgen sie uns auf facebook und twitter",
        "auf facebook teilen per e-mail versenden",
        "síguenos en facebook y twitter",
        "suivez-nous sur facebook et youtube",
        "facebook twitter whatsapp e-mail",
        "share this article via email",
        "like the ledger on facebook. follow us on twitter",
    ]
    words = [w for p in prompts for w in p.split()]
    menu = [
        "home",
        "news",
        "sport",
        "politik",
        "wetter",
        "новости",
        "東京",
        "ılık",
        "ſtraße",
        "more",
        "share",
    ]
    rng = random.Random(seed)
    runs = []
    for _ in range(400):
        run: list[str] = []
        while len(run) < rng.randint(2, 30):
            r = rng.random()
            if r < 0.3:
                prompt = rng.choice(prompts).split()
                while prompt:
                    n = rng.randint(1, 3)
                    run.append(" ".join(prompt[:n]))
                    prompt = prompt[n:]
            elif r < 0.5:
                run.append(rng.choice(literal))
            elif r < 0.6:
                run.extend(rng.choice(literal).split(" ", 1))
            elif r < 0.8:
                run.append(rng.choice(words))
            else:
                run.append(rng.choice(menu))
        runs.append(tuple(k for k in run if k))
    return runs


@pytest.mark.parametrize("langs", [["en"], ["de", "en"], ["fr", "en", "es"]], ids=["en", "de-en", "fr-en-es"])
def test_b005_finds_the_stretches_of_trying_every_stretch(langs: list[str]) -> None:
    """`_find_stretches` with its screen finds what every stretch of up to twelve lines tried
    with the rule's matchers finds, in every order of the languages."""
    from lintnews.rules.chrome import share_runs as runs

    pack_set = packs.load_packs(Settings())
    runs._SHARE_SCREENS.clear()
    found = 0
    for order in (langs, langs[::-1]):
        screen = runs.share_screen(pack_set, "social-share", order)
        matchers = pack_set.matchers_for("social-share", tuple(order))
        for texts in share_runs(seed=len(langs)):
            expected = definition_stretches(texts, matchers)
            assert runs._find_stretches(texts, matchers, screen) == expected, texts
            assert runs.stretches(texts, matchers, screen) == expected  # (and kept per order)
            found += len(expected)
        found += len(expected)
    assert found > 200
    if langs == ["en"]:  # (the screen has limits to use: "share ..." is at most ~70 characters)
        longest = screen.longest_match["s"]
        assert longest is not None and longest < 100 and screen.first_needs["s"] is not None
        assert screen.longest_match["f"] is None  # "follow us on x(, y)*": no limit


def test_b005_screen_limits_hold_at_their_boundaries() -> None:
    """A user's pack whose literal lines are all as long as the longest, and whose patterns end
    with the strings they need or are exactly as long as their limit, or have no first character
    known: stretches that end just there are found as when every stretch is tried."""
    from lintnews.rules.chrome import share_runs as runs

    pack_set = packs.PackSet()
    pack_set.add(
        "en",
        model.Entry(
            "social-share",
            "",
            None,
            ["share this tale", "post it on news", "ſ tale news aa"],
            [
                r"(?:ab|cd) ends here(?: and there)?",
                r"x{1,3} y{1,2}",
                r"ılık (?:news|tale)",
                r"[sn]\w+ wire",
                r"\w+ (?:y|yy) wire",  # (first character unknown: needs " y" or " yy")
                r".*\btale$",  # (needs "tale")
                r"[qz][q y]{1,6}",  # (needs nothing known)
            ],
            "user",
        ),
    )
    screen = runs.share_screen(pack_set, "social-share", ["en"])
    assert screen.longest_literal == 15 and screen.longest_match["x"] == 15  # (the literal lines)
    assert screen.longest_match["a"] == 22 and screen.longest_match["s"] is None
    assert screen.first_needs["q"] is None and screen.first_needs["x"] is not None
    matchers = pack_set.matchers_for("social-share", ("en",))
    pool = [
        "share",
        "this",
        "tale",
        "share this",
        "post",
        "it on",
        "news",
        "post it",
        "on news",
        "ab",
        "ends",
        "here",
        "ends here",
        "cd ends",
        "and",
        "there",
        "and there",
        "here and",
        "xxx",
        "y",
        "yy",
        "xx y",
        "ılık",
        "ſ",
        "aa",
        "wire",
        "nwire",
        "s",
        "q",
        "z",
        "q q",
        "zq",
    ]
    rng = random.Random(2)
    found = 0
    for _ in range(3000):
        texts = tuple(rng.choice(pool) for _ in range(rng.randint(2, 9)))
        expected = definition_stretches(texts, matchers)
        assert runs._find_stretches(texts, matchers, screen) == expected, texts
        found += len(expected)
    assert found > 150


def test_b005_with_literal_lines_only() -> None:
    """A pack of literal lines alone: no strings to look for (no automaton), stretches found
    from the heads of the lines."""
    from lintnews.rules.chrome import share_runs as runs

    pack_set = packs.PackSet()
    entry = model.Entry("social-share", "", None, ["teilen per mail", "share it", "новости дня"], [], "user")
    pack_set.add("de", entry)
    screen = runs.share_screen(pack_set, "social-share", ["de"])
    assert screen.automaton is None and screen.heads == {"teilen", "teilen per", "share", "новости"}
    matchers = pack_set.matchers_for("social-share", ("de",))
    pool = ["teilen", "per", "mail", "per mail", "share", "it", "новости", "дня", "x"]
    rng = random.Random(3)
    found = 0
    for _ in range(2000):
        texts = tuple(rng.choice(pool) for _ in range(rng.randint(2, 8)))
        expected = definition_stretches(texts, matchers)
        assert runs._find_stretches(texts, matchers, screen) == expected, texts
        found += len(expected)
    assert found > 200
