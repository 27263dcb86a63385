"""B007-B010: empty bylines, paywall prompts, advertisement labels and post navigation.

Phrase rules (``rules/packs/<CODE>.toml``); the code adds bylines whose name sits on
the next line; B010 leaves a "Categories:" label (with its colon) to what it labels and adds
the about box under a post (`about_box`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.language import STOPWORDS
from lintnews.packs import (
    PhraseRule,
    alternation,
    line_key,
    pack_terms,
    pack_words,
    phrase_rule,
)
from lintnews.registry import Violation, register

from .about_box import about_bio, warm_about_box

#: B007's word lists (rules/packs/B007.toml, every language at once: `pack_words`): the
#: `name-particles` a name holds between its capitalised words ("von", "de la", "van der"), the
#: `name-joins` that also join two names on a name line ("and", "und", "bin"), the `bio-verbs`
#: after the name that opens a bio, the `byline-continuations` a byline goes on with after the
#: name ("Posted by" over "admin in" over "Auto Blog on": WordPress's "Posted by NAME in
#: CATEGORY on DATE" set a word a line). "&" and a comma join names whatever the language: shapes.


def _capitals() -> str:
    """The capital letters a name may start with, as the ranges of a character class: every
    upper-case (or title-case) letter of Latin with its Latin-1, Extended-A/B and Extended
    Additional blocks, Greek and Cyrillic ("Łukasz Żak", "Šárka Čermáková", "Şükrü Öztürk",
    "Иван Петров", "Γιώργος Νικολάου"); not a letter of another block (`str.isupper` spelled
    out, since `re` has no ``\\p{Lu}``). Scripts without capitals (Han, kana, Arabic) name
    nobody here."""
    codes = [c for c in (*range(0x41, 0x530), *range(0x1E00, 0x1F00)) if chr(c).isupper() or chr(c).istitle()]
    runs: list[list[int]] = []
    for c in codes:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in runs)


#: `_capitals` as a character class: the first letter of a name's word.
_CAPITAL = f"[{_capitals()}]"

#: A site's name as the author ("Zespół wPolityce.pl", "Redakcja interia.pl": the 20 MB crawl's
#: c924 and c1094 under "## Autor"): a word with a domain's ending, whatever its case.
_DOMAIN = r"[^\W_][\w-]*(?:\.[a-z]{2,6}){1,2}"


@functools.lru_cache(maxsize=8)
def _name_word(particles: tuple[str, ...], joins: tuple[str, ...]) -> re.Pattern[str]:
    """One word of a name line: capitalised, a site's domain, a particle or a join (as written,
    lower case)."""
    return re.compile(rf"^(?:{_CAPITAL}[\w'’.-]*|{_DOMAIN}|{alternation(particles + joins)}|&|,)$")


def _looks_like_name(line: str, name_word: re.Pattern[str]) -> bool:
    """A short line of capitalised words: the author name that belongs to a byline above it."""
    tokens = line.strip().replace(",", " , ").split()
    if not 1 <= len(tokens) <= 6 or len(line.strip()) > 60:
        return False
    return all(name_word.match(t) for t in tokens) and any(t[:1].isupper() for t in tokens)


@functools.lru_cache(maxsize=8)
def _bio(particles: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern[str]:
    """An author's bio under an "Author:" label: two to four capitalised words (particles
    between them), the name, then a comma or one of ``verbs`` ("Maria Elena Duron, is managing
    editor …", "Pete Leibman is the Founder …")."""
    return re.compile(
        rf"^\s*{_CAPITAL}[\w'’.-]*(?:\s+(?:{_CAPITAL}[\w'’.-]*|{alternation(particles)})){{1,3}}"
        rf"(?:\s*,|\s+{alternation(verbs)}\b)"
    )


@functools.lru_cache(maxsize=8)
def _continued(words: tuple[str, ...]) -> re.Pattern[str]:
    """The byline's next word after the name, at the end of the name line ("admin in")."""
    return re.compile(rf"(?<=\S)\s+{alternation(words)}\s*$")


_EMPHASIS = re.compile(r"[*_]+")

#: A name line's Markdown heading marks and the separator the page set after it ("### Dick
#: Stroud", "Nat Torkington |", "Becky |", html2text's and trafilatura's texts of a byline bar).
_NAME_DRESS = re.compile(r"^\s*#{1,6}\s+|\s*[|•·]\s*$")

#: A user name as blogs and Slashdot print it, lower case, alone on the line ("timothy",
#: "samzenpus", "jane_doe"): a letter, then letters, digits, "_", "." or "-".
_USER_NAME = re.compile(r"^[^\W\d_][\w.-]{1,29}$")


def _names_author(
    line: str, name_word: re.Pattern[str], bio: re.Pattern[str], continued: re.Pattern[str]
) -> bool:
    """The line below a byline gives the author: a short name (also a lower-case user name
    alone, or a name with a separator or the byline's next word after it), or a bio that starts
    with one (``name_word``, ``bio``, ``continued``: `_name_word`, `_bio` and `_continued` of
    B007's words)."""
    name = continued.sub("", _NAME_DRESS.sub("", line).strip())
    if _looks_like_name(name, name_word) or (_USER_NAME.match(name) and not _is_stopword(name)):
        return True
    line = _EMPHASIS.sub("", line)  # "_**Maria Duron**, is …" in Markdown
    # ("The President is expected …" is a sentence, not a bio: a name starts with no stopword)
    first = line.split(None, 1)[0] if line.strip() else ""
    return bool(bio.match(line)) and not _is_stopword(first)


def _is_stopword(word: str) -> bool:
    """A stopword of a shipped language: no name ("The President is …", "the" alone)."""
    word = word.casefold()
    return any(word in words for words in STOPWORDS.values())


@register
@phrase_rule("B007")
class EmptyByline(PhraseRule):
    def warm(self, settings: Settings) -> None:
        self._patterns(settings)

    def _patterns(self, settings: Settings) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
        """`_name_word`, `_bio` and `_continued` of B007's words (``settings``: whose packs give
        them)."""
        particles = pack_words(settings, self.name, "name-particles")
        return (
            _name_word(particles, pack_words(settings, self.name, "name-joins")),
            _bio(particles, pack_words(settings, self.name, "bio-verbs")),
            _continued(pack_words(settings, self.name, "byline-continuations")),
        )

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        lines = doc.lines
        patterns: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]] | None = None
        for v in super().check(doc, settings):
            # (read on from the line, not from a copy of the rest of the lines: once per byline,
            # that copy made a text of many bylines quadratic)
            nxt = next((lines[k] for k in range(v.line + 1, len(lines)) if lines[k].strip()), "")
            if nxt:
                if patterns is None:
                    patterns = self._patterns(settings)
                if _names_author(nxt, *patterns):
                    continue
            yield v


