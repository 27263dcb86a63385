"""The fast paths of the hot code give the same answers as the plain definitions they replace.

Each test compares an optimised function with a straightforward reference implementation (the
code it replaced) on generated input, or checks the invariant a shortcut relies on.
"""

from __future__ import annotations

import array
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lintnews.rules.formatting import case, spacing

from lintnews import corpus as corpus_mod
from lintnews import packs
from lintnews.cli import main
from lintnews.config import Settings
from lintnews.corpus import lsh, signature, storage, templates
from lintnews.document import Document
from lintnews.language import PROFILES, _profile, detect, stopword_profile
from lintnews.textnorm import folded_text, normalize, normalized_lines, normalized_span

SOME = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))

#: Characters around which the shortcuts could go wrong: quotes, edge punctuation, Markdown
#: emphasis, odd whitespace, characters that NFKC or case folding expand, mojibake material.
TRICKY = (
    " \t\u00a0\u2009\u3000\u2028*_#>-–—•·»«:;.,!?…~=+\"'()[]{}/\\▶►▸→›‹<’‘“”„‚"
    "abcXYZ019ßİﬁ²½ÀÃÂâ€ŒœÐ\x85\x9d¤¦¨"
)
TRICKY_TEXT = st.text(st.sampled_from(TRICKY), max_size=24)


# --- lintnews.packs.line_key -------------------------------------------------------------------

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "\u00a0": " "})
_TRIM = re.compile(f"^[{packs._EDGE}]+|[{packs._EDGE}]+$")


def reference_line_key(line: str) -> str:
    # (case folded, and an "i" with a combining dot above, a folded "İ", a plain "i": `textnorm.undotted`)
    key = unicodedata.normalize("NFKC", line).translate(_QUOTES).casefold().replace("i\u0307", "i")
    if "*" in key or "_" in key:
        key = packs._EMPHASIS.sub("", key)
    key = re.sub(r"\s+", " ", key)
    return _TRIM.sub("", key)


@SOME
@given(TRICKY_TEXT)
def test_line_key_is_the_regex_definition(line: str) -> None:
    assert packs.line_key(line) == reference_line_key(line)


@SOME
@given(st.lists(TRICKY_TEXT, max_size=6).map("\n".join))
def test_line_keys_of_a_document_are_line_key_per_line(text: str) -> None:
    doc = Document("a.txt", text)
    assert packs.line_keys(doc) == [packs.line_key(line) for line in doc.lines]


def test_line_keys_of_bullets_and_emphasis_are_line_key_per_line() -> None:
    """`line_keys_of` leaves the emphasis pattern out on Markdown bullet lines (``* item``):
    the same keys as `line_key` whatever follows or precedes the star."""
    lines = [
        f"{lead}*{after}{rest}"
        for lead in ("", " ", "  ", "\t", "\u3000", "x", ".", "_")
        for after in (" ", "  ", "*", "_", "a", "¿", ".", ")", "\u00a0", "")
        for rest in ("", "item", "*bold*", "a_b", " * x", "tail*", "end.", "__x__")
    ]
    doc = Document("a.txt", "\n".join(lines))
    assert packs.line_keys(doc) == [packs.line_key(line) for line in lines]
    assert sum(key != line.strip(" *") for key, line in zip(packs.line_keys(doc), lines)) > 100


def test_line_key_edge_characters_are_the_edge_class() -> None:
    edge = re.compile(f"[{packs._EDGE}]")
    matched = {chr(c) for c in range(0x10000) if edge.match(chr(c)) and not chr(c).isspace()}
    assert matched | {" "} == set(packs._EDGE_CHARS)


# --- lintnews.textnorm -------------------------------------------------------------------------


def reference_normalize(text: str) -> str:
    quotes = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‚": "'"})
    text = unicodedata.normalize("NFKC", text).translate(quotes).casefold().replace("i\u0307", "i")
    return re.sub(r"[\W_]+", " ", text).strip()


