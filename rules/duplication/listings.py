"""Lines of a code listing, a shell session or a query's result set out as plain text, where
lines repeat by design: the duplication rules leave them out."""

from __future__ import annotations

import re

from lintnews.document import Block, Document

from .keys import _MD_HEADING

#: Marks of a line of code, a shell session or a query's result, stronger than `_CODE_LIKE`
#: (which takes prose's "$5" and "10:30" too, and html2text's escapes "2\\." and brackets):
#: box-drawing characters (a psql table), braces, a comparison or an assignment between two
#: operands (`entries > 10`, `publish = false`; not a "< previous" link), a call `name(`, an
#: index `name[`, `::`, an identifier with an underscore, a shell prompt, a long option, a line
#: that is a bracketed word or elision ("[extensions]", "[...]"). Addresses are left out first
#: (a URL's query holds `=` and `_`). One alternation (the tests' definition); `_code_line`
#: searches its alternatives one by one, each only on a line holding the character it needs.
_CODE_MARKS = re.compile(
    r"[│┃║┼╋╬─━═{}]|\w\s*[<>=]=?\s*[\w'\"(-]|\w[(\[]|::|[a-z]_[a-z]|^\$\s|\s--[a-z]|^\[(?:\w+|\.\.\.|…)\]$"
)
#: `_CODE_MARKS`' alternatives apart: the search of the whole alternation tried every
#: alternative at every character of the line (~25 µs a line of prose, most of D001's and
#: D002's time in `_in_code`), where each alone is a scan for its own characters.
_BOXES = re.compile(r"[│┃║┼╋╬─━═{}]")
_COMPARED = re.compile(r"\w\s*[<>=]=?\s*[\w'\"(-]")
_CALLED = re.compile(r"(?<=\w)[(\[]")  # (`\w[(\[]`, found from its bracket)
_SNAKE = re.compile(r"[a-z]_[a-z]")
_PROMPT = re.compile(r"\$\s")
_OPTION = re.compile(r"\s--[a-z]")
_BRACKETED = re.compile(r"\[(?:\w+|\.\.\.|…)\]$")
#: What `_code_line` leaves out: a reader's quotation mark at the start of a line ("> the staff
#: is trying ..."), web addresses, and citation markers after a word ("published[1][2].", which
#: `_CODE_MARKS` would read as an index `name[`).
_NOT_CODE = re.compile(
    r"^\s*(?:>\s*)+|(?:https?://|www\.)\S+|(?<=[^\W\d_])(?:\[\d{1,3}\])+(?=[\s.,;:!?\"”')]|$)"
)
#: A line that ends a sentence (a full stop, question or exclamation mark, an ellipsis or a
#: colon, before closing quotes, brackets or emphasis markers); a statement's ";" ends none.
_SENTENCE_DONE = re.compile(r"""[.!?…:]["'”“»«’‘)\]*_]*\s*$""")
#: How many non-blank lines above and below a line `_in_code` reads.
_CODE_REACH = 5
#: A shell command on a line of its own: a prompt, a command in lower case, an option ("$ hg -R
#: bob config --edit --local"). Prose's "$ 5 million" has neither a command nor an option.
_SHELL_COMMAND = re.compile(r"^\s*\$\s+[a-z][\w.-]*(?:\s+\S+)*?\s--?[a-zA-Z]")


def _code_line(line: str) -> bool:
    # (`_NOT_CODE` needs a ">", a "[", "://" or "www.": most lines hold none, and are searched as
    # they are)
    if ">" in line or "[" in line or "://" in line or "www." in line:
        line = _NOT_CODE.sub(" ", line)
    line = line.strip()
    return (  # (`_CODE_MARKS.search(line)`, one alternative at a time)
        _BOXES.search(line) is not None
        or "::" in line
        or (("<" in line or ">" in line or "=" in line) and _COMPARED.search(line) is not None)
        or (("(" in line or "[" in line) and _CALLED.search(line) is not None)
        or ("_" in line and _SNAKE.search(line) is not None)
        or (line[:1] == "$" and _PROMPT.match(line) is not None)
        or ("--" in line and _OPTION.search(line) is not None)
        or (line[:1] == "[" and _BRACKETED.match(line) is not None)
    )


def _in_code(doc: Document, block: Block) -> bool:
    """``block`` is a line of a code listing, a shell session or a query's result set out as
    plain text ("AVG(entries) OVER status_window as mean_entries,", "added 1 changesets with 1
    changes to 1 files" after "$ hg pull"), where lines repeat by design: a paragraph of a few
    lines (two code lines a soft wrap joined) that ends no sentence, which with the lines around
    it (up to `_CODE_REACH` non-blank lines each way, over lines that end no sentence, up to a
    Markdown heading) holds two lines with code marks (`_CODE_MARKS`). One such line is not
    enough: a paragraph beside a photo note naming a file ("harbour_archive_0412") is no code;
    a shell command with its prompt and an option is (`_SHELL_COMMAND`: a tutorial repeats "$ hg
    -R bob config --edit --local" between two sentences of prose in each of its examples)."""
    if (
        block.kind != "paragraph"
        or block.end - block.start >= _CODE_REACH
        or _SENTENCE_DONE.search(block.text)
    ):
        return False
    if block.start == block.end and _SHELL_COMMAND.match(block.text):
        return True
    lines = doc.lines
    marked = sum(_code_line(lines[i]) for i in range(block.start, block.end + 1))
    if marked >= 2:
        return True
    found = marked == 1
    for step, start in ((-1, block.start - 1), (1, block.end + 1)):
        i, seen = start, 0
        while 0 <= i < len(lines) and seen < _CODE_REACH:
            line = lines[i]
            i += step
            if not line.strip():
                continue
            if _MD_HEADING.match(line):
                break  # a section's heading: the listing, if any, is on one side of it
            seen += 1
            if _code_line(line):
                if found:
                    return True
                found = True
            elif _SENTENCE_DONE.search(line):
                break  # a sentence: prose around the line
    return False
