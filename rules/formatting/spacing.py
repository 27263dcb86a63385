"""F001: no space between a punctuation mark and the next word."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator

from lintnews.caseless import HAN_KANA_CHAR
from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Document
from lintnews.glued_marks import glued_lines
from lintnews.registry import Rule, Violation, register

from .common import _BLANK, _CODE_SPAN, _LETTERS, _blocks_of


class _Tokens:
    """The whitespace-delimited tokens of one line (delimited by spaces and tabs), found by
    bisecting the blanks' positions, with `_address` answers kept per token: on a line that is
    one long token (`word.word,word;…`) each mark costs a bisection, not a scan of the token."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[tuple[object, int, int], bool] = {}

    @functools.cached_property
    def blanks(self) -> list[int]:
        """The blanks' positions, found when a token is first asked for: most glued marks are
        let go before (a lower-case word after the mark), and finding them cost a quarter of
        F001's time on a line."""
        text = self.text
        return [m.start() for m in _BLANK.finditer(text)] if (" " in text or "\t" in text) else []

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
#: The marks of the two patterns above: every match of them is one of these between two letters
#: and two letters (`lintnews.glued_marks.glued_pattern`; letters are never line breaks, so a
#: match in the whole text is a match in its line and the reverse). A document or line without
#: one has nothing to report; the lines that hold one are found by one pass of a kernel over the
#: text (`glued_lines`).
_GLUED_MARKS = ".!?,;"
#: Han and kana: the letters of scripts that write no space after a comma.
_UNSPACED = HAN_KANA_CHAR
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
#: Top-level domains that brands and programmes are named after, written with a capital after
#: a capitalised first part (`Football.London`, `NRW.Bank`, `VW ID.Buzz`, `Berlin.Energy`): a name
#: when the word before the dot is capitalised too, as a sentence glued to the next starts with
#: one of them rarely.
_BRAND_DOMAINS = frozenset(
    "london berlin hamburg wien koeln paris nyc bank energy buzz media sport radio club digital".split()
)
#: Quotation marks that open a name (`"Quali.Dig"`, `„Heimspiel.Dortmund 2022“`).
_OPENING_QUOTES = frozenset("\"'“„«»‚‘")
#: Words written with a semicolon inside them ("you no longer have the 'tl;dr' excuse").
_SEMICOLON_WORDS = frozenset(("tl;dr",))


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
        end = col + 1 + len(after)
        if _DOTTED.match(text, end):
            continue  # dotted abbreviations and paths (`reg.Gen.m.b.H.`, `pkg.Module.Class`)
        if (
            before[:1].isupper()
            and (
                after.casefold() in _BRAND_DOMAINS
                or text[end : end + 1].isdigit()  # `NRW.Energy4Climate`: no sentence's first word
                or text[col - len(before) - 1 : col - len(before)] in _OPENING_QUOTES
            )
        ):
            continue  # a name with a dot: domain-like, with a digit, or quoted from its start
        if tokens.address(col, col + 1):
            continue
        yield col
    for m in _GLUED_COMMA.finditer(text):
        col = m.start()
        before = _word_before(text, col)
        after = _word_after(text, col + 1)
        if before.isupper() and after.isupper():
            continue  # codes and initials (`NL,CZ`)
        if f"{before}{text[col]}{after}".casefold() in _SEMICOLON_WORDS:
            continue
        if _UNSPACED.match(before[-1:]) or _UNSPACED.match(after[:1]):
            continue  # Chinese and Japanese put no space after a comma (`辛苦了,雖然`)
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
    names written as one word (`ASP.NET`, `Console.WriteLine`, `tl;dr`) are not reported, nor code
    in a Markdown code span (`` `typing.Annotated` ``) or an HTML page's `<code>`. Only
    paragraphs of running text are checked, not tables, code or lists of tags.

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
        # Only lines with a mark between letters can report anything (see `_GLUED_MARKS`): find
        # them in the whole text, then look at those that are running text.
        suspects = glued_lines(doc.text, _GLUED_MARKS)
        if suspects:
            for block, line in _blocks_of(doc, suspects):
                if block.kind in ("paragraph", "quote") and block.prose:
                    yield from self._line(doc, line)

    def _line(self, doc: Document, line: int) -> Iterator[Violation]:
        text = doc.lines[line]
        if _list_of_tags(text):
            return
        spans = [m.span() for m in _CODE_SPAN.finditer(text)] if "`" in text else []
        if doc.markup_marks is not None:
            spans += doc.markup_marks.code_spans(line)  # an HTML page's <code>, <kbd>, <samp>
        for col in sorted(set(_glued(text))):
            if spans and any(start < col < end for start, end in spans):
                continue  # code (`typing.Annotated`, `enum.Enum`): no sentence glued to another
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


_DOMAIN = re.compile(r"[\w-]+\.[a-z]{2,6}\b")


def _list_of_tags(text: str) -> bool:
    """A comma-separated list written without spaces (tags, keywords), not a sentence."""
    if text.count(",") + text.count(";") < 3:
        return False  # fewer than three glued commas (each is a "," or a ";")
    tight = len(_GLUED_COMMA.findall(text))
    return tight >= 3 and tight > text.count(", ")