#: Characters NFKC changes or composes: a no-break space, an ellipsis, a ligature, full-width
#: letters, a decomposed e-acute, Hangul jamo that compose into a syllable, a combining mark
#: after a line break.
NFKC_TEXT = st.text(
    st.sampled_from(
        "a e\u0301\u00a0…ﬁＡｂ\u1100\u1161\u11a8\u0308\nİß 中文，：（）\u3000。！？％１\uff5e\uff5f"
    ),
    max_size=40,
)


@SOME
@given(NFKC_TEXT)
def test_folded_text_is_nfkc_and_casefold_of_the_whole_text(text: str) -> None:
    expected = unicodedata.normalize("NFKC", text).casefold().replace("i\u0307", "i")  # (`textnorm.undotted`)
    assert folded_text(Document("a.txt", text)) == expected


def test_common_compatibility_characters_map_to_their_decomposition() -> None:
    """Each character `textnorm` replaces before NFKC is replaced by its full compatibility
    decomposition, and `fold`'s search finds exactly the characters of the map in a text of
    every code point."""
    from lintnews import native, textnorm

    assert len(textnorm._DECOMPOSED) == 94 + 3
    for ch, decomposed in textnorm._DECOMPOSED.items():
        assert decomposed == unicodedata.normalize("NFKD", ch) != ch
        assert unicodedata.normalize("NFKD", decomposed) == decomposed
    every_char = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert set(native.chars_in(every_char, textnorm._COMPAT_CHARS)) == set(textnorm._DECOMPOSED)


def test_folded_text_of_chinese_with_full_width_punctuation() -> None:
    text = "他说：“这是（一个）好消息！”\u3000记者…王明，１００％\ncafe\u0301\u00a0ok"
    assert folded_text(Document("a.txt", text)) == unicodedata.normalize("NFKC", text).casefold().replace(
        "i\u0307", "i"
    )


@SOME
@given(st.lists(TRICKY_TEXT, max_size=6).map("\n".join))
def test_normalized_lines_are_normalize_per_line(text: str) -> None:
    doc = Document("a.txt", text)
    assert normalized_lines(doc) == [reference_normalize(line) for line in doc.lines]
    assert [normalize(line) for line in doc.lines] == normalized_lines(doc)
    for start in range(len(doc.lines)):
        for end in range(start, len(doc.lines)):
            assert normalized_span(doc, start, end) == reference_normalize(
                "\n".join(doc.lines[start : end + 1])
            )


# --- lintnews.language -------------------------------------------------------------------------


ALL_STOPWORDS = sorted(set().union(*PROFILES.values()))


@SOME
@given(st.lists(st.sampled_from([*ALL_STOPWORDS, "2024", "x", "¹", "zeitung"]), max_size=60))
def test_stopword_profile_counts_each_language_s_stop_words(words: list[str]) -> None:
    counts = Counter(words)
    scores, total, _ = _profile(" ".join(words))
    assert scores == {lang: sum(counts[w] for w in stop) for lang, stop in PROFILES.items()}
    assert list(scores) == list(PROFILES)  # ties go to the first language, as before
    assert total == len([w for w in words if not w.isdigit()])


def test_detect_document_shares_its_stopword_profile_with_the_secondary_languages() -> None:
    text = "Die Regierung hat am Montag einen Plan vorgelegt, der auch von der Opposition begrüßt wird. " * 3
    doc = Document("a.txt", text)
    assert doc.language == detect(text) == "de"
    assert "stopword_profile" in vars(doc)  # computed for the language, kept for the packs
    scores, total, _ = doc.stopword_profile
    counts = Counter(normalize(text).split())
    assert total == 45
    assert scores == {lang: sum(counts[w] for w in stop) for lang, stop in PROFILES.items()}
    assert scores["de"] == 3 * 7  # die, hat, der, auch, von, der, wird


def test_the_stopword_profile_ignores_numbers_and_reads_only_the_sample() -> None:
    text = "Der Plan und die Frage. 2024 1 2 3\n" + "x " * 40_000 + "\nthe of and to in"
    scores, total, _ = stopword_profile(Document("a.txt", text))
    assert scores["de"] == 3 and scores["en"] == 0  # der, und, die; the English line is past the sample
    assert total == 5 + 40_000  # whole lines, up to the one that reaches past the sample


