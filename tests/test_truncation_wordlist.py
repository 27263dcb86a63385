"""T002's word-list lookup (rules/truncation/wordlist.py): wordfreq's answer, without building
wordfreq's whole frequency dictionary of a language."""

from __future__ import annotations

import itertools
import json
import subprocess

import pytest
import wordfreq
from lintnews.rules.truncation import wordlist
from lintnews.rules.truncation.endings import _MIN_ZIPF


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


@pytest.mark.parametrize("lang", ["en", "de", "pl"])
def test_rarer_than_equals_wordfreq(lang: str) -> None:
    # words of every bucket around the cut-off and far from it, words wordfreq splits or
    # changes (apostrophes, digits, upper case), and words it does not know
    buckets = wordfreq.get_frequency_list(lang)
    words = [w for bucket in buckets[::7] for w in itertools.islice(bucket, 3)]
    words += [w for bucket in buckets[690:712] for w in itertools.islice(bucket, 20)]
    words += ["governmen", "contac", "depar", "l'état", "o’clock", "b2b", "Haus", "x1", "straße", "qqqzx"]
    assert len(words) > 500
    rare = [w for w in words if wordlist.rarer_than(w, lang, _MIN_ZIPF)]
    assert rare == [w for w in words if wordfreq.zipf_frequency(w, lang) < _MIN_ZIPF]
    assert 0 < len(rare) < len(words)


def test_common_words_never_builds_the_whole_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    wordlist.common_words.cache_clear()

    def whole(*args: object, **kwargs: object) -> dict[str, float]:
        raise AssertionError("built wordfreq's whole frequency dictionary")

    monkeypatch.setattr(wordfreq, "get_frequency_dict", whole)
    assert wordlist.rarer_than("governmen", "en", _MIN_ZIPF)
    assert not wordlist.rarer_than("government", "en", _MIN_ZIPF)
    words = wordlist.common_words("en", _MIN_ZIPF)
    assert "government" in words and "governmen" not in words
    assert 50_000 < len(words) < 200_000  # (the whole English list has ~320,000 words)
    wordlist.common_words.cache_clear()


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
