"""B006: breadcrumb navigation trails."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar

from lintnews.rules.chrome.separators import lines_holding

from lintnews.config import Settings
from lintnews.document import Document, words
from lintnews.packs import (
    keep,
    line_key,
    load_packs,
    pack_languages,
    phrase_rule,
)
from lintnews.registry import Rule, Violation, register
from lintnews.seen_width import seen_length

_ARROWS = "»›>→"
#: Whitespace before a separator is matched from the start of its run only (trying every position
#: inside a long run of spaces is quadratic); the splits are those of ``\s*(?:>>|[»›>→])\s*|\s+[/|]\s+``.
#: (The lookahead, what every match starts with, changes no match but lets the search skip to
#: the blanks and arrows instead of entering the three branches at every character: half the
#: time of the splits.)
_SPLIT = re.compile(r"(?=[\s>»›→])(?:(?<!\s)\s+(?:>>|[»›>→])\s*|(?:>>|[»›>→])\s*|(?<!\s)\s+[/|]\s+)")
_SENTENCE_END = re.compile(r"[.!?;,]$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_MARKUP = re.compile(r"[<=\[\]{}]|->|-->")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪]\s+)?")
#: A name compared with a number, the number a whole operand before a keyword in capitals, a
#: bracket or the end ("entries > 10 AND zscore > 3 AS alert", a query's condition): a trail's
#: segments are names ("Sport > 2012 Olympics", "福娘童話集 > １月のイソップ童話" stay trails).
_COMPARISON = re.compile(r"\w\s*>\s*[0-9]+(?:\.[0-9]+)?(?:\s+[A-Z]{2,}\b|\s*[)\]]|\s*$)")


def _separator_lines(doc: Document) -> list[int]:
    """Indices of the lines that hold a separator (an arrow, `` / `` or `` | ``), in order:
    `_breadcrumb_segments` is asked of these only (`separators.lines_holding`)."""
    return lines_holding(doc, _ARROWS + "/|", spaced="/|")


@functools.lru_cache(maxsize=1 << 14)
def _breadcrumb_segments(line: str) -> list[str] | None:
    """The segments of a trail in ``line``, one of `_separator_lines` (it holds a separator),
    or None. Kept per line text (a site's trails and menus recur on every page; the answer is
    shared: treat it as read-only)."""
    if line.lstrip().startswith(("|", ">")):
        # a quote or a table row: what is left once a bullet is removed (a bullet is followed
        # by a blank, and "|" and ">" are no bullets), told at once (two fifths of the lines
        # with a separator on a crawl of whole pages are quotes)
        return None
    text = _BULLET.sub("", line).strip()
    if not text or text.startswith(("|", ">")) or _MARKUP.search(text):
        return None
    if not any(ch in text for ch in _ARROWS) and " / " not in text and " | " not in text:
        return None
    parts = _SPLIT.split(text)
    if parts and not parts[-1].strip():
        parts = parts[:-1]  # "Home › News ›" with a trailing separator
    parts = [p.strip() for p in parts]
    if len(parts) < 2 or any(not p or not _HAS_LETTER.search(p) for p in parts):
        return None
    return parts


@register
@phrase_rule("B006")
class Breadcrumb(Rule):
    fix_applicability = "mixed"  # unsafe for a trail that does not start with a home word

    max_segment_words: ClassVar[int] = 4

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        candidates = _separator_lines(doc)
        if not candidates:
            return
        packs = load_packs(settings)
        langs = tuple(pack_languages(doc, settings, packs))
        matchers = packs.matchers_for(self.name, langs)
        # the answers kept per pack set and languages: a site's trails repeat on every page
        homes = packs.line_matcher(langs).derived("breadcrumb.homes")

        def is_home(segment: str) -> bool:
            found = homes.get(segment)
            if found is None:
                key = line_key(segment)
                candidates = [key, *(line_key(p) for p in key.split(":"))]
                found = any(m.match(c) is not None for m in matchers for c in candidates if c)
                keep(homes, segment, found)
            return found

        lines = doc.lines
        for i in candidates:
            line = lines[i]
            if seen_length(doc, i) > 400:
                continue
            parts = _breadcrumb_segments(line)
            if parts is None or doc.line_kind(i) in ("table", "quote", "code"):
                continue
            homed = is_home(parts[0])
            if homed:
                inner = parts[1:-1]
                ok = (
                    all(len(words(p)) <= self.max_segment_words + 2 for p in inner)
                    and len(words(parts[-1])) <= 25
                )
            else:
                ok = (
                    len(parts) >= 3
                    and not re.search(r"\s[/|]\s", line)
                    and not _COMPARISON.search(line)
                    and all(
                        len(words(p)) <= self.max_segment_words and not _SENTENCE_END.search(p) for p in parts
                    )
                )
            if not ok:
                continue
            fix = self.remove_lines_fix(doc, i, i, "Remove the breadcrumb trail", safe=homed)
            yield self.line_violation(doc, i, "Breadcrumb trail left in the text", fix=fix)
