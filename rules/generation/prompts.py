"""G003: prompts, placeholders and assistant chatter left in the text."""

from __future__ import annotations

import bisect
import functools
import operator
import re
from collections.abc import Iterator
from typing import Any

from lintnews.config import Settings
from lintnews.document import Block, Document
from lintnews.language import language_of
from lintnews.packs import alternation, first_pass, match_lines, pack_words, phrase_rule
from lintnews.registry import Rule, Violation, register

QUESTION_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("what", "how", "why", "in what", "to what extent", "which", "in which ways"),
    "de": (
        "was",
        "wie",
        "warum",
        "weshalb",
        "wieso",
        "inwiefern",
        "inwieweit",
        "welche",
        "welchen",
        "welcher",
        "welches",
        "in welchem",
        "in welcher",
        "auf welche",
    ),
    "fr": (
        "quel",
        "quelle",
        "quels",
        "quelles",
        "comment",
        "pourquoi",
        "dans quelle mesure",
        "de quelle manière",
        "de quelle façon",
        "en quoi",
        "qu'est-ce que",
        "que",
    ),
    "es": ("qué", "cómo", "por qué", "cuál", "cuáles", "en qué", "de qué", "hasta qué punto"),
}
_QUESTION_WORDS = 10
_START = operator.attrgetter("start")
_QUOTE_START = re.compile(r"""^\s*["'“”„«»‘’‚‹›]""")
#: A question mark at the end of a line (blanks after it allowed): a question line is one of these.
_QUESTION_END = re.compile(r"\?[^\S\n]*$", re.MULTILINE)


@functools.lru_cache(maxsize=8)
def _label_start(labels: tuple[str, ...]) -> re.Pattern[str]:
    """A line opening with a question's label and maybe its number ("Q:", "Frage 3:",
    "Question 2)"): "Q" and "F" (German "Frage"), letters of no one language, or one of
    ``labels`` (G003's word list `question-labels`); compiled once a list."""
    return re.compile(rf"^\s*(?:[QF]|{alternation(labels)})\s*(?:\d+\s*)?[:.)]", re.IGNORECASE)


def _opens_question(text: str, languages: list[str]) -> bool:
    lowered = text.lstrip("¿¡ ").casefold().replace("’", "'")
    for lang in languages:
        for opener in QUESTION_OPENERS.get(lang, ()):
            if lowered.startswith(opener) and (
                len(lowered) == len(opener) or not lowered[len(opener)].isalnum()
            ):
                return True
    return False


@functools.lru_cache(maxsize=8)
def _post_footer(starts: tuple[str, ...]) -> re.Pattern[str]:
    """The post's footer under a closing question, not a section's title: a byline or a post
    stamp opening with one of ``starts`` (G003's word list `footer-starts`: "Posted by NAME at
    5:53 AM", "Written by NAME", "Publié par NAME") or a clock time; compiled once a list."""
    return re.compile(rf"^\W*{alternation(starts)}\b|\b\d{{1,2}}:\d{{2}}\b", re.IGNORECASE)


def _is_question_line(block: Block, languages: list[str], label: re.Pattern[str]) -> bool:
    # A marked-up heading is the author's (FAQ and explainer headings are questions); a
    # leaked prompt is a bare paragraph.
    if block.start != block.end or block.kind != "paragraph":
        return False
    return block.word_count >= _QUESTION_WORDS and _is_question_text(block.text, languages, label)


def _is_question_text(text: str, languages: list[str], label: re.Pattern[str]) -> bool:
    """What a question line's text must look like: one question, not quoted or labelled
    (``label``: `_label_start` of G003's words)."""
    text = text.strip()
    if not text.endswith("?") or text.count("?") > 1:
        return False
    if _QUOTE_START.match(text) or label.match(text) or ":" in text.rstrip("?"):
        return False
    return _opens_question(text.lstrip("#").strip(), languages)


@functools.lru_cache(maxsize=8)
def _image_scene(nouns: tuple[str, ...], grounds: tuple[str, ...]) -> re.Pattern[str]:
    """A scene composed for an image: one of ``nouns`` and, within a clause after it, one of
    ``grounds`` ("conflict imagery in background", "Grafiken im Hintergrund": G003's word lists
    `image-nouns` and `image-grounds`); compiled once a pair of lists."""
    return re.compile(rf"\b{alternation(nouns)}\b[^.!?\n]{{0,60}}?\b{alternation(grounds)}\b", re.IGNORECASE)


#: Where a line that sets a scene ends a sentence, it is a caption that says something, not a
#: bare description: its last character.
_SENTENCE_END = tuple(".!?…:;\"”»'’)")
#: The words a leaked image description holds (a caption's credit or a heading is shorter).
_SCENE_WORDS = (10, 80)


