"""Prose in the scripts without letter case (Chinese, Japanese, Korean, Arabic, Hebrew, Thai,
Hindi …), where a paragraph is not told from a title by its words' lower-case starts, and
Chinese, Japanese and Thai put no space between words: the pure-Python definition of what the
compiled `lintnews._native.Block` computes in ``caseless_prose`` (`lintnews.native.PyBlock.prose`
uses it), and the marks the T rules read a sentence's end by."""

from __future__ import annotations

#: The fewest letters of scripts without letter case a paragraph of them needs to be prose.
CASELESS_PROSE = 20
#: Marks that end or split a sentence: Latin punctuation (Korean, Arabic, Hebrew text uses it
#: too), and Chinese and Japanese (full-width, ideographic), Arabic, Urdu and Devanagari ones.
CLAUSE_MARKS = frozenset(".!?,;。．｡！？，、；؟،؛۔।॥")


def py_caseless_letter(ch: str) -> bool:
    """Whether the character ``ch`` is a letter of a script without letter case (Han, kana,
    Hangul, Arabic, Hebrew, Thai, Devanagari …): a letter (`str.isalpha`) from U+0590 (Hebrew)
    on, neither lower, upper nor title case."""
    return ch >= "\u0590" and ch.isalpha() and not (ch.islower() or ch.isupper() or ch.istitle())


def py_caseless_prose(text: str) -> bool:
    """Whether ``text`` reads as prose of a script without letter case, whose words are not told
    by their first letter's case (and Chinese, Japanese and Thai put no space between them): at
    least `CASELESS_PROSE` letters of such scripts, more than half of its letters, and a mark of
    `CLAUSE_MARKS` in it (a menu, a tag line or a headline has none)."""
    if text.isascii():
        return False
    caseless = letters = 0
    marked = False
    for ch in text:
        if ch.isalpha():
            letters += 1
            caseless += py_caseless_letter(ch)
        elif ch in CLAUSE_MARKS:
            marked = True
    return marked and caseless >= CASELESS_PROSE and 2 * caseless > letters


#: The commas a sentence may be cut after: ",", and the full-width "，", ideographic "、" and
#: Arabic "،".
COMMAS = ",，、،"
