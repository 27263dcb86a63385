"""F002: sentences and headings that start with a lower-case letter."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.block_edges import lower_start_blocks
from lintnews.config import Settings
from lintnews.diagnostics import Edit, Fix, Severity
from lintnews.document import Block, Document
from lintnews.language import OPEN_ENDINGS, STOPWORDS, language_of
from lintnews.registry import Rule, Violation, register

from .common import _blocks_of, _prose_lines
from .spacing import _Tokens, _word_after, _word_before

# --------------------------------------------------------------------------------------------
# F002 lowercase-sentence-start

#: Abbreviations that end in a full stop and may be followed by a lower-case word. A closed
#: class per language, like the open endings in `lintnews.language`.
_ABBREVIATIONS = frozenset(
    """
    vs etc approx ca cf al fig figs no nos vol vols ed eds pp p para chap sec ch ibid op cit viz esp
    incl excl est min max avg dept govt univ corp inc ltd co bros jr sr st mt ft rev gen col lt sgt
    capt cmdr adm gov sen rep pres prof dr mr mrs ms messrs mme mlle jan feb mar apr jun jul aug sep
    sept oct nov dec mon tue tues wed thu thur thurs fri sat sun tel ext dept approx
    bzw bzgl dbzgl diesbzgl koop tabl urt anm red usw vgl ggf evtl inkl exkl sog bspw zt zb ua uä oä dh ug ca nr str hr fr frl abs art kap bd
    hrsg geb gest ehem ausg jh jhd mio mrd tsd std min sek mind max zzgl abzgl lt gem bzgl betr
    insb allg urspr verh verw dt engl franz ital span österr schweiz ev kath röm ff u z s
    env mm mme nº pág págs sra sres srta dña dª ud uds núm tfno aprox etc av avda
    """.split()
)
#: Abbreviations of one language four letters or longer (shorter words are skipped anyway) that
#: are words elsewhere ("mill", "coll"): checked only in a document of that language, where a
#: lower-case word follows them ("120 mill. de euros", "Pierre Dac, coll. de poche").
_LANGUAGE_ABBREVIATIONS = {
    "es": frozenset(
        "mill mills admón depto dpto gral prov ctra dcha izda apdo excmo excma ilmo ilma ptas núms sras srtas".split()
    ),
    "fr": frozenset("boul resp suiv trad coll fasc mlles mmes mrds".split()),
    "de": frozenset("einschl ggfs insbes vorm nachm jährl monatl".split()),
}
#: US state abbreviations of news style (AP) longer than three letters, written capitalised
#: ("Aurora, Colo. movie theater"), and the common ones outside AP ("King of Prussia, Penn. over
#: the weekend"); the shorter ones are skipped as short words.
_STATES = frozenset(
    "Ariz Calif Colo Conn Mass Mich Minn Miss Mont Neb Nebr Okla Tenn Wash Penn Penna Wisc".split()
)
#: A dotted abbreviation opening the sentence ("tactics. i.e. Be where the customer is"): the
#: writer's shorthand, not a sentence start.
_DOTTED_START = re.compile(r"[^\W\d_]\.[^\W\d_]\.")
#: Name particles written in lower case at the start of a name (`de Gaulle`, `von der Leyen`).
_PARTICLES = frozenset(
    "de da di du del della der den des van von zu ter ten le la el al bin ibn dos das".split()
)
_CHECKED_LANGUAGES = ("en", "de", "fr", "es")
_COMPOUND = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")
_MAX_LOWER_STARTS = 2
#: Sentences starting in upper case the document needs per one starting in lower case.
_UPPER_PER_LOWER = 4
_UPPER_START = re.compile(r"\.(?<=[^\W\d_]\.)[\s\u00a0]+(?=[A-ZÀ-ÖØ-ÞŒ])")
_AFTER_STOP = re.compile(r"\.(?<=[^\W\d_]\.)[\s\u00a0]+(?=[^\W\d_])")
#: `_AFTER_STOP` where the letter is not one of the capitals A-Z, À-Ö, Ø-Þ, А-Я, Α-Ω, in the whole
#: text: every lower-case sentence start `_lower_after_stop` finds in a line is a match here, at
#: the same place (the blanks of a line are never line breaks, and ``\s`` in a line is
#: ``[^\S\n]`` in the text; the capitals left out are never lower case). Only lines with a match
#: are read one by one. (The lookarounds go before the blanks, so a capital fails them at once.)
_LOWER_AFTER_STOP = re.compile(r"\.(?=[^\S\n]+[^\W\d_A-ZÀ-ÖØ-ÞА-ЯΑ-Ω])(?<=[^\W\d_]\.)[^\S\n]+")


#: Signs that join the parts of a brand written as one lower-case token (`so+ba`, `h&m`).
_JOINERS = ("+", "&")


#: Brackets right after a word: the word names a function or a method (`clone()`, `fetch(url)`).
_CALL = re.compile(r"\(\w*\)")


def _name_like(text: str, start: int) -> bool:
    """Does the lower-case word at ``start`` begin a name or a brand (`iPhone`, `eBay`,
    `so+ba`, `de Gaulle`, `von der Leyen`), or name a function (`clone() MUST be called`)?"""
    word = _word_after(text, start)
    if any(c.isupper() for c in word[1:]):
        return True
    end = start + len(word)
    if _CALL.match(text, end):
        return True  # code's name, written as the code writes it
    if text[end : end + 1] in _JOINERS and text[end + 1 : end + 2].isalnum():
        return True  # one token joined by a sign: a brand (`so+ba`, `h&m`)
    if word.casefold() in _PARTICLES:
        # (the word after the blanks that follow, read in place: a copy of the rest of the line
        # per particle would make a line of particles quadratic)
        nxt = _word_after(text, _BLANKS.match(text, start + len(word)).end())  # type: ignore[union-attr]
        return bool(nxt) and (nxt[:1].isupper() or nxt.casefold() in _PARTICLES)
    return False


_BLANKS = re.compile(r"\s*")


def _lower_after_stop(text: str, lang: str = "en") -> Iterator[int]:
    """Columns of lower-case words that open a sentence inside a line of ``lang``."""
    tokens = _Tokens(text)
    abbreviations = _LANGUAGE_ABBREVIATIONS.get(lang, frozenset())
    for m in _AFTER_STOP.finditer(text):
        start = m.end()
        if not text[start].islower():
            continue
        before = _word_before(text, m.start())
        # Short words before a full stop are mostly abbreviations (`ca.`, `Urt.`, `Abs.`).
        folded = before.casefold()
        if len(before) <= 3 or folded in _ABBREVIATIONS or folded in abbreviations or before in _STATES:
            continue
        # `e.g.`, `z.B.`, `a.m.`: dotted abbreviations
        if m.start() - len(before) - 1 >= 0 and text[m.start() - len(before) - 1] == ".":
            continue
        if _DOTTED_START.match(text, start):
            continue
        if _name_like(text, start) or tokens.address(start, start + 1) or tokens.domain(start, start + 1):
            continue
        yield start


def _lower_heading(block: Block) -> bool:
    """A title-case heading whose first letter is lower case (`long-Term Implications`).

    Bylines ("by Jane Doe", "por …"), user names over comments and category labels
    ("in Business") start in lower case on purpose, so the first word must be a content word
    (not a stop word of any language) and at least three longer words after it must be
    capitalised, with no digits or punctuation that marks a byline or a label."""
    if block.start != block.end or block.kind not in ("paragraph", "heading"):
        return False
    text = block.text.strip().lstrip("#").strip()
    if not text[:1].islower():
        return False  # (most blocks: tested first)
    words = block.words
    if not 3 <= len(words) <= 14 or _NOT_TITLE.search(text):
        return False
    first = words[0]
    if len(first) < 3 or _STOPWORD(first.casefold()) or first.casefold() in _PARTICLES:
        return False
    if re.search(r"(?<!-)[A-Z]", first[1:]):
        return False  # `iPhone`, `eBay`, `fromThe`; `long-Term` passes
    rest = [w for w in words[1:] if len(w) > 3]
    return len(rest) >= 3 and all(w[:1].isupper() for w in rest)


_NOT_TITLE = re.compile(r"[\d:|@/.,;=?!]")


def _STOPWORD(word: str) -> bool:
    return any(word in stops for stops in STOPWORDS.values()) or any(
        word in endings for endings in OPEN_ENDINGS.values()
    )


@register
class LowercaseSentenceStart(Rule):
    """## What it does
    Checks for a sentence of running text that starts in lower case after a full stop
    (`… crucial priorities. the summit underscored …`), and for a title-case heading whose first
    letter is lower case (`long-Term Implications`).

    Only English, German, French and Spanish text is checked (other languages' abbreviations are
    unknown), and headings only outside German (which capitalises every noun). Not reported:
    words after abbreviations and short words (`e.g.`, `etc.`, `vs.`, `z.B.`, `bzw.`, `ca.`,
    `Colo.`, Spanish `mill.`),
    names and brands written in lower case (`iPhone`, `eBay`, `so+ba`, `de Gaulle`,
    `von der Leyen`, `hide.me`), bylines and labels (`by Jane Doe`, `in Business`), lists, and
    documents whose writer starts sentences in lower case as a habit (more than two such sentences, or more than
    one in five). A paragraph that starts in lower case is not reported either: in scraped text
    that is mostly a list item, a comment or a brand.

    ## Why is this bad?
    A sentence that starts in lower case is the trace of an edit by a program: a merged
    paragraph, a dropped word, a generator that lost track of case. Readers notice it at once.

    ## Example
    ```text
    The delegations met for six hours. Both sides called the meeting useful. Neither side gave
    details. The mediators were pleased. The next round is planned. the talks resume in March.
    ```

    Use instead:
    ```text
    The delegations met for six hours. Both sides called the meeting useful. Neither side gave
    details. The mediators were pleased. The next round is planned. The talks resume in March.
    ```

    ## Fix
    Capitalises the first letter (unsafe: the word may be a name written in lower case).
    """

    code = "F002"
    name = "lowercase-sentence-start"
    severity = Severity.INFO
    summary = "Sentence or heading starts with a lower-case letter"
    fix_applicability = "unsafe"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        lang = language_of(doc, settings)
        if lang not in _CHECKED_LANGUAGES:
            return  # abbreviations of other languages are unknown (Polish `tzw.`, `proc.` …)
        if lang != "de":  # German capitalises nouns, so every heading looks title-case
            blocks = doc.blocks
            # (only a block of one line whose text starts in lower case after its blanks and
            # "#" marks can be one, which a kernel finds: most start in upper case)
            for i in lower_start_blocks(blocks):
                block = blocks[i]
                if block.kind in ("paragraph", "heading") and _lower_heading(block):
                    col = _first_letter(doc.lines[block.start])
                    yield self._at(doc, block.start, col, "Heading starts in lower case")
        suspects = sorted({doc.position(m.start())[0] for m in _LOWER_AFTER_STOP.finditer(doc.text)})
        found = [
            (line, col)
            for block, line in _blocks_of(doc, suspects)
            if block.kind in ("paragraph", "quote") and block.prose
            for col in _lower_after_stop(doc.lines[line], lang)
        ]
        # A writer who starts sentences in lower case throughout (comments, chat) has a style,
        # not a defect: report only the odd one out.
        if not found or len(found) > _MAX_LOWER_STARTS:
            return
        upper = sum(len(_UPPER_START.findall(doc.lines[line])) for _block, line in _prose_lines(doc))
        if len(found) * _UPPER_PER_LOWER > upper:
            return
        for line, col in found:
            yield self._at(doc, line, col, "Sentence starts in lower case")

    def _at(self, doc: Document, line: int, col: int, message: str) -> Violation:
        text = doc.lines[line]
        m = _COMPOUND.match(text, col)
        word = m.group(0) if m else text[col : col + 1]
        offset = doc.offset(line, col)
        fix = Fix(f'Capitalise "{word}"', (Edit(offset, offset + 1, text[col].upper()),), False)
        return self.violation(line, col, line, col + len(word), f'{message}: "{word}"', fix=fix)


def _first_letter(text: str) -> int:
    m = re.search(r"[^\W\d_]", text)
    return m.start() if m else 0


# --------------------------------------------------------------------------------------------
# F003 malformed-table
