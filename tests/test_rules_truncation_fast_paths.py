"""T002's shortcuts (rules/truncation/endings.py) against the straightforward computations they
replace: `_open` searches only a text's last two characters, `trailers.chrome` reads the phrase rules'
matches of the document instead of matching the line again, and `is_stump` asks the word list
before it searches the text. (The word list's own shortcuts: tests/test_truncation_wordlist.py.)"""

from __future__ import annotations

import random
import re

import pytest
from lintnews.rules.truncation import endings, shape, trailers

from lintnews.config import Settings
from lintnews.document import Block, Document
from lintnews.language import OPEN_ENDINGS, language_of
from lintnews.packs import line_key, load_packs, pack_languages
from lintnews.packs.screen import MAX_KEY

PROSE = {
    "en": "The council approved the new budget on Tuesday after a long debate about school funding.",
    "de": "Der Stadtrat hat am Dienstag nach einer langen Debatte über die Schulen den Haushalt beschlossen.",
    "fr": "Le conseil municipal a adopté mardi le nouveau budget après un long débat sur les écoles.",
    "es": "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate sobre las escuelas.",
}

#: Endings of every kind `_OPEN` tells apart: letters of several scripts, digits, the underscore,
#: commas, sentence ends, closing quotes and brackets, emoji, and white space inside.
_PIECES = [
    "word",
    "é",
    "ß",
    "Ж",
    "中",
    "ع",
    "٣",
    "7",
    "_",
    ",",
    ".",
    "!",
    "?",
    "…",
    "”",
    "»",
    ")",
    "]",
    "😂",
    " ",
    "\n",
]


def test_open_equals_a_search_of_the_whole_text() -> None:
    rng = random.Random(11)
    texts = ["", ",", "a", "_", "1,", ",,", "a,", "_,", "é,", "Hello, world", *PROSE.values()]
    texts += ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(5000)]
    texts = [t.rstrip() for t in texts]
    found = [endings._open(t) for t in texts]
    assert found == [endings._OPEN.search(t) is not None for t in texts]
    assert 0.2 * len(texts) < sum(found) < 0.8 * len(texts)


def _chrome_lines(lang: str, rng: random.Random) -> list[str]:
    """Literal lines of every chrome rule in ``lang`` and in every language (as written, in upper
    case, emphasised, with a word more), and lines near them that no entry may match."""
    packs = load_packs(Settings())
    lines = []
    for language in (lang, "en", "*"):
        for rule in trailers._CHROME_RULES:
            for entry in packs.by_language.get(language, {}).get(rule, []):
                for line in rng.sample(entry.lines, min(len(entry.lines), 6)):
                    lines += [line, line.upper(), f"**{line}**", f"{line} now", f"- {line}"]
    return lines


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_chrome_equals_matching_the_line_with_every_chrome_matcher(lang: str) -> None:
    settings = Settings()
    packs = load_packs(settings)

    def straightforward(doc: Document) -> bool:  # (T002's `_chrome` before it read match_lines)
        key = line_key(doc.lines[doc.blocks[-1].start])
        if not key or len(key) > MAX_KEY:
            return False  # (no phrase rule reports a line of a longer key)
        langs = tuple(pack_languages(doc, settings, packs))
        return any(
            m.match(key) is not None
            for rule in trailers._CHROME_RULES
            for m in packs.matchers_for(rule, langs)
        )

    rng = random.Random(lang)
    last_lines = _chrome_lines(lang, rng)
    last_lines += [
        "Comment by Jane Doe",
        "Share on Facebook",
        "Sign up for our newsletter",
        "Leave a comment",
        "Melden Sie sich für unseren Newsletter an",
        "Partager sur Facebook",
        "Compartir en Facebook",
        "The council will meet again next week to",
        PROSE[lang],
        "Leave a comment " + "x" * MAX_KEY,
    ]
    chrome = 0
    for last in last_lines:
        doc = Document("article.txt", f"{PROSE[lang]}\n{PROSE[lang]}\n{last}\n")
        block = doc.blocks[-1]
        assert block.start == block.end == 2, last
        expected = straightforward(doc)
        assert trailers.chrome(doc, settings, block) == expected, (lang, last)
        chrome += expected
    assert 0.2 * len(last_lines) < chrome < len(last_lines)


