"""T002's word-list lookup (rules/truncation/wordlist.py): wordfreq's answer, without building
wordfreq's whole frequency dictionary of a language."""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
import wordfreq
from lintnews.rules.truncation import wordlist
from lintnews.rules.truncation.endings import _MIN_ZIPF, _MIN_ZIPF_ALONE


def test_bucket_zipf_is_wordfreqs_zipf_of_each_bucket() -> None:
    # the first word of every bucket that wordfreq's tokenizer leaves whole: its zipf_frequency
    # is the bucket's, so the bucket cut-off is wordfreq's
    buckets = wordfreq.get_frequency_list("en")
    checked = 0
    for index, bucket in enumerate(buckets):
        word = next((w for w in bucket if wordfreq.tokenize(w, "en") == [w] and w.isalpha()), None)
        if word is None:
            continue
        assert wordlist.bucket_zipf(index) == wordfreq.zipf_frequency(word, "en"), (index, word)
        checked += 1
    assert checked > 500
    assert wordlist.bucket_zipf(700) == 2.0 and wordlist.bucket_zipf(701) == 1.99


#: Endings as T002 meets them: stumps, compounds, elisions, capitalised and with digits.
_REAL_SHAPED = {
    "en": ["governmen", "contac", "Depar", "Polic", "o’clock", "b2b", "x1", "well-being", "co-operation"],
    "de": ["Haus", "straße", "Cookie-Richtlinie", "Bundesregier", "E-Mail-Adresse", "Mitarbei", "Covid-19"],
    "fr": ["l'état", "L’État", "aujourd'hui", "gouvernemen", "c'est-à-dire", "peut-être", "Commen"],
    "es": ["gobiern", "¿Cómo", "Estados-Unidos", "también", "informació", "anti-inmigración"],
    "pl": ["rząd", "Polsk", "biało-czerwoni", "województw"],
    "ru": ["правительст", "Москв", "из-за", "кое-что", "COVID-19"],
    "uk": ["уряд-міністр", "Україн", "будь-який"],
    "ar": ["الحكومة", "الحكوم", "ال"],
    "el": ["κυβέρνηση", "κυβέρν", "Αθήνα"],
}


