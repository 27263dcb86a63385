"""`match_lines` finds every rule's lines in one pass per document (`PackSet.line_matcher`), with
each line key's answer kept for the next documents: checked against the definition (each rule's
own matchers, `PackSet.matchers_for`, tried on every line in the order of the languages), and the
kept answers against a change of settings."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from test_packs_screen import as_keys, fixture_lines, generated_keys

from lintnews import packs
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import answers, model

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = [Settings(), Settings(language="de"), Settings(extra_phrases={"seo-filler": ["Zz unique filler"]})]


def fixture_texts() -> list[str]:
    texts = []
    for folder in (ROOT / "fixtures", ROOT / "tests" / "rule_fixtures"):
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix in (".txt", ".md"):
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


def reference(doc: Document, settings: Settings, rule: str) -> list[tuple[int, packs.Entry]]:
    """The definition: for each line (key non-empty, at most 300 characters), the entry of the
    first of the rule's matchers in the document's languages that matches its key whole."""
    pack_set = packs.load_packs(settings)
    matchers = pack_set.matchers_for(rule, tuple(packs.pack_languages(doc, settings, pack_set)))
    out = []
    for i, key in enumerate(doc.line_keys):
        if not key or len(key) > 300:
            continue
        for m in matchers:
            entry = m.match(key)
            if entry is not None:
                out.append((i, entry))
                break
    return out


def documents(seed: int) -> list[Document]:
    """The fixtures, and documents mixing their lines (a crawl repeats lines across documents)."""
    texts = fixture_texts()
    lines = [line for text in texts for line in text.splitlines()]
    rng = random.Random(seed)
    mixed = ["\n".join(rng.choice(lines) for _ in range(rng.randint(5, 80))) for _ in range(30)]
    return [Document(f"d{i}.txt", text) for i, text in enumerate(texts + mixed + mixed[:5])]


@pytest.mark.parametrize("settings", SETTINGS, ids=["default", "de", "extra"])
def test_every_rule_s_lines_are_its_matchers_lines(settings: Settings) -> None:
    pack_set = packs.load_packs(settings)
    rules = pack_set.rules()
    assert {"seo-filler", "social-share", "breadcrumb", "link-row"} <= set(rules)
    found = 0
    for doc in documents(seed=len(rules)):
        for rule in [*rules, "no-such-rule"]:
            got = list(packs.match_lines(doc, settings, rule))
            assert got == reference(doc, settings, rule), (doc.path, rule)
            found += len(got)
    assert found > 100


@pytest.mark.parametrize("settings", SETTINGS, ids=["default", "de", "extra"])
def test_the_lines_several_rules_match_are_their_matchers_lines(settings: Settings) -> None:
    """`lines_matched` of a few rules is the set of lines the definition finds for any of them,
    for every tuple of rules asked of one document, and answers again alike."""
    asked = [
        ("social-share", "seo-filler", "no-such-rule"),
        ("breadcrumb",),
        ("link-row", "social-share"),
        (),
    ]
    found = 0
    for doc in documents(seed=7):
        for rules in asked:
            expected = {i for rule in rules for i, _ in reference(doc, settings, rule)}
            assert packs.lines_matched(doc, settings, rules) == expected, (doc.path, rules)
            assert packs.lines_matched(doc, settings, rules) == expected
            found += len(expected)
    assert found > 10  # (not vacuous: the fixtures hold such lines)


def test_each_key_is_matched_once_per_language_and_answers_are_forgotten_when_too_many(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A line matcher keeps its answers per key, and each language its own (`LanguageAnswers`),
    shared by every order of languages that includes it: a key met under ("de", "en") is not
    matched again under ("en", "de"). Prose is tried against a few rules' matchers, not all."""
    settings = Settings()
    pack_set = packs.load_packs(settings)
    line_matcher = pack_set.line_matcher(("de", "en"))
    tried: list[tuple[str, int]] = []
    real = model.Matcher.match

    def counting(self: model.Matcher, key: str) -> packs.Entry | None:
        tried.append((key, id(self)))
        return real(self, key)

    monkeypatch.setattr(model.Matcher, "match", counting)
    for language in line_matcher.languages:
        language._kept.clear()
    line_matcher._kept.clear()
    keys = ["share", "read more", "the budget", "share", "read more", "© 2024 reuters"]
    first = line_matcher.matches(keys, list(range(len(keys))))
    assert {rule: [i for i, _ in found] for rule, found in first.items()} == {
        "social-share": [0, 3],
        "seo-filler": [1, 4],
        "copyright-notice": [5],
    }
    assert len(tried) == len(set(tried))  # each key tried once by each matcher at most
    assert {key for key, _ in tried} <= set(keys)
    rules = pack_set.rules()
    assert 0 < sum(key == "share" for key, _ in tried) < len(rules)
    assert sum(key == "the budget" for key, _ in tried) < len(rules) // 4
    tried.clear()
    assert line_matcher.matches(keys, [0, 1, 2]) == {
        "social-share": first["social-share"][:1],
        "seo-filler": first["seo-filler"][:1],
    }
    other = pack_set.line_matcher(("en", "de"))
    other._kept.clear()
    assert other.matches(keys, list(range(len(keys)))).keys() == first.keys()
    assert tried == []  # all kept: by the line matcher, then by each language
    monkeypatch.setattr(answers, "MATCHES_KEPT", 2)
    more = ["tweet", "next page", "the budget 2", "share", "pin it"]
    expected = answers.LineMatcher(line_matcher.languages).matches(more, list(range(len(more))))
    assert [i for i, _ in expected["social-share"]] == [0, 3, 4]
    assert line_matcher.matches(more, list(range(len(more)))) == expected
    assert len(line_matcher._kept) <= 2
    assert all(len(language._kept) <= 2 for language in line_matcher.languages)