@pytest.mark.parametrize(
    "lang, prose, last",
    [
        ("en", PROSE["en"], "They said the talks with the State Depar"),
        ("en", PROSE["en"] + " Depar", "They said the talks with the State Depar"),
        ("en", PROSE["en"], "They said the talks with the State Department"),
        ("de", PROSE["de"], "Die Sitzung des Stadtrats wird am Montag fortgesetzt und die Verwal"),
        (
            "de",
            PROSE["de"] + " Verwal.",
            "Die Sitzung des Stadtrats wird am Montag fortgesetzt und die Verwal",
        ),
        ("fr", PROSE["fr"], "La séance du conseil reprendra lundi avec les représentan"),
        ("es", PROSE["es"], "La sesión del ayuntamiento seguirá el lunes con los representan"),
        ("es", PROSE["es"], "La sesión del ayuntamiento seguirá el lunes con los representantes"),
        (
            "ru",
            "Совет утвердил новый бюджет во вторник после долгих дебатов о школах.",
            "Заседание продолжится правительст",
        ),
        (
            "ru",
            "Совет утвердил новый бюджет. Правительст и мэрия спорили.",
            "Заседание продолжится правительст",
        ),
    ],
)
def test_is_stump_equals_searching_the_text_first(lang: str, prose: str, last: str) -> None:
    doc = Document("article.txt", f"{prose}\n{last}\n")
    word = last.rsplit(None, 1)[-1]
    elsewhere = sum(1 for _ in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", doc.text, re.IGNORECASE)) > 1
    expected = not elsewhere and endings._rare(word.casefold(), lang) is True
    assert endings.is_stump(doc, word, lang) == expected


def _ends_open_straightforward(doc: Document, block: Block, settings: Settings) -> str | None:
    """`shape._ends_open` as it was before its last-letter shortcut (the definition)."""
    text = block.text.rstrip()
    if not shape._open_word_end(text):
        return None
    if text.endswith(","):
        return "ends on a comma" if shape._OPEN_COMMA.search(text) else None
    last = shape._last_word(block)
    if last is None or not last[0][:1].islower():
        return None
    lang = language_of(doc, settings) or "en"
    if last[0].casefold() in OPEN_ENDINGS.get(lang, OPEN_ENDINGS["en"]):
        return f'ends on "{last[0]}"'
    return None


#: Last words of every kind the shortcut tells apart: open endings of each language (as
#: written, capitalised, upper case), other words ending on the same letters, letters of other
#: scripts, "ß" (which case-folds to two letters), digits, links, and commas after each.
_LAST_WORDS = [
    *(w for words in OPEN_ENDINGS.values() for w in sorted(words)[:8]),
    "The",
    "AND",
    "Und",
    "DER",
    "Straß",
    "Fuß",
    "outcome",
    "house",
    "правительст",
    "и",
    "中文",
    "x2",
    "2024",
    "www.example.de/info",
    "😂a",
    "x=a",
    "",
]


@pytest.mark.parametrize("lang", [*sorted(PROSE), "ru", None])
def test_ends_open_equals_the_straightforward_test(lang: str | None) -> None:
    settings = Settings(language=lang) if lang else Settings()
    rng = random.Random(str(lang))
    found = 0
    for _ in range(600):
        words = [rng.choice(_LAST_WORDS) for _ in range(rng.randint(1, 4))]
        ending = rng.choice(["", ",", " ,", ",,", " ", "\n", ".", " …"])
        text = rng.choice([*PROSE.values(), ""]) + rng.choice([" ", "\n"]) + " ".join(words) + ending
        doc = Document("article.txt", text.strip(" ") + rng.choice(["", "\n", "\nNext section\n"]))
        for block in doc.blocks:
            expected = _ends_open_straightforward(doc, block, settings)
            assert shape._ends_open(doc, block, settings) == expected, block.text
            found += expected is not None
    assert found > 60


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Reuters",
        "  © 2024 Example Media",
        "(c) Example Media",
        "Posted on July 24, 2012",
        "July 24, 2012 12:11 AM",
        "24.07.2012",
        "By Jane Holt",
        "by jane holt",
        "Quelle: dpa",
        "Share this article",
        "The council approved the budget on Tuesday",
        "Совет утвердил новый бюджет",
        "x" * 201,
        "Photo: " + "x" * 195,
        "Photo: Reuters\nMore text below",
        "",
    ],
)
def test_is_trailer_equals_its_regexes_and_answers_alike_when_asked_again(text: str) -> None:
    """`is_trailer` keeps its regexes' answer per line (`_trailer_line`): the same answer as
    the regexes on a one-line block of at most 200 characters, False on any other block, and
    the same again for another block of the same text (and once kept)."""
    from lintnews.rules.truncation import trailers

    doc = Document("a.txt", f"The council met on Monday.\n\n{text}\n")
    block = doc.blocks[-1]
    stripped = block.text.strip()
    t = trailers.trailers_for(Settings())  # (T002's words: rules/packs/T002.toml)
    expected = (
        block.start == block.end
        and len(stripped) <= 200
        and bool(t.credit.match(stripped) or t.date_line.match(stripped))
    )
    assert trailers.is_trailer(block, t) == expected
    again = Document("b.txt", f"Another first line.\n{text}  \n").blocks[-1]
    assert trailers.is_trailer(again, t) == trailers.is_trailer(block, t) == expected


def test_text_blocks_are_the_blocks_other_than_code() -> None:
    """`TEXT_BLOCKS` (picked by `blocks_where` among every kind of `document.KINDS` but code)
    holds every block whose kind is not code, of plain text, Markdown and HTML documents."""
    from lintnews.document import KINDS
    from lintnews.sources import html_document

    markup = (
        "<h1>Port strike ends</h1><p>Dock workers voted on Thursday.</p><ul><li>Pay</li></ul>"
        "<figure><figcaption>Ships at the terminal</figcaption></figure><pre>docker run x</pre>"
        "<blockquote>We are back</blockquote><table><tr><td>a</td><td>b</td></tr></table><p>More</p>"
    )
    docs = [
        Document("a.md", "# Title\n\nText before the code:\n```\nrun it\n```\n- item\n> quote\n| a | b |\n"),
        Document("b.txt", "\n".join(PROSE.values())),
        html_document("c.html", f"<html><body>{markup}</body></html>"),
    ]
    kinds = set()
    for doc in docs:
        kinds |= {b.kind for b in doc.blocks}
        assert shape.TEXT_BLOCKS.of(doc) == [b for b in doc.blocks if b.kind != "code"]
    assert kinds <= set(KINDS)
    assert {"code", "caption", "heading", "list", "quote", "table", "paragraph"} <= kinds
