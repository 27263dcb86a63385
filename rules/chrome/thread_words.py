"""The words of a comment's header, and the patterns built around them.

A header's stamp names a month or a weekday ("July 10th, 2012, 10:03 am", "Donnerstag, 1.
November"), and its verb says who wrote ("NAME says:", "NAME wrote on …:"). Those words are B011's
word lists in ``rules/packs/B011.toml`` (`months`, `weekdays`, `says-verbs`, `wrote-verbs`,
`stamp-joins`, and the words of a thread's heading, `heading-counted-nouns`, `heading-plurals`,
`reply-headings`, in every language at once: `lintnews.packs.PackSet.word_list`), which users
extend from their own packs; this module puts them in the shapes the thread search reads
(`HeaderPatterns`), made once per set of words (`header_patterns_for`). B012 reports the headers of the threads B011's search
finds, so both read B011's lists.
"""

from __future__ import annotations

import functools
import re

from lintnews import regex_cache
from lintnews.caseless import HAN, HAN_KANA_CHAR
from lintnews.native import ODD_FOLDS
from lintnews.packs import alternation, prefix_alternation
from lintnews.packs.matching import per_pack_set
from lintnews.packs.model import PackSet

#: The rule whose file holds the words (B011, comment-thread).
THREAD_RULE = "comment-thread"

_TIME = r"(?<![\d.])\d{1,2}[:.h]\d{2}(?::\d{2})?(?!\.?\d)\s*(?:[ap]\.?\s?m\.?)?"

#: What stands between a stamp's date and its time besides the words of B011's `stamp-joins`
#: ("at", "um", "alle", "в", "下午"...): a mark.
_STAMP_MARKS = r",|@|-|—|–"

#: A Chinese character (a says-verb opening with one is joined to the name: `HeaderPatterns`).
_HAN = re.compile(HAN)


def _screenable(word: str) -> bool:
    """Whether the screen's kernel can look for ``word`` (`native.py_short_lines_holding`)."""
    return word.isascii() or not any(c in ODD_FOLDS or c == "\u03c3" for c in word)


#: The numbers of `HeaderPatterns.date_hint` (a four-digit year, "d.m" / "d/m" / "d-m").
_NUMERIC_DATE = re.compile(r"\d\d\d\d|\d[./-]\d")

#: Literal words one of which every comment header holds unless it holds a time or a says-verb
#: (lower case): the literal parts of the hint (`HeaderPatterns.hint`).
_HINT_WORDS = ("written", "submitted", "comment")


def _date(month: str, weekday: str) -> str:
    """A date; a numeric one has a year of two or four digits and no more digits after it, so a
    version number ("2.9.176") is no date. A date without its year is one only after its
    weekday ("Thursday, November 1", "Donnerstag, 1. November": a blog stamping its comments
    within the year), and no number but a time follows it (slashdot's "Monday July 23,
    @08:33PM"); "November 1" alone is too often a day the text names. A Chinese or
    Japanese date may be spaced, as zh_TW's WordPress prints it ("2020 年 3 月 12 日"); year
    first, with dashes or slashes ("2012-11-05", Pixnet's "2013/12/28")."""
    return (
        rf"(?:{weekday},?\s+(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\.?\s+(?:de\s+)?{month})(?!,?\s*\d(?!\d?[:.h]\d\d))"
        rf"|(?:{weekday},?\s+)?{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        rf"|(?:{weekday},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:de\s+)?{month},?\s+(?:de\s+)?\d{{4}}"
        r"|(?<![\d.])\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\.?\d)"
        r"|(?<![\d.])\d{4}(?:-\d{2}-\d{2}|/\d{1,2}/\d{1,2})(?!\d)"
        r"|(?<!\d)\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日)"
    )


#: English's `page-stamps` (what a `HeaderPatterns` made without B011's lists reads).
_ENGLISH_STAMPS = (
    "posted",
    "update",
    "updated",
    "modified",
    "published",
    "last update",
    "last updated",
    "last modified",
    "last published",
)


def _name(stamps: str) -> str:
    """An author name as comment headers give it: at most five tokens, no sentence punctuation,
    and not a word that stamps the page itself (``stamps``, B011's `page-stamps`: "updated 5:15
    PM EST, …", "Posted on …", "Aktualisiert am 12. März 2025 um 14:35", "Actualizado 19 de
    abril de 2022 6:00 PM") nor the word before a date ("on", "am", "le"); a reply's number
    ("#1.1 - Tue Jul 24, 2012 10:35 AM") may stand first."""
    return (
        rf"(?!\W*(?:on|at|am|le|el|{stamps})\b)"
        r"(?:[^\s.!?]{1,30}|\w{1,3}\.|\d{1,3}(?:\.\d{1,3})+)(?:\s+(?:[^\s.!?]{1,30}|\w{1,3}\.)){0,4}"
    )


