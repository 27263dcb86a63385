"""The comment-thread search's screen (rules/chrome/thread_screen.py): it spares the full header
pattern on lines that cannot be headers, and finds exactly what testing every line finds; and
the header test's per-text memo (`thread_headers._header_shape`) answers as the pattern does."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from lintnews.rules.chrome import regions, thread_headers, thread_headless
from lintnews.rules.chrome.thread_headers import MAX_HEADER
from lintnews.rules.chrome.thread_screen import Screen
from lintnews.rules.chrome.thread_words import header_patterns_for
from thread_texts import BODY1, BODY2, P1, P2, text

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.registry import all_rules

BODY = BODY1
#: The header's patterns of the built-in words (B011's file), and the screen's words.
PATTERNS = header_patterns_for(Settings())
WORDS = PATTERNS.screen_words


def every_line_headers(doc: Document, first: int) -> list[int]:
    """What the search found before the screen: every line from ``first`` on tested."""
    lines = doc.lines
    return [
        i
        for i in range(first, len(lines))
        if thread_headers.is_header(lines, i, PATTERNS) and not thread_headers.cites_a_source(lines, i)
    ]


class Unscreened(Screen):
    """The screen's answer when the text cannot be screened: every line is a candidate."""

    def lines(self) -> list[int] | None:
        return None


def search(doc: Document, screen: Screen) -> tuple[list[int], list[thread_headless.Thread]]:
    """The headers found through ``screen``, and the thread found from a counting heading when
    there are none."""
    headers = regions._headers(doc, screen, PATTERNS)
    return headers, [] if headers else thread_headless.headed_thread(doc, screen, PATTERNS)


CASES = {
    # stamped headers, upper case, a time with "h" and with "."
    "stamps": text(P1, P2, "CHRIS ODELL — JULY 10TH, 2012, 10H03", BODY, "Caleb — 11.07.2012 08.22 pm", BODY),
    # "NAME says:" and a slashdot score, the words in mixed case
    "says": text(P1, P2, "Tom SAYS:", BODY, "Re: the plan (SCORE:2)", BODY, "Ann Says:", BODY),
    # a long s ("ſ") that re.IGNORECASE matches with "s" and str.lower keeps: not screened
    "long-s": text(P1, P2, "Tom ſays:", BODY, "Ann ſays:", BODY),
    # a dotless and a dotted capital i: not screened either
    "dotted-i": text(P1, P2, "Tom wrıtten by", "İlknur says:", BODY, "Ann says:", BODY),
    # nothing after the article's prose
    "no-tail": text(P1, P2),
    # a thread whose heading counts it, no header
    "counted": text(P1, P2, "3 RESPONSES TO “The budget”", BODY, BODY, BODY),
    # Cyrillic, Chinese and Japanese comments under Latin-script headers, and headers of theirs
    "scripts": text(
        P1,
        P2,
        "Иван Петров — 26.05.2016, 23:23",
        "Полностью согласен с автором, дороги в городе ужасные.",
        "王小明 2012-07-10 10:03",
        "这个计划很好，但是预算不够。",
        "田中 says:",
        "この記事はとても面白かったです。",
        "Caleb — July 10th, 2012, 8:22 am",
        BODY2,
    ),
    # a header's words inside a paragraph longer than any header, and a heading padded with blanks
    "long-lines": text(
        P1,
        P2,
        "Tom says: " + P1 + " Posted July 10th, 2012, 10:03 am",
        "3 Comments",
        BODY,
        " " * 170 + "3 Comments" + " " * 10,
        BODY,
        BODY,
    ),
}


@pytest.mark.parametrize("body", list(CASES.values()), ids=list(CASES))
def test_screen_finds_what_every_line_finds(body: str) -> None:
    doc = Document("a.txt", body)
    first = 2  # after the two paragraphs of prose
    screened = search(doc, Screen(doc, first, MAX_HEADER, WORDS))
    assert screened[0] == every_line_headers(doc, first)
    assert screened == search(doc, Unscreened(doc, first, MAX_HEADER, WORDS))


