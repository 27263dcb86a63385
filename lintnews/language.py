"""Cheap language identification from a stop-word profile.

Good enough to pick phrase packs: news paragraphs are long and stop words make up a third of
their tokens. Returns ``None`` when no profile is convincing (then only language-neutral rules and
the packs of the configured fallback apply).
"""

from __future__ import annotations

import operator
import sys
from array import array
from collections.abc import Callable
from itertools import compress
from typing import TYPE_CHECKING, NamedTuple

from lintnews import native
from lintnews.language_scripts import SCRIPT_STOPWORDS, script_language

if TYPE_CHECKING:
    from lintnews.config import Settings
    from lintnews.document import Document

#: The stop words of the languages whose function words the rules know (`OPEN_ENDINGS`, and
#: the rules that take any of these words for a function word: labels, related links, trailers).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in is that for it as was with on be by at this are from or an have has not "
        "but were which his her their they he she had been will would its who said also more than".split()
    ),
    "de": frozenset(
        "der die das und ist nicht zu den von mit sich des auf für im dem ein eine einer auch es an "
        "als wird werden sind bei nach aus wie wir sie er hat noch über vor nur oder aber".split()
    ),
    "fr": frozenset(
        "le la les de des du et est un une pour que qui dans en sur pas par au aux plus ne se il elle "
        "avec ce cette sont ont été mais ou son sa ses leur nous vous".split()
    ),
    "es": frozenset(
        "el la los las de del y en que un una por con para es se no al lo como más pero sus su le "
        "fue ha han este esta son entre también sobre ya muy".split()
    ),
    "it": frozenset(
        "il lo la gli le di del della che e è un una per non con sono da nel nella si ma anche come "
        "più questo alla dei delle".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e que um uma para com não em no na por mais se foi ao como mas "
        "são pelo pela também ele ela".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te zijn voor met die niet aan er ook als bij door maar om "
        "werd wordt naar heeft".split()
    ),
    "pl": frozenset(
        "i w na z się nie do to że jest o jak po za od przez ale co tak już są przy dla jego jej "
        "oraz także".split()
    ),
}


#: Languages the profile tells apart only to place a document (its packs, its word list): their
#: most frequent words in news text, about 30 % of its running words as `STOPWORDS` are of theirs
#: (wordfreq's figures), so that no language wins on list length. Without them Czech and
#: Hungarian text was "pt" (on "a", "o", "e", "se", "do", "na"), Finnish unplaced. Not function
#: words to the rules: `STOPWORDS` keeps to the languages they were written for.
MORE_STOPWORDS: dict[str, frozenset[str]] = {
    "cs": frozenset(
        "a se v na je to že s z do o i ve za k jako po by od jsou nebo byl bude které jeho který "
        "aby než ze pro ale už jen když také byla bylo při podle tak si až není ještě".split()
    ),
    "sk": frozenset(
        "a v sa na je to z že s ako aj o do po za od pre sú alebo nie ich aby ktorý ktoré pri "
        "jeho bola bude ktorá bolo byť už ale tak ešte však keď len podľa tiež bol by k si až".split()
    ),
    "hu": frozenset(
        "a az és nem hogy egy is de meg csak ha van volt ez vagy már még kell el azt akkor mint "
        "ezt minden mert így olyan szerint után pedig amely között".split()
    ),
    "ro": frozenset(
        "de în și şi a la să din o pe cu nu mai un este că care pentru se au ce fost sau fi după "
        "iar acest această".split()
    ),
    "tr": frozenset(
        "ve bir bu için de da ile daha en gibi olarak her kadar olan ama sonra ki değil ya ise "
        "oldu tüm yeni son ilk iki göre karşı ancak olduğu çok ne o var yok".split()
    ),
    "sv": frozenset(
        "är det att och i på en inte som för med har av om så till den de ett var men han hon "
        "sig också efter från kan vid".split()
    ),
    "da": frozenset(
        "i og er af det at en til på har for ikke med den der de som et var men han hun sig "
        "også efter fra kan ved blev".split()
    ),
    "nb": frozenset(
        "i og er det å på som til en av for ikke med har at de et var men han hun seg også "
        "etter fra kan ved ble".split()
    ),
    "fi": frozenset(
        "ja on ei että se oli mutta kun niin myös hän jos ovat voi nyt sen kuin tai joka olla "
        "sitä vain jo kanssa tämä sitten kaikki olisi ollut vielä siitä ne sekä jälkeen "
        "mukaan".split()
    ),
    "hr": frozenset(
        "je u i da se na od za su a ne sa iz to kao o što koji kako bi ali nije još po s do sve "
        "bio ili koja koje te".split()
    ),
    "sl": frozenset(
        "je in v na se da so za ki pa z tudi lahko s ne kot po še iz bi bo od tako to pri ali o "
        "če že bil".split()
    ),
    "ca": frozenset(
        "de la a i que el en per del un els les amb es una és al no va més dels ha com però seu "
        "als també".split()
    ),
    "id": frozenset(
        "yang dan di ini dari untuk dengan itu ada tidak akan adalah dalam pada ke juga dia "
        "mereka karena atau menjadi oleh sebagai telah bahwa tersebut saat tahun kepada lebih "
        "para".split()
    ),
    "vi": frozenset(
        "là và có của được một các không trong cho người này với ở đã để như những đến khi sẽ "
        "từ ra tại về vào đó cũng theo năm".split()
    ),
    "lt": frozenset(
        "ir kad į su iš yra tai kaip ar o buvo savo tik bet nuo ne apie taip kai labai dėl per "
        "dar gali jau po iki jis bei jei už jo pat to būti kas prie bus metų nes jos jie tačiau "
        "arba".split()
    ),
    "lv": frozenset(
        "un ir ar par ka no kā uz kas arī vai bet tā nav to tas ja lai bija pēc tikai tad līdz "
        "kad var jau pie vēl būs jo ļoti gan ne savu viņš gada šo kur".split()
    ),
    "et": frozenset(
        "ja on ei et see oli ka kui mis ta aga nii siis või kes tema pole veel ning mida seda "
        "juba üle pärast nad".split()
    ),
    "sq": frozenset(
        "të në e i dhe për me një që nga është së ka se u do më si ishte edhe por janë kjo pas".split()
    ),
}
#: Every language the profile counts, `STOPWORDS`' first (a tie goes to the first language),
#: then those of Cyrillic, Greek, Arabic and Hebrew script (`SCRIPT_STOPWORDS`).
PROFILES: dict[str, frozenset[str]] = {**STOPWORDS, **MORE_STOPWORDS, **SCRIPT_STOPWORDS}