def _header_forms(date: str, stamp: str, says: str, wrote: str, joined: str, name: str) -> tuple[str, ...]:
    """The comment header's pattern (verbose, written in lower case), form by form: a name and a
    stamp (maybe after the comment's number, "Comment #11 - Posted by: NAME at …"), a "written by NAME" and a date, "NAME says:" (or a Chinese verb joined to the name,
    maybe ending with a full-width colon: zh_CN's "NAME说道：", `joined`), "NAME wrote on STAMP:",
    a stamp alone.
    Each form is anchored at both ends, so the whole pattern (`_header`) matches a text exactly
    when one of its forms does."""
    return (
        rf"""^\W*(?:(?:comment\s+)?\#\d{{1,4}}\s*[|—–\-:]?\s*)?
        (?:(?:posted|written|submitted|comment(?:ed)?|geschrieben|publié)\s+)?(?:(?:by|von|par|por):?\s+)?
        {name}\s*[|—–\-,:]?\s*(?:on|at|am|le|el|said\s+on|wrote\s+on)?\s*{stamp}.{{0,40}}$""",
        rf"""^\W*(?:written|submitted|comment(?:ed)?)\s+by:?\s+{name}\s*[|—–\-,]?\s*(?:on\s+)?{date}.{{0,20}}$""",
        rf"""^\W*(?:\d{{1,4}}\.\s+)?(?:{date}\s*[/|—–\-,]?\s*)?{name}(?:\s+{says}(?:\s+(?:on\s+|am\s+|le\s+|el\s+)?{stamp}.{{0,20}})?:|\s*{joined}[:：])\s*$""",
        rf"""^\W*{name}\s+{wrote}\s+(?:on\s+|am\s+|le\s+|el\s+)?{stamp}.{{0,20}}:\s*$""",
        rf"""^\W*(?:on\s+)?{stamp}\W*(?:reply|permalink|\#)?\W*$""",
    )


def _header(date: str, stamp: str, says: str, wrote: str, joined: str, name: str) -> str:
    """The comment header's pattern: its forms (`_header_forms`) as one alternation."""
    return "\n      | ".join(_header_forms(date, stamp, says, wrote, joined, name))


