"""B020–B026: footer and credit lines, tag lines, lone timestamps, pagination, print tools and
rows of site links: the page chrome that extractors keep after (and between) the paragraphs.

Each rule's metadata, docs and phrases live in ``rules/packs/<CODE>.toml``. The code adds
what a phrase cannot say: the place of a timestamp in the document, tag rows in capitals, and rows
of site links split on their separators.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.caseless import HAN_KANA_CHAR
from lintnews.config import Settings
from lintnews.document import Document, words
from lintnews.packs import PhraseRule, phrase_rule
from lintnews.registry import Violation, register


@register
@phrase_rule("B020")
class CopyrightNotice(PhraseRule):
    pass


@register
@phrase_rule("B021")
class ImageCredit(PhraseRule):
    default = False


#: A row of tags in capitals: "AIR GUITAR ROCKER, CES 2008, CLIPS, GADGETS" (four or more items
#: of one to three words; no sentence punctuation).
_CAPS_ITEM = r"[A-Z0-9ÄÖÜÀ-ÖØ-Þ][A-Z0-9ÄÖÜÀ-ÖØ-Þ&'’+-]*"
_CAPS_ROW = re.compile(
    rf"[\s*_•·-]*{_CAPS_ITEM}(?: {_CAPS_ITEM}){{0,2}}(?:, {_CAPS_ITEM}(?: {_CAPS_ITEM}){{0,2}}){{3,15}}[\s*_]*"
)


@register
@phrase_rule("B022")
class TagLine(PhraseRule):
    default = False

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = {v.line: v for v in super().check(doc, settings)}
        if "," in doc.text:
            lowercase = sum(c.islower() for c in doc.text)
            uppercase = sum(c.isupper() for c in doc.text)
            for i, line in enumerate(doc.lines):
                if i in found or line.count(",") < 3 or len(line) > 300 or lowercase < 2 * uppercase:
                    continue
                if _CAPS_ROW.fullmatch(line) and doc.line_kind(i) not in ("table", "code"):
                    found[i] = self.removable_lines(
                        doc,
                        i,
                        i,
                        "Row of tags in capitals left in the text",
                        f'Remove the line "{line.strip()[:60]}"',
                    )
        yield from (found[i] for i in sorted(found))


_TERMINAL = re.compile(r"[.!?…][\"'”’»)]*\s*$")
_PROSE_WORDS = 12
#: Chinese and Japanese prose: no spaces to count words by, and its own full stops. A line of
#: 25 ideographs or kana or more that ends as a sentence ends there is a paragraph.
_CJK_TERMINAL = re.compile(r"[。！？][」』”’）)]*\s*$")
_PROSE_CJK_CHARS = 25


def first_prose_line(doc: Document) -> int | None:
    """The first line that reads as a paragraph of prose (twelve words or more, ending as a
    sentence ends; in Chinese or Japanese 25 characters of the script and a full stop of
    theirs), or None."""
    for i, line in enumerate(doc.lines):
        if len(line) >= 50 and _TERMINAL.search(line) and len(words(line)) >= _PROSE_WORDS:
            return i
        if len(line) >= _PROSE_CJK_CHARS and _CJK_TERMINAL.search(line):
            if len(HAN_KANA_CHAR.findall(line)) >= _PROSE_CJK_CHARS:
                return i
    return None


@register
@phrase_rule("B023")
class LoneTimestamp(PhraseRule):
    pass


@register
@phrase_rule("B027")
class LoneDateline(PhraseRule):
    default = False

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = list(super().check(doc, settings))
        if not found:
            return
        start = first_prose_line(doc)
        if start is None:
            return
        yield from (v for v in found if v.line > start)
