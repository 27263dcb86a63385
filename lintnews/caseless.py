"""Prose in the scripts without letter case (Chinese, Japanese, Korean, Arabic, Hebrew, Thai,
Hindi …), where a paragraph is not told from a title by its words' lower-case starts, and
Chinese, Japanese and Thai put no space between words: the pure-Python definition of what the
compiled `lintnews._native.Block` computes in ``caseless_prose`` (`lintnews.native.PyBlock.prose`
uses it), and the marks the T rules read a sentence's end by."""

from __future__ import annotations

import re

#: The fewest letters of scripts without letter case a paragraph of them needs to be prose.
CASELESS_PROSE = 20
#: A Han or kana character (the CJK compatibility ideographs included), as a regular expression's
#: character class: Chinese and Japanese text, read a character at a time where it has no spaces
#: to split words at (T001/T002's stumps, F001's spacing, S003's answers, B027's first paragraph).
HAN_KANA = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
#: `HAN_KANA` compiled, one character (the rules that count or test such characters share it).
HAN_KANA_CHAR = re.compile(HAN_KANA)
#: A Han character alone (the ranges of `HAN_KANA` without the kana): what opens a Chinese word.
HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
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


def py_indic_sign(ch: str) -> bool:
    """Whether the character ``ch`` is a vowel sign, a virama or a nasal sign of an Indic script
    (Devanagari, Bengali, Gurmukhi … Sinhala, U+0900-U+0DFF): not a letter (`str.isalpha`), so a
    word of Hindi or Bengali cut after its consonant's vowel sign ("হাসিনুরের শরীরের বি") would
    end on no letter. Told by the place such signs have in each script's block of 128 (the
    scripts share one layout): offsets 0x00-0x03, 0x3A-0x4F, 0x51-0x57 and 0x62-0x63, when the
    character is no letter or digit there (the compiled ``open_blocks`` tests the same)."""
    code = ord(ch)
    if not 0x0900 <= code < 0x0E00 or ch.isalnum():
        return False
    at = code & 0x7F
    return at <= 0x03 or 0x3A <= at <= 0x4F or 0x51 <= at <= 0x57 or 0x62 <= at <= 0x63


def py_letter_end(ch: str) -> bool:
    """Whether a text that ends on ``ch`` ends on a word: a letter, or an Indic script's vowel
    sign or virama (`py_indic_sign`), which follows a letter."""
    return ch.isalpha() or py_indic_sign(ch)
