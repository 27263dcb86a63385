"""F: formatting damage (glued sentences, broken tables, blank-line runs, mojibake, HTML remnants)."""

from __future__ import annotations

import bisect
import difflib
import html
import operator
import re
from collections.abc import Callable, Iterator
from html.entities import html5

import ftfy
import ftfy.badness

from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Block, Document
from lintnews.language import OPEN_ENDINGS, STOPWORDS, language_of
from lintnews.registry import Rule, Violation, register

_LETTERS = re.compile(r"[^\W\d_]+")


def _prose_lines(doc: Document, kinds: tuple[str, ...] = ("paragraph", "quote")) -> Iterator[tuple[Block, int]]:
    """(block, line) for every line of running text."""
    for block in doc.blocks:
        if block.kind in kinds and block.prose:
            for line in range(block.start, block.end + 1):
                yield block, line


def _blocks_of(doc: Document, lines: list[int]) -> Iterator[tuple[Block, int]]:
    """(block, line) for each of the ascending ``lines`` that is inside a block."""
    blocks = doc.blocks
    b = 0
    for line in lines:
        b = bisect.bisect_left(blocks, line, b, key=_END)  # the first block that ends at or after it
        if b == len(blocks):
            return
        if blocks[b].start <= line:
            yield blocks[b], line


_END = operator.attrgetter("end")


def _lines_with(text: str, chars: str) -> list[int]:
    """The numbers of the lines of ``text`` that hold any of ``chars``, in order. (`str.find`
    and `str.count` skip through the text in C, one line with a hit to the next, instead of a
    loop over every line.)"""
    found = set()
    for ch in chars:
        line, counted = 0, 0  # line breaks before `counted` are in `line`
        at = text.find(ch)
        while at >= 0:
            line += text.count("\n", counted, at)
            found.add(line)
            counted = text.find("\n", at)
            if counted < 0:
                break
            at = text.find(ch, counted)
    return sorted(found)


_BLANK = re.compile(r"[ \t]")


