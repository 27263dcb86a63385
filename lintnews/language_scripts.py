"""Languages of other scripts than Latin, for `lintnews.language`: stop-word profiles of the
languages whose words are written with spaces between them and whose stop words are whole
words once a text is normalised (Cyrillic, Greek, Arabic and Hebrew script), and the language
of a text in a script whose words are not (Chinese, Japanese, Thai: no spaces; Korean: particles
glued to the words; Hindi and Bengali: the vowel signs that normalisation takes for spaces) by
the letters of its script.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from lintnews import native


def _words(text: str) -> frozenset[str]:
    """The words of ``text`` as a document's normalised lines hold them: NFKC, case-folded (the
    Greek final sigma becomes σ)."""
    return frozenset(unicodedata.normalize("NFKC", text).casefold().split())


#: Their most frequent words in news text, each list ~30 % of the running words of its
#: language as `lintnews.language.STOPWORDS` are of theirs (wordfreq's figures), with the words
#: that tell the languages of one script apart (Russian "что", "это", "от"; Ukrainian "що", "це",
#: "від", "і"; Bulgarian "че", "са", "ще"; Serbian "је", "су", "који"; Persian "از", "در", "که";
#: Urdu "کے", "میں", "ہے").
SCRIPT_STOPWORDS: dict[str, frozenset[str]] = {
    "ru": _words(
        "и в не на что с по как это он к а из у за о от же для то так все его но она было были "
        "был мы они вы бы ее их до или уже если при также только когда после может"
    ),
    "uk": _words(
        "і в на що з не у до як та це за від по він але а його для я ми вони вже також було її "
        "які який може після року так при про чи або ще й"
    ),
    "bg": _words(
        "и на в да се за не от с че е са по това как но или който които която му ще ги бе беше "
        "като при след до също към във със има тази този"
    ),
    "sr": _words(
        "и у на да је се за не од са су као из што који која које а али то до по још било био ће "
        "или па тако сам има када"
    ),
    "el": _words(
        "και το της του να η ο τα την σε με των για που από στο στην τον οι θα είναι δεν στα ένα "
        "μια ως στις τους αλλά όπως μετά έχει ήταν"
    ),
    "ar": _words(
        "في من على إلى أن عن مع هذا هذه التي الذي كان ما لا أو ثم قد كما بين بعد قبل حتى إن لم "
        "لن كل ذلك عند وقال وفي"
    ),
    "fa": _words("و در به از که این را با است برای آن یک خود تا شده بر می های شود کرد نیز اما یا هم بود کند"),
    "ur": _words("کے میں کی ہے اور سے کو کا نے پر یہ ہیں کہ بھی تھا ایک گیا ہو جو تو کر تھی اس"),
    "he": _words("של את על הוא לא עם זה גם כי אם היא או מה כל אבל הם יותר היה עוד אני אחרי לפני בין כך רק"),
}


def _span(first: int, last: int, step: int = 1) -> str:
    """The letters from ``first`` to ``last`` (every ``step``-th; unassigned code points left out)."""
    return "".join(ch for ch in map(chr, range(first, last + 1, step)) if ch.isalpha())


#: Per language of a script whose words a stop-word profile cannot count, letters of the script
#: that its text holds many of, and none of another language's: the 40 most frequent hiragana
#: (94 % of Japanese text's; Japanese writes its endings and particles in them, Chinese never),
#: the 49 most frequent Hangul syllables (half of Korean text's), Thai consonants, Devanagari
#: and Bengali consonants, and the 49 most frequent Han characters of Chinese (的, 一, 是 …,
#: many of them simplified forms that Japanese does not use). Few letters a script: the
#: kernel that finds them reads each of them on every call (`script_language`'s cost).
SCRIPT_LETTERS: dict[str, str] = {
    "ja": "のいてなにたしでるとはがかっをすもらうんれまだこりくあよさけきそやおどえわちめつ",
    "ko": "이다는에하고가을지의로서은아한어도기사니있를나해리시그요인들자일게대라으스수만보제면정주전부여거과",
    "th": _span(0x0E01, 0x0E2E),
    "hi": _span(0x0915, 0x0939),
    "bn": _span(0x0995, 0x09B9),
    "zh": "的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里",
}
#: Letters of the scripts whose languages the stop-word profile places (Arabic, Cyrillic, Greek,
#: Hebrew): a text in one of them that the profile did not place (too few of its stop words) is
#: given no language by a passage of Bengali or Chinese in it.
PROFILED_LETTERS = {
    "Arab": _span(0x0627, 0x063A) + _span(0x0641, 0x064A),
    "Cyrl": _span(0x0430, 0x044F),
    "Grek": _span(0x03B1, 0x03C9),
    "Hebr": _span(0x05D0, 0x05EA),
}
#: Per script, its most frequent letter and the share of its text's letters it makes up
#: (wordfreq's figures; Thai's guessed): what tells which script a text of two is mostly in.
FREQUENT: dict[str, tuple[str, float]] = {
    "ja": ("の", 0.037),
    "zh": ("的", 0.04),
    "ko": ("이", 0.036),
    "th": ("า", 0.07),
    "hi": ("क", 0.119),
    "bn": ("র", 0.132),
    "Arab": ("ا", 0.135),
    "Cyrl": ("о", 0.1),
    "Grek": ("α", 0.101),
    "Hebr": ("י", 0.112),
}
#: The order `script_language` tries them in (a tie goes to the first).
_ORDER = (*SCRIPT_LETTERS, *PROFILED_LETTERS)
_ALL_LETTERS = "".join(SCRIPT_LETTERS.values()) + "".join(PROFILED_LETTERS.values())
_GROUP_OF = {ch: group for group, letters in {**SCRIPT_LETTERS, **PROFILED_LETTERS}.items() for ch in letters}
#: How many distinct letters of a script's `SCRIPT_LETTERS` or `PROFILED_LETTERS` a text must
#: hold to be taken for one in it: a page of other text with a name or a word in Chinese holds
#: a few.
MIN_LETTERS = 12
#: How much of a text (in characters, from its start) `script_language` reads.
SCRIPT_SAMPLE = 3_000


def scripts_in(text: str) -> list[str]:
    """The scripts ``text`` is written in, read in its first `SCRIPT_SAMPLE` characters: those
    of which it holds at least `MIN_LETTERS` distinct letters of `SCRIPT_LETTERS` (named by
    their language) or `PROFILED_LETTERS` (by their script: ``Arab``, ``Cyrl`` …), one pass of a
    compiled kernel (`lintnews.native.chars_in`) over the sample; the one of the most letters
    first, estimated from the count of its most frequent ones (`FREQUENT`: a Chinese page with
    a footer in Japanese, a Bengali one with a passage in Arabic). Empty for a text in Latin
    letters only."""
    sample = text[:SCRIPT_SAMPLE]
    if sample.isascii():
        return []
    found = native.chars_in(sample, _ALL_LETTERS)
    if len(found) < MIN_LETTERS:
        return []
    counts = dict.fromkeys(_ORDER, 0)
    for ch in found:
        counts[_GROUP_OF[ch]] += 1
    present = [group for group in _ORDER if counts[group] >= MIN_LETTERS]
    if len(present) > 1:
        present.sort(key=_estimate(sample), reverse=True)  # (stable: a tie keeps `_ORDER`)
    return present


def script_language(scripts: list[str]) -> str | None:
    """The language of a text written mostly in a script of `SCRIPT_LETTERS` (``scripts``: its
    `scripts_in`), else None (a text of a script the stop-word profile reads, which placed no
    language, or of none). Devanagari is taken for Hindi and Bengali script for Bengali
    (Marathi, Nepali and Assamese share them)."""
    return scripts[0] if scripts and scripts[0] in SCRIPT_LETTERS else None


#: The languages of other scripts than Latin that `lintnews.language` detects.
OTHER_SCRIPTS = frozenset(SCRIPT_STOPWORDS) | frozenset(SCRIPT_LETTERS)


def script_languages(scripts: list[str]) -> list[str]:
    """The languages of the scripts a text holds passages of (``scripts``: its `scripts_in`):
    the phrase packs of each apply to it too (a Chinese page's share buttons in Japanese)."""
    return [PROFILED_LANGUAGE.get(group, group) for group in scripts]


def _estimate(sample: str) -> Callable[[str], float]:
    """How many letters of a script ``sample`` holds, estimated from its `FREQUENT` letters."""

    def letters(group: str) -> float:
        frequent, share = FREQUENT[group]
        return sum(map(sample.count, frequent)) / share

    return letters


#: Per script, the code points its letters are counted in (`script_letters`: ranges of whole
#: rows of 16, the kernel's table has a group a row), and the language whose phrase packs a page
#: holding its letters gets (`lintnews.packs.matching`).
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Grek": ((0x0370, 0x0400),),
    "Cyrl": ((0x0400, 0x0530),),
    "Hebr": ((0x0590, 0x0600),),
    "Arab": ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00)),
    "Deva": ((0x0900, 0x0980),),
    "Beng": ((0x0980, 0x0A00),),
    "Thai": ((0x0E00, 0x0E80),),
    "Hang": ((0x1100, 0x1200), (0x3130, 0x3190), (0xAC00, 0xD7B0)),
    "Kana": ((0x3040, 0x3100), (0x31F0, 0x3200), (0xFF60, 0xFFA0)),
    "Hani": ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)),
}
#: The script each language of other scripts than Latin is written in; and per script, the
#: language whose packs its letters bring (Russian's for Cyrillic, Arabic's for Arabic script).
SCRIPT_OF_LANGUAGE = {
    **dict.fromkeys(("ru", "uk", "bg", "sr"), "Cyrl"),
    **dict.fromkeys(("ar", "fa", "ur"), "Arab"),
    "el": "Grek",
    "he": "Hebr",
    "hi": "Deva",
    "bn": "Beng",
    "th": "Thai",
    "ko": "Hang",
    "ja": "Kana",
    "zh": "Hani",
}
PACK_LANGUAGE = {script: lang for lang, script in reversed(SCRIPT_OF_LANGUAGE.items())}
#: The language a passage of a script of `PROFILED_LETTERS` is taken for when it is not the
#: text's own (`script_languages`): the script's `PACK_LANGUAGE` (Cyrillic Russian's, Arabic
#: script Arabic's).
PROFILED_LANGUAGE = {script: PACK_LANGUAGE[script] for script in PROFILED_LETTERS}
_SCRIPTS = tuple(SCRIPT_RANGES)
_TABLE = bytearray(0x1000)
for _group, _ranges in enumerate(SCRIPT_RANGES.values(), 1):
    for _first, _stop in _ranges:
        _TABLE[_first >> 4 : _stop >> 4] = bytes([_group]) * ((_stop - _first) >> 4)