@pytest.mark.parametrize("language", ["en", "de", "fr", "pl", "it"])
def test_a_language_s_answers_are_every_rule_s_matcher_s(language: str) -> None:
    """`LanguageAnswers.answer` tries a key only against the rules a matcher of which may match
    it (by literal lines, the first characters of the patterns' matches and the strings they
    need), and answers what every rule's `Matcher.match` answers: on the packs' own lines, near
    misses of them, generated lines of many scripts and the fixtures."""
    pack_set = packs.load_packs(Settings())
    language_answers = pack_set.language_answers(language)
    language_answers._kept.clear()
    keys = as_keys(generated_keys(pack_set, 1500, seed=8) + fixture_lines())
    keys += [k[:-1] for k in keys[:400]] + [f"{k} x" for k in keys[:400]] + ["", "a", "©"]
    rules = pack_set.rules()
    matched = 0
    for key in keys:
        expected = []
        for i, rule in enumerate(rules):
            entry = pack_set.matcher(rule, language).match(key)
            if entry is not None:
                expected.append((i, rule, entry))
        assert language_answers.answer(key) == tuple(expected), key
        assert len(language_answers._may_match(key)) <= len(rules)
        matched += bool(expected)
    assert matched > (300 if language == "en" else 20)  # (no pack of Polish or Italian: "*" entries)
    tried = sum(len(language_answers._may_match(k)) for k in keys) / len(keys)
    assert tried < len(rules) / 4  # (a few rules a key, where every rule was tried)


def test_a_settings_change_reaches_the_packs() -> None:
    """`load_packs` keeps its last answer for the same settings object, but not once the pack
    options change, even in place."""
    settings = Settings()
    doc = Document("a.txt", "The council met on Monday to agree the budget for next year.\nZz one\nZz two\n")
    assert list(packs.match_lines(doc, settings, "seo-filler")) == []
    settings.extra_phrases["seo-filler"] = ["Zz one"]
    doc = Document("a.txt", doc.text)
    assert [i for i, _ in packs.match_lines(doc, settings, "seo-filler")] == [1]
    settings.extra_phrases["seo-filler"].append("Zz two")
    doc = Document("a.txt", doc.text)
    assert [i for i, _ in packs.match_lines(doc, settings, "seo-filler")] == [1, 2]
    settings.extra_phrases.clear()
    doc = Document("a.txt", doc.text)
    assert list(packs.match_lines(doc, settings, "seo-filler")) == []


