"""F005: text decoded with the wrong character set."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from lintnews import bmp_sets
from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

_LONE_A_TILDE = re.compile(r"Ã(?=\s)")
#: Two or more replacement characters in a row: what bytes of another multi-byte encoding (GBK,
#: Big5, Shift-JIS) leave when read as UTF-8 with errors replaced. ftfy's badness accepts the
#: pair, so a line that holds one is among the damaged; its repair can undo nothing.
_REPLACEMENTS = re.compile("\ufffd{2,}")
#: Characters that ftfy's badness regex accepts on their own: C1 controls, and Â, Ã, Œ, œ
#: (some alternatives need only one of them next to ASCII text).
_MOJIBAKE_SINGLES = "\x80-\x9fÂÃŒœ"
#: ftfy's mojibake categories that are rare in text: all but the letters (accented Latin lower
#: case, Greek, Cyrillic, the `kaomoji` O and U), the `common` punctuation (no-break space,
#: dashes, ellipsis, apostrophe) and the `law` signs; `Screen.rare` adds the few of those that
#: ftfy names one by one (Ù, °, µ, Ђ), and the singles.
_RARE_CATEGORIES = (
    "c1",
    "bad",
    "upper_accented",
    "box",
    "end_punctuation",
    "currency",
    "numeric",
    "start_punctuation",
)


class Screen(NamedTuple):
    """Which characters may start ftfy's mojibake, as character-class contents (ranges as in
    ftfy's own classes), and the regex that finds them."""

    #: Characters of ftfy's mojibake categories that are rare in text (`_RARE_CATEGORIES`).
    rare: str
    #: Every character of ftfy's mojibake categories: the characters that a legacy single-byte
    #: code page (Windows-125x, Latin-1, MacRoman, CP437) gives its high bytes, as UTF-8 bytes
    #: read with that code page come out. (No CJK, kana, Hangul, Arabic or Indic letter, and no
    #: CJK punctuation, is among them.)
    any: str
    #: Every text `ftfy.badness.is_bad` accepts holds one of the single characters above, or two
    #: characters of ftfy's mojibake categories in a row of which at least one is rare: each
    #: alternative of ftfy's badness regex needs one of the singles, or two adjacent characters
    #: from its mojibake classes where one of the two classes holds only rare characters
    #: (tests/test_formatting_screens.py checks this against the installed ftfy). Lines without
    #: a match are not given to ftfy's slow regex (~300 ns per character); German `öß` or `äß`,
    #: Polish `ął`, Arabic, Greek or Chinese words are not matched, and neither are the curly
    #: quotes and dashes of correctly decoded Chinese, Japanese or Cyrillic text (`。”`, `“数`),
    #: which stand next to letters or punctuation no code page has.
    #: (Written to start with one character class, the rare one, so the engine skips ahead to it.)
    maybe_bad: re.Pattern[str]
    #: The sets of `maybe_bad` as `bmp_sets.chars_beside` takes them (rare, singles, any), which
    #: finds where it matches in one pass over the text (the regex costs ~5 ns a character, and
    #: most texts outside ASCII hold curly quotes, which are rare).
    bitmaps: tuple[bytes, bytes, bytes]

    def suspects(self, text: str) -> list[int]:
        """The offsets in ``text`` where `maybe_bad` matches (a character each)."""
        return bmp_sets.chars_beside(text, *self.bitmaps)


@functools.cache
def screen() -> Screen:
    """The screen, made from ftfy's categories on first use: importing ftfy costs ~30 ms of
    CPU, which a run that checks no text with a character outside ASCII, or a re-run answered
    from the cache, never needs (`Mojibake.warm` makes it before a check run's workers fork)."""
    import ftfy.badness

    categories = ftfy.badness.MOJIBAKE_CATEGORIES
    rare = "".join(categories[name] for name in _RARE_CATEGORIES) + "Ù°µЂ" + _MOJIBAKE_SINGLES
    any_ = "".join(categories.values()) + _MOJIBAKE_SINGLES
    maybe_bad = re.compile(rf"[{rare}](?:(?<=[{_MOJIBAKE_SINGLES}])|(?<=[{any_}].)|(?=[{any_}]))")
    bitmaps = (
        bmp_sets.bmp_bitmap(_members(rare)),
        bmp_sets.bmp_bitmap(_members(_MOJIBAKE_SINGLES)),
        bmp_sets.bmp_bitmap(_members(any_)),
    )
    return Screen(rare, any_, maybe_bad, bitmaps)


