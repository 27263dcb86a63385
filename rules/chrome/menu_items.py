"""The shape of one item of a navigation menu (B028, `menu_shapes.line_kind`): one to four words,
the first a capital or a letter of a script without case (Chinese, Arabic, Bengali section names
have no capitals to show), no digit, no sentence end, not a byline's first word; a Chinese or
Japanese one no longer than a section name is (`LONGEST_CJK_ITEM`); a Bengali or Devanagari
word read with its vowel signs, which ``\\w`` does not take (`unmarked`). The kernel
(`native.menu_kinds`) reads most lines the same way and leaves the rest to `line_kind`.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Words a menu item may hold in lower case ("Arts and culture", "Disability sport").
WORD = re.compile(r"[^\W\d_][\w'’&-]*|&")

#: Most words of one menu item.
_ITEM_WORDS = 4

#: A section name written as an abbreviation with its full stops ("U.S.", "U.K."), which
#: `menu_shapes.SENTENCE_END` would take for a sentence's end.
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$")

#: A menu item's shape (`is_item`; a line without its marker, `menu_shapes._bare`): a word
#: ("League", "Q&A", "Children's", "Sci-Fi", `WORD`'s words without digits), up to three more, and
#: only spaces, dashes, apostrophes, slashes and "&" around and between them ("Arts & Culture").
#: A word is read possessively, as `WORD.findall` reads it, so the words are counted as it counts
#: them.
_ITEM_SHAPE = re.compile(
    r"[ \-'’/]*+(?P<first>[^\W\d_](?:[^\W\d]|['’&-])*+)"
    rf"(?:[ \-'’/]*+(?:[^\W\d_](?:[^\W\d]|['’&-])*+|&)){{0,{_ITEM_WORDS - 1}}}+[ \-'’/]*+"
)
#: First words of a byline, never of a menu item ("By Jane Smith", "Posted in").
_BYLINE_WORDS = frozenset(("by", "von", "par", "por", "posted", "written"))

#: Most Chinese characters and kana of one item: a section name is a word or two ("要闻",
#: "社情民意调查"), where a reader's one-line comment with no punctuation ("這裡賞楓露營真是好地方")
#: is longer. (No space parts these scripts' words: `_ITEM_SHAPE` reads such a line as one word.)
LONGEST_CJK_ITEM = 10
#: The Chinese characters and kana (and CJK radicals, bopomofo and the like) `LONGEST_CJK_ITEM`
#: counts.
_CJK = re.compile("[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")

#: Thai, Lao, Myanmar and Khmer write no space between words and often no full stop after a
#: sentence, so a short line of prose has a section name's shape; no corpus measured here holds
#: them (the eval sets and the crawl: none), and a letter of theirs starts no item (`capital`).
UNSPACED = (("\u0e00", "\u0eff"), ("\u1000", "\u109f"), ("\u1780", "\u17ff"))
#: The span of `UNSPACED` (one comparison leaves out the letters outside it, Latin and CJK ones).
_UNSPACED_SPAN = (min(lo for lo, _ in UNSPACED), max(hi for _, hi in UNSPACED))

#: The blocks of combining marks (Bengali's and Devanagari's vowel signs, Thai's, Arabic's and
#: Hebrew's points: parts of a word that ``\w`` does not take) where the kernel leaves a line
#: holding one to `line_kind`, which reads the line without them (`unmarked`).
MARK_BLOCKS = (("\u0300", "\u1dff"), ("\u20d0", "\u20ff"), ("\ufe20", "\ufe2f"))


def is_item(text: str) -> bool:
    """A menu item (``text``: a line without its list or heading marker): one to four words, the
    first capitalised (or in a script without letter case: `capital`), no digits, no sentence end,
    not a byline."""
    if len(text) <= 6 and _ABBREVIATION.match(text):
        return True
    if len(text) > 40 or (not text.isascii() and len(_CJK.findall(text)) > LONGEST_CJK_ITEM):
        return False
    shape = _ITEM_SHAPE.fullmatch(unmarked(text))
    return shape is not None and capital(shape["first"][0]) and shape["first"].casefold() not in _BYLINE_WORDS


def capital(ch: str) -> bool:
    """Whether the letter ``ch`` starts a word as a section name does: a capital, or a letter of a
    script without case ("খেলা", "要闻", "رياضة": a menu of Bengali, Chinese or Arabic section
    names has no capitals to show); not a letter of Thai, Lao, Myanmar or Khmer (`UNSPACED`)."""
    return (
        ch.isalpha()
        and not ch.islower()
        and not (_UNSPACED_SPAN[0] <= ch <= _UNSPACED_SPAN[1] and any(lo <= ch <= hi for lo, hi in UNSPACED))
    )


def capitalised(text: str) -> bool:
    """Every word of four letters or more of ``text`` starts with a capital, or a letter of a
    script without case (`capital`; ``text``: a line without its marker, and an item's without its
    combining marks)."""
    return all(capital(w[0]) for w in WORD.findall(text) if len(w) >= 4)


def unmarked(text: str) -> str:
    """``text`` without the combining marks of `MARK_BLOCKS` (a word's vowel signs), which the
    item's shape would read as the end of a word."""
    if text.isascii() or max(text) < MARK_BLOCKS[0][0]:
        return text
    return _marks().sub("", text)


@functools.cache
def _marks() -> re.Pattern[str]:
    """The combining marks (Unicode category M) of `MARK_BLOCKS`, one class (made when first met)."""
    found = [
        chr(c)
        for lo, hi in MARK_BLOCKS
        for c in range(ord(lo), ord(hi) + 1)
        if unicodedata.category(chr(c)).startswith("M")
    ]
    return re.compile(f"[{''.join(found)}]")