def detect(text: str, sample: int = 20_000) -> str | None:
    """The most likely language code of ``text``, or None when too little evidence: the same
    profile as a document's (`stopword_profile`), from the first ``sample`` characters, then
    the letters of its script (`lintnews.language_scripts.script_language`: Chinese, Japanese,
    Korean, Thai, Hindi, Bengali), read only when the stop words place none, as
    `Document.language` does."""
    from lintnews.textnorm import fold, normalize

    return _detect(*_profile(normalize(text[:sample]))) or script_language(fold(text[:sample]))


class Profile(NamedTuple):
    """A text's stop-word profile: hits per language (`PROFILES`' order), the number of words
    that are not numbers, and the counts by stop-word set (`_STOPWORD_INDEX`) they were summed
    from, which `_detect` reads the hits of one-letter words off."""

    scores: dict[str, int]
    words: int
    counts: list[int]


#: Every stop word, numbered by the set of languages it is a stop word of and whether it is one
#: letter long (~100 sets: one or two per language, and the words two or more languages share),
#: and the numbers of each language's sets. Counting hits per set rather than per word leaves
#: each language's score a sum of a few counts, not of its dozens of words: summing ~300 word
#: counts cost ~13 µs a document, twice what counting the words of a short one does.
_STOPWORD_INDEX: dict[str, int] = {}
_SET_INDEX: dict[tuple[tuple[str, ...], bool], int] = {}
_LANGUAGES_OF: dict[str, list[str]] = {}  # (each word's languages in one pass over the lists)
for _lang, _stop in PROFILES.items():
    for _word in _stop:
        _LANGUAGES_OF.setdefault(_word, []).append(_lang)
for _word in sorted(_LANGUAGES_OF):
    _key = (tuple(_LANGUAGES_OF[_word]), len(_word) == 1)
    _STOPWORD_INDEX[_word] = _SET_INDEX.setdefault(_key, len(_SET_INDEX))


def _picker(sets: list[int]) -> Callable[[list[int]], tuple[int, ...]]:
    """The counts of ``sets``, picked from all the counts in one call, as a tuple."""
    if len(sets) == 1:
        at = sets[0]
        return lambda counts: (counts[at],)
    return operator.itemgetter(*sets)


#: Per language, the counts of its stop-word sets of words longer than one letter.
_PICK_LONG = {
    lang: _picker([at for (langs, short), at in _SET_INDEX.items() if lang in langs and not short])
    for lang in PROFILES
}
#: Each set's languages as one integer, a 32-bit field per language (`PROFILES`' order) that
#: holds 1 for each language the set's words belong to. The scores are the sum of each non-zero
#: count times its set's integer, read back field by field as an array: summing the counts of
#: each language's sets (~340 counts in 26 sums) cost ~100,000 instructions a document, this
#: ~40,000 (a document hits ~20 of the ~120 sets).
_LANGUAGES = tuple(PROFILES)
_SETS = len(_SET_INDEX)
_MASKS = [0] * _SETS
for (_langs, _), _at in _SET_INDEX.items():
    _MASKS[_at] = sum(1 << (32 * _LANGUAGES.index(lang)) for lang in _langs)