@functools.lru_cache(maxsize=8)
def _ground_screen(grounds: tuple[str, ...]) -> Any:  # (`first_pass.key_screen`: opaque when compiled)
    """``grounds``, folded, as the needles of a first pass: a line can hold a scene only when its
    key (folded, its spaces single) holds one of them (`first_pass.maybe_keys`, one pass of a
    kernel over a document's keys, ~11 µs a document of the crawl, where a search of its text for
    each ground and of the keys of those that held one cost five times that)."""
    needles = sorted({" ".join(ground.casefold().split()) for ground in grounds})
    return first_pass.key_screen((), "", tuple(needles), False)


#: The longest key a scene is looked for in (eighty words of a dozen characters).
_SCENE_CHARS = 1000


@register
@phrase_rule("G003")
class PromptLeak(Rule):
    def warm(self, settings: Settings) -> None:
        _label_start(pack_words(settings, self.name, "question-labels"))
        _post_footer(pack_words(settings, self.name, "footer-starts"))
        grounds = pack_words(settings, self.name, "image-grounds")
        _image_scene(pack_words(settings, self.name, "image-nouns"), grounds)
        _ground_screen(grounds)

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        reported: set[int] = set()
        for i, entry in match_lines(doc, settings, self.name):
            reported.add(i)
            yield self.line_violation(
                doc,
                i,
                entry.message or "Text generator output left in the article",
                severity=entry.severity,
            )
        yield from self._questions(doc, settings, reported)
        yield from self._image_descriptions(doc, settings, reported)

    def _image_descriptions(
        self, doc: Document, settings: Settings, reported: set[int]
    ) -> Iterator[Violation]:
        """A line that describes a picture instead of saying something: a scene composed for an
        image (`_image_scene`), ten words or more, with no sentence's end: the prompt an image
        was generated from, or its alternative text, printed where the picture was."""
        grounds = pack_words(settings, self.name, "image-grounds")
        keys = doc.line_keys
        held = first_pass.maybe_keys(_ground_screen(grounds), keys, _SCENE_CHARS)
        if not held:
            return
        scene = _image_scene(pack_words(settings, self.name, "image-nouns"), grounds)
        lines = [i for i in held if scene.search(keys[i])]
        for i in lines:
            if i in reported:
                continue
            text = doc.lines[i].strip()
            if text.endswith(_SENTENCE_END) or text.startswith("#"):
                continue
            if _SCENE_WORDS[0] <= len(text.split()) <= _SCENE_WORDS[1]:
                yield self.line_violation(doc, i, "Image description or image prompt left in the text")

    def _questions(self, doc: Document, settings: Settings, reported: set[int]) -> Iterator[Violation]:
        if "?" not in doc.text:
            return
        lang = language_of(doc, settings)
        languages = [lang] if lang in QUESTION_OPENERS else list(QUESTION_OPENERS)
        # A question line is a one-line block whose text ends in "?" and passes
        # `_is_question_text`: only blocks that start on such a line need a closer look.
        ends = {doc.position(m.start())[0] for m in _QUESTION_END.finditer(doc.text)}
        label = _label_start(pack_words(settings, self.name, "question-labels"))
        ends = {line for line in ends if _is_question_text(doc.lines[line], languages, label)}
        if not ends:
            return
        blocks = [b for b in doc.blocks if b.kind != "code"]
        # (the blocks that start on a question line, found by a search of the blocks for each
        # such line: most documents have a few of them and a hundred blocks)
        for line in sorted(ends):
            n = bisect.bisect_left(blocks, line, key=_START)
            if not 1 <= n < len(blocks) - 1 or blocks[n].start != line:
                continue
            block, before, after = blocks[n], blocks[n - 1], blocks[n + 1]
            if block.start in reported or not _is_question_line(block, languages, label):
                continue
            # Between sections: running text before it (not a lead-in ending in ":") and the
            # title of the next section after it, so no answer follows.
            if not before.prose or before.text.rstrip().endswith((":", "?")):
                continue
            if not after.heading_like or after.text.rstrip().endswith("?") or after.word_count < 3:
                continue  # (a one- or two-word line is a caption or credit, not a title)
            if _post_footer(pack_words(settings, self.name, "footer-starts")).search(after.text):
                continue  # the article's closing question over its byline
            # The next title must itself be followed by running text (a section, not a list
            # of related questions or links).
            if n + 2 >= len(blocks) or not (blocks[n + 2].prose or blocks[n + 2].heading_like):
                continue
            yield self.line_violation(
                doc, block.start, "Generated question left standing between sections (prompt leak?)"
            )