class HeaderPatterns:
    """The patterns of the thread search that hold B011's words: the header's (`compiled`, made
    on first use), the cheap hints in front of it, the shapes that are no header, and a bare
    date of a name-over-date pair (`thread_pairs.py`)."""

    def __init__(
        self,
        months: tuple[str, ...],
        weekdays: tuple[str, ...],
        says: tuple[str, ...],
        wrote: tuple[str, ...],
        joins: tuple[str, ...] = (),
        counted_nouns: tuple[str, ...] = (),
        plurals: tuple[str, ...] = (),
        replies: tuple[str, ...] = (),
        page_stamps: tuple[str, ...] = _ENGLISH_STAMPS,
    ):
        #: What stands between a stamp's date and its time: a word of `stamp-joins` or a mark.
        stamp_joins = f"{alternation(joins)}|{_STAMP_MARKS}"
        #: A month written out (`thread_dated` reads a thread's months with it).
        self.month = month = rf"(?<!\w){prefix_alternation(months)}(?!\w)\.?"
        weekday = rf"(?<!\w){prefix_alternation(weekdays)}(?!\w)"
        self.date = date = _date(month, weekday)
        self.time = _TIME
        #: A date and a time: a comment is stamped to the minute, an article's dateline or a
        #: cited source ("Thomas Erdbrink, New York Times, August 7, 2012") usually to the day.
        #: Two joins may stand between them (slashdot's "Monday July 23, @08:33PM").
        stamp = rf"(?:{date}\s*(?:(?:{stamp_joins})\s*){{0,2}}{_TIME}|{_TIME}\s*(?:on|,)?\s*{date})"
        #: A says-verb that opens with a Chinese character may follow the name without a space
        #: and end with a full-width colon, as WordPress's zh_CN prints it ("NAME说道："), and is
        #: no whole word in the hint (the name before it is letters too); the others stand after
        #: a space, a whole word, before an ASCII colon.
        spaced = tuple(w for w in says if not _HAN.match(w))
        joined = tuple(w for w in says if _HAN.match(w))
        name = _name(alternation(page_stamps))
        self.source = _header(date, stamp, alternation(spaced), alternation(wrote), alternation(joined), name)
        #: The stamp alone, then each form of the header's pattern (`_header_forms`), in the
        #: pattern's verbose syntax: what `forms` compiles.
        self.form_sources = (
            stamp,
            *_header_forms(date, stamp, alternation(spaced), alternation(wrote), alternation(joined), name),
        )
        #: What every header holds somewhere (a time, a says-verb, a "written by", a "(Score:"):
        #: a cheap search that spares the full pattern on nearly every line of a document; its
        #: twin is case-sensitive, for an ASCII line lower-cased (~1.6 times faster). A verb is
        #: a whole word there as in the pattern ("NAME says:"), so "edit" and "credit" hold no "dit".
        self.hint_source = rf"\d[:.h]\d\d|{'|'.join(_HINT_WORDS)}|(?<!\w){alternation(spaced)}(?!\w)|score:"
        if joined:
            self.hint_source += f"|{alternation(joined)}"
        self.hint = re.compile(self.hint_source, re.IGNORECASE)
        self.cased_hint = re.compile(self.hint_source)
        #: The screen's words (`thread_screen.Screen`): the hint's literal words in lower case, a
        #: says-verb of several words by its first ("diyor ki": the pattern's "diyor\s+ki" holds
        #: "diyor" whatever the blanks); None when the kernel cannot look for a word (a sigma, a
        #: character `re.IGNORECASE` equates otherwise: `lintnews.native.ODD_FOLDS`; no screen).
        words = tuple(dict.fromkeys((*_HINT_WORDS, *(w.split()[0] for w in says), "score:")))
        self.screen_words = words if all(_screenable(w) for w in words) else None
        #: What every date holds (a four-digit year, "d.m" / "d/m" / "d-m", or a weekday).
        self.date_hint = re.compile(rf"\d\d\d\d|\d[./-]\d|{weekday}", re.IGNORECASE)
        #: Its weekdays alone, and their twin for an ASCII text lower-cased (`dated`).
        self.weekday_hint = re.compile(weekday, re.IGNORECASE)
        self.cased_weekday_hint = re.compile(weekday)
        #: Header-shaped lines that head no reader's comment (`thread_headers._header_shape`).
        self.not_a_header = re.compile(
            rf"^(?:\W*tracked\s+on\b|#{{1,6}}\s+\W*by\b|\W*[^\W\d]+:\s*(?:on\s+)?(?:{date}|{_TIME}))",
            re.IGNORECASE,
        )
        self.bare_stamp = re.compile(rf"^\W*(?:on\s+)?{stamp}\W*$", re.IGNORECASE)
        self.quoted_stamp = re.compile(rf"""['"‘“]\s*(?:{stamp})[^'"’”\n]{{0,12}}['"’”]""", re.IGNORECASE)
        #: A date alone on its line, maybe with its time ("10.29.2012", "29. Oktober 2012, 14:03")
        #: and "Posted on" (TheBlaze's "Posted on August 9, 2012 at 11:40am" under each name).
        self.bare_date = re.compile(
            rf"^\W*(?:posted\s+)?(?:on\s+)?{date}(?:\s*(?:{stamp_joins})?\s*{_TIME})?\W*$", re.IGNORECASE
        )
        #: A thread's heading (`thread_headings.is_heading`).
        self.heading = re.compile(_heading(counted_nouns, plurals, replies), re.IGNORECASE | re.VERBOSE)
        #: The reply form's heading alone ("Leave a Reply", "Lascia un commento"): where a thread
        #: stops (`thread_end.is_stop`), in every language of `reply-headings`.
        self.reply = re.compile(rf"^\W*{alternation(replies)}\W*$", re.IGNORECASE) if replies else None
        #: The wrote-verbs ("said", "wrote": `thread_pairs.said_headers` reads "NAME said...").
        self.wrote = wrote
        self._compiled: tuple[re.Pattern[str], re.Pattern[str]] | None = None
        self._forms: tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]] | None = None

    def dated(self, text: str) -> bool:
        """``date_hint.search(text)``: its numbers first, its weekdays only on a text without
        them, matched as `thread_headers._is_header_text` matches the header (an ASCII text
        lower-cased, with the twin): the alternation of weekdays tried at every character was
        most of the search."""
        if _NUMERIC_DATE.search(text) is not None:
            return True
        if text.isascii():
            return self.cased_weekday_hint.search(text.lower()) is not None
        return self.weekday_hint.search(text) is not None

    def compiled(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The header's whole pattern (``re.IGNORECASE``) and its case-sensitive twin for ASCII
        text lower-cased, made on first use: the definition `forms` answers as (B011 and B012
        match form by form, `thread_headers._is_header_text`, and warm `forms`; the tests hold
        the forms to this). `re` compiles them in ~90 ms; `lintnews.regex_cache` keeps what it
        made for the next process (~2 ms)."""
        if self._compiled is None:
            header, cased = regex_cache.compile_all(
                "comment-headers", [(self.source, re.IGNORECASE | re.VERBOSE), (self.source, re.VERBOSE)]
            )
            self._compiled = header, cased
        return self._compiled

    def forms(self) -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
        """`form_sources` compiled (``re.VERBOSE``), with ``re.IGNORECASE`` and as the twins for
        ASCII text lower-cased, made on first use as `compiled` is: the stamp, then the five
        forms. `thread_headers._is_header_text` tries only the forms a text may match, and the
        stamp's forms only on a text holding a stamp: a name and a stamp, the costliest form,
        fails on a text without a stamp only after trying every split of its first words."""
        if self._forms is None:
            specs = [(s, re.IGNORECASE | re.VERBOSE) for s in self.form_sources]
            built = regex_cache.compile_all(
                "comment-header-forms", specs + [(s, re.VERBOSE) for s in self.form_sources]
            )
            self._forms = tuple(built[: len(specs)]), tuple(built[len(specs) :])
        return self._forms


def _heading(counted_nouns: tuple[str, ...], plurals: tuple[str, ...], replies: tuple[str, ...]) -> str:
    """The heading of a thread (verbose, ``re.IGNORECASE``): B011's `heading-counted-nouns` after
    a count ("199 Comments", "5 Responses to “…”", "{ 5 comments… read them below or add one }",
    "5 комментариев"), its `heading-plurals` alone ("Reader comments", "Kommentare (3)",
    "Комментарии (3)") and its `reply-headings` ("Leave a Reply", "Lascia un commento"). A noun
    opening with a Chinese or Japanese character stands joined to its count, as WordPress's
    zh_CN, zh_TW and ja print it ("12条评论", "12 則迴響", "5件のコメント"; zh_CN's "TITLE有12条评论"
    only with the title in its book-title marks, "《…》有12条评论": with a bare title it is a
    sentence). A singular without a number ("Comment", "Komentář", "Yorum") is a section of the
    article or a column as often as a thread's heading, and so is 评论 ("commentary")."""
    spaced = tuple(w for w in counted_nouns if not HAN_KANA_CHAR.match(w))
    joined = tuple(w for w in counted_nouns if HAN_KANA_CHAR.match(w))
    counted = rf"\d+\s+{alternation(spaced)}"
    if joined:
        counted += rf"|(?:《[^》\n]{{1,150}}》有\s*)?\d+\s*{alternation(joined)}"
    # (a count's heading may end with the reply form's link: "126 Comments Add A Comment")
    then_reply = rf"|\W*{alternation(replies)}" if replies else ""
    return rf"""^\W*(?:{counted}|{alternation(plurals)})\b
        (?:\W*\d+\W*|\s+(?:to|on|zu|sur|en|a)\b.{{0,150}}|.{{0,20}}(?:read\s+them\s+below|add\s+one|so\s+far).{{0,30}}{then_reply})?\W*$
      | ^\W*{alternation(replies)}\W*$"""


@functools.lru_cache(maxsize=8)
def _patterns(
    months: tuple[str, ...],
    weekdays: tuple[str, ...],
    says: tuple[str, ...],
    wrote: tuple[str, ...],
    joins: tuple[str, ...],
    counted_nouns: tuple[str, ...],
    plurals: tuple[str, ...],
    replies: tuple[str, ...],
    page_stamps: tuple[str, ...],
) -> HeaderPatterns:
    return HeaderPatterns(months, weekdays, says, wrote, joins, counted_nouns, plurals, replies, page_stamps)


def header_words(packs: PackSet) -> tuple[tuple[str, ...], ...]:
    """B011's word lists that `HeaderPatterns` reads, in the order of its arguments."""
    return (
        packs.word_list(THREAD_RULE, "months"),
        packs.word_list(THREAD_RULE, "weekdays"),
        packs.word_list(THREAD_RULE, "says-verbs"),
        packs.word_list(THREAD_RULE, "wrote-verbs"),
        packs.word_list(THREAD_RULE, "stamp-joins"),
        packs.word_list(THREAD_RULE, "heading-counted-nouns"),
        packs.word_list(THREAD_RULE, "heading-plurals"),
        packs.word_list(THREAD_RULE, "reply-headings"),
        packs.word_list(THREAD_RULE, "page-stamps"),
    )


def _header_patterns(packs: PackSet) -> HeaderPatterns:
    return _patterns(*header_words(packs))


#: The `HeaderPatterns` of the words ``settings``' packs give B011 (one object per set of words:
#: the thread search's memos are kept by it), kept with the packs (B011 and B012 ask on every
#: document).
header_patterns_for = per_pack_set(_header_patterns)