def test_a_language_s_answers_pickle_without_their_compiled_needles() -> None:
    """`LanguageAnswers` holds a compiled first pass of its needles (a capsule: not picklable); a
    copy makes it again on first use and answers alike, as a line matcher made of them does."""
    import pickle

    pack_set = packs.load_packs(Settings())
    line_matcher = pack_set.line_matcher(("de", "en"))
    keys = ["12 comments", "page 2 of 7", "3 kommentare", "the council met", "share on facebook"]
    expected = [line_matcher.match(key) for key in keys]
    copy = pickle.loads(pickle.dumps(line_matcher))
    assert all("_needles" not in vars(language) for language in copy.languages)
    copy._kept.clear()
    for language in copy.languages:
        language._kept.clear()
    assert [copy.match(key) for key in keys] == expected
    assert [rule for found in expected for rule, _ in found] == [
        "comment-widget",
        "pagination",
        "comment-widget",
        "social-share",
    ]


DANISH = (
    "Regeringen fremlagde i går et nyt forslag til en reform af skattesystemet, som skal give flere "
    "penge til de familier, der har mindst. Oppositionen siger, at det ikke vil hjælpe de mennesker, "
    "som har mest brug for det, når priserne stiger hurtigere end lønningerne.\n\n"
)


@pytest.mark.parametrize("extra", [False, True], ids=["default", "extra"])
def test_languages_no_pack_holds_change_no_match(extra: bool) -> None:
    """A Danish page is placed in Danish, English, Norwegian and Swedish; no pack holds Danish
    or Norwegian (Swedish has B002's and B023's tables): the matches are the definition's over all
    four (`reference`), though the languages no pack holds after the first are left out of the
    screen and the line matcher.
    The first stays: its matcher holds the ``*`` entries alone, whose answer stands over
    English's own entry for the same line ("Subscribe", a user's ``extra-phrases`` line and a
    built-in English one)."""
    settings = Settings(extra_phrases={"newsletter-prompt": ["Subscribe"]}) if extra else Settings()
    pack_set = packs.load_packs(settings)
    doc = Document("da.txt", DANISH * 4 + "Subscribe\n\nShare this\n\nDel\n\n" + DANISH)
    langs = packs.pack_languages(doc, settings, pack_set)
    assert langs == ["da", "en", "nb", "sv"] and not {"da", "nb"} & set(pack_set.by_language)
    assert "sv" in pack_set.by_language
    for rule in pack_set.rules():
        assert list(packs.match_lines(doc, settings, rule)) == reference(doc, settings, rule), rule
    ((line, entry),) = packs.match_lines(doc, settings, "newsletter-prompt")
    assert doc.lines[line] == "Subscribe" and (entry.source == "extra-phrases") == extra
    assert [doc.lines[i] for i, _ in packs.match_lines(doc, settings, "social-share")] == ["Share this"]


def test_the_phrase_rules_find_a_document_s_packs_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_matched` keeps its last answer with the document and settings it was made for: the nine
    phrase rules and `wrapped_tail` ask it ~20 times a document, and only the first looks the
    packs up (`load_packs`); the same findings as when each call looks them up, and a new
    document or settings object gets its own answer."""
    from lintnews.packs import matching
    from lintnews.registry import all_rules

    text = (
        "Council agrees budget\n\nThe council met on Monday to agree the budget for next year.\n\n"
        "Share this article\n\nRead more\n\nShare on Facebook\nShare on Twitter\n\n"
        "12 comments\n\nLeave a comment\n\nAll rights reserved.\n"
    )
    rules = [
        r
        for r in all_rules().values()
        if isinstance(r, packs.PhraseRule) and type(r).check is packs.PhraseRule.check
    ]
    real = matching.load_packs
    calls: list[Settings] = []

    def counting(settings: Settings) -> packs.PackSet:
        calls.append(settings)
        return real(settings)

    def findings(doc: Document, settings: Settings) -> list[tuple[str, int, str]]:
        return [(r.code, v.line, v.message) for r in rules for v in r.check(doc, settings)]

    monkeypatch.setattr(matching, "load_packs", counting)
    settings = Settings()
    found = findings(Document("a.txt", text), settings)
    assert len(found) >= 2 and len(rules) >= 9 and len(calls) == 1
    expected = []
    for rule in rules:  # (the answer looked up again for every rule, in a new document each time)
        matching._LAST.clear()
        expected += [(rule.code, v.line, v.message) for v in rule.check(Document("a.txt", text), settings)]
    assert found == expected
    calls.clear()
    assert findings(Document("a.txt", text), Settings()) == found and len(calls) == 1