# --- rules/formatting/ ----------------------------------------------------------------------------

OLD_PATTERNS = {
    "_GLUED_STOP": r"(?<=[^\W\d_]{2})[.!?](?=[^\W\d_]{3})",
    "_GLUED_COMMA": r"(?<=[^\W\d_]{2})[,;](?=[^\W\d_]{2})",
    "_UPPER_START": r"(?<=[^\W\d_])\.[\s\u00a0]+(?=[A-ZÀ-ÖØ-ÞŒ])",
    "_AFTER_STOP": r"(?<=[^\W\d_])\.[\s\u00a0]+(?=[^\W\d_])",
}


@SOME
@given(st.text(st.sampled_from("aB é.,;!? \u00a0\t1_Œ"), max_size=30))
def test_punctuation_patterns_match_like_a_leading_lookbehind(text: str) -> None:
    for name, old in OLD_PATTERNS.items():
        new = getattr(spacing, name, None) or getattr(case, name)
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in re.finditer(old, text)], name


# --- the phrase screen -------------------------------------------------------------------------

SCREEN_KEYS = [
    "read more about the budget talks",
    "follow us on twitter for updates",
    "share on facebook",
    "facebook twitter whatsapp e-mail",
    "lorem ipsum dolor sit amet consectetur",
    "3 comments",
    "sign up for our newsletter to get the news you need",
    "this site uses akismet to reduce spam. learn how your comment data is processed",
    "the council approved the budget on monday after a long debate",
    "[insert quote from the minister here]",
    "mehr zum thema wirtschaft",
    "weiterlesen mit plus",
    "partager sur facebook",
    "compartir en twitter",
]


def test_screen_lets_through_every_line_an_entry_matches() -> None:
    pack_set = packs.load_packs(Settings())
    keys = list(SCREEN_KEYS)
    for rules in pack_set.by_language.values():
        keys += [packs.line_key(line) for entries in rules.values() for e in entries for line in e.lines]
    keys = sorted({k for k in keys if k})
    everywhere = pack_set.screen(packs.ALL_LANGUAGES).select(keys)
    for lang in pack_set.languages():
        selected = set(pack_set.screen(lang).select(keys)) | set(everywhere)
        rules = set(pack_set.by_language[lang]) | set(pack_set.by_language.get(packs.ALL_LANGUAGES, {}))
        for j, key in enumerate(keys):
            if any(pack_set.matcher(rule, lang).match(key) for rule in rules):
                assert j in selected, (lang, key)


def test_a_screen_of_several_languages_selects_what_their_screens_select_together() -> None:
    pack_set = packs.load_packs(Settings())
    keys = list(SCREEN_KEYS)
    for rules in pack_set.by_language.values():
        keys += [packs.line_key(line) for entries in rules.values() for e in entries for line in e.lines]
    keys += [k[:-1] for k in keys] + [f"{k} x" for k in keys]  # near misses
    found = sorted({k for k in keys if k})
    for langs in (
        ("en", packs.ALL_LANGUAGES),
        ("de", "en", packs.ALL_LANGUAGES),
        ("fr", "es", "en", packs.ALL_LANGUAGES),
    ):
        together = sorted(set().union(*(pack_set.screen(lang).select(found) for lang in langs)))
        assert pack_set.screen_of(langs).select(found) == together
        assert len(together) > 100


def test_screen_falls_back_to_every_line_for_group_references() -> None:
    entry = packs.Entry("seo-filler", "", None, [], [r"(\w+) \1"], "test")
    screen = packs.Screen.build([entry])
    assert screen.everything and screen.admits("again again") and screen.admits("anything")


def test_screen_uses_first_characters_and_required_strings() -> None:
    entries = [
        packs.Entry(
            "seo-filler", "", None, ["Read more"], ["more from (?:\\S+ ?){1,4}", ".*\\bcookies?\\b.*"], "t"
        ),
    ]
    screen = packs.Screen.build(entries)
    assert set(screen.by_first) == {"m"} and screen.rest_needs == ("cookie",)
    keys = ["read more", "more from the desk", "we use cookies here", "nothing to see", "cook"]
    assert screen.select(keys) == [0, 1, 2]