def test_screen_reads_the_short_lines_only() -> None:
    doc = Document("a.txt", CASES["long-lines"])
    # the paragraph holding "says" and a time is no candidate; the padded heading is (it is
    # the thread's heading: the counter above it is the post's own)
    assert Screen(doc, 2, MAX_HEADER, WORDS).lines() == [3, 5]
    assert [t.start for t in regions.comment_threads(doc, Settings())] == [5]


def test_screen_finds_the_headers_of_other_scripts() -> None:
    doc = Document("a.txt", CASES["scripts"])
    assert regions._headers(doc, Screen(doc, 2, MAX_HEADER, WORDS), PATTERNS) == [2, 4, 6, 8]


def test_unscreenable_text_is_searched_line_by_line() -> None:
    doc = Document("a.txt", CASES["long-s"])
    assert Screen(doc, 2, MAX_HEADER, WORDS).lines() is None
    assert regions._headers(doc, Screen(doc, 2, MAX_HEADER, WORDS), PATTERNS) == [2, 4]


def test_screen_candidates_are_the_lines_with_a_hint() -> None:
    doc = Document("a.txt", CASES["stamps"] + "Nothing to see here at all\n")
    assert Screen(doc, 2, MAX_HEADER, WORDS).lines() == [2, 4]
    doc = Document("a.txt", CASES["counted"])
    assert Screen(doc, 2, MAX_HEADER, WORDS).lines() == [2]
    # a heading's words and a header's, in one pass
    doc = Document("a.txt", text(P1, P2, "3 Responses", "Tom says:", "Nothing here", "Kommentare (2)"))
    assert Screen(doc, 2, MAX_HEADER, WORDS).lines() == [2, 3, 5]


def test_b012_reports_headers_the_screen_lets_through() -> None:
    rule = all_rules()["B012"]
    found = [v.line + 1 for v in rule.check(Document("a.txt", CASES["says"]), Settings())]
    assert found == [3, 5, 7]
    found = [v.line + 1 for v in rule.check(Document("a.txt", CASES["long-s"]), Settings())]
    assert found == [3, 5]


#: Pieces of generated lines: header-shaped and not, in several scripts, with the screen's
#: words and times in and out of place.
PIECES = [
    "Chris Odell —",
    "July 10th, 2012, 10:03 am",
    "11.07.2012 08.22 pm",
    "10H03",
    "says:",
    "SAYS",
    "Posted by:",
    "written by",
    "|",
    "(Score:2)",
    "Comments",
    "3 Responses to",
    "Kommentare (3)",
    "Иван —",
    "26 мая 2016, 23:23",
    "王小明",
    "2012-07-10 10:03",
    "コメント",
    "edit",
    "credit",
    "dice",
    "on",
    "at",
    "12:00 A. M.",
    "###",
    "[Tom](http://example.com)",
    "\\-",
    "ſ",
    "ı",
    BODY1,
    "https://example.com/story",
]


def generated(rng: random.Random) -> str:
    lines = [P1, P2]
    for _ in range(rng.randrange(2, 30)):
        k = rng.randrange(0, 6)
        line = " ".join(rng.choice(PIECES) for _ in range(k))
        if rng.random() < 0.05:
            line = " " * rng.randrange(100, 200) + line
        lines.append(line)
    return text(*lines)


