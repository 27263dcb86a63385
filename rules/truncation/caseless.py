"""How prose of a script without letter case ends (Chinese, Japanese, Korean, Arabic, Hebrew,
Hindi …): for T001 and T002, whose word lists and lower-case tests read Latin, Greek and
Cyrillic text only.

There a block is prose by its letters (`lintnews.caseless.py_caseless_prose`), not by its words'
lower-case starts; a sentence ends with a mark of its script ("。", "！", "？", "؟", "۔", "।"),
a Latin one, a closing quote or bracket ("」", "』", "）"), an ellipsis, a digit or a symbol, and
a paragraph that stops on a letter of the script or on a comma (",", "，", "、", "،") stops
mid-sentence. No word list tells a stump from a word, and Chinese and Japanese put no space
between words, so the last *letter* decides: a paragraph of Chinese that ends "今年的收" is cut,
whichever word "收" began.

What a paragraph must be to be judged (`runs_on`): a finished sentence before its end, or at
least `MIN_RUN_ON` letters of the script (a headline or a caption is shorter). A last sentence
holding a colon ("来源：新华社", "编辑：张三", but not "他说：“…") or a link is a label, never a
cut. After a finished paragraph, a last line of the script cut after its first clause ("因此，即使
宇航员自") is a new paragraph's start (`started_cut`); a line of one clause may be a byline, a
caption or a link, and is not judged.
"""

from __future__ import annotations

import re
import unicodedata

from lintnews.caseless import CLAUSE_MARKS, COMMAS, HAN_KANA, HAN_KANA_CHAR, py_letter_end
from lintnews.document import Block
from lintnews.native import cased_prose

#: Letters of the script a paragraph with no finished sentence needs to be judged.
MIN_RUN_ON = 30
#: A sentence end followed by more text: the Chinese and Japanese marks need no space after them.
#: (One class of marks first, then a branch per kind: a pattern that starts with a class is
#: searched for it at C speed, one of two branches was tried at every character.)
_INNER_END = re.compile(
    r"[。！？｡.!?…؟۔।](?:(?<=[。！？｡])[」』）)\"”’]*\S|(?<=[.!?…؟۔।])[\"'”’»)\]」』）]*\s+\S)"
)
#: What makes a last sentence a label or a pointer, not a sentence: a colon ("来源：新华社"), but
#: one before a quotation ("他说：“…"), a link, a handle.
_LABEL = re.compile(r"(?=[:：w@/])(?:[:：](?!\s*[“「『\"])|www\.|@|/)")  # (a class first: see _INNER_END)
#: A letter from U+0590 (Hebrew) on: what the lengths below count, nearly always a letter of a
#: script without case (`lintnews.caseless.py_caseless_letter`, a call a character, would cost
#: T001 more on Chinese than on English).
_SCRIPT_LETTER = re.compile(r"[^\W\d_\x00-\u058f]")
_SCRIPT_LETTERS = re.compile(r"[^\W\d_\x00-\u058f]+")
#: How much of a paragraph's end `_tail` reads for its last sentence.
_TAIL_READ = 400
#: Letters of the script a short last line after finished prose needs, without a comma, to be
#: taken for a paragraph's start.
MIN_STARTED = 12
#: Opening quotes and brackets: a text that ends on one is cut.
_OPENERS = frozenset("“「『（【《(‘")
#: The middle dot of Japanese, which joins the items of a list ("小学生・中学生") and names
#: ("ウェブ・サイト"): a text that ends on one after a letter is cut (three of them, "・・・",
#: are an ellipsis).
_JOINERS = frozenset("・")
#: The closers of a title or a term quoted inside a sentence ("三省堂の『例解小学国語辞典』",
#: "‘一带一路’"), and their openers: a text that ends on one, after a title opened right after a
#: letter, stops before the sentence's verb or end mark (a quotation that makes a sentence of
#: its own, "。『ありがとう』", and the corner bracket "」" of a quoted utterance end sentences).
_TITLE_OPENER = {"』": "『", "’": "‘"}
#: The characters but letters a cut text of the script may end on.
CUT_ENDS = _OPENERS | _JOINERS | frozenset(COMMAS) | frozenset(_TITLE_OPENER)
#: Han and kana: the letters of the scripts that write no space between words.
_UNSPACED = HAN_KANA_CHAR
#: A space between two Han or kana characters: no clause of Chinese or Japanese has one.
_SPACED_OUT = re.compile(rf"{HAN_KANA}\s+(?={HAN_KANA})")
#: The characters a run of a spaced-out clause may hold: a byline's or a caption's parts are
#: short ("新华社记者 张三 摄"); a longer run is a sentence with a stray space (Japanese with
#: the readings of its Han written after them: "株式会社かぶしきがいしゃ 三省堂").
_LONGEST_SPACED_RUN = 20
#: What ends a clause: a comma or a sentence end, the marks that make a block prose
#: (`lintnews.caseless.CLAUSE_MARKS`, the kernel's `is_clause_mark`) and an ellipsis.
_CLAUSE_MARKS = "".join(sorted(CLAUSE_MARKS | {"…"}))
#: The most characters of the end a message quotes, of Chinese or Japanese (runs of their
#: letters are clauses), of another script (a word).
_SHOWN = 6
_LONGEST_WORD = 40


