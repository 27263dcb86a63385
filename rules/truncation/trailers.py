"""Lines that end an article without being its prose: credits, sources, bylines, tags,
copyright and date lines, signatures, calls to action and picture thanks (for T002, which steps
over them to reach the last paragraph, and never takes one for a cut sentence)."""

from __future__ import annotations

import functools
import re

from lintnews.config import Settings
from lintnews.document import Block, Document
from lintnews.language import OPEN_ENDINGS, STOPWORDS
from lintnews.packs import alternation, lines_matched
from lintnews.packs.matching import per_pack_set
from lintnews.packs.model import PackSet

#: Lines that end an article without being part of its prose: credits, sources, bylines,
#: signatures, tags, copyright (en, de, fr, es; sources also pt, it, pl, cs, ru, uk). A label
#: before a colon ("Source:", "Quelle:", "Mots-clés :") is one of T002's `credit-labels`
#: (rules/packs/T002.toml, every language at once), put in the pattern by `Trailers`.
_CREDIT = r"""^\W*(?:
        (?:photo|photos|image|images|picture|pictures|video|graphic|illustration|cover|header|featured)
            \s*(?:credits?|source|courtesy|by|via)?\s*[:|/-]
      | (?:photo|image|picture|video)\s+(?:credits?|source|courtesy|by|via)\b
      | {labels}\s*:
      | (?:posted|published|filed|written)\s+(?:on|in|at|by|under)\b
      | (?:reporting|editing|writing|additional\s+reporting|compiled|translated|edited|written|posted)
            (?:\s+\w+){{0,2}}\s+by\b
      | (?:com\s+informações\s+d[aoe]s?|con\s+informazioni\s+d|na\s+podstawie|по\s+материалам|за\s+матеріалами)\b
      | copyright\b | \(c\)\s | © | all\s+rights\s+reserved | alle\s+rechte\s+vorbehalten
      | tous\s+droits\s+réservés | todos\s+los\s+derechos\s+reservados
      | (?:by|von|par|por)\s+[A-ZÀ-Þ]
    )"""
#: A last token that is a link, a path, an e-mail address or a handle.
_LINK = re.compile(r"(?:://|^www\.|/|@|\.(?:com|org|net|de|fr|es|uk|html?)$)", re.IGNORECASE)
#: The last sentence is a call to action or a pointer ("Click HERE for …", "Learn more about
#: … in the video below"), which pages leave without a full stop: it starts with one of T002's
#: `call-to-action-starts` (`Trailers.call`).
#: A closing formula: a story's own last line, written without a full stop ("The End", "To be
#: continued", "Fortsetzung folgt", "À suivre"); it opens with a function word like the first
#: words of a cut sentence ("It was"), so T002 must know it (en, de, fr, es, pt/it, cs, pl, ru).
CLOSING = re.compile(
    r"""^\W*(?:the\s+end|to\s+be\s+continued|more\s+to\s+come|with\s+(?:many\s+|warm\s+)?thanks\b.*
        |ende|fortsetzung\s+folgt|mit\s+(?:herzlichem\s+|besten\s+)?dank\b.*
        |fin|à\s+suivre|la\s+suite\s+(?:au\s+prochain\s+numéro|demain)|avec\s+(?:tous\s+)?nos\s+remerciements\b.*
        |continuará|con\s+(?:nuestro\s+)?agradecimiento\b.*
        |continua|pokračování\s+příště|ciąg\s+dalszy\s+nastąpi|продолжение\s+следует)\W*$""",
    re.IGNORECASE | re.VERBOSE,
)
#: Thanks and picture credits at the end of a sentence: "pic thx to amagill on flickr".
_THANKS = re.compile(r"\b(?:thanks\s+to|thx\s+to|hat\s+tip|h/t|courtesy\s+of|via\s+\w+$)", re.IGNORECASE)
#: A picture credit further into a short line: "Thumbnail image courtesy of iStockphoto, …",
#: "Inspiration board images: fall path by …".
_IMAGE_CREDIT = re.compile(
    r"\b(?:photos?|images?|pictures?|illustrations?|graphics?)\s*(?:credits?|courtesy(?:\s+of)?|by|via|source)?\s*:"
    r"|\b(?:photos?|images?|pictures?|illustrations?)\s+(?:courtesy|credits?)\b",
    re.IGNORECASE,
)
#: The longest line taken for a credit.
_MAX_CREDIT_CHARS = 200
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A date or time alone on a line ("July 24, 2012 12:11 AM", "24.07.2012", "Updated 3 hrs ago"),
#: the first form opening with one of T002's `dateline-words` (`Trailers.date_line`).
_DATE_LINE = r"""^\W*(?:{words}\b[^.!?]{{0,60}}$
      | (?:\w+,?\s+)?\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b[^.!?]{{0,30}}$
      | (?:\w+,?\s+)?\w+\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b[^.!?]{{0,30}}$
      | (?:\w+,?\s+)?\d{{1,2}}\.?\s+\w+\.?\s+\d{{4}}\b[^.!?]{{0,30}}$)"""


