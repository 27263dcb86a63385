"""G001: numeric citation markers with no reference list to point to."""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Document, View
from lintnews.registry import Rule, Violation, register

_MARKER = r"(?:\[\d{1,3}(?:\s?[,–-]\s?\d{1,3}){0,4}\])+"
#: The punctuation of Chinese and Japanese text, which no space follows: a marker glued to a word
#: before one (`首都であり[1]、`, `一千万[2]。`), or after a full stop or a closing mark and before
#: the next sentence (`。[3]江戸`), is one.
_CJK_MARKS = "。，、；：！？」』）"
_MARKERS = re.compile(
    rf"(?<=[^\W_]){_MARKER}(?=[.,;:!?\"'”’*]+(?:\s|$)|[{_CJK_MARKS}]|\s*$)"
    rf"|(?<=[.,;:!?\"'”’)*]){_MARKER}(?=[.,;:!?\"'”’*]*(?:\s|$))"
    rf"|(?<=[{_CJK_MARKS}]){_MARKER}(?=[{_CJK_MARKS}]|[^\W\d_]|\s|$)"
)
#: Index expressions in code look like markers: `arguments[2]`, `items[0].name`.
_CODE_LIKE = re.compile(
    r"[{};]\s*$|\b(?:var|function|return|const|let|def|import|elif|except)\s|===|!==|&&|\|\||\w\(\w*\)\s*[{;]"
)
_ZERO = re.compile(r"\[0+\]")
#: A program's output labels a value by a word and a colon at the start of its line, then says
#: what it is: `merge:[6] fix bug 24` (a changeset's number, not a source's).
_LABEL = re.compile(r"\s*[^\W\d_][\w-]*:")
_LABELLED = re.compile(r"\s+\w")
#: How every marker starts: a document or line without this has none.
_MARKER_START = re.compile(r"\[\d")
#: The titles of a reference section (`_REFERENCE_HEADING` ignores their case).
_REFERENCE_TITLES = (
    r"references?|notes?|footnotes?|sources?|citations?|bibliography|works cited|further reading"
    r"|notes and references|references and notes|einzelnachweise|nachweise|quellen(?:angaben)?|quelle"
    r"|anmerkungen|fußnoten|fussnoten|literatur(?:verzeichnis)?|références|notes et références|sources"
    r"|bibliographie|referencias|notas|fuentes|bibliografía|notas y referencias"
    # pt, it, nl, pl, cs, sv, da/no, fi, hu, ro, tr
    r"|referências|notas e referências|fontes|bibliografia|note|fonti|riferimenti|bronnen|referenties|noten"
    r"|voetnoten|bronvermelding|literatuur|przypisy|źródła|bibliografie|poznámky|literatura|zdroje|prameny"
    r"|referenser|källor|noter|fotnoter|referanser|referencer|kilder|fodnoter|lähteet|viitteet|jegyzetek"
    r"|források|hivatkozások|referințe|kaynakça|kaynaklar|notlar|dipnotlar"
    # ru, uk, el, ja, zh, ko, ar, he, fa
    r"|примечания|источники|литература|сноски|примітки|джерела|література|παραπομπές|σημειώσεις"
    r"|βιβλιογραφία|脚注|出典|参考文献|注釈|参考资料|参考資料|注释|註釋|腳註|각주|참고\s?문헌|출처"
    r"|المراجع|مراجع|المصادر|الهوامش|הערות שוליים|מקורות|منابع|پانویس"
)
#: A heading that opens a reference list: the document then uses footnotes on purpose.
_REFERENCE_HEADING = re.compile(
    rf"^\W*(?:{_REFERENCE_TITLES})"
    r"(?:\s*\[(?:edit|bearbeiten|modifier|editar)[^\]]*\])?\W*$",  # no \s* next to \W*: quadratic on spaces
    re.IGNORECASE,
)
#: A line of a reference list: ``[1] …``, ``1. …`` followed by a citation-ish text, ``^ …`` or
#: ``↑ …`` (Wikipedia and MediaWiki back-links).
_REFERENCE_ENTRY = re.compile(r"^\s*(?:[-*•]\s*)?(?:\[\d{1,3}\]|\^|↑)\s*\S")
#: The start of every title of `_REFERENCE_TITLES` (a test of `_REFERENCE_START`).
_TITLE_STARTS = (
    r"r(?:eferen|éféren|eferên|eferan|eferinț|iferiment)|n(?:ot|achweise)"
    r"|f(?:ootnot|ußnot|ussnot|uentes|urther reading|ont|otnot|odnot|orrás)|sources?"
    r"|citation|bibliogr|works cited|einzelnachweise|quelle|anmerkungen|literatu|bron|voetnot|przypis"
    r"|źródł|poznámk|zdroje|prameny|källor|kilder|lähteet|viitteet|jegyzetek|hivatkoz|kaynak|dipnot"
    r"|примеч|источн|литерат|сноск|примітк|джерел|літерат|παραπομπ|σημειώσ|βιβλιογρ|脚注|出典|参考"
    r"|注釈|注释|註釋|腳註|각주|참고|출처|المراجع|مراجع|المصادر|الهوامش|הערות|מקורות|منابع|پانویس"
)
#: The first letters of `_TITLE_STARTS` (either case): a line starting with none of them is no title.
_TITLE_FIRSTS = "abcdefhjklnpqrsvwzźпилсдπσβ脚出参注註腳각참출امپהמ"
#: How a line after the first must start, after its line break, to match `_REFERENCE_ENTRY` or
#: `_REFERENCE_HEADING` (within a line ``\s`` and ``\W`` match no line break): what the text is
#: searched for, once, before a line is matched. (The titles' first letters are tested before
#: them, and their starts as a tree: a case-blind alternation tried at every line costs more than
#: the two matches of every line it replaces.) The blanks, the bullet and the marks before a title
#: are taken possessively: what follows each can never be a blank, a bullet, ``[``, ``^``, ``↑``
#: or a title's first letter (every one a word character), so giving one back never made a match,
#: and trying to at every line was a third of the search's time.
_REFERENCE_START = re.compile(
    r"\n(?:[^\S\n]*+(?:[-*•][^\S\n]*+)?+(?:\[\d|\^|↑)"
    rf"|[^\w\n]*+(?=(?i:[{_TITLE_FIRSTS}]))(?i:{_TITLE_STARTS}))"
)


