"""Languages of other scripts than Latin, for `lintnews.language`: stop-word profiles of the
languages whose words are written with spaces between them and whose stop words are whole
words once a text is normalised (Cyrillic, Greek, Arabic and Hebrew script), and the language
of a text in a script whose words are not (Chinese, Japanese, Thai: no spaces; Korean: particles
glued to the words; Hindi and Bengali: the vowel signs that normalisation takes for spaces) by
the letters of its script.
"""

from __future__ import annotations

import unicodedata

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


#: The languages of the scripts whose words a stop-word profile cannot count, told by the letters
#: of their script (`script_language`): Japanese (hiragana, with Han and katakana), Korean
#: (Hangul), Thai, Hindi (Devanagari), Bengali, Chinese (Han without hiragana), in the order a
#: tie of letters goes in.
LETTER_LANGUAGES = ("ja", "ko", "th", "hi", "bn", "zh")
#: How many letters of a script a text must hold (in its `SCRIPT_SAMPLE`) to be taken for one in
#: it: a page of other text with a name or a word in Chinese holds a few.
MIN_LETTERS = 12
#: How much of a text (in characters, from its start) `script_language` reads.
SCRIPT_SAMPLE = 3_000
#: The fewest hiragana per Han letter a text of Han letters must hold to be Japanese: Japanese
#: prose holds about as many hiragana as Han letters (its endings and particles), Chinese none,
#: and a page of both (a Chinese page with a Japanese footer or article, a Japanese one with
#: Chinese links) is taken for the language of most of its letters: on crawl-20mb's pages of
#: both, Chinese ones hold up to 0.169 hiragana a Han letter, Japanese ones 0.171 and more.
JAPANESE_HIRAGANA = 0.17


def script_language(text: str) -> str | None:
    """The language of ``text`` (a document's `folded_text`) when it is written mostly in a
    script of `LETTER_LANGUAGES`, read in its first `SCRIPT_SAMPLE` characters (`script_letters`,
    one pass of a compiled kernel): the script of the most letters of those ``text`` holds
    `MIN_LETTERS` of, its Han letters Japanese's with its kana when its hiragana are
    `JAPANESE_HIRAGANA` as many, else Chinese's. None for a text of Latin letters only, or one
    mostly in a script the stop-word profile reads (Arabic, Cyrillic, Greek, Hebrew: the profile
    placed no language), so that a menu in Arabic is not taken for Bengali for a line of it.
    Devanagari is taken for Hindi and Bengali script for Bengali (Marathi, Nepali and Assamese
    share them)."""
    sample = text[:SCRIPT_SAMPLE]
    if sample.isascii():
        return None
    counts = script_letters(sample)
    japanese = MIN_LETTERS <= counts["Hira"] >= JAPANESE_HIRAGANA * counts["Hani"]
    letters = dict.fromkeys((*LETTER_LANGUAGES, *PROFILED_SCRIPTS), 0)
    for script, count in counts.items():
        letters["ja" if japanese and script == "Hani" else _GROUP_OF_SCRIPT[script]] += count
    best = max(letters, key=letters.__getitem__)  # (a tie: the first)
    return best if best in LETTER_LANGUAGES and letters[best] >= MIN_LETTERS else None


#: The scripts whose languages the stop-word profile places (`SCRIPT_STOPWORDS`).
PROFILED_SCRIPTS = ("Arab", "Cyrl", "Grek", "Hebr")