_FIELD = next(code for code in "ILQ" if array(code).itemsize == 4)
_FIELDS_BYTES = 4 * len(_LANGUAGES)


def _scores(counts: list[int]) -> dict[str, int]:
    """Stop-word hits per language from the counts by set (see `_MASKS`)."""
    hit = counts[:_SETS]
    packed = sum(map(operator.mul, compress(hit, hit), compress(_MASKS, hit)))
    fields = array(_FIELD, packed.to_bytes(_FIELDS_BYTES, "little"))
    if sys.byteorder == "big":
        fields.byteswap()
    return dict(zip(_LANGUAGES, fields))


#: `_STOPWORD_INDEX` as the table `native.count_words` looks words up in, made once (making it
#: on every call cost ~4 us a document).
_VOCABULARY = native.vocabulary(_STOPWORD_INDEX)


def _profile(text: str) -> Profile:
    """Stop-word hits per language among the whitespace-separated normalised words of
    ``text``, and how many of the words are not numbers. The words are counted in one pass
    (`lintnews.native.count_words`), without a list of them, by the set of languages each is a
    stop word of, and each language's hits summed from the counts of its sets."""
    counts, words, numbers = native.count_words(text, _VOCABULARY)
    return Profile(_scores(counts), words - numbers, counts[:_SETS])


#: How much of a document (in characters, from its start) language identification reads.
SAMPLE = 50_000


def stopword_profile(doc: Document) -> Profile:
    """``doc.stopword_profile``: stop-word hits per language in the first `SAMPLE` characters of
    ``doc``, and the number of words there (see `profile_of_lines`), computed once per document
    for the detector and for `lintnews.packs`, which looks for secondary languages."""
    return doc.stopword_profile


def profile_of_lines(lines: list[str]) -> Profile:
    """The stop-word profile (`_profile`) of the first `SAMPLE` characters of a document's
    normalised lines (`lintnews.textnorm`), which the duplicate rules compute anyway:
    case-folded, with every non-word character a space.

    The sample is the lines up to and including the one during which the count of characters
    (a line break after each) reaches `SAMPLE`. The lines are joined by line breaks (white space
    to the word count, like the spaces between words) and the sample is cut at the first line
    break at or after `SAMPLE` - 1: the same text, found without a Python loop over the lines
    (a whole page has hundreds of them)."""
    text = "\n".join(lines)
    if len(text) >= SAMPLE:
        cut = text.find("\n", SAMPLE - 1)
        if cut >= 0:
            text = text[:cut]
    return _profile(text)


def py_normalized_counts(
    text: str, vocabulary: dict[str, int], sample: int
) -> tuple[list[str], list[int], int, int]:
    """`lintnews.native.normalized_lines` of ``text`` (folded), and `lintnews.native.count_words`
    of the first ``sample`` characters of those lines as `profile_of_lines` cuts them: the
    definition of the kernel that does both in one pass over the text (`normalized_counts`)."""
    lines = native.py_normalized_lines(text)
    joined = "\n".join(lines)
    if len(joined) >= sample:
        cut = joined.find("\n", sample - 1)
        if cut >= 0:
            joined = joined[:cut]
    return (lines, *native.py_count_words(joined, vocabulary))


def py_normalized_scores(
    text: str,
    vocabulary: dict[str, int],
    sample: int,
    sets: tuple[tuple[int, ...], ...],
    languages: tuple[str, ...],
) -> tuple[list[str], list[int], dict[str, int], int, int]:
    """`py_normalized_counts` with the counts of the indices ``0`` to ``len(sets) - 1`` alone (a
    word of a higher index met is a ValueError), and the hits of each of ``languages``: the sum
    of the counts of the sets (``sets[i]``: the indices into ``languages`` of the languages of the
    words of index ``i``) it is in. The definition of the kernel `normalized_scores`, which sums
    them in C where `_scores` summed integers of 32-bit fields, and makes no count of the
    vocabulary's ~1,800 words (`normalized_counts`' list held one for every word, and
    ``_STOPWORD_INDEX`` numbers ~120 sets)."""
    lines, counts, words, numbers = py_normalized_counts(text, vocabulary, sample)
    if any(counts[len(sets) :]):
        raise ValueError("normalized_scores() needs a set for every index of the vocabulary")
    counts = counts[: len(sets)] + [0] * (len(sets) - len(counts))
    sums = [0] * len(languages)
    for found, langs in zip(counts, sets):
        for k in langs:
            sums[k] += found
    return lines, counts, dict(zip(languages, sums)), words, numbers