def _members(chars: str) -> str:
    """The characters of the contents of a character class without escapes (ftfy's categories:
    characters and ranges ``a-z``)."""
    out: list[str] = []
    i = 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out += map(chr, range(ord(chars[i]), ord(chars[i + 2]) + 1))
            i += 3
        else:
            out.append(chars[i])
            i += 1
    return "".join(out)


#: The most characters a match of ftfy's badness regex spans (`ГўВЂВ.x`; its other
#: alternatives are shorter, tests/test_formatting_screens.py checks this).
_BADNESS_WIDTH = 7


def _bad_near(text: str, cols: list[int]) -> bool:
    """``ftfy.badness.is_bad(text)``, given the ascending columns where `Screen.maybe_bad` matches in
    ``text``: every match of ftfy's regex holds one of them (see `Screen.maybe_bad`) and spans at most
    `_BADNESS_WIDTH` characters, so it lies within that distance of one of them. Only those
    stretches are searched, not the whole line (ftfy's regex costs ~300 ns per character).

    (A search from ``pos`` to ``endpos`` finds the matches that lie between them: the regex
    has no lookarounds or ``$``, and its ``^`` matches only at the real start of the text.)"""
    import ftfy.badness

    search = ftfy.badness.BADNESS_RE.search
    lo, hi = 0, -1
    for col in cols:
        start = max(col - _BADNESS_WIDTH + 1, 0)
        if start > hi:  # not next to the previous stretch: search that one and start anew
            if hi >= 0 and search(text, lo, hi):
                return True
            lo = start
        hi = col + _BADNESS_WIDTH
    return hi >= 0 and search(text, lo, hi) is not None


#: Characters ftfy's repair keeps as they are, in the same order: every ASCII character (but
#: `restore_byte_a0` may make a space part of a repaired character, as in `Ã `: then the
#: characters but the space, `_KEPT_NO_SPACE`).
_KEPT = re.compile(r"[\x00-\x7f]+")
_KEPT_NO_SPACE = re.compile(r"[\x00-\x1f\x21-\x7f]+")
#: Stretches between kept characters up to this long (on both sides) are aligned by difflib,
#: longer ones as one span from their first to their last difference.
_SMALL_GAP = 64


def _damaged_spans(text: str, repaired: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of each stretch of ``text`` that ``repaired`` changes, in time
    linear in the length of the line.

    ftfy's repair keeps every ASCII character (see `_KEPT`): the text and its repair are the
    same runs of ASCII characters with different stretches between them. The stretches are
    paired in order and only those that differ are aligned, by difflib when they are short (as
    difflib over the whole line would: a run of `Ã¼` between two letters is a few characters),
    as one span when long. difflib over the whole line costs time quadratic in its length on
    repeated mojibake (issue 21: 46 s for a 21 KB line). Should the kept characters ever
    differ, the span from the first difference to the last is reported."""
    for kept in (_KEPT, _KEPT_NO_SPACE):
        if kept.findall(text) == kept.findall(repaired):
            break
    else:
        return [_one_span(text, 0, len(text), repaired, 0, len(repaired))]
    spans: list[tuple[int, int, str]] = []
    a_gaps, b_gaps = _gaps(kept, text), _gaps(kept, repaired)
    for k, ((a0, a1), (b0, b1)) in enumerate(zip(a_gaps, b_gaps)):
        if text[a0:a1] == repaired[b0:b1]:
            continue
        if set(text[a0:a1]).isdisjoint(repaired[b0:b1]):
            spans.append((a0, a1, repaired[b0:b1]))  # (difflib's answer: one replacement)
        elif a1 - a0 <= _SMALL_GAP and b1 - b0 <= _SMALL_GAP:
            # with the kept text on either side (the same in both), as difflib over the line sees it
            left = min(a0 - (a_gaps[k - 1][1] if k else 0), _SMALL_GAP)
            right = min((a_gaps[k + 1][0] if k + 1 < len(a_gaps) else len(text)) - a1, _SMALL_GAP)
            spans += _diff(text, a0 - left, a1 + right, repaired, b0 - left, b1 + right, a0, a1) or _diff(
                text, a0, a1, repaired, b0, b1, a0, a1
            )
        else:
            spans.append(_one_span(text, a0, a1, repaired, b0, b1))
    return spans


def _diff(a: str, a0: int, a1: int, b: str, b0: int, b1: int, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """difflib's changes from ``a[a0:a1]`` to ``b[b0:b1]`` as spans of ``a``; none when one of them
    is not inside ``a[lo:hi]``."""
    matcher = difflib.SequenceMatcher(None, a[a0:a1], b[b0:b1], autojunk=False)
    spans = [
        (a0 + i1, a0 + i2, b[b0 + j1 : b0 + j2])
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal"
    ]
    return spans if all(lo <= s and e <= hi for s, e, _ in spans) else []


def _gaps(kept: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text`` around its runs of ``kept`` characters: before
    the first run, between each two, after the last (empty ones included)."""
    out, at = [], 0
    for m in kept.finditer(text):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(text)))
    return out