# --- the corpus index --------------------------------------------------------------------------


def reference_candidates(keys: np.ndarray, docs: list[int]) -> list[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    for band in range(keys.shape[1]):
        col = keys[:, band]
        order = np.argsort(col, kind="stable")
        for value in np.unique(col):
            members = [docs[i] for i in order if col[i] == value]
            for a in range(1, len(members)):
                for b in range(max(0, a - lsh.MAX_PEERS), a):
                    pairs.add((members[b], members[a]))
    return sorted(pairs)


@pytest.mark.parametrize("slack", [lsh.MERGE_SLACK, 0])
@pytest.mark.parametrize("seed", range(5))
def test_candidate_pairs_are_the_bucket_pairs(seed: int, slack: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # (slack 0: the bands' pairs are merged into those found as soon as they outnumber them 4 to
    # 1, several times a run, rather than only after the last band)
    monkeypatch.setattr(lsh, "MERGE_SLACK", slack)
    rng = np.random.default_rng(seed)
    bands, _ = corpus_mod.lsh_bands(0.5, 128)
    n = 120
    keys = rng.integers(0, 4, size=(n, bands)).astype(np.uint64)  # few values: big buckets
    docs = sorted(rng.choice(n + 7, size=n, replace=False).tolist())
    band_file = storage.RowFile(bands)
    for row in keys:
        band_file.append(row)
    earlier, later = lsh.candidates(
        band_file, np.array(docs, np.int64), n + 7, lambda name, total: lambda done: None
    )
    band_file.close()
    assert list(zip(earlier.tolist(), later.tolist())) == reference_candidates(keys, docs)


def reference_block_words(lines: np.ndarray, docs: np.ndarray, rows_of_doc: dict[int, np.ndarray]) -> int:
    rows = np.concatenate([rows_of_doc[int(d)] for d in docs])
    hashes = lines["hash"][rows]
    owners = np.repeat(docs, [len(rows_of_doc[int(d)]) for d in docs]).astype(np.uint64)
    pair = np.unique(np.stack([hashes, owners]), axis=1)
    uh, counts = np.unique(pair[0], return_counts=True)
    block = set(uh[counts >= 0.8 * len(docs)].tolist())
    words: dict[int, int] = {}
    for r, h in zip(rows.tolist(), hashes.tolist()):
        if h in block:
            words[h] = int(lines["words"][r])
    return sum(words.values())


@pytest.mark.parametrize("seed", range(10))
def test_block_words_is_the_reference(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n_rows = 300
    lines = np.zeros(n_rows, signature.LINE_DTYPE)
    lines["hash"] = rng.integers(0, 12, n_rows).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    lines["words"] = rng.integers(1, 40, n_rows)
    owners = np.sort(rng.integers(0, 30, n_rows)).astype(np.uint32)
    owner, count = np.unique(owners, return_counts=True)
    index = storage.RowIndex(array.array("I", owner.tolist()), array.array("I", count.tolist()))
    rows_of_doc = {d: index[d] for d in owner.tolist()}
    docs = np.array(sorted(rows_of_doc)[: rng.integers(1, len(rows_of_doc))], np.uint32)
    assert templates.block_words(lines, docs, index) == reference_block_words(lines, docs, rows_of_doc)


def test_signer_band_keys_and_distinct_counts() -> None:
    signer = corpus_mod.CorpusSigner(Settings())
    words = (
        "the port authority said wage talks with dock workers collapsed late on tuesday night again".split()
    )
    texts = [" ".join(words[i:] + words[:i]) + "\n" + " ".join(words) for i in range(5)]
    sigs = signer.sign_batch([(Document("a.txt", t), []) for t in texts])
    bands, rows = corpus_mod.lsh_bands(0.5, 128)
    for sig in sigs:
        assert sig.distinct == len(np.unique(sig.shingles))
        assert sig.lsh == (bands, rows)
        values = sig.minhash[: bands * rows].astype(np.uint64).reshape(bands, rows)
        key = np.arange(bands, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        for r in range(rows):
            key = (key ^ values[:, r]) * np.uint64(0x100000001B3)
            key ^= key >> np.uint64(29)
        assert np.array_equal(sig.band_keys, key)


# --- the cached corpus phase -------------------------------------------------------------------

STORY = [
    "The regional council approved a new budget for public transport on Thursday evening after a debate.",
    "Fares on buses and trams will stay the same next year, while night services are to be extended.",
    "Opposition members said the plan relied on optimistic forecasts of ticket sales and federal grants.",
    "The transport authority expects ridership to return to its level before the pandemic by next spring.",
    "A first review of the new timetable is planned for the autumn, the council's finance chair said.",
]
THIRD = [
    "The city library will open on Sundays from March, after a trial run drew more visitors than expected.",
    "Volunteers from two local associations are to help staff the reading rooms during the extra hours.",
    "The library director said families and students had asked for weekend opening for several years.",
    "The extra hours will cost about forty thousand euros a year, to be paid from the culture budget.",
    "A decision on evening opening during the week is expected after the summer holidays, she added.",
]
OTHER = [
    "Heavy rain flooded several streets in the old town overnight, and firefighters pumped out cellars.",
    "The river rose by almost two metres within a few hours before the water began to fall again.",
    "Shop owners along the embankment said they had moved their stock upstairs as soon as the warning came.",
    "The weather service expects more showers on Sunday, but no further storms before the middle of next week.",
    "The city plans to test a new mobile flood barrier along the quay later this year, officials said.",
]


def _write(path: Path, docs: list[list[str]]) -> None:
    path.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": "\n".join(d)}) + "\n" for i, d in enumerate(docs))
    )


def _codes(tmp_path: Path) -> list[tuple[str, str]]:
    result = CliRunner().invoke(
        main, ["check", "--isolated", "--cache-dir", "cc", "--format", "json", "--exit-zero", "c.jsonl"]
    )
    assert result.exit_code == 0, result.output
    return [(d["record"], d["code"]) for d in json.loads(result.output) if d["code"].startswith("N")]


def test_cached_corpus_phase_follows_a_changed_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    copy = ["Update from the newsroom."] + STORY
    _write(tmp_path / "c.jsonl", [STORY, OTHER, copy])
    first = _codes(tmp_path)
    assert ("d2", "N001") in first
    assert _codes(tmp_path) == first  # answered from the cache
    _write(tmp_path / "c.jsonl", [STORY, OTHER, THIRD])  # the copy is now another article
    second = _codes(tmp_path)
    assert ("d2", "N001") not in second and ("d2", "N002") not in second


def reference_source_span(doc: Document, i: int) -> tuple[int, int, int, int]:
    text = doc.lines[i] if i < len(doc.lines) else ""
    col = len(text) - len(text.lstrip())
    start = doc.to_source(i, col)
    end = doc.to_source(i, max(len(text.rstrip()) - 1, col))
    return start.line, start.column, max(end.line, start.line), end.column + 1


@SOME
@given(st.lists(TRICKY_TEXT, min_size=1, max_size=6).map("\n".join))
def test_source_spans_of_plain_text_are_the_source_maps(text: str) -> None:
    doc = Document("a.txt", text)
    for i in range(len(doc.lines) + 1):
        assert signature._source_span(doc, i) == reference_source_span(doc, i)


def test_row_index_finds_each_document_s_rows_in_constant_time_lookups() -> None:
    import array as array_mod

    owners = array_mod.array("I", [0, 3, 4, 9])  # documents with candidate lines, in input order
    counts = array_mod.array("I", [2, 1, 3, 2])
    index = storage.RowIndex(owners, counts)
    assert index[0].tolist() == [0, 1]
    assert index[3].tolist() == [2]
    assert index[4].tolist() == [3, 4, 5]
    assert index[9].tolist() == [6, 7]
    assert index.get(1) is None and index.get(8) is None and index.get(10) is None
    with pytest.raises(KeyError):
        index[5]
    assert storage.RowIndex(array_mod.array("I"), array_mod.array("I")).get(0) is None