@pytest.mark.parametrize("seed", range(40))
def test_screen_equals_every_line_on_generated_text(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(25):
        body = generated(rng)
        doc = Document("a.txt", body)
        screened = search(doc, Screen(doc, 2, MAX_HEADER, WORDS))
        assert screened[0] == every_line_headers(doc, 2), body
        assert screened == search(doc, Unscreened(doc, 2, MAX_HEADER, WORDS)), body


def test_header_memo_answers_as_the_pattern() -> None:
    """`_header_shape` keeps answers per line text; the context it does not keep (the line
    above a bare stamp) is read on every call."""
    stamp = "on October 27, 2012 at 5:23 am"
    under_title = ["### The council's budget", stamp]
    under_header = ["### **Robert K.** says:", stamp]
    assert thread_headers.is_header(under_title, 1, PATTERNS) is False
    assert thread_headers.is_header(under_header, 1, PATTERNS) is True
    assert thread_headers.is_header(under_title, 1, PATTERNS) is False
    rng = random.Random(7)
    for _ in range(2000):
        line = " ".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 5)))
        assert thread_headers._header_shape(line, PATTERNS) == thread_headers._header_shape.__wrapped__(
            line, PATTERNS
        )


def _mixed(rng: random.Random, pieces: list[str], count: int, most: int) -> Iterator[str]:
    """``count`` texts of one to ``most`` of ``pieces`` joined by spaces, about a third of their
    letters upper-cased."""
    for _ in range(count):
        line = " ".join(rng.choice(pieces) for _ in range(rng.randrange(1, most + 1)))
        yield "".join(c.upper() if rng.random() < 0.3 else c for c in line)


def _header_answers(rng: random.Random, pieces: list[str]) -> Iterator[tuple[str, bool]]:
    """400 texts of `_mixed` lines as the thread rules read them (`thread_headers._plain`), each
    with whether the header pattern matches it, `_is_header_text` asserted to answer alike."""
    for line in _mixed(rng, pieces, 400, 5):
        text = thread_headers._plain(line)
        expected = PATTERNS.compiled()[0].match(text) is not None
        assert thread_headers._is_header_text(text, PATTERNS) == expected, text
        yield text, expected


@pytest.mark.parametrize("seed", range(10))
def test_every_header_holds_a_time_a_written_by_or_a_final_colon(seed: int) -> None:
    """`_header_shape` tries the header pattern only on a text holding `_STAMP_HINT` or ending
    with a colon: every text the pattern matches does (generated lines, in any case)."""
    rng = random.Random(seed)
    pieces = [
        *PIECES,
        "written by",
        "Comment by",
        "18.07, 2011",
        "@ 16:41",
        "12h29",
        "1. Barbara",
        "Le 9 décembre 2019",
    ]
    headers = 0
    for line in _mixed(rng, pieces, 400, 5):
        text = thread_headers._plain(line)
        if PATTERNS.compiled()[0].match(text) is not None:
            headers += 1
            assert text.endswith(":") or thread_headers._STAMP_HINT.search(text), text
    assert headers > 20  # (the generated lines hold headers)


@pytest.mark.parametrize("seed", range(10))
def test_the_header_test_answers_as_the_pattern_on_texts_without_a_time(seed: int) -> None:
    """`_is_header_text` turns down a text holding no time, no "written by" and no final colon
    before the pattern is tried: the answer is the pattern's on every generated text, in any
    case and script, and on dates, prices and numbers without a time."""
    rng = random.Random(seed)
    pieces = [
        *PIECES,
        "DONNERSTAG, 17.01.2019",
        "1.200 Menschen",
        "59.99 USD",
        "Movable Type 5.12",
        "submitted BY",
        "Comment by",
        "von",
        "Le 9 décembre 2019",
        "14H30",
    ]
    headers = turned_down = 0
    for plain, expected in _header_answers(rng, pieces):
        headers += expected
        turned_down += not (
            plain.rstrip().endswith(":")
            or thread_headers._TIME_ANYWHERE.search(plain)
            or thread_headers._WRITTEN_BY.search(plain)
        )
    assert headers > 20 and turned_down > 20  # (the generated texts hold both)


def test_the_header_pattern_is_its_forms_as_one_alternation() -> None:
    """`_is_header_text` tries the pattern form by form (`HeaderPatterns.forms`): the forms,
    each anchored at both ends, joined are the pattern, and the stamp tried first is the one
    the forms hold."""
    stamp, *forms = PATTERNS.form_sources
    assert "\n      | ".join(forms) == PATTERNS.source
    assert len(forms) == 5 and all(f.startswith("^") and f.endswith("$") for f in forms)
    assert [stamp in f for f in forms] == [True, False, True, True, True]