def _words_of_every_kind(lang: str, seed: int) -> list[str]:
    """Words of every bucket (far from and around both of T002's thresholds), generated compounds
    of two words (common and rare parts, hyphen and apostrophe), the same capitalised and with a
    digit, stumps, words wordfreq does not know, and `_REAL_SHAPED`."""
    rng = random.Random(seed)
    buckets = wordfreq.get_frequency_list(lang)
    words = [w for bucket in buckets[::7] for w in itertools.islice(bucket, 3)]
    for cut in (wordlist.first_bucket_below(_MIN_ZIPF), wordlist.first_bucket_below(_MIN_ZIPF_ALONE)):
        words += [w for bucket in buckets[cut - 10 : cut + 12] for w in itertools.islice(bucket, 20)]
    pool = [
        w for w in itertools.chain.from_iterable(buckets[: wordlist.first_bucket_below(1.0)]) if w.isalpha()
    ]
    for _ in range(150):
        a, b = rng.choice(pool), rng.choice(pool[: len(pool) // 3])  # (b common: a decides more often)
        words += [f"{a}-{b}", f"{b}-{a}", f"{a}'{b}", f"{a}-{b}".capitalize(), f"{a}{rng.randrange(10)}"]
        words += [a[: max(1, len(a) - 2)], a.upper()]
    words += ["qqqzx", "", "-", "zzzz-qqqq", *_REAL_SHAPED[lang]]
    return words


@pytest.mark.parametrize("lang", sorted(_REAL_SHAPED))
def test_rarer_than_equals_wordfreq(lang: str) -> None:
    # every fast path of `rarer_than` (one token, the word itself or changed by the tokenizer;
    # several tokens, one of them rare) against wordfreq's own computation, at both thresholds
    words = _words_of_every_kind(lang, seed=len(lang))
    assert len(words) > 1000
    for min_zipf in (_MIN_ZIPF, _MIN_ZIPF_ALONE):
        rare = [w for w in words if wordlist.rarer_than(w, lang, min_zipf)]
        assert rare == [w for w in words if wordfreq.zipf_frequency(w, lang) < min_zipf], min_zipf
        assert 0.1 * len(words) < len(rare) < 0.9 * len(words)


def test_first_bucket_below_is_where_bucket_zipf_falls_below() -> None:
    for min_zipf in (_MIN_ZIPF, _MIN_ZIPF_ALONE, 3.0):
        cut = wordlist.first_bucket_below(min_zipf)
        assert wordlist.bucket_zipf(cut - 1) >= min_zipf > wordlist.bucket_zipf(cut)
    assert (
        wordlist.first_bucket_below(_MIN_ZIPF) == 701 and wordlist.first_bucket_below(_MIN_ZIPF_ALONE) == 551
    )


def test_compounds_with_a_rare_part_never_build_the_whole_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    def whole(*args: object, **kwargs: object) -> dict[str, float]:
        raise AssertionError("built wordfreq's whole frequency dictionary")

    monkeypatch.setattr(wordfreq, "get_frequency_dict", whole)
    monkeypatch.setattr(wordfreq, "_wf_cache", {})  # (answers of other tests)
    # "cookie" is below Zipf 3.5 in German (3.41): so is the compound (3.31)
    assert wordlist.rarer_than("cookie-richtlinie", "de", _MIN_ZIPF_ALONE)
    assert wordlist.rarer_than("governmen-office", "en", _MIN_ZIPF)
    assert wordlist.rarer_than("office-governmen", "en", _MIN_ZIPF)
    assert not wordlist.rarer_than("Haus", "de", _MIN_ZIPF)  # one token, changed by the tokenizer
    with pytest.raises(AssertionError, match="whole frequency dictionary"):
        wordlist.rarer_than("well-being", "en", _MIN_ZIPF)  # two common tokens: wordfreq decides


def test_in_buckets_never_builds_the_whole_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    def whole(*args: object, **kwargs: object) -> dict[str, float]:
        raise AssertionError("built wordfreq's whole frequency dictionary")

    monkeypatch.setattr(wordfreq, "get_frequency_dict", whole)
    assert wordlist.rarer_than("governmen", "en", _MIN_ZIPF)
    assert not wordlist.rarer_than("government", "en", _MIN_ZIPF)
    cut = wordlist.first_bucket_below(_MIN_ZIPF)
    assert wordlist.in_buckets("government", "en", cut) and not wordlist.in_buckets("governmen", "en", cut)


@pytest.mark.parametrize("lang", ["en", "de", "ru", "ar"])
def test_in_buckets_is_membership_in_the_buckets(lang: str) -> None:
    """The search of the list's bytes answers as the set of the first buckets' words: for words
    of every bucket read, their parts (bytes inside longer words), their ends and starts, and
    words whose bytes follow a byte that looks like a string header."""
    buckets = wordfreq.get_frequency_list(lang)
    rng = random.Random(32)
    for min_zipf in (_MIN_ZIPF, _MIN_ZIPF_ALONE):
        cut = wordlist.first_bucket_below(min_zipf)
        words = set(itertools.chain.from_iterable(buckets[:cut]))
        asked = [w for bucket in buckets[: cut + 40 : 3] for w in itertools.islice(bucket, 4)]
        pool = sorted(words)
        for w in rng.sample(pool, 400):
            asked += [w[1:], w[:-1], w[2:], w[1:-1], w + w[:1], "é" + w, "\ud800", ""]
        assert sum(w in words for w in asked) > 300 and sum(w not in words for w in asked) > 1000
        assert [w for w in asked if wordlist.in_buckets(w, lang, cut)] == [w for w in asked if w in words]


def test_t002_stump_through_the_cli(tmp_path) -> None:
    # a short last line after finished prose that stops on a stump: cut off mid-word
    text = (
        "The committee met on Monday to discuss the budget for the coming year in detail.\n"
        "Officials from the ministry said that they expected a decision within two weeks.\n"
        "They said the talks with the State Depar\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "lintnews",
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "T002",
            "--output-format",
            "json",
            "--exit-zero",
            "a.txt",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(out.stdout)
    assert [(d["code"], d["line"], d["message"]) for d in found] == [
        ("T002", 3, 'Document is cut off mid-word ("Depar")')
    ]


def test_wordfreq_imported_without_its_call_stack_finds_the_same_data() -> None:
    # a fresh process: wordfreq imported by `import_wordfreq`, no `inspect.stack()` taken, the
    # data folder the one the usual import finds, and `locate.this_dir` put back
    code = (
        "import inspect, locate, json\n"
        "taken = []\n"
        "stack = inspect.stack\n"
        "inspect.stack = lambda *a: taken.append(1) or stack(*a)\n"
        "from lintnews.rules.truncation.wordlist import import_wordfreq\n"
        "module = import_wordfreq()\n"
        "print(json.dumps([str(module.DATA_PATH), len(taken), locate.this_dir is locate._locate.this_dir,\n"
        "    len(module.available_languages()), import_wordfreq() is module]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    data_path, taken, restored, languages, same = json.loads(out.stdout)
    assert data_path == str(wordfreq.DATA_PATH) and taken == 0 and restored and same
    assert languages == len(wordfreq.available_languages()) > 40


def _here_by_locate() -> object:
    import locate

    return locate.this_dir()


def _here_by_frame() -> object:
    return wordlist._this_dir()


def test_this_dir_stand_in_answers_as_locate() -> None:
    assert _here_by_frame() == _here_by_locate() == Path(os.path.abspath(__file__)).parent
    # code without a file: the working directory, for both
    scope: dict[str, object] = {"wordlist": wordlist}
    exec("import locate\nboth = (wordlist._this_dir(), locate.this_dir())", scope)
    assert scope["both"] == (Path(os.path.abspath(os.getcwd())),) * 2
