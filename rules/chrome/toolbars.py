"""B024–B026: pagination links, print and e-mail tools, and rows of site links (about, contact,
privacy) that extractors keep around the article.

Each rule's metadata, docs and phrases live in ``rules/packs/<CODE>.toml`` (B024.toml ...); see
`lintnews.rules.chrome.footer` for the footer lines.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from lintnews.rules.chrome.separators import lines_holding

from lintnews.config import Settings
from lintnews.document import Document, words
from lintnews.packs import (
    PackSet,
    PhraseRule,
    keep,
    keys_passing,
    line_key,
    line_keys,
    load_packs,
    pack_languages,
    pack_terms,
    phrase_rule,
)
from lintnews.registry import Violation, register
from lintnews.seen_width import seen_length
from lintnews.textnorm import fold, line_keys_of


@register
@phrase_rule("B024")
class Pagination(PhraseRule):
    pass


@register
@phrase_rule("B025")
class PrintTools(PhraseRule):
    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = list(super().check(doc, settings))
        if not found:
            return
        keys = line_keys(doc)
        flagged = {v.line for v in found}
        # a bare "E-mail" (`bare-mail`) is a tool only between other tools or share buttons
        bare_mail = pack_terms(doc, settings, self.name, "bare-mail")
        tool_words = pack_terms(doc, settings, self.name, "toolbar-words")
        for v in found:
            size_tool = _size_buttons_follow(doc, v.line)
            if keys[v.line] == "font" and not size_tool:
                continue  # "Font" alone is also a tag of a tag list or a heading: only the tool's label
            if doc.lines[v.line].rstrip(" *_").endswith(":") and not size_tool:
                continue  # "Email:" labels what follows (an address, a form field)
            near = _neighbours(keys, v.line)
            if keys[v.line] in bare_mail and not (
                near and all(j in flagged or keys[j] in tool_words for j in near)
            ):
                continue  # "Email" alone is also a contact link; only a button between buttons
            yield v


#: The text-size tool: its label ("Font:", "Text size:") over its buttons ("+" and "-").
_SIZE_BUTTONS = frozenset({"+", "-", "–", "a+", "a-", "a", "aa"})


def _size_buttons_follow(doc: Document, i: int) -> bool:
    """Whether the two next non-blank lines after line ``i`` are a text-size tool's buttons
    ("- +", "- -", bullets allowed): the label "Font:" above them is the tool's, not a form's."""
    after = [doc.lines[j].strip().lstrip("-*•").strip() for j in range(i + 1, min(i + 5, len(doc.lines)))]
    buttons = [s for s in after if s][:2]
    return len(buttons) == 2 and all(s.casefold() in _SIZE_BUTTONS for s in buttons)


def _neighbours(keys: list[str], i: int) -> list[int]:
    """The nearest non-blank lines before and after line ``i``."""
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(keys) and not keys[j]:
            j += step
        if 0 <= j < len(keys):
            out.append(j)
    return out


#: Separators of a row of links: bars, bullets and middle dots (spaces optional), or a colon
#: with a space on each side ("Contact Us : Privacy Policy"). (The lookahead, what every match
#: starts with, changes no match but lets the search skip to the blanks and separators instead of
#: trying both branches at every character: ~0.7 of the time of the splits.)
_LINK_SPLIT = re.compile(r"(?=[\s|•·])(?:\s*[|•·]\s*|\s+:\s+)")
#: What a segment that is a sentence ends with ("[.!?;,]$": a line holds no line break).
_SENTENCE_ENDS = (".", "!", "?", ";", ",")
_MAX_SEGMENT_WORDS = 5


@functools.lru_cache(maxsize=1 << 14)
def _row_segments(line: str) -> tuple[tuple[str, ...], int] | None:
    """The segments of ``line`` split at its separators and the number of parts the split made
    (empty ones included), or None when the line cannot be a row of links (no segment, or one
    that ends as a sentence does or holds more than `_MAX_SEGMENT_WORDS` words). Kept per line
    text: a site's rows, tables and dated lines recur on every page (the split and the words
    cost ~4 us a line)."""
    parts = [p.strip(" *_#") for p in _LINK_SPLIT.split(line.strip(" \t*-+"))]
    segments = tuple(p for p in parts if p)
    if not segments or any(
        s.endswith(_SENTENCE_ENDS) or len(words(s)) > _MAX_SEGMENT_WORDS for s in segments
    ):
        return None
    return segments, len(parts)


def _row_lines(doc: Document) -> list[int]:
    """Indices of the lines of at most 300 characters that hold a separator of a row of links
    (``|``, ``•``, ``·``, or `` : ``), in order (`separators.lines_holding`); a Markdown line's
    length is the one a reader sees (`seen_width`)."""
    return [i for i in lines_holding(doc, "|•·:", spaced=":") if seen_length(doc, i) <= 300]


def _lone_links(doc: Document, names: frozenset[str]) -> Iterator[int]:
    """The lines that are one service page's link and nothing else (``names``: B026's term list
    `service-page-links`, names of service pages that are a link alone on their line, one to a
    line in a footer's list, html2text's text of a page; none is a sentence or an article's
    heading: "Contact", "Privacy", "Datenschutz" alone may be one, they count only in a row)."""
    keys = line_keys(doc)
    if names.isdisjoint(keys):  # most documents: one pass at C speed
        return
    for i, key in enumerate(keys):
        if key in names:
            yield i


#: The rules whose single lines name a tool a row of links may hold besides service pages: a
#: tool of the page's own (print, e-mail, share, subscribe) beside the service pages' links makes
#: a row too ("66 hits · Print article · Send to friend · Subscribe to news"); never alone in a
#: table's cell ("| Print |" may be a medium in a table of figures).
_TOOLS = frozenset(("print-tools", "social-share", "newsletter-prompt"))


#: What `LinkRow._rows` keeps for a segment no rule's entry matches.
_NO_RULES: frozenset[str] = frozenset()


def _keep_unmatched(
    kept: dict[str, frozenset[str]], segments: list[str], packs: PackSet, langs: Sequence[str]
) -> None:
    """Keep in ``kept`` (`LinkRow._rows`'s rules by segment) that no rule matches each of
    ``segments`` not kept yet that no entry of any rule in ``langs`` may match, found for all of
    them at once by the languages' screen (`keys_passing`: a kernel's first pass, most segments
    fail on their first characters): the words of most rows are no pack's entry (a crawl's own
    menus; Chinese and Japanese titles joined by a middle dot, "学习站·株洲", a row to the
    split), and each asked the matchers of every rule in each language (`LineMatcher.match`:
    B026 cost 3.2 times as much per byte on Chinese and Japanese text as on English)."""
    fresh = list(dict.fromkeys(s for s in segments if s not in kept))
    if not fresh:
        return
    keys = line_keys_of(fold("\n".join(fresh)))  # (`line_key` of each: one pass of a kernel)
    if len(keys) != len(fresh):  # (a segment holding a line break of its own: asked one by one)
        return
    passing = set(keys_passing(packs, langs, keys))
    for j, segment in enumerate(fresh):
        if j not in passing:
            keep(kept, segment, _NO_RULES)


@register
@phrase_rule("B026")
class LinkRow(PhraseRule):
    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        rows = {v.line: v for v in self._rows(doc, settings)}
        for i in _lone_links(doc, pack_terms(doc, settings, self.name, "service-page-links")):
            if i not in rows:
                rows[i] = self.removable_lines(
                    doc,
                    i,
                    i,
                    "Site-service link left in the text",
                    f'Remove the line "{doc.lines[i].strip()[:60]}"',
                )
        yield from (rows[i] for i in sorted(rows))

    def _rows(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        candidates = _row_lines(doc)
        if not candidates:
            return
        lines = doc.lines
        packs = load_packs(settings)
        langs = tuple(pack_languages(doc, settings, packs))
        keys = line_keys(doc)
        # which rules' entries match a segment whole, a link name, a tool (`_TOOLS`) or a home
        # word (B006's): `LineMatcher.match` of its key, every rule's answer at once, kept per
        # key and language (a rule's entries in the page's languages match a key exactly when
        # the rule is among them; trying the matchers of five rules a segment was most of B026's
        # time), and kept per segment: the rows of a site repeat on every page
        line_matcher = packs.line_matcher(langs)
        kept = line_matcher.derived("link-row.segment-rules")
        name = self.name

        def rules_of(segment: str) -> frozenset[str]:
            found = kept.get(segment)
            if found is None:
                key = line_key(segment)
                found = frozenset([rule for rule, _ in line_matcher.match(key)]) if key else _NO_RULES
                keep(kept, segment, found)
            return found

        rows = []
        for i in candidates:
            if not keys[i]:
                continue
            found = _row_segments(lines[i])
            # (the line's kind last: most rows fail on their segments, and it costs as much)
            if found is not None and doc.line_kind(i) != "code":
                rows.append((i, *found))
        _keep_unmatched(kept, [s for _, segments, _ in rows for s in segments], packs, langs)
        for i, segments, parts in rows:
            if len(segments) == 1:
                ok = parts == 3 and name in rules_of(segments[0])  # "| About Us |"
            else:
                # two link names at least, and half the segments: the names are looked up
                # only until too many segments have failed (a table's rows fail at once)
                spare = len(segments) - max(2, (len(segments) + 1) // 2)
                for s in segments:
                    if name not in (hit := rules_of(s)) and _TOOLS.isdisjoint(hit):
                        spare -= 1
                        if spare < 0:
                            break
                ok = spare >= 0 and "breadcrumb" not in rules_of(segments[0])
            if ok:
                yield self.removable_lines(
                    doc,
                    i,
                    i,
                    "Row of site links left in the text",
                    f'Remove the line "{lines[i].strip()[:60]}"',
                )