@pytest.mark.parametrize("seed", range(10))
def test_the_header_test_answers_as_the_pattern_on_texts_with_a_time_but_no_stamp(seed: int) -> None:
    """A text holding a time but no stamp (no date beside the time: "Caleb — 10:03 am", "Score
    4:2", "um 18.30 Uhr") is turned down by the stamp's search before the costliest form is
    tried; a name over a stamp, a "NAME says:" and a stamp alone still match: the answer is
    the pattern's on every generated text, in any case and script."""
    rng = random.Random(seed)
    pieces = [
        "Caleb —",
        "Jan Dark",
        "10:03 am",
        "um 18.30 Uhr",
        "Score 4:2",
        "July 10th, 2012,",
        "18.07.2011",
        "Le 9 décembre 2019 à",
        "says:",
        "sagt:",
        "wrote on",
        "written by",
        "Reply",
        "#",
        ":",
        "Μαρία",
    ]
    headers = stampless = 0
    for plain, expected in _header_answers(rng, pieces):
        headers += expected
        folded = PATTERNS.forms()[0][0]
        stampless += bool(thread_headers._TIME_ANYWHERE.search(plain)) and folded.search(plain) is None
    assert headers > 20 and stampless > 20  # (the generated texts hold both)


@pytest.mark.parametrize("seed", range(5))
def test_the_date_hint_and_the_stamp_hint_answer_as_their_patterns(seed: int) -> None:
    """`HeaderPatterns.dated` (numbers first, then weekdays, an ASCII text lower-cased) answers as
    ``date_hint.search``, and `_header_shape`'s branches as `_STAMP_HINT`, on generated texts in
    any case and script."""
    rng = random.Random(seed)
    pieces = [
        "Donnerstag,",
        "THURSDAY",
        "mardi",
        "Sábado",
        "понедельник",
        "Mondays",
        "sunday's",
        "2012",
        "18.07",
        "4/5",
        "10-3",
        "12h29",
        "10:03",
        "written by",
        "Comment  by",
        "Jan Dark",
        "Μαρία",
    ]
    dated = 0
    for mixed in _mixed(rng, pieces, 300, 4):
        expected = PATTERNS.date_hint.search(mixed) is not None
        assert PATTERNS.dated(mixed) == expected, mixed
        dated += expected
        assert (
            thread_headers._TIME_HINT.search(mixed) is not None
            or thread_headers._WRITTEN_BY.search(mixed) is not None
        ) == (thread_headers._STAMP_HINT.search(mixed) is not None), mixed
    assert 20 < dated < 280  # (the generated texts hold both)


def test_a_dated_line_without_a_time_is_not_matched(monkeypatch: pytest.MonkeyPatch) -> None:
    """A short line with a header's word and a date but no time, no "written by" and no final
    colon (a listing's title) is turned down before the header pattern is tried."""
    tried: list[str] = []
    real = thread_headers._is_header_text
    monkeypatch.setattr(
        thread_headers, "_is_header_text", lambda text, p: tried.append(text) or real(text, p)
    )
    thread_headers._header_shape.cache_clear()
    assert (
        thread_headers._header_shape("### Horóscopo: qué dice Walter Mercado, 27 de abril de 2022", PATTERNS)
        is None
    )
    assert thread_headers._header_shape("Comment by Jan Dark — 18.07.2011", PATTERNS) is False
    assert tried == ["Comment by Jan Dark — 18.07.2011"]
    thread_headers._header_shape.cache_clear()


def test_the_header_pattern_is_written_in_lower_case() -> None:
    """`_is_header_text` matches ASCII text lower-cased with the pattern made case-sensitive (and
    `_hinted` with the hint): that holds only while their letters are lower case (escapes such as
    ``\\W`` aside)."""
    for pattern in (PATTERNS.source, PATTERNS.hint_source):
        source = re.sub(r"\\[A-Za-z]", "", pattern)
        assert source == source.lower()