class _Tokens:
    """The whitespace-delimited tokens of one line (delimited by spaces and tabs), found by
    bisecting the blanks' positions, with `_address` answers kept per token: on a line that is
    one long token (`word.word,word;…`) each mark costs a bisection, not a scan of the token."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.blanks = [m.start() for m in _BLANK.finditer(text)] if (" " in text or "\t" in text) else []
        self._found: dict[tuple[object, int, int], bool] = {}

    def span(self, start: int, end: int) -> tuple[int, int]:
        """(left, right) of the token holding ``text[start:end]``: after the last blank before
        ``start``, up to the first blank at or after ``end``."""
        blanks = self.blanks
        i = bisect.bisect_left(blanks, start)
        j = bisect.bisect_left(blanks, end, i)
        return (blanks[i - 1] + 1 if i else 0), (blanks[j] if j < len(blanks) else len(self.text))

    def token(self, start: int, end: int) -> str:
        left, right = self.span(start, end)
        return self.text[left:right]

    def address(self, start: int, end: int) -> bool:
        """Whether the token holding ``text[start:end]`` is an address or code (`_ADDRESS`)."""
        return self._test(_ADDRESS.search, start, end)

    def domain(self, start: int, end: int) -> bool:
        """Whether the token holding ``text[start:end]`` starts with a domain name (`_DOMAIN`)."""
        return self._test(_DOMAIN.match, start, end)

    def _test(self, test: Callable[[str], object], start: int, end: int) -> bool:
        span = self.span(start, end)
        key = (test, *span)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = test(self.text[span[0] : span[1]]) is not None
        return found


#: Tokens that are addresses or code, where punctuation between letters is normal.
_ADDRESS = re.compile(
    r"://|^www\.|@|/|\\|_|=|&"
    r"|\.(?:com|net|org|de|at|ch|uk|fr|es|it|nl|eu|info|io|gov|edu|html?|php|aspx?|pdf|jpe?g|png|gif|js|py|exe|zip)\b",
    re.IGNORECASE,
)


def _word_before(text: str, end: int) -> str:
    """The run of letters that ends at ``end`` (``[^\\W\\d_]+$`` of ``text[:end]``), found by
    reading the text backwards from ``end`` in growing pieces: the cost is the length of the
    word, not of the text before it."""
    size = 16
    while end > 0:
        lo = max(end - size, 0)
        piece = text[lo:end][::-1]
        m = _LETTERS.match(piece)
        n = m.end() if m else 0
        if n < len(piece) or lo == 0:
            return piece[:n][::-1]
        size *= 4
    return ""


def _word_after(text: str, start: int) -> str:
    m = _LETTERS.match(text, start)
    return m.group(0) if m else ""


# --------------------------------------------------------------------------------------------
# F001 missing-space-after-punctuation

#: A full stop, question or exclamation mark between two words (`France.Those`), or a comma or
#: semicolon between two words (`quo,engaging`).
#: (The mark comes first and the lookbehind checks the letters before it: the same matches as
#: a leading lookbehind, but the regex engine can skip to the marks instead of trying every
#: position; likewise below.)
_GLUED_STOP = re.compile(r"[.!?](?<=[^\W\d_]{2}[.!?])(?=[^\W\d_]{3})")
_GLUED_COMMA = re.compile(r"[,;](?<=[^\W\d_]{2}[,;])(?=[^\W\d_]{2})")
#: Per mark, the mark between two letters and two letters: every match of the two patterns
#: above is one of these, at the same place (letters are never line breaks, so a match in the
#: whole text is a match in its line and the reverse). A document or line without one has
#: nothing to report. (One pattern per mark, as a regex that starts with a literal skips ahead
#: to it faster than one that starts with a character class; and the lookahead goes first: most
#: marks are followed by a space, which fails it at once.)
_GLUED_AT = {mark: re.compile(re.escape(mark) + r"(?=[^\W\d_]{2})(?<=[^\W\d_]{2}.)") for mark in ".!?,;"}
#: A dot and a non-space after the word that follows a glued mark (`reg.Gen.m.b.H.`).
_DOTTED = re.compile(r"\.\S")
#: File extensions and top-level domains that follow a dot without a space by design, even when
#: capitalised (`Spiegel.De`, `Report.Pdf`).
_SUFFIXES = frozenset(
    "com net org info biz gov edu online shop app dev tech site blog news html htm php aspx pdf jpg "
    "jpeg png gif doc docx xls xlsx ppt pptx txt zip exe mp3 mp4 js py".split()
)

#: Abbreviations some places write glued to the name (`St.Gallen`, `St.Pauli`).
_JOINED_PREFIXES = frozenset(("St", "Ste"))


def _glued(text: str) -> Iterator[int]:
    """Columns of punctuation marks glued to the next word."""
    tokens = _Tokens(text)
    for m in _GLUED_STOP.finditer(text):
        col = m.start()
        after = _word_after(text, col + 1)
        before = _word_before(text, col)
        # The next word must be an ordinary capitalised word: lower case after the dot is a
        # domain, file name or code (`example.com`, `node.js`); `ASP.NET`, `Console.WriteLine`
        # and `iPhone`-style words are names.
        if not (after[:1].isupper() and after[1:].islower()) or after.casefold() in _SUFFIXES:
            continue
        if before[:1].islower() and not before.islower():
            continue  # camelCase identifiers (`myObject.Value`)
        if text[col] in "!?" and not before.islower():
            continue  # brand names (`FRITZ!Box`, `Yahoo!News`)
        if before in _JOINED_PREFIXES:
            continue
        if _DOTTED.match(text, col + 1 + len(after)):
            continue  # dotted abbreviations and paths (`reg.Gen.m.b.H.`, `pkg.Module.Class`)
        if tokens.address(col, col + 1):
            continue
        yield col
    for m in _GLUED_COMMA.finditer(text):
        col = m.start()
        before = _word_before(text, col)
        after = _word_after(text, col + 1)
        if before.isupper() and after.isupper():
            continue  # codes and initials (`NL,CZ`)
        if tokens.address(col, col + 1):
            continue
        yield col


@register
class MissingSpaceAfterPunctuation(Rule):
    """## What it does
    Checks running text for a full stop, question mark or exclamation mark glued to the
    capitalised word after it (`France.Those`, `reached.Key`, `Dr.Eleanor`) and for a comma or
    semicolon glued to the word after it (`quo,engaging`).

    Abbreviations (`U.S.`, `e.g.`, `z.B.`, `Ph.D.`), numbers (`3.5`, `1,000`, `1.1.2020`, `10.30`,
    `v2.1`), web and e-mail addresses, domains and file names (`example.com`, `report.pdf`) and
    names written as one word (`ASP.NET`, `Console.WriteLine`) are not reported. Only paragraphs of
    running text are checked, not tables, code or lists of tags.

    ## Why is this bad?
    Extractors that join two HTML elements without a space, and generators that drop a token,
    glue sentences together. Tokenisers then see one nonsense word, and readers stumble.

    ## Example
    ```text
    Talks last met in Paris in December.Those talks failed,leaving the question open.
    ```

    Use instead:
    ```text
    Talks last met in Paris in December. Those talks failed, leaving the question open.
    ```

    ## Fix
    Inserts a space after the punctuation mark (safe).
    """

    code = "F001"
    name = "missing-space-after-punctuation"
    severity = Severity.WARNING
    summary = "No space between a punctuation mark and the next word"
    fix_applicability = "safe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        # Only lines with a mark between letters can report anything (see `_GLUED_AT`): find
        # them in the whole text, then look at those that are running text.
        text = doc.text
        suspects = sorted(
            {doc.position(m.start())[0] for mark, glued in _GLUED_AT.items() if mark in text for m in glued.finditer(text)}
        )
        if suspects:
            for block, line in _blocks_of(doc, suspects):
                if block.kind in ("paragraph", "quote") and block.prose:
                    yield from self._line(doc, line)

    def _line(self, doc: Document, line: int) -> Iterator[Violation]:
        text = doc.lines[line]
        if _list_of_tags(text):
            return
        for col in sorted(set(_glued(text))):
            mark = text[col]
            after = _word_after(text, col + 1)
            before = _word_before(text, col)
            offset = doc.offset(line, col + 1)
            yield self.violation(
                line,
                col,
                line,
                col + 1 + len(after),
                f'Missing space after "{mark}" in "{before}{mark}{after}"',
                fix=Fix(f'Insert a space after "{mark}"', (Edit(offset, offset, " "),), True),
            )


def _list_of_tags(text: str) -> bool:
    """A comma-separated list written without spaces (tags, keywords), not a sentence."""
    tight = len(_GLUED_COMMA.findall(text))
    return tight >= 3 and tight > text.count(", ")


# --------------------------------------------------------------------------------------------
# F002 lowercase-sentence-start

#: Abbreviations that end in a full stop and may be followed by a lower-case word. A closed
#: class per language, like the open endings in `lintnews.language`.
_ABBREVIATIONS = frozenset(
    """
    vs etc approx ca cf al fig figs no nos vol vols ed eds pp p para chap sec ch ibid op cit viz esp
    incl excl est min max avg dept govt univ corp inc ltd co bros jr sr st mt ft rev gen col lt sgt
    capt cmdr adm gov sen rep pres prof dr mr mrs ms messrs mme mlle jan feb mar apr jun jul aug sep
    sept oct nov dec mon tue tues wed thu thur thurs fri sat sun tel ext dept approx
    bzw bzgl dbzgl diesbzgl koop tabl urt anm red usw vgl ggf evtl inkl exkl sog bspw zt zb ua uä oä dh ug ca nr str hr fr frl abs art kap bd
    hrsg geb gest ehem ausg jh jhd mio mrd tsd std min sek mind max zzgl abzgl lt gem bzgl betr
    insb allg urspr verh verw dt engl franz ital span österr schweiz ev kath röm ff u z s
    env mm mme nº pág págs sra sres srta dña dª ud uds núm tfno aprox etc av avda
    """.split()
)
#: Name particles written in lower case at the start of a name (`de Gaulle`, `von der Leyen`).
_PARTICLES = frozenset("de da di du del della der den des van von zu ter ten le la el al bin ibn dos das".split())
_CHECKED_LANGUAGES = ("en", "de", "fr", "es")
_COMPOUND = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_DOMAIN = re.compile(r"[\w-]+\.[a-z]{2,6}\b")
_MAX_LOWER_STARTS = 2
#: Sentences starting in upper case the document needs per one starting in lower case.
_UPPER_PER_LOWER = 4
_UPPER_START = re.compile(r"\.(?<=[^\W\d_]\.)[\s\u00a0]+(?=[A-ZÀ-ÖØ-ÞŒ])")
_AFTER_STOP = re.compile(r"\.(?<=[^\W\d_]\.)[\s\u00a0]+(?=[^\W\d_])")
#: `_AFTER_STOP` where the letter is not one of the capitals A-Z, À-Ö, Ø-Þ, А-Я, Α-Ω, in the whole
#: text: every lower-case sentence start `_lower_after_stop` finds in a line is a match here, at
#: the same place (the blanks of a line are never line breaks, and ``\s`` in a line is
#: ``[^\S\n]`` in the text; the capitals left out are never lower case). Only lines with a match
#: are read one by one. (The lookarounds go before the blanks, so a capital fails them at once.)
_LOWER_AFTER_STOP = re.compile(r"\.(?=[^\S\n]+[^\W\d_A-ZÀ-ÖØ-ÞА-ЯΑ-Ω])(?<=[^\W\d_]\.)[^\S\n]+")


def _name_like(text: str, start: int) -> bool:
    """Does the lower-case word at ``start`` begin a name or a brand (`iPhone`, `eBay`,
    `de Gaulle`, `von der Leyen`)?"""
    word = _word_after(text, start)
    if any(c.isupper() for c in word[1:]):
        return True
    if word.casefold() in _PARTICLES:
        # (the word after the blanks that follow, read in place: a copy of the rest of the line
        # per particle would make a line of particles quadratic)
        nxt = _word_after(text, _BLANKS.match(text, start + len(word)).end())  # type: ignore[union-attr]
        return bool(nxt) and (nxt[:1].isupper() or nxt.casefold() in _PARTICLES)
    return False


_BLANKS = re.compile(r"\s*")


def _lower_after_stop(text: str) -> Iterator[int]:
    """Columns of lower-case words that open a sentence inside a line."""
    tokens = _Tokens(text)
    for m in _AFTER_STOP.finditer(text):
        start = m.end()
        if not text[start].islower():
            continue
        before = _word_before(text, m.start())
        # Short words before a full stop are mostly abbreviations (`ca.`, `Urt.`, `Abs.`).
        if len(before) <= 3 or before.casefold() in _ABBREVIATIONS:
            continue
        # `e.g.`, `z.B.`, `a.m.`: dotted abbreviations
        if m.start() - len(before) - 1 >= 0 and text[m.start() - len(before) - 1] == ".":
            continue
        if _name_like(text, start) or tokens.address(start, start + 1) or tokens.domain(start, start + 1):
            continue
        yield start


def _lower_heading(block: Block) -> bool:
    """A title-case heading whose first letter is lower case (`long-Term Implications`).

    Bylines ("by Jane Doe", "por …"), user names over comments and category labels
    ("in Business") start in lower case on purpose, so the first word must be a content word
    (not a stop word of any language) and at least three longer words after it must be
    capitalised, with no digits or punctuation that marks a byline or a label."""
    if block.start != block.end or block.kind not in ("paragraph", "heading"):
        return False
    text = block.text.strip().lstrip("#").strip()
    if not text[:1].islower():
        return False  # (most blocks: tested first)
    words = block.words
    if not 3 <= len(words) <= 14 or _NOT_TITLE.search(text):
        return False
    first = words[0]
    if len(first) < 3 or _STOPWORD(first.casefold()) or first.casefold() in _PARTICLES:
        return False
    if re.search(r"(?<!-)[A-Z]", first[1:]):
        return False  # `iPhone`, `eBay`, `fromThe`; `long-Term` passes
    rest = [w for w in words[1:] if len(w) > 3]
    return len(rest) >= 3 and all(w[:1].isupper() for w in rest)


_NOT_TITLE = re.compile(r"[\d:|@/.,;=?!]")


def _STOPWORD(word: str) -> bool:
    return any(word in stops for stops in STOPWORDS.values()) or any(
        word in endings for endings in OPEN_ENDINGS.values()
    )


@register
class LowercaseSentenceStart(Rule):
    """## What it does
    Checks for a sentence of running text that starts in lower case after a full stop
    (`… crucial priorities. the summit underscored …`), and for a title-case heading whose first
    letter is lower case (`long-Term Implications`).

    Only English, German, French and Spanish text is checked (other languages' abbreviations are
    unknown), and headings only outside German (which capitalises every noun). Not reported:
    words after abbreviations and short words (`e.g.`, `etc.`, `vs.`, `z.B.`, `bzw.`, `ca.`),
    names and brands written in lower case (`iPhone`, `eBay`, `de Gaulle`, `von der Leyen`,
    `hide.me`), bylines and labels (`by Jane Doe`, `in Business`), lists, and documents whose
    writer starts sentences in lower case as a habit (more than two such sentences, or more than
    one in five). A paragraph that starts in lower case is not reported either: in scraped text
    that is mostly a list item, a comment or a brand.

    ## Why is this bad?
    A sentence that starts in lower case is the trace of an edit by a program: a merged
    paragraph, a dropped word, a generator that lost track of case. Readers notice it at once.

    ## Example
    ```text
    The delegations met for six hours. Both sides called the meeting useful. Neither side gave
    details. The mediators were pleased. The next round is planned. the talks resume in March.
    ```

    Use instead:
    ```text
    The delegations met for six hours. Both sides called the meeting useful. Neither side gave
    details. The mediators were pleased. The next round is planned. The talks resume in March.
    ```

    ## Fix
    Capitalises the first letter (unsafe: the word may be a name written in lower case).
    """

    code = "F002"
    name = "lowercase-sentence-start"
    severity = Severity.INFO
    summary = "Sentence or heading starts with a lower-case letter"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        lang = language_of(doc, settings)
        if lang not in _CHECKED_LANGUAGES:
            return  # abbreviations of other languages are unknown (Polish `tzw.`, `proc.` …)
        if lang != "de":  # German capitalises nouns, so every heading looks title-case
            for block in doc.blocks:
                if block.kind in ("paragraph", "heading") and _lower_heading(block):
                    col = _first_letter(doc.lines[block.start])
                    yield self._at(doc, block.start, col, "Heading starts in lower case")
        suspects = sorted({doc.position(m.start())[0] for m in _LOWER_AFTER_STOP.finditer(doc.text)})
        found = [
            (line, col)
            for block, line in _blocks_of(doc, suspects)
            if block.kind in ("paragraph", "quote") and block.prose
            for col in _lower_after_stop(doc.lines[line])
        ]
        # A writer who starts sentences in lower case throughout (comments, chat) has a style,
        # not a defect: report only the odd one out.
        if not found or len(found) > _MAX_LOWER_STARTS:
            return
        upper = sum(len(_UPPER_START.findall(doc.lines[line])) for _block, line in _prose_lines(doc))
        if len(found) * _UPPER_PER_LOWER > upper:
            return
        for line, col in found:
            yield self._at(doc, line, col, "Sentence starts in lower case")

    def _at(self, doc: Document, line: int, col: int, message: str) -> Violation:
        text = doc.lines[line]
        m = _COMPOUND.match(text, col)
        word = m.group(0) if m else text[col : col + 1]
        offset = doc.offset(line, col)
        fix = Fix(f'Capitalise "{word}"', (Edit(offset, offset + 1, text[col].upper()),), False)
        return self.violation(line, col, line, col + len(word), f'{message}: "{word}"', fix=fix)


def _first_letter(text: str) -> int:
    m = re.search(r"[^\W\d_]", text)
    return m.start() if m else 0


# --------------------------------------------------------------------------------------------
# F003 malformed-table

_GLUED_TABLE_ROWS = 3
_HOLLOW_ROWS = 3
#: (Written so that no two ``\s*`` touch: ``\s*\|?\s*`` is quadratic on a long line of spaces.)
_SEPARATOR = re.compile(r"^\s*(?:\|\s*)?:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*(?:\|\s*)?$")


def _cells(row: str) -> list[str]:
    row = row.strip()
    row = row.removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)]


@register
class MalformedTable(Rule):
    """## What it does
    Checks Markdown pipe tables (a header row, then a `|---|---|` separator) for rows with text in
    more cells than the header has (renderers drop it), and for tables where most rows fill only
    the first column while other rows are full (text that belonged in several columns was poured
    into one; rows that stop early count as rows with empty cells). The diagnostic spans the
    broken rows.

    A few empty cells, a column left empty in every row (icons an extractor dropped) and a second
    table glued under the first (a run of rows of another width at the end) are not reported.

    ## Why is this bad?
    Generators that emit Markdown tables lose track of the columns; converters then render the
    rows shifted or drop cells, and the table says something else than the writer meant.

    ## Example
    ```text
    | Party | Seats |
    |---|---|
    | Greens | 12 | +2 |
    | Liberals | 9 |
    ```

    ## Fix
    No automatic fix: only the writer knows which cell was lost.
    """

    code = "F003"
    name = "malformed-table"
    severity = Severity.WARNING
    summary = "Markdown table rows do not match the header"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if "|" not in doc.text or "---" not in doc.text:
            return  # no separator row (it holds both)
        lines = doc.lines
        i = 0
        while i < len(lines) - 1:
            if "|" in lines[i] and _SEPARATOR.match(lines[i + 1]) and "|" in lines[i + 1]:
                start = i
                end = i + 2
                while end < len(lines) and "|" in lines[end] and lines[end].strip():
                    end += 1
                yield from self._table(doc, start, end - 1)
                i = end
            else:
                i += 1

    def _table(self, doc: Document, header: int, last: int) -> Iterator[Violation]:
        head = _cells(doc.lines[header])
        # The separator row counts the columns; a header may leave its first cell out entirely
        # (`  | 2019 | 2020` over `---|---|---`).
        width = max(len(head), len(_cells(doc.lines[header + 1])))
        rows = list(range(header + 2, last + 1))
        if width < 2 or not rows:
            return
        cells = {r: _cells(doc.lines[r]) for r in rows}
        # Extractors glue two tables together when nothing separates them: a run of rows at the
        # end that all share another width is a second table, not broken rows of the first.
        tail = rows[-1]
        while tail - 1 in cells and len(cells[tail - 1]) == len(cells[rows[-1]]):
            tail -= 1
        if len(cells[rows[-1]]) != width and rows[-1] - tail >= _GLUED_TABLE_ROWS - 1 and tail > rows[0]:
            rows = rows[: rows.index(tail)]
        # Renderers pad a short row with empty cells, so a short row is a row with empty cells;
        # they drop cells beyond the header's, so text there is lost.
        wrong = [r for r in rows if any(cells[r][width:])]
        padded = {r: cells[r][:width] + [""] * (width - len(cells[r])) for r in rows}
        full = [r for r in rows if all(padded[r])]
        wrong_set = set(wrong)  # (a set: `in` on the list made a table of many wrong rows quadratic)
        hollow = [r for r in rows if r not in wrong_set and padded[r][0] and not any(padded[r][1:])]
        # A few empty cells are normal (and so is a column of icons an extractor dropped); a
        # table whose rows mostly fill only the first column, while others show what a full row
        # looks like, had its text poured into one column.
        if len(hollow) < _HOLLOW_ROWS or len(hollow) * 2 < len(rows) or not full or not all(head):
            hollow = []
        bad = sorted(wrong + hollow)
        if not bad:
            return
        parts = []
        if wrong:
            counts = sorted({len(cells[r]) for r in wrong})
            parts.append(
                f"{len(wrong)} row{'s' if len(wrong) > 1 else ''} with {'/'.join(map(str, counts))} "
                f"cells where the header has {width} (renderers drop the extra cells)"
            )
        if hollow:
            parts.append(f"{len(hollow)} rows with only the first of {width} columns filled")
        first, end = bad[0], bad[-1]
        yield self.violation(
            first,
            len(doc.lines[first]) - len(doc.lines[first].lstrip()),
            end,
            len(doc.lines[end]),
            "Malformed table: " + "; ".join(parts),
        )


# --------------------------------------------------------------------------------------------
# F004 excess-blank-lines


_FENCE = re.compile(r"^\s*(```|~~~)")
#: The end of a line and three blank lines after it (``\s`` is what `str.strip` removes): every
#: run this rule reports inside the text is one of these.
_BLANK_RUN = re.compile(r"\n[^\S\n]*\n[^\S\n]*\n[^\S\n]*\n")


def _fenced_lines(lines: list[str]) -> set[int]:
    """Lines inside Markdown code fences, where blank lines are content."""
    inside: set[int] = set()
    fence: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if m and (fence is None or m.group(1) == fence):
            fence = m.group(1) if fence is None else None
        elif fence is not None:
            inside.add(i)
    return inside


def _comment_lines(source: str) -> set[int]:
    """0-based lines that hold part of an HTML comment (found as `blank_html_comments` does)."""
    lines: set[int] = set()
    pos = line = 0  # line: the 0-based line of offset pos
    while (start := source.find("<!--", pos)) >= 0 and (end := source.find("-->", start + 4)) >= 0:
        line += source.count("\n", pos, start)
        last = line + source.count("\n", start, end)
        lines.update(range(line, last + 1))
        pos, line = end + 3, last
    return lines


@register
class ExcessBlankLines(Rule):
    """## What it does
    Checks for runs of three or more blank lines, and for blank lines at the end of the document.

    HTML documents are not checked: their blank lines come from the extraction, not the source.
    Neither are blank lines inside Markdown code fences, or at the start of the document.

    ## Why is this bad?
    Removed widgets, ads and related-content boxes leave their line breaks behind. The gaps carry
    no meaning, waste tokens and often mark the place where something was cut out.

    ## Example
    ```text
    The last paragraph of the article.



    ```

    ## Fix
    Collapses each run to one blank line and removes trailing blank lines (safe).
    """

    code = "F004"
    name = "excess-blank-lines"
    severity = Severity.INFO
    summary = "Run of blank lines, or blank lines at the end of the document"
    fix_applicability = "safe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if doc.kind == "html":
            return
        lines = doc.lines
        # The text's final line break leaves an empty last "line" that is not a blank line.
        count = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
        # A Markdown HTML comment is blanked out in the text rules see, but its lines are lines
        # of the file that no fix removes (nor edits inside): they are not blank lines.
        commented = _comment_lines(doc.source) if doc.kind == "markdown" and doc.source is not None else set()
        blank = [not lines[i].strip() and i not in commented for i in range(count)]
        # Nothing to report without a blank last line or three blank lines in a row (a run
        # reported inside the text follows a line and precedes the last content line, so each of
        # its blank lines ends in a line break: `_BLANK_RUN`).
        blank_end = count > 0 and blank[count - 1]
        if not blank_end and not _BLANK_RUN.search(doc.text):
            return
        last_content = max((i for i in range(count) if not blank[i]), default=-1)
        in_code = _fenced_lines(lines)
        i = 0
        while i <= last_content:
            if not blank[i]:
                i += 1
                continue
            j = i
            while blank[j]:
                j += 1
            if j - i >= 3 and i > 0 and i not in in_code:
                # keep the first blank line, drop the rest
                fix = Fix("Collapse the blank lines", (Edit(doc.offset(i + 1), doc.offset(j), ""),), True)
                yield self.violation(i, 0, j - 1, len(lines[j - 1]), f"{j - i} blank lines in a row", fix=fix)
            i = j
        if last_content >= 0 and last_content + 1 < count:
            n = count - last_content - 1
            start = doc.offset(last_content) + len(lines[last_content])
            end = len(doc.text)
            replacement = "\n" if doc.text.endswith("\n") else ""
            fix = Fix("Remove the trailing blank lines", (Edit(start, end, replacement),), True)
            yield self.violation(
                last_content + 1,
                0,
                count - 1,
                len(lines[count - 1]),
                f"{n} blank line{'s' if n > 1 else ''} at the end of the document",
                fix=fix,
            )


# --------------------------------------------------------------------------------------------
# F005 mojibake


_LONE_A_TILDE = re.compile(r"Ã(?=\s)")
#: Characters that ftfy's badness regex accepts on their own: C1 controls, and Â, Ã, Œ, œ
#: (some alternatives need only one of them next to ASCII text).
_MOJIBAKE_SINGLES = "\x80-\x9fÂÃŒœ"
#: Characters of ftfy's mojibake categories that are rare in text: all but the letters
#: (accented Latin lower case, Greek, Cyrillic, the `kaomoji` O and U), the `common` punctuation
#: (no-break space, dashes, ellipsis, apostrophe) and the `law` signs; plus the few of those that
#: ftfy names one by one (Ù, °, µ, Ђ), and the singles. Ranges as in ftfy's own classes.
_MOJIBAKE_RARE = "".join(
    ftfy.badness.MOJIBAKE_CATEGORIES[name]
    for name in ("c1", "bad", "upper_accented", "box", "end_punctuation", "currency", "numeric", "start_punctuation")
) + "Ù°µЂ" + _MOJIBAKE_SINGLES
#: Every character of ftfy's mojibake categories: the characters that a legacy single-byte code
#: page (Windows-125x, Latin-1, MacRoman, CP437) gives its high bytes, as UTF-8 bytes read with
#: that code page come out. (No CJK, kana, Hangul, Arabic or Indic letter, and no CJK
#: punctuation, is among them.)
_MOJIBAKE_ANY = "".join(ftfy.badness.MOJIBAKE_CATEGORIES.values()) + _MOJIBAKE_SINGLES
#: Every text `ftfy.badness.is_bad` accepts holds one of the single characters above, or two
#: characters of ftfy's mojibake categories in a row of which at least one is rare: each
#: alternative of ftfy's badness regex needs one of the singles, or two adjacent characters
#: from its mojibake classes where one of the two classes holds only rare characters
#: (tests/test_formatting_screens.py checks this against the installed ftfy). Lines without a
#: match are not given to ftfy's slow regex (~300 ns per character); German `öß` or `äß`,
#: Polish `ął`, Arabic, Greek or Chinese words are not matched, and neither are the curly
#: quotes and dashes of correctly decoded Chinese, Japanese or Cyrillic text (`。”`, `“数`),
#: which stand next to letters or punctuation no code page has.
#: (Written to start with one character class, the rare one, so the engine skips ahead to it.)
_MAYBE_BAD = re.compile(
    rf"[{_MOJIBAKE_RARE}](?:(?<=[{_MOJIBAKE_SINGLES}])|(?<=[{_MOJIBAKE_ANY}].)|(?=[{_MOJIBAKE_ANY}]))"
)


#: The most characters a match of ftfy's badness regex spans (`ГўВЂВ.x`; its other
#: alternatives are shorter, tests/test_formatting_screens.py checks this).
_BADNESS_WIDTH = 7


def _bad_near(text: str, cols: list[int]) -> bool:
    """``ftfy.badness.is_bad(text)``, given the ascending columns where `_MAYBE_BAD` matches in
    ``text``: every match of ftfy's regex holds one of them (see `_MAYBE_BAD`) and spans at most
    `_BADNESS_WIDTH` characters, so it lies within that distance of one of them. Only those
    stretches are searched, not the whole line (ftfy's regex costs ~300 ns per character).

    (A search from ``pos`` to ``endpos`` finds the matches that lie between them: the regex
    has no lookarounds or ``$``, and its ``^`` matches only at the real start of the text.)"""
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
    spans = [(a0 + i1, a0 + i2, b[b0 + j1 : b0 + j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"]
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
    recognised by the [ftfy](https://ftfy.readthedocs.io) library, and suggests ftfy's repair.

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

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if doc.text.isascii():
            return
        suspects: dict[int, list[int]] = {}  # line: columns, in order
        for m in _MAYBE_BAD.finditer(doc.text):
            line, col = doc.position(m.start())
            suspects.setdefault(line, []).append(col)
        damaged = [i for i, cols in suspects.items() if _bad_near(doc.lines[i], cols)]
        # "Ã" before a space is how UTF-8 "à" looks once its no-break space became a space, but
        # also just the letter Ã: trust it only in a document that shows other damage too.
        if not any(ftfy.badness.is_bad(_LONE_A_TILDE.sub("", doc.lines[i])) for i in damaged):
            return
        for line in damaged:
            text = doc.lines[line]
            fixed = ftfy.fix_encoding(text)
            if fixed == text:
                continue
            spans = _damaged_spans(text, fixed)
            fix = None
            if not any("\ufffd" in repair for _, _, repair in spans) and not ftfy.badness.is_bad(fixed):
                edits = tuple(
                    Edit(doc.offset(line, start), doc.offset(line, end), repair) for start, end, repair in spans
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

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG_NAMES = (
    "a|abbr|article|aside|b|big|blockquote|br|caption|center|cite|code|dd|del|div|dl|dt|em|figcaption"
    "|figure|font|footer|h[1-6]|header|hr|i|iframe|img|ins|li|link|mark|meta|nav|noscript|ol|p|pre|q"
    "|s|script|section|small|span|strike|strong|style|sub|sup|table|tbody|td|tfoot|th|thead|tr|tt|u|ul"
)
_TAG = re.compile(
    rf"</(?:{_TAG_NAMES})\s*>"
    rf"|<(?:{_TAG_NAMES})(?:\s+[a-zA-Z_:][\w:.-]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>=`]+))?)*\s*/?>",
    re.IGNORECASE,
)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|td|th|table|ul|ol|blockquote|section|article|hr)\b", re.IGNORECASE)
_CODE_SPAN = re.compile(r"`[^`]*`")


@register
class HtmlRemnant(Rule):
    """## What it does
    Checks text and Markdown documents for HTML left over from the page: character references
    (`&amp;`, `&nbsp;`, `&#8217;`) and tags of known HTML elements (`<p>`, `</div>`, `<br/>`).

    HTML documents are not checked (there markup is expected), nor Markdown code spans and code
    blocks. A `<` used as less-than (`a < b`, `<3`) is not a tag.

    ## Why is this bad?
    An extractor that decodes the page once too few times, or a feed that escapes its content
    twice, leaves markup in the text. Readers see `&amp;` where an `&` belongs; search and models
    see tokens that are not words.

    ## Example
    ```text
    Johnson &amp; Johnson said the recall was voluntary.<br/>
    ```

    Use instead:
    ```text
    Johnson & Johnson said the recall was voluntary.
    ```

    ## Fix
    Decodes the character reference, or removes the tag (a tag between two words becomes a space),
    (safe).
    """

    code = "F006"
    name = "html-remnant"
    severity = Severity.WARNING
    summary = "HTML entity or tag left in the text"
    fix_applicability = "safe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        if doc.kind == "html" or ("&" not in doc.text and "<" not in doc.text):
            return
        code_lines = {line for block in doc.blocks if block.kind == "code" for line in range(block.start, block.end + 1)}
        for line in _lines_with(doc.text, "&<"):
            text = doc.lines[line]
            if line in code_lines:
                continue
            masked = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), text) if "`" in text else text
            for m in _ENTITY.finditer(masked):
                name = m.group(0)[1:]
                if not name.startswith("#") and name not in html5:
                    continue
                decoded = html.unescape(m.group(0))
                yield self._report(doc, line, m.start(), m.end(), f'HTML entity "{m.group(0)}"',
                                   f'Decode "{m.group(0)}"', decoded)
            for m in _TAG.finditer(masked):
                replacement = ""
                before = text[m.start() - 1 : m.start()]
                after = text[m.end() : m.end() + 1]
                if _BLOCK_TAG.match(m.group(0)) and before.strip() and after.strip():
                    replacement = " "
                yield self._report(doc, line, m.start(), m.end(), f'HTML tag "{m.group(0)[:40]}"',
                                   f'Remove "{m.group(0)[:40]}"', replacement)

    def _report(self, doc: Document, line: int, start: int, end: int, message: str, title: str,
                replacement: str) -> Violation:
        fix = Fix(title, (Edit(doc.offset(line, start), doc.offset(line, end), replacement),), True)
        return self.violation(line, start, line, end, message + " left in the text", fix=fix)