def is_caseless_prose(block: Block) -> bool:
    """Whether ``block`` is prose by `lintnews.caseless.py_caseless_prose` only: its words' case
    does not make it prose (the test `lintnews.native.PyBlock` makes first)."""
    return block.prose and not cased_prose(block.word_count, block.lower_count)


def runs_on(block: Block) -> bool:
    """Running text shaped like a paragraph: a finished sentence before the end, or at least
    `MIN_RUN_ON` letters of the script."""
    text = block.text.rstrip()
    if _INNER_END.search(text) is not None:
        return True
    return _has_letters(text, MIN_RUN_ON)


def _letters(text: str) -> int:
    """The letters of ``text`` from U+0590 on (`_SCRIPT_LETTER`)."""
    return len(_SCRIPT_LETTER.findall(text))


def _has_letters(text: str, least: int) -> bool:
    """Whether ``text`` holds at least ``least`` letters from U+0590 on (read only as far as the
    last of them: a paragraph is long)."""
    found = 0
    for run in _SCRIPT_LETTERS.finditer(text):  # (runs: a match object a letter cost more)
        found += run.end() - run.start()
        if found >= least:
            return True
    return False


def _tail(text: str) -> str:
    """The last sentence of ``text`` (after its last inner sentence end), of its last
    `_TAIL_READ` characters at most (a paragraph may be long, a sentence seldom is)."""
    start = max(0, len(text) - _TAIL_READ)
    ends = [m.end() - 1 for m in _INNER_END.finditer(text, start)]
    return text[ends[-1] :] if ends else text[start:]


def open_end(block: Block, finished_before: bool = False) -> tuple[str, int, str] | None:
    """What the caseless prose ``block`` is cut off on, its column on the block's last line and
    why (``ends on a comma``, ``ends on "…" with no closing punctuation``); None when its text
    ends otherwise, or its last sentence is a label (`_LABEL`). It is cut when it ends on a
    letter (of any script: a Latin name in a Chinese sentence, "向Alph", is cut too; or an Indic
    vowel sign, `lintnews.caseless.py_letter_end`), a comma or a Japanese middle dot ("・") after
    a letter, an opening quote or bracket (`_OPENERS`), or a title or a term quoted inside its
    last sentence ("…三省堂の『例解小学国語辞典』": `_ends_on_title`). With ``finished_before`` a
    finished sentence must come before the end, and `MIN_RUN_ON` letters (T001: a paragraph,
    not a headline, a caption or a line). A last line holding two bars ("|", "｜": a row of
    links) and a last clause of Han or kana holding a space (a byline, a credit: runs shorter than
    `_LONGEST_SPACED_RUN`) are never cut."""
    text = block.text.rstrip()
    if finished_before and len(text) < MIN_RUN_ON:
        return None  # (too short for the letters asked below: a line of a menu, a caption)
    last = text[-1:]
    comma = last in COMMAS or last in _JOINERS
    opener = last in _OPENERS
    titled = last in _TITLE_OPENER and _ends_on_title(text)
    if not (comma or opener or titled or (last and py_letter_end(last))):
        return None
    if comma and not (len(text) > 1 and py_letter_end(text[-2])):
        return None  # ("…",  ",,,", "・・・": not a sentence)
    line = text.rpartition("\n")[2]
    if finished_before and _INNER_END.search(text) is None:
        return None
    tail = _tail(text)
    if _LABEL.search(tail) or line.count("|") + line.count("｜") >= 2:
        return None  # a label or a row of links ("关于我们｜联系我们｜…"), not a sentence
    stop = len(line) - 1 if comma or opener or titled else len(line)
    end = line[max(0, stop - _TAIL_READ) : stop]
    clause = max(map(end.rfind, _CLAUSE_MARKS)) + 1
    if _SPACED_OUT.search(end, clause) and max(map(len, end[clause:].split())) < _LONGEST_SPACED_RUN:
        return None  # a byline or a credit ("新华社记者 张三 摄"): a clause of Chinese has no space
    if finished_before and not _has_letters(text, MIN_RUN_ON):
        return None  # (counted last: the paragraph is read as far as its 30th letter)
    # the last word: in Chinese and Japanese, whose words have no spaces between them, the last
    # few letters
    shown = _SHOWN if _UNSPACED.match(line[stop - 1]) else _LONGEST_WORD
    start = stop
    while start > 0 and stop - start < shown and unicodedata.category(line[start - 1])[0] in "LM":
        start -= 1
    if last in _JOINERS:
        return last, stop, f'ends on "{last}"'
    if comma:
        return line[start:stop], start, "ends on a comma"
    if opener:
        return last, stop, f'ends on "{last}"'
    if titled:
        return last, stop, f'ends on "{last}" with no closing punctuation'
    return line[start:stop], start, f'ends on "{line[start:stop]}" with no closing punctuation'