#: Per script, the code points its letters are counted in (`script_letters`: ranges of whole
#: rows of 16, the kernel's table has a group a row). Hiragana is counted apart from the other
#: kana: Japanese writes its endings and particles in it, and a Chinese page with a Japanese
#: footer holds few (`script_language`).
SCRIPT_RANGES: dict[str, tuple[tuple[int, int], ...]] = {
    "Grek": ((0x0370, 0x0400),),
    "Cyrl": ((0x0400, 0x0530),),
    "Hebr": ((0x0590, 0x0600),),
    "Arab": ((0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0xFB50, 0xFE00), (0xFE70, 0xFF00)),
    "Deva": ((0x0900, 0x0980),),
    "Beng": ((0x0980, 0x0A00),),
    "Thai": ((0x0E00, 0x0E80),),
    "Hang": ((0x1100, 0x1200), (0x3130, 0x3190), (0xAC00, 0xD7B0)),
    "Hira": ((0x3040, 0x30A0),),
    "Kana": ((0x30A0, 0x3100), (0x31F0, 0x3200), (0xFF60, 0xFFA0)),
    "Hani": ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00)),
}
#: The script each language of other scripts than Latin is written in (Japanese: its hiragana,
#: with katakana and Han); and per script, the language whose packs its letters bring (Russian's
#: for Cyrillic, Arabic's for Arabic script, Japanese's for either kana).
SCRIPT_OF_LANGUAGE = {
    **dict.fromkeys(("ru", "uk", "bg", "sr"), "Cyrl"),
    **dict.fromkeys(("ar", "fa", "ur"), "Arab"),
    "el": "Grek",
    "he": "Hebr",
    "hi": "Deva",
    "bn": "Beng",
    "th": "Thai",
    "ko": "Hang",
    "ja": "Hira",
    "zh": "Hani",
}
PACK_LANGUAGE = {script: lang for lang, script in reversed(SCRIPT_OF_LANGUAGE.items())} | {"Kana": "ja"}
#: What `script_language` counts a script's letters for: its language's (`LETTER_LANGUAGES`), or
#: the script itself (`PROFILED_SCRIPTS`).
_GROUP_OF_SCRIPT = {
    script: script if script in PROFILED_SCRIPTS else lang for script, lang in PACK_LANGUAGE.items()
}
#: The scripts of a language's own letters, which bring no packs to a page in it
#: (`other_script_languages`). Not Han for Japanese: a Japanese page's Han letters bring
#: Chinese's packs (for its Chinese links and buttons; 48 of crawl-20mb's 79 Japanese pages got
#: them before, by 12 frequent Chinese letters in their first 3,000 characters, and the other 31
#: have no line they match).
OWN_SCRIPTS = {
    lang: (script, "Kana") if lang == "ja" else (script,) for lang, script in SCRIPT_OF_LANGUAGE.items()
}
#: The languages of other scripts than Latin that `lintnews.language` detects.
OTHER_SCRIPTS = frozenset(SCRIPT_STOPWORDS) | frozenset(LETTER_LANGUAGES)
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


def script_letters(text: str, lang: str | None = None) -> dict[str, int]:
    """How many letters of each script of `SCRIPT_RANGES` ``text`` holds, in one pass of a
    compiled kernel over it (none for a text of one byte a character: no pass); with ``lang``,
    the scripts of its `OWN_SCRIPTS` not counted (0: a page's own letters are then skipped at the
    cost of a table look-up, a fifth less on Russian text than counting them)."""
    table = _TABLE_BUT.get(lang or "", SCRIPT_TABLE)
    return dict(zip(_SCRIPTS, letters_by_table(text, table, len(_SCRIPTS) + 1)[1:]))


def _table_but(scripts: tuple[str, ...]) -> bytes:
    """`SCRIPT_TABLE` with no group for the rows of ``scripts``."""
    table = bytearray(SCRIPT_TABLE)
    for script in scripts:
        for first, stop in SCRIPT_RANGES[script]:
            table[first >> 4 : stop >> 4] = bytes((stop - first) >> 4)
    return bytes(table)


_TABLE_BUT = {lang: _table_but(scripts) for lang, scripts in OWN_SCRIPTS.items()}


#: How many letters of a script a page of another script's language must hold for the packs of
#: the script's language to apply to it: a word or a short name quoted in it is fewer.
MIN_PACK_LETTERS = 12


def other_script_languages(text: str, lang: str | None) -> list[str]:
    """The languages whose packs apply to ``text``, a page placed in ``lang``, for the passages
    of other scripts it holds (`script_letters`): an Arabic page's share buttons in Bengali, a
    Latin page's in Russian, a Chinese page's in Japanese. Not the scripts of ``lang`` itself (a
    Ukrainian page does not get Russian's packs for its Cyrillic letters)."""
    letters: dict[str, int] = {}
    for script, count in script_letters(text, lang).items():
        letters[PACK_LANGUAGE[script]] = letters.get(PACK_LANGUAGE[script], 0) + count  # (both kana: ja)
    return [other for other, count in letters.items() if count >= MIN_PACK_LETTERS]