normalized_scores = native.compiled.normalized_scores if native.compiled else py_normalized_scores
#: Each stop-word set's languages, as indices into `_LANGUAGES` (what `normalized_scores` sums).
_SET_LANGUAGES = tuple(
    tuple(_LANGUAGES.index(lang) for lang in langs)
    for (langs, _), _ in sorted(_SET_INDEX.items(), key=lambda item: item[1])
)


def normalized_profile(folded: str) -> tuple[list[str], Profile]:
    """A document's ``normalized_lines`` (of its ``folded_text``) and its ``stopword_profile``
    (`profile_of_lines` of them), made together: one kernel pass reads the text once, where
    making the lines, joining them and counting the words of the join read it three times, and
    sums the hits of each language (`normalized_scores`)."""
    lines, counts, scores, words, numbers = normalized_scores(
        folded, _VOCABULARY, SAMPLE, _SET_LANGUAGES, _LANGUAGES
    )
    return lines, Profile(scores, words - numbers, counts)


def detect_document(doc: Document) -> str | None:
    """``doc.language``: `detect` of a document, from its `stopword_profile`."""
    return doc.language


def detect_profile(profile: Profile) -> str | None:
    """The language a stop-word profile points to, or None when too little evidence."""
    return _detect(*profile)


#: The least share of a text's words the best language's stop words must make up, and the least
#: share its stop words of two letters or more must: one-letter words ("a", "i", "o", "v") are
#: also list labels, initials and units ("Schülerinnen A", "4 x 100 m" made a results table
#: Czech), and they are stop words of many languages.
MIN_SHARE = 0.05
MIN_LONG_SHARE = 0.03


def _detect(scores: dict[str, int], total: int, counts: list[int]) -> str | None:
    if total < 5:
        return None
    best = max(scores, key=scores.__getitem__)  # (the first of the greatest, as a lambda gave)
    if scores[best] < max(2, MIN_SHARE * total) or sum(_PICK_LONG[best](counts)) < MIN_LONG_SHARE * total:
        return None
    return best


#: Words a sentence cannot end on (articles, conjunctions, possessives, "to" and "of"): a paragraph
#: whose last word is one of them was cut off. Words that do end sentences are left out on
#: purpose: stranded prepositions and particles ("look into", "what it's about", "Learn more"),
#: auxiliaries ("It was"), pronouns, and German separable verb particles and infinitives ("stellt
#: den Plan vor", "nähert sich dem Thema an", "muss die Ursache sein"). Checked against the words
#: before a sentence end in the 200 MB crawl's texts of each language: German questions end on
#: "denn", "oder", "wie" ("Interessant, oder?", "aber wie?", "Als ob!") and its demonstratives
#: and indefinites are pronouns too ("Kennst du das?", "wie erfolgt diese?", "Nennen Sie eines."),
#: so they are not listed; Russian "же" ends "конечно же.", "что", "как", "когда", "ли", "бы"
#: end questions and exclamations ("А что?", "Правда ли?", "Если бы!"), "за" ends "Я за."; the
#: Cyrillic lists hold prepositions and conjunctions only (Ukrainian and Bulgarian by their
#: grammar: neither crawl holds a page of them).
OPEN_ENDINGS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the a an and or but nor of to than as which whose because although if whether their its "
        "our your my very".split()
    ),
    "de": frozenset(
        "der die dem den des eine einen einem einer und aber sondern dass weil wenn als zum zur von "
        "vom beim für gegen ohne seit hinter neben zwischen am im in ins seine ihre unser dieser "
        "welcher".split()
    ),
    "fr": frozenset(
        "le la les l un une des du de d et ou mais car que qu qui dont où à au aux en dans sur "
        "sous par pour avec sans chez vers entre son sa ses leur leurs ce cette ces très si "
        "lorsque quand comme".split()
    ),
    "es": frozenset(
        "el la los las lo un una unos unas y e o u pero sino que quien cuyo donde a al de del en por "
        "para con sin sobre entre hacia desde hasta su sus este esta estos estas muy si cuando "
        "como porque aunque".split()
    ),
    "ru": frozenset(
        "и в во на с со к ко о об обо от до из у по для без под над при через а но или чтобы ни".split()
    ),
    "uk": frozenset("і й та в у на з із зі до від по для без під над при через а але або щоб ні".split()),
    "bg": frozenset("и в във на с със към от до по при без под над през а но или че ни".split()),
}


def language_of(doc: Document, settings: Settings) -> str | None:
    """The language whose packs apply to ``doc``: forced by config, or detected."""
    if settings.language and settings.language != "auto":
        return settings.language
    return doc.language