def _reference_line(line: str) -> bool:
    return _REFERENCE_HEADING.match(line) is not None or _REFERENCE_ENTRY.match(line) is not None


def _find_reference_list(doc: Document) -> bool:
    """Whether a line of ``doc`` is a reference list's heading or entry. The lines after the first
    are matched only where one search of the text for how they start (`_REFERENCE_START`) stops:
    a page has hundreds of lines, few of which start so, and a match of both patterns on each of
    them cost ~290 µs a document that holds a citation marker (two-thirds of G001's time; ~80 now)."""
    lines = doc.lines
    if _reference_line(lines[0]):
        return True
    text = doc.text
    line = counted = 0  # line: the number of line breaks before offset counted
    for m in _REFERENCE_START.finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        if _reference_line(lines[line + 1]):
            return True
    return False


#: Whether a document holds a reference list, looked for once per document.
_REFERENCE_LIST: View[bool] = View("generation.reference_list", _find_reference_list)


def _has_reference_list(doc: Document) -> bool:
    return _REFERENCE_LIST.of(doc)


def _marker_lines(text: str) -> list[int]:
    """The numbers (ascending) of the lines of ``text`` where `_MARKER_START` matches."""
    found: list[int] = []
    line = counted = 0  # line: the number of line breaks before offset counted
    for m in _MARKER_START.finditer(text):
        line += text.count("\n", counted, m.start())
        counted = m.start()
        if not found or found[-1] != line:
            found.append(line)
    return found


_END = operator.attrgetter("end")


def _markers(line: str) -> list[re.Match[str]]:
    """``list(_MARKERS.finditer(line))``, matched only where a marker starts (`_MARKER_START`,
    how each of its branches starts after its look-behind): a search tried every character of a
    paragraph of Chinese, which is one long line."""
    found: list[re.Match[str]] = []
    end = 0
    for start in _MARKER_START.finditer(line):
        if start.start() >= end:
            m = _MARKERS.match(line, start.start())
            if m is not None:
                found.append(m)
                end = m.end()
    return found


def _labelled(line: str, marker: re.Match[str]) -> bool:
    """Is ``marker`` the value of a label that opens ``line`` (`_LABEL`), with text after it?"""
    return (
        _LABEL.fullmatch(line, 0, marker.start()) is not None
        and _LABELLED.match(line, marker.end()) is not None
    )


@register
class CitationMarker(Rule):
    """## What it does
    Checks for numeric citation markers glued to the end of a word or sentence (`2015[1][3][7].`,
    `in 2000[1].`, `人口は約1400万人である[2]。`) in a document that has no reference list those
    numbers could point to. Paragraphs of prose only: in Chinese, Japanese, Korean, Arabic … a
    paragraph with a sentence mark (see `lintnews.caseless`).

    Not reported: `[sic]`, `[…]`, `[Update]` and other editorial brackets, years such as
    `[2019]`, markers at the start of a line (a numbered reference list) or after a label that
    opens it with text after them (a program's output, `merge:[6] fix bug 24`), markers in code, and any
    marker in a document that has a reference section ("References", "Notes", "Einzelnachweise",
    "Quellen", "Références", "Referencias", "Referências", "Przypisy", "Примечания", "脚注",
    "参考文献" …) or lines of one (`[1] …`, `^ …`, `↑ …`), as
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
        blocks = doc.blocks
        b = 0
        # (the lines a marker may start in, found by one search of the text: a loop over every
        # line of every paragraph of prose cost more once Chinese and Japanese text had some)
        for line in _marker_lines(doc.text):
            b = bisect.bisect_left(blocks, line, b, key=_END)  # the first block that ends at or after it
            if b == len(blocks):
                break
            block = blocks[b]
            if block.start > line or block.kind not in ("paragraph", "list", "quote") or not block.prose:
                continue
            text = doc.lines[line]
            # (the markers first: the search for code reads all of a line, a paragraph of Chinese)
            found = [m for m in _markers(text) if not _ZERO.search(m.group(0)) and not _labelled(text, m)]
            if not found or _CODE_LIKE.search(text):
                continue
            count = sum(m.group(0).count("[") for m in found)
            first, last = found[0], found[-1]
            edits = tuple(Edit(doc.offset(line, m.start()), doc.offset(line, m.end()), "") for m in found)
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