class Trailers:
    """The patterns of T002's trailers that hold its words (rules/packs/T002.toml), made once
    per set of words (`trailers_for`): a credit line (`credit`), a call to action (`call`), a
    date line (`date_line`)."""

    def __init__(self, labels: tuple[str, ...], calls: tuple[str, ...], datelines: tuple[str, ...]) -> None:
        flags = re.IGNORECASE | re.VERBOSE
        self.credit = re.compile(_CREDIT.format(labels=alternation(labels)), flags)
        self.call = re.compile(rf"^\W*{alternation(calls)}\b", re.IGNORECASE)
        self.date_line = re.compile(_DATE_LINE.format(words=alternation(datelines)), flags)


@functools.lru_cache(maxsize=8)
def _trailers(labels: tuple[str, ...], calls: tuple[str, ...], datelines: tuple[str, ...]) -> Trailers:
    return Trailers(labels, calls, datelines)


def _trailers_of(packs: PackSet) -> Trailers:
    return _trailers(
        packs.word_list(_RULE, "credit-labels"),
        packs.word_list(_RULE, "call-to-action-starts"),
        packs.word_list(_RULE, "dateline-words"),
    )


#: The `Trailers` of the words ``settings``' packs give T002 (one object per set of words), kept
#: with the packs.
trailers_for = per_pack_set(_trailers_of)


#: T002's name: its words are in its terms-only file, rules/packs/T002.toml.
_RULE = "truncated-document"


#: An author's note closing an op-ed, often written without a full stop: every sentence names a
#: person (two to four capitalised words) and says what they are ("Jane Doe is a senior fellow at
#: the Brookings Institution", "Martín Schapiro es abogado administrativista y analista
#: internacional"); en, es, fr, de, pt. Present tense only, and not the news shapes "is expected
#: to", "is set to", "is not".
_BIO_SENTENCE = re.compile(
    r"[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*){1,3}\s+(?:is|es|est|ist|é)\s+"
    r"(?!(?:expected|set|due|likely|going|scheduled|about|to|not|in|at|on)\b)\S"
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ])")
_MAX_BIO_SENTENCES = 3


def is_bio(text: str) -> bool:
    """Whether the paragraph ``text`` is an author's note (`_BIO_SENTENCE`, each sentence), whose
    subject is a name, not a capitalised function word ("The VINCI Tab II is a toddler friendly
    tablet th", a cut product description)."""
    sentences = _SENTENCE_BREAK.split(text.strip())
    return len(sentences) <= _MAX_BIO_SENTENCES and all(
        _BIO_SENTENCE.match(s) and s.split(None, 1)[0].casefold() not in _FUNCTION_WORDS for s in sentences
    )


_FUNCTION_WORDS = frozenset().union(*STOPWORDS.values(), *OPEN_ENDINGS.values())


#: A signature after the last sentence: "… not available. - Tuija Seipell", "… people. --TS".
_SIGNATURE = re.compile(r"\s[-–—~]{1,2}\s*[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,3}$")


def is_trailer(block: Block, trailers: Trailers) -> bool:
    """A credit, byline, tag, copyright or date line: what may follow the last paragraph."""
    if block.start != block.end:
        return False
    text = block.text.strip()
    return len(text) <= 200 and _trailer_line(text, trailers)


@functools.lru_cache(maxsize=4096)
def _trailer_line(text: str, trailers: Trailers) -> bool:
    """Whether the stripped line ``text`` is a credit or a date line. Kept per text in a
    process: the two regexes cost 3 to 9 µs a line (their many branches, each entered under
    IGNORECASE, none ruled out by a first character), and the lines pages end with repeat
    across a crawl (site footers, syndicated copies: 1,023 texts among 2,535 lines asked of
    3,591 crawl documents)."""
    return bool(trailers.credit.match(text) or trailers.date_line.match(text))


#: Phrase rules whose lines may trail the article (each reported by its own rule).
_CHROME_RULES = (
    "comment-widget",
    "newsletter-prompt",
    "social-share",
    "cookie-consent",
    "paywall-prompt",
    "advertisement-label",
    "post-navigation",
    "adblock-notice",
    "seo-filler",
    "lone-timestamp",
    # (session 55) an empty byline ("Par", "Von:"), a login box's line, a print tool, a pager
    "empty-byline",
    "login-form",
    "print-tools",
    "pagination",
)


def chrome(doc: Document, settings: Settings, block: Block) -> bool:
    """Whether a phrase rule of site chrome reports the one-line ``block``: the phrase rules'
    matches of the document (`lines_matched`: which they compute once for all of them, read
    for the fourteen rules in one call), so that T002 matches no line again (nor a line key over
    `lintnews.packs.screen.MAX_KEY` characters, which no phrase rule reports)."""
    return block.start == block.end and block.start in lines_matched(doc, settings, _CHROME_RULES)
