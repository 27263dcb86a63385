"""G: artifacts a text generator leaves behind (citation markers, appended glossaries, prompts)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Block, Document, View
from lintnews.language import language_of
from lintnews.packs import match_lines
from lintnews.registry import Rule, Violation, register

# --------------------------------------------------------------------------------------------
# G001 citation-marker

#: One or more numeric markers (``[3]``, ``[1][3][7]``, ``[2, 5]``, ``[4-6]``) glued to the
#: word or punctuation before them, at the end of a clause: punctuation right before or right
#: after them, or the end of the line (``items[1] and`` is code talk, not a citation). Numbers
#: have one to three digits, so ``[2019]`` is a year.
_MARKER = r"(?:\[\d{1,3}(?:\s?[,–-]\s?\d{1,3}){0,4}\])+"
_MARKERS = re.compile(
    rf"(?<=[^\W_]){_MARKER}(?=[.,;:!?\"'”’*]+(?:\s|$)|\s*$)"
    rf"|(?<=[.,;:!?\"'”’)*]){_MARKER}(?=[.,;:!?\"'”’*]*(?:\s|$))"
)
#: Index expressions in code look like markers: `arguments[2]`, `items[0].name`.
_CODE_LIKE = re.compile(
    r"[{};]\s*$|\b(?:var|function|return|const|let|def|import|elif|except)\s|===|!==|&&|\|\||\w\(\w*\)\s*[{;]"
)
_ZERO = re.compile(r"\[0+\]")
#: How every marker starts: a document or line without this has none.
_MARKER_START = re.compile(r"\[\d")
#: A heading that opens a reference list: the document then uses footnotes on purpose.
_REFERENCE_HEADING = re.compile(
    r"^\W*(?:references?|notes?|footnotes?|sources?|citations?|bibliography|works cited|further reading"
    r"|notes and references|references and notes|einzelnachweise|nachweise|quellen(?:angaben)?|quelle"
    r"|anmerkungen|fußnoten|fussnoten|literatur(?:verzeichnis)?|références|notes et références|sources"
    r"|bibliographie|referencias|notas|fuentes|bibliografía|notas y referencias)"
    r"(?:\s*\[(?:edit|bearbeiten|modifier|editar)[^\]]*\])?\W*$",  # no \s* next to \W*: quadratic on spaces
    re.IGNORECASE,
)
#: A line of a reference list: ``[1] …``, ``1. …`` followed by a citation-ish text, ``^ …`` or
#: ``↑ …`` (Wikipedia and MediaWiki back-links).
_REFERENCE_ENTRY = re.compile(r"^\s*(?:[-*•]\s*)?(?:\[\d{1,3}\]|\^|↑)\s*\S")


def _find_reference_list(doc: Document) -> bool:
    return any(_REFERENCE_HEADING.match(line) or _REFERENCE_ENTRY.match(line) for line in doc.lines)


#: Whether a document holds a reference list, looked for once per document.
_REFERENCE_LIST: View[bool] = View("generation.reference_list", _find_reference_list)


def _has_reference_list(doc: Document) -> bool:
    return _REFERENCE_LIST.of(doc)


@register
class CitationMarker(Rule):
    """## What it does
    Checks for numeric citation markers glued to the end of a word or sentence (`2015[1][3][7].`,
    `in 2000[1].`) in a document that has no reference list those numbers could point to.

    Not reported: `[sic]`, `[…]`, `[Update]` and other editorial brackets, years such as
    `[2019]`, markers at the start of a line (a numbered reference list), markers in code, and any
    marker in a document that has a reference section ("References", "Notes", "Einzelnachweise",
    "Quellen", "Références", "Referencias" …) or lines of one (`[1] …`, `^ …`, `↑ …`), as
    encyclopedia articles do.

    ## Why is this bad?
    Retrieval-augmented generators number the sources they were fed and cite them inline. Once
    the text is published without those sources, the markers point nowhere: they are noise to a
    reader and tell anyone who looks that the article was generated.

    ## Example
    ```text
    He took over the family business in 1971[1][3][7]. He was re-elected in 2024[2].
    ```

    Use instead:
    ```text
    He took over the family business in 1971. He was re-elected in 2024.
    ```

    ## Fix
    Removes the markers (safe: there is nothing for them to refer to).
    """

    code = "G001"
    name = "citation-marker"
    severity = Severity.WARNING
    summary = "Numeric citation markers with no reference list to point to"
    fix_applicability = "safe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if "[" not in doc.text or not _MARKER_START.search(doc.text) or _has_reference_list(doc):
            return
        for block in doc.blocks:
            if block.kind not in ("paragraph", "list", "quote") or not block.prose:
                continue
            for line in range(block.start, block.end + 1):
                text = doc.lines[line]
                if not _MARKER_START.search(text) or _CODE_LIKE.search(text):
                    continue
                found = [m for m in _MARKERS.finditer(text) if not _ZERO.search(m.group(0))]
                if not found:
                    continue
                count = sum(m.group(0).count("[") for m in found)
                first, last = found[0], found[-1]
                edits = tuple(
                    Edit(doc.offset(line, m.start()), doc.offset(line, m.end()), "") for m in found
                )
                yield self.violation(
                    line,
                    first.start(),
                    line,
                    last.end(),
                    f"{count} citation marker{'s' if count > 1 else ''} ({first.group(0)}"
                    f"{' …' if len(found) > 1 else ''}) with no reference list",
                    fix=Fix("Remove the citation markers", edits, True),
                )


# --------------------------------------------------------------------------------------------
# G002 appended-glossary


@register
class AppendedGlossary(Rule):
    """## What it does
    Checks for a generated appendix of encyclopedic notes after the article: a heading such as
    "About the People Mentioned" or "About the Organizations Mentioned" (and their German,
    French and Spanish counterparts, from the `appended-glossary` entries of the generation
    packs) followed by names and biographies. The diagnostic starts on the heading and spans the
    appendix, up to the next such heading or the end of the document.

    ## Why is this bad?
    Some article generators append background notes on every person and organisation they named.
    The notes are not part of the story, are often out of date or wrong, and mark the text as
    generated.

    ## Example
    ```text
    The talks ended without an agreement.
    About the People Mentioned
    Jane Doe
    Jane Doe, born 1961 in Leeds, is a British diplomat who ...
    ```

    ## Fix
    Removes the appendix (unsafe: check first that the article itself ended before it).
    """

    code = "G002"
    name = "appended-glossary"
    reads_packs = True
    severity = Severity.WARNING
    summary = "Generated appendix of biographies after the article"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        headings = [(i, entry) for i, entry in match_lines(doc, settings, self.name)]
        starts = [i for i, _ in headings]
        for n, (start, entry) in enumerate(headings):
            limit = starts[n + 1] - 1 if n + 1 < len(starts) else len(doc.lines) - 1
            end = limit
            while end > start and not doc.lines[end].strip():
                end -= 1
            if end == start:
                continue  # a heading with nothing after it is not an appendix
            yield self.line_violation(
                doc,
                start,
                entry.message or f'Generated appendix "{doc.lines[start].strip()[:60]}" after the article',
                end_line=end,
                fix=self.remove_lines_fix(doc, start, end, "Remove the appended notes", safe=False),
                severity=entry.severity,
            )


# --------------------------------------------------------------------------------------------
# G003 prompt-leak

#: Words and phrases that open a direct question, per language. A grammatical class (like the
#: open endings in `lintnews.language`), used to judge a line's shape, not matched as phrases.
QUESTION_OPENERS: dict[str, tuple[str, ...]] = {
    "en": ("what", "how", "why", "in what", "to what extent", "which", "in which ways"),
    "de": ("was", "wie", "warum", "weshalb", "wieso", "inwiefern", "inwieweit", "welche", "welchen",
           "welcher", "welches", "in welchem", "in welcher", "auf welche"),
    "fr": ("quel", "quelle", "quels", "quelles", "comment", "pourquoi", "dans quelle mesure",
           "de quelle manière", "de quelle façon", "en quoi", "qu'est-ce que", "que"),
    "es": ("qué", "cómo", "por qué", "cuál", "cuáles", "en qué", "de qué", "hasta qué punto"),
}
_QUESTION_WORDS = 10
_QUOTE_START = re.compile(r"""^\s*["'“”„«»‘’‚‹›]""")
#: A question mark at the end of a line (blanks after it allowed): a question line is one of these.
_QUESTION_END = re.compile(r"\?[^\S\n]*$", re.MULTILINE)
_LABEL_START = re.compile(r"^\s*(?:[QF]|Frage|Question|Pregunta)\s*(?:\d+\s*)?[:.)]", re.IGNORECASE)