@pytest.mark.parametrize("seed", range(20))
def test_the_case_sensitive_header_pattern_answers_as_the_pattern(seed: int) -> None:
    rng = random.Random(seed)
    ascii_pieces = [p for p in PIECES if p.isascii() and len(p) < 60]
    headers = 0
    for _ in range(200):
        line = " ".join(rng.choice(ascii_pieces) for _ in range(rng.randrange(1, 6)))
        line = "".join(c.upper() if rng.random() < 0.3 else c for c in line)
        text = thread_headers._plain(line)
        expected = PATTERNS.compiled()[0].match(text) is not None
        assert thread_headers._is_header_text(text, PATTERNS) == expected, text
        assert thread_headers._hinted(line, PATTERNS) == (PATTERNS.hint.search(line) is not None), line
        headers += expected
    assert headers > 0  # (the generated lines hold headers)


def test_the_header_pattern_is_compiled_when_first_needed_not_on_a_cached_re_run(tmp_path: Path) -> None:
    """The header pattern's forms and their twins cost ~50 ms to compile: B011 and B012 compile them on
    their first document (or in ``warm``, before the workers fork), and a re-run answered from
    the cache, which runs no rule, never does."""
    from test_cli import invoke

    (tmp_path / "a.txt").write_text(
        text(
            P1,
            "",
            P2,
            "",
            "2 Comments",
            "",
            "Chris Odell — July 10th, 2012, 10:03 am",
            BODY1,
            "",
            "Caleb — July 10th, 2012, 8:22 am",
            BODY2,
        )
    )
    args = [
        "check",
        "--isolated",
        "--select",
        "B011,B012",
        "--cache-dir",
        str(tmp_path / "cc"),
        str(tmp_path / "a.txt"),
    ]
    PATTERNS._forms = None
    thread_headers._header_shape.cache_clear()  # (earlier tests' lines are remembered)
    first = invoke(args)
    assert PATTERNS._forms is not None
    assert [line.split(": ")[1].split()[0] for line in first[1].splitlines() if ": B01" in line] == [
        "B011",
        "B012",
        "B012",
    ]
    PATTERNS._forms = None
    assert invoke(args) == first
    assert PATTERNS._forms is None
    all_rules()["B012"].warm(Settings())
    assert PATTERNS._forms is not None


@pytest.mark.parametrize("seed", range(5))
def test_the_time_search_finds_a_time_where_the_time_pattern_does(seed: int) -> None:
    """`thread_headers._TIME_ANYWHERE` (its digit first, the lookbehind read after it) finds a
    time in exactly the texts `thread_words._TIME` finds one in: digits after a digit or a dot
    ("112:30", "2012.10:30"), a time at the text's start, one followed by more digits or a decimal
    ("10:301", "10:30.5"), in any case ("14H30"), and texts in other scripts."""
    from lintnews.rules.chrome.thread_words import _TIME

    reference = re.compile(_TIME, re.IGNORECASE)
    rng = random.Random(seed)
    pieces = ["0", "1", "2", "9", "12", ".", ":", "h", "H", " ", "am", "p.m.", "-", "a", "Zeit", "١", "v"]
    found = 0
    for _ in range(4000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = reference.search(t) is not None
        assert (thread_headers._TIME_ANYWHERE.search(t) is not None) == expected, t
        found += expected
    assert found > 50
    for t, expected in [
        ("10:03 am", True),
        ("v1.10:30", True),  # ("1.10", then ":30")
        ("1.2 10:30", True),
        ("112:30", False),
        ("2012.10:30", False),
        ("10:301", False),
        ("10:30.5", False),
        ("12:34:567", True),
        ("14H30", True),
        ("um 18.30 Uhr", True),
    ]:
        assert (thread_headers._TIME_ANYWHERE.search(t) is not None) is expected, t