def _ends_on_title(text: str) -> bool:
    """Whether ``text``, which ends on a closer of `_TITLE_OPENER`, ends on a title or a term
    quoted inside its last sentence: the title's last character and the one before its opener
    are letters ("…の『例解小学国語辞典』")."""
    at = text.rfind(_TITLE_OPENER[text[-1]])
    return at > 0 and len(text) - at > 2 and py_letter_end(text[at - 1]) and py_letter_end(text[-2])


def document_cut(block: Block) -> tuple[int, int, str] | None:
    """(line, column, message) when the prose ``block``, a document's last, is cut off
    (`open_end`), else None (T002)."""
    found = open_end(block)
    return None if found is None else (block.end, found[1], f"Document is cut off mid-sentence ({found[2]})")


def started_cut(block: Block) -> tuple[int, int, str] | None:
    """`document_cut` of the last ``block`` of a document, a short line after a finished
    paragraph of prose of the script, when it shows a sentence begun: most of its letters of the
    script, and a comma before its end or `MIN_STARTED` letters of the script (a heading, a
    label, a button is shorter) (T002)."""
    text = block.text.rstrip()
    caseless, letters = _letters(text), sum(map(str.isalpha, text))
    if 2 * caseless <= letters:
        return None  # (a line of Latin letters)
    if caseless < MIN_STARTED and not any(c in COMMAS for c in text[:-1]):
        stump = _ONE_LETTER_END.search(text)
        if stump is None or stump.group(1) in _ONE_LETTER_WORDS:
            return None  # (a heading, a label)
        line = block.text.rstrip().rpartition("\n")[2]
        return block.end, len(line) - 1, f'Document is cut off mid-word ("{stump.group(1)}")'
    return document_cut(block)


#: A last word of one letter of Arabic or Hebrew script after two words or more: no word but the
#: conjunction "و" (Persian writes it apart, Arabic text often does) is one letter long there
#: (prepositions and articles are written joined to the next word), so it is a stump ("ماذا وراء ز").
#: (After one word it may be a label's letter: "الملحق ب", appendix B.)
_ONE_LETTER_END = re.compile(r"\S\s+\S+\s+([\u05d0-\u05ea\u0621-\u064a\u067e-\u06d3])$")
_ONE_LETTER_WORDS = frozenset("و")


#: Corner brackets, which open a quotation or a title in Chinese and Japanese and close it on the
#: same line (a quotation of several paragraphs is rare there), and their closers; and the
#: curved double quotes of Chinese prose, told in a paragraph of a script without letter case.
_CORNERS = ("「", "『")
_CORNER_CLOSERS = ("」", "』")
_QUOTE, _QUOTE_CLOSER = "“", "”"
#: The closers of a quotation or a title inside a quotation ("“…‘大众创业、万众创新’"): a
#: text whose quotation is open and that ends on one is cut.
_NESTED_CLOSERS = frozenset("’」』")


def unclosed_quote(blocks: list[Block], lines: list[str]) -> tuple[int, int, str] | None:
    """(line, column, message) when the last of ``blocks`` (of a document of ``lines``), a
    paragraph or quote after others, stops inside a quotation or a title its last line opens with
    a corner bracket ("「", "『"), or in prose of a script without letter case with a curved
    quote ("“"), and does not close: it ends on a letter, a comma, the corner bracket itself
    ("「NEWS W", "「ＮＥＷＳ ＷＥＢ ＥＡ"), or the closer of a quotation or a title inside it
    ("“…‘大众创业、万众创新’"), which no heading, label or finished sentence does. Told at any
    length (a line cut a few letters after its bracket is too short for `started_cut`) (T002)."""
    if len(blocks) < 2 or blocks[-1].kind not in ("paragraph", "quote"):
        return None
    block = blocks[-1]
    line = block.text.rstrip().rpartition("\n")[2]
    last = line[-1:]
    if not (last in _CORNERS or last in COMMAS or last in _NESTED_CLOSERS or (last and py_letter_end(last))):
        return None
    opened = max(map(line.rfind, _CORNERS))
    if opened >= 0 and any(closer in line[opened:] for closer in _CORNER_CLOSERS):
        opened = -1
    if opened < 0 and last != _QUOTE and is_caseless_prose(block):
        quoted = line.rfind(_QUOTE)
        opened = quoted if quoted > line.rfind(_QUOTE_CLOSER) else -1
    if opened < 0:
        return None
    bracket = line[opened]
    column = max(0, lines[block.end].rfind(bracket))
    return (
        block.end,
        column,
        f'Document is cut off mid-sentence (a quotation opened by "{bracket}" is not closed)',
    )