@register
@phrase_rule("B008")
class PaywallPrompt(PhraseRule):
    pass


@register
@phrase_rule("B009")
class AdvertisementLabel(PhraseRule):
    pass


#: The message of B010's about-box heading pattern (``rules/packs/B010.toml``, ``[phrases."*"]``).
_ABOUT_BOX = "About box (the writer or the site) left in the text"


@register
@phrase_rule("B010")
class PostNavigation(PhraseRule):
    def warm(self, settings: Settings) -> None:
        warm_about_box(settings)

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = {}
        about = []
        categories: frozenset[str] | None = None
        for v in super().check(doc, settings):
            line = doc.lines[v.line].rstrip(" *_")
            if line.endswith(":"):
                # a blog sidebar's widget heading that is also a label when a colon ends it:
                # "Kategorien:" over an award's categories is the page's own list
                if categories is None:
                    categories = pack_terms(doc, settings, self.name, "category-headings")
                if line_key(line) in categories:
                    continue
            if v.message == _ABOUT_BOX:
                about.append(v)  # the pack finds "About NAME"; the paragraph under it decides
                continue
            found[v.line] = v
        starts = pack_terms(doc, settings, self.name, "about-headings") if about else frozenset()
        for v in about:
            j = about_bio(doc, v.line, set(found), starts, settings)
            if j is not None and v.line not in found:
                # "About Jane Roe" over "Jane Roe is a freelance writer in Austin." under a post
                found[v.line] = v
                found[j] = self.removable_lines(
                    doc, j, j, _ABOUT_BOX, f'Remove the line "{doc.lines[j].strip()[:60]}"'
                )
        yield from (found[i] for i in sorted(found))
