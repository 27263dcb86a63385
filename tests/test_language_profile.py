"""The stop-word profile of a document's first `SAMPLE` characters (`profile_of_lines`), cut with
one join and a find, is the profile its definition gives: the lines up to and including the one
during which the running count of characters (a line break after each) reaches `SAMPLE`, joined
by spaces. Checked on generated lines in many scripts, at every distance from the cut."""

from __future__ import annotations

import random

import pytest

from lintnews import language
from lintnews.document import Document

WORDS = (
    "the of and council budget said der die und nicht ist les est une pour que el los por "
    "новости москва и не в 新闻 预算 東京 ニュース 한국어 ılık İstanbul ıı iı "
    "ſtraße ſ ß straße déjà żółć 2024 12 ½ ٣ 𝔘𝔫𝔦 😀"
).split()


def reference(lines: list[str]) -> tuple[dict[str, int], int]:
    """The definition, written out as a loop over the lines."""
    size = end = 0
    while end < len(lines) and size < language.SAMPLE:
        size += len(lines[end]) + 1
        end += 1
    return language._profile(" ".join(lines[:end]))


def generated(rng: random.Random, n: int) -> list[str]:
    lines = []
    for _ in range(n):
        r = rng.random()
        if r < 0.15:
            lines.append("")
        else:
            lines.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12))))
    return lines


@pytest.mark.parametrize("sample", [1, 2, 7, 40, 41, 120, 50_000])
def test_the_profile_is_the_one_of_the_sampled_lines(monkeypatch: pytest.MonkeyPatch, sample: int) -> None:
    monkeypatch.setattr(language, "SAMPLE", sample)
    rng = random.Random(sample)
    cases: list[list[str]] = [[], [""], ["", ""], ["the"], ["the of and"] * 3]
    cases += [generated(rng, rng.randint(1, 60)) for _ in range(300)]
    # lines whose running count lands exactly on the sample, or one short of it, or one past it
    for size in (sample - 2, sample - 1, sample, sample + 1):
        if size >= 1:
            cases.append(["a" * (size - 1), "the of and", "der die"])
            cases.append(["the " * (size // 4), "und", "", "les"])
    counted = 0
    for lines in cases:
        expected = reference(lines)
        assert language.profile_of_lines(lines) == expected, lines
        counted += sum(expected[0].values())
    assert counted > 100  # the sampled lines hold stop words, not only the cut-off rest


def test_a_document_s_language_comes_from_its_first_sample_characters() -> None:
    """A German page whose English part starts after the sample is German; moved before it, the
    English words count."""
    german = "Der Rat hat den Haushalt für das Jahr nicht beschlossen, und die Stadt ist in Sorge.\n"
    english = (
        "The council said that it was not able to pass the budget for the year, and the city is worried.\n"
    )
    german_part = german * (language.SAMPLE // len(german) + 40)
    doc = Document("a.txt", german_part + english * 400)
    alone = Document("b.txt", german_part)
    assert language.profile_of_lines(doc.normalized_lines) == reference(doc.normalized_lines)
    assert doc.stopword_profile == alone.stopword_profile  # the English after the sample is not read
    assert doc.language == "de"
    mixed = Document("c.txt", english * 400 + german_part)
    assert mixed.stopword_profile[0]["en"] > doc.stopword_profile[0]["en"]
    assert mixed.language == "en"


def test_a_text_s_stop_word_hits_are_counted_per_language() -> None:
    """`_profile`: each whitespace-separated word that is a stop word of a language counts once
    for that language (a word of two languages, such as "de" or "die", for both), in the order of
    `PROFILES`; the word count leaves out numbers."""
    rng = random.Random(8)
    stop = sorted({w for words in language.PROFILES.values() for w in words})
    shared = [w for w in stop if sum(w in s for s in language.PROFILES.values()) > 1]
    assert len(shared) > 20
    for _ in range(200):
        words = [rng.choice(rng.choice([stop, shared, WORDS])) for _ in range(rng.randint(0, 80))]
        text = rng.choice([" ", "\n", "  ", "\t"]).join(words)
        scores, total, counts = language._profile(text)
        assert list(scores) == list(language.PROFILES)
        assert scores == {lang: sum(w in s for w in words) for lang, s in language.PROFILES.items()}
        assert total == sum(not w.isdigit() for w in words)
        for lang, s in language.PROFILES.items():  # the hits of its words of two letters or more
            assert sum(language._PICK_LONG[lang](counts)) == sum(w in s and len(w) > 1 for w in words)


def test_the_secondary_languages_are_those_with_a_quarter_of_the_best_hits() -> None:
    """`_also_present`: the languages with at least ten stop-word hits and a quarter of the best
    language's, most hits first, ties in the order of `STOPWORDS`."""
    from lintnews.packs import matching

    rng = random.Random(12)
    langs = list(language.STOPWORDS)
    several = 0
    for _ in range(500):
        scores = {lang: rng.choice([0, 3, 9, 10, 11, 25, 40, 40, 100, rng.randint(0, 200)]) for lang in langs}
        doc = Document("a.txt", "x")
        doc.__dict__["stopword_profile"] = (scores, 1000)
        doc.__dict__["language"] = "de"  # (placed by its stop words: no script's languages added)
        best = max(scores.values())
        expected = [
            lang for lang, n in sorted(scores.items(), key=lambda kv: -kv[1]) if n >= 10 and n >= 0.25 * best
        ]
        assert matching._also_present(doc) == expected
        several += len(expected) > 2
    assert several > 100