def _opens_question(text: str, languages: list[str]) -> bool:
    lowered = text.lstrip("¿¡ ").casefold().replace("’", "'")
    for lang in languages:
        for opener in QUESTION_OPENERS.get(lang, ()):
            if lowered.startswith(opener) and (len(lowered) == len(opener) or not lowered[len(opener)].isalnum()):
                return True
    return False


def _is_question_line(block: Block, languages: list[str]) -> bool:
    # A marked-up heading is the author's (FAQ and explainer headings are questions); a
    # leaked prompt is a bare paragraph.
    if block.start != block.end or block.kind != "paragraph":
        return False
    return block.word_count >= _QUESTION_WORDS and _is_question_text(block.text, languages)


def _is_question_text(text: str, languages: list[str]) -> bool:
    """What a question line's text must look like: one question, not quoted or labelled."""
    text = text.strip()
    if not text.endswith("?") or text.count("?") > 1:
        return False
    if _QUOTE_START.match(text) or _LABEL_START.match(text) or ":" in text.rstrip("?"):
        return False
    return _opens_question(text.lstrip("#").strip(), languages)


@register
class PromptLeak(Rule):
    """## What it does
    Checks for text addressed to or produced by a text generator rather than the reader:

    * a long question (ten words or more, opening with "What", "How", "Why", "In what ways" …)
      standing alone between the end of one section and the title of the next, where the prompt
      a generator was given, or a question it suggested, was left in the article;
    * stock phrases of chat assistants and templates, from the `prompt-leak` entries of the
      generation packs: "As an AI language model", "I cannot browse the internet",
      "Certainly! Here is …", "Here's a rewritten version", "[insert …]", "Lorem ipsum",
      "Note: This article was generated …".

    A question followed by a paragraph (a heading of an FAQ or an explainer that answers it), a
    quoted question, a labelled one ("Q:"), a run of questions and a closing question at the
    very end of the article are not reported.

    ## Why is this bad?
    Leftover prompts and assistant chatter show that nobody read the text before it went out,
    and they read as nonsense in the middle of an article.

    ## Example
    ```text
    The outcome could reshape security policy across the region.

    What potential impacts could the lack of progress at the summit have on the security of allies in Asia?

    The Setting and Initial Expectations

    The summit opened on a cold morning with few hopes of a breakthrough on either side.
    ```

    ## Fix
    No automatic fix for questions: read the passage, then delete the line.
    """

    code = "G003"
    name = "prompt-leak"
    reads_packs = True
    severity = Severity.WARNING
    summary = "Prompt, placeholder or assistant chatter left in the text"

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

    def _questions(self, doc: Document, settings: Settings, reported: set[int]) -> Iterator[Violation]:
        if "?" not in doc.text:
            return
        lang = language_of(doc, settings)
        languages = [lang] if lang in QUESTION_OPENERS else list(QUESTION_OPENERS)
        # A question line is a one-line block whose text ends in "?" and passes
        # `_is_question_text`: only blocks that start on such a line need a closer look.
        ends = {doc.position(m.start())[0] for m in _QUESTION_END.finditer(doc.text)}
        ends = {line for line in ends if _is_question_text(doc.lines[line], languages)}
        if not ends:
            return
        blocks = [b for b in doc.blocks if b.kind != "code"]
        for n in range(1, len(blocks) - 1):
            block, before, after = blocks[n], blocks[n - 1], blocks[n + 1]
            if block.start not in ends or block.start in reported or not _is_question_line(block, languages):
                continue
            # Between sections: running text before it (not a lead-in ending in ":") and the
            # title of the next section after it, so no answer follows.
            if not before.prose or before.text.rstrip().endswith((":", "?")):
                continue
            if not after.heading_like or after.text.rstrip().endswith("?") or after.word_count < 3:
                continue  # (a one- or two-word line is a caption or credit, not a title)
            # The next title must itself be followed by running text (a section, not a list
            # of related questions or links).
            if n + 2 >= len(blocks) or not (blocks[n + 2].prose or blocks[n + 2].heading_like):
                continue
            yield self.line_violation(
                doc, block.start, "Generated question left standing between sections (prompt leak?)"
            )