SCRIPT_TABLE = bytes(_TABLE)


def py_letters_by_table(text: str, table: bytes, groups: int) -> list[int]:
    """How many letters (`str.isalpha`) of ``text`` fall in each of ``groups`` groups (1 to
    256): a character's group is ``table[code point >> 4]`` (0, or ``groups`` or more: counted
    nowhere; past the table's end, none). The definition of the kernel `letters_by_table`."""
    if not 1 <= groups <= 256:
        raise ValueError("letters_by_table() takes 1 to 256 groups")
    counts = [0] * groups
    for ch in text:
        at = ord(ch) >> 4
        if at < len(table) and 0 < table[at] < groups and ch.isalpha():
            counts[table[at]] += 1
    return counts


letters_by_table = native.compiled.letters_by_table if native.compiled else py_letters_by_table


def script_letters(text: str, but: str | None = None) -> dict[str, int]:
    """How many letters of each script of `SCRIPT_RANGES` ``text`` holds, in one pass of a
    compiled kernel over it (none for a text of one byte a character: no pass); with ``but``, a
    script not counted (0: a page's own script, whose letters are then skipped at the cost of a
    table look-up, a fifth less on Russian text than counting them)."""
    table = SCRIPT_TABLE if but is None else _TABLE_BUT[but]
    return dict(zip(_SCRIPTS, letters_by_table(text, table, len(_SCRIPTS) + 1)[1:]))


def _table_but(script: str) -> bytes:
    """`SCRIPT_TABLE` with no group for the rows of ``script``."""
    table = bytearray(SCRIPT_TABLE)
    for first, stop in SCRIPT_RANGES[script]:
        table[first >> 4 : stop >> 4] = bytes((stop - first) >> 4)
    return bytes(table)


_TABLE_BUT = {script: _table_but(script) for script in SCRIPT_RANGES}


#: How many letters of a script a page of another script's language must hold for the packs of
#: the script's language to apply to it: a word or a short name quoted in it is fewer.
MIN_PACK_LETTERS = 12


def other_script_languages(text: str, lang: str | None) -> list[str]:
    """The languages whose packs apply to ``text``, a page placed in ``lang`` by its stop words,
    for the passages of other scripts it holds (`script_letters`): an Arabic page's share buttons
    in Bengali, a Latin page's in Russian. Not the script of ``lang`` itself (a Ukrainian page
    does not get Russian's packs for its Cyrillic letters)."""
    own = SCRIPT_OF_LANGUAGE.get(lang or "")
    return [
        PACK_LANGUAGE[script]
        for script, count in script_letters(text, own).items()
        if count >= MIN_PACK_LETTERS and script != own
    ]