def _one_span(a: str, a0: int, a1: int, b: str, b0: int, b1: int) -> tuple[int, int, str]:
    """``a[a0:a1]`` and ``b[b0:b1]`` differ: the span of ``a`` from their first to their last
    difference, and what ``b`` has there."""
    while a0 < a1 and b0 < b1 and a[a0] == b[b0]:
        a0, b0 = a0 + 1, b0 + 1
    while a1 > a0 and b1 > b0 and a[a1 - 1] == b[b1 - 1]:
        a1, b1 = a1 - 1, b1 - 1
    return a0, a1, b[b0:b1]


@register
class Mojibake(Rule):
    """## What it does
    Checks for text decoded with the wrong character set (`Kremlinâ€™s`, `Ã¼ber`, `cafÃ©`), as
    recognised by the [ftfy](https://ftfy.readthedocs.io) library, and suggests ftfy's repair;
    and for runs of replacement characters (`����Ժ����`) where a Chinese or Japanese page in
    GBK, Big5 or Shift-JIS was read as UTF-8, which no repair can undo. A lone `�` is left alone.

    ## Why is this bad?
    A page stored as UTF-8 and read as Windows-1252 (or the reverse) turns every accented letter,
    dash and curly quote into two or three junk characters. Search, deduplication and models all
    see different words than the writer wrote.

    ## Example
    ```text
    The Kremlinâ€™s position has not changed.
    ```

    Use instead:
    ```text
    The Kremlin’s position has not changed.
    ```

    ## Fix
    Replaces the line's damaged span with ftfy's repair. Safe when the repaired text no longer
    looks damaged to ftfy; otherwise no fix is offered.
    """

    code = "F005"
    name = "mojibake"
    severity = Severity.WARNING
    summary = "Text decoded with the wrong character set"
    fix_applicability = "safe"
    warm_imports = True  # (ftfy)

    def warm(self, settings: Settings) -> None:
        """Import ftfy and make the screen (see `lintnews.engine.Linter.warm`)."""
        screen()

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if doc.text.isascii():
            return
        suspects: dict[int, list[int]] = {}  # line: columns, in order
        for at in screen().suspects(doc.text):
            line, col = doc.position(at)
            suspects.setdefault(line, []).append(col)
        damaged = [i for i, cols in suspects.items() if _bad_near(doc.lines[i], cols)]
        if not damaged:
            return
        import ftfy
        import ftfy.badness

        # "Ã" before a space is how UTF-8 "à" looks once its no-break space became a space, but
        # also just the letter Ã: trust it only in a document that shows other damage too.
        if not any(ftfy.badness.is_bad(_LONE_A_TILDE.sub("", doc.lines[i])) for i in damaged):
            return
        for line in damaged:
            text = doc.lines[line]
            fixed = ftfy.fix_encoding(text)
            if fixed == text:
                runs = [m.span() for m in _REPLACEMENTS.finditer(text)]
                if runs:  # the bytes are lost: reported, with no fix
                    n = sum(end - start for start, end in runs)
                    shown = text[runs[0][0] : runs[0][0] + 12]
                    message = f'Undecodable text "{shown}" ({n} replacement characters: another encoding read as UTF-8)'
                    yield self.violation(line, runs[0][0], line, runs[-1][1], message)
                continue
            spans = _damaged_spans(text, fixed)
            fix = None
            if not any("\ufffd" in repair for _, _, repair in spans) and not ftfy.badness.is_bad(fixed):
                edits = tuple(
                    Edit(doc.offset(line, start), doc.offset(line, end), repair)
                    for start, end, repair in spans
                )
                fix = Fix("Repair the encoding", edits, True)
            start, end, repair = spans[0]
            shown = text[start:end]
            should = f'should read "{repair}"' if repair else "should be removed"
            more = f" and {len(spans) - 1} more" if len(spans) > 1 else ""
            yield self.violation(
                line, start, line, spans[-1][1], f'Mojibake "{shown}" ({should}){more}', fix=fix
            )


# --------------------------------------------------------------------------------------------
# F006 html-remnant
