"""Cheap language identification from a stop-word profile.

Good enough to pick phrase packs: news paragraphs are long and stop words make up a third of
their tokens. Returns ``None`` when no profile is convincing (then only language-neutral rules and
the packs of the configured fallback apply).
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING

from lintnews import native

if TYPE_CHECKING:
    from lintnews.config import Settings
    from lintnews.document import Document

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


def detect(text: str, sample: int = 20_000) -> str | None:
    """The most likely language code of ``text``, or None when too little evidence: the same
    profile as a document's (`stopword_profile`), from the first ``sample`` characters."""
    from lintnews.textnorm import normalize

    return _detect(*_profile(normalize(text[:sample])))


#: Every stop word, numbered by the set of languages it is a stop word of (27 sets: one per
#: language, and the few words two or more languages share), and the numbers of each language's
#: sets. Counting hits per set rather than per word leaves each language's score a sum of a few
#: counts (2 to 10), not of its dozens of words: summing ~300 word counts cost ~13 µs a document,
#: twice what counting the words of a short one does.
_STOPWORD_INDEX: dict[str, int] = {}
_LANGUAGES_OF = {
    word: tuple(lang for lang, stop in STOPWORDS.items() if word in stop)
    for word in sorted(set().union(*STOPWORDS.values()))
}
_SET_INDEX: dict[tuple[str, ...], int] = {}
for _word, _langs in _LANGUAGES_OF.items():
    _STOPWORD_INDEX[_word] = _SET_INDEX.setdefault(_langs, len(_SET_INDEX))
_SETS_OF = {lang: [at for langs, at in _SET_INDEX.items() if lang in langs] for lang in STOPWORDS}
#: The counts of a language's stop-word sets, picked from all the counts in one call (a tuple:
#: every language has a set of its own and shares words with others).
_PICK = {lang: operator.itemgetter(*at) for lang, at in _SETS_OF.items()}
#: `_STOPWORD_INDEX` as the table `native.count_words` looks words up in, made once (making it
#: on every call cost ~4 us a document).
_VOCABULARY = native.vocabulary(_STOPWORD_INDEX)


def _profile(text: str) -> tuple[dict[str, int], int]:
    """Stop-word hits per language among the whitespace-separated normalised words of
    ``text``, and how many of the words are not numbers. The words are counted in one pass
    (`lintnews.native.count_words`), without a list of them, by the set of languages each is a
    stop word of, and each language's hits summed from the counts of its sets."""
    counts, words, numbers = native.count_words(text, _VOCABULARY)
    return {lang: sum(pick(counts)) for lang, pick in _PICK.items()}, words - numbers


#: How much of a document (in characters, from its start) language identification reads.
SAMPLE = 50_000


def stopword_profile(doc: Document) -> tuple[dict[str, int], int]:
    """``doc.stopword_profile``: stop-word hits per language in the first `SAMPLE` characters of
    ``doc``, and the number of words there (see `profile_of_lines`), computed once per document
    for the detector and for `lintnews.packs`, which looks for secondary languages."""
    return doc.stopword_profile


def profile_of_lines(lines: list[str]) -> tuple[dict[str, int], int]:
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


normalized_counts = native.compiled.normalized_counts if native.compiled else py_normalized_counts


def normalized_profile(folded: str) -> tuple[list[str], tuple[dict[str, int], int]]:
    """A document's ``normalized_lines`` (of its ``folded_text``) and its ``stopword_profile``
    (`profile_of_lines` of them), made together: one kernel pass reads the text once, where
    making the lines, joining them and counting the words of the join read it three times."""
    lines, counts, words, numbers = normalized_counts(folded, _VOCABULARY, SAMPLE)
    return lines, ({lang: sum(pick(counts)) for lang, pick in _PICK.items()}, words - numbers)


def detect_document(doc: Document) -> str | None:
    """``doc.language``: `detect` of a document, from its `stopword_profile`."""
    return doc.language


def detect_profile(profile: tuple[dict[str, int], int]) -> str | None:
    """The language a stop-word profile points to, or None when too little evidence."""
    return _detect(*profile)


def _detect(scores: dict[str, int], total: int) -> str | None:
    if total < 5:
        return None
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < max(2, 0.05 * total):
        return None
    return best


#: Words a sentence cannot end on (articles, conjunctions, possessives, "to" and "of"): a paragraph
#: whose last word is one of them was cut off. Words that do end sentences are left out on
#: purpose: stranded prepositions and particles ("look into", "what it's about", "Learn more"),
#: auxiliaries ("It was"), pronouns, and German separable verb particles and infinitives ("stellt
#: den Plan vor", "nähert sich dem Thema an", "muss die Ursache sein").
OPEN_ENDINGS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the a an and or but nor of to than as which whose because although if whether their its "
        "our your my very".split()
    ),
    "de": frozenset(
        "der die das dem den des eine einen einem einer eines und oder aber sondern denn dass weil "
        "wenn ob als wie zum zur von vom beim für gegen ohne seit hinter neben zwischen am im in "
        "ins seine ihre unser dieser diese dieses welcher".split()
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
}


def language_of(doc: Document, settings: Settings) -> str | None:
    """The language whose packs apply to ``doc``: forced by config, or detected."""
    if settings.language and settings.language != "auto":
        return settings.language
    return doc.language
