"""S003: FAQ blocks whose questions were stripped."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.caseless import HAN_KANA_CHAR
from lintnews.config import Settings
from lintnews.document import Document, words
from lintnews.packs import match_lines, phrase_rule
from lintnews.registry import Rule, Violation, register

from .line_shapes import next_nonblank

_QUESTION = re.compile(r"[?？]\s*(?:[\"'”»)」』）]+\s*)?$")  # not \s*[…]*\s*: quadratic on a run of spaces
_ANSWER_MIN_WORDS = 8
_ANSWER_END = re.compile(r"[.!…\"'”»)]$")
#: A Chinese or Japanese answer: no spaces to count its words by, so its characters of the
#: script (twenty or more, about eight words' worth), ending as their sentences end.
_CJK_ANSWER_END = re.compile(r"[。！…」』）)]$")
_ANSWER_MIN_CJK = 20


@register
@phrase_rule("S003")
class FaqBlock(Rule):
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        for i, _entry in match_lines(doc, settings, self.name):
            answers: list[int] = []
            j = next_nonblank(doc, i, 1)
            while j is not None:
                line = doc.lines[j].strip()
                if _QUESTION.search(line) or doc.line_kind(j) == "heading":
                    break
                if not _is_answer(line):
                    break
                answers.append(j)
                j = next_nonblank(doc, j, 1)
            if len(answers) < 2:
                continue
            end = answers[-1]
            yield self.removable_lines(
                doc,
                i,
                end,
                f"FAQ block of {len(answers)} answers without their questions",
                "Remove the FAQ block",
                safe=False,
            )


def _is_answer(line: str) -> bool:
    """A paragraph of running text that answers a question: eight words or more ending as a
    sentence ends, or in Chinese or Japanese twenty characters of the script ending with a full
    stop of theirs."""
    if _CJK_ANSWER_END.search(line) and len(HAN_KANA_CHAR.findall(line)) >= _ANSWER_MIN_CJK:
        return True
    return len(words(line)) >= _ANSWER_MIN_WORDS and _ANSWER_END.search(line) is not None
