"""B020–B026: footer and credit lines, tag lines, lone timestamps, pagination, print tools and
rows of site links: the page chrome that extractors keep after (and between) the paragraphs.

The phrases live in ``rules/packs/footer-<lang>.toml`` (and ``footer-common.toml``). The code adds
what a phrase cannot say: the place of a timestamp in the document, tag rows in capitals, and rows
of site links split on their separators.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, words
from lintnews.packs import PhraseRule
from lintnews.registry import Violation, register


@register
class CopyrightNotice(PhraseRule):
    """## What it does
    Checks for copyright lines and news-agency credits alone on a line: "Copyright © 2008 Foo
    Inc.", "© Reuters", "(c) Indo-Asian News Service", "All rights reserved", "Alle Rechte
    vorbehalten", "Mit Material von dpa", "Tous droits réservés", "Avec AFP", "Todos los derechos
    reservados", "Con información de EFE".

    A sentence that mentions copyright ("The band sued over the copyright of the song.") is not
    such a line.

    ## Why is this bad?
    The footer of the page is not part of the article; at the end of the text it reads as the
    article's last paragraph.

    ## Example
    ```text
    The museum reopens on Saturday.
    Copyright © 2008 The Daily Courier. All rights reserved.
    ```

    Use instead:
    ```text
    The museum reopens on Saturday.
    ```

    ## Fix safety
    The fix removes the line. It is safe: the line holds nothing but the notice.

    ## Options
    Phrases: `copyright-notice` entries in `rules/packs/footer-<lang>.toml` and
    `rules/packs/footer-common.toml`.
    """

    code = "B020"
    name = "copyright-notice"
    severity = Severity.WARNING
    summary = "Copyright notice or news-agency credit left in the text"
    default_message = "Copyright notice left in the text"


@register
class ImageCredit(PhraseRule):
    """## What it does
    Checks for photo and image credits alone on a line: "Image Source: Flickr", "Photo credit:
    misterbisson", "Mark Cunningham / Getty Images", "Foto: dpa", "Crédit photo : AFP",
    "Foto: EFE".

    Not in the default selection: human gold extractions keep captions and their credits as part
    of the article (on Dragnet about half of these lines are in the gold text), so a user who
    wants them gone selects the rule (`--extend-select B021`).

    ## Why is this bad?
    The credit belonged to a picture the extractor dropped; without the picture it is a stray
    name between paragraphs.

    ## Example
    ```text
    The festival opened on Friday.
    Photo: Jane Doe/Getty Images
    ```

    Use instead:
    ```text
    The festival opened on Friday.
    ```

    ## Fix safety
    The fix removes the line. It is safe: the line holds nothing but the credit.

    ## Options
    Phrases: `image-credit` entries in `rules/packs/footer-<lang>.toml`; add your own with
    `extra-phrases` or `extend-packs`.
    """

    code = "B021"
    name = "image-credit"
    severity = Severity.WARNING
    default = False
    summary = "Photo or image credit line (not in the default selection)"
    default_message = "Image credit left in the text"


#: A row of tags in capitals: "AIR GUITAR ROCKER, CES 2008, CLIPS, GADGETS" (four or more items
#: of one to three words; no sentence punctuation).
_CAPS_ITEM = r"[A-Z0-9ÄÖÜÀ-ÖØ-Þ][A-Z0-9ÄÖÜÀ-ÖØ-Þ&'’+-]*"
_CAPS_ROW = re.compile(
    rf"[\s*_•·-]*{_CAPS_ITEM}(?: {_CAPS_ITEM}){{0,2}}(?:, {_CAPS_ITEM}(?: {_CAPS_ITEM}){{0,2}}){{3,15}}[\s*_]*"
)


@register
class TagLine(PhraseRule):
    """## What it does
    Checks for lines of tags and categories: "Tags: chess", "Filed under: Politics",
    "Categories: …", "Schlagwörter: …", "Mots-clés : …", "Etiquetas: …", and rows of four or
    more short items in capitals separated by commas ("AIR GUITAR ROCKER, CES 2008, CLIPS,
    GADGETS") in a document that is not itself in capitals.

    Not in the default selection: human gold extractions often keep the tags of a post as part
    of it (on Dragnet a third of trafilatura's tag lines are in the gold text), so select it
    (`--extend-select B022`) to clean them out.

    ## Why is this bad?
    Tags index the article on its site; in the text they are a list of keywords after the last
    paragraph.

    ## Example
    ```text
    The tournament ends on Sunday.
    Tags: chess, Wijk aan Zee, Carlsen
    ```

    Use instead:
    ```text
    The tournament ends on Sunday.
    ```

    ## Fix safety
    The fix removes the line. It is safe: the line holds nothing but the tags.

    ## Options
    Phrases: `tag-line` entries in `rules/packs/footer-<lang>.toml`; add your own with
    `extra-phrases` or `extend-packs`.
    """

    code = "B022"
    name = "tag-line"
    severity = Severity.WARNING
    default = False
    summary = "Tag or category line left in the text"
    default_message = "Tag line left in the text"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = {v.line: v for v in super().check(doc, settings)}
        if "," in doc.text:
            lowercase = sum(c.islower() for c in doc.text)
            uppercase = sum(c.isupper() for c in doc.text)
            for i, line in enumerate(doc.lines):
                if i in found or line.count(",") < 3 or len(line) > 300 or lowercase < 2 * uppercase:
                    continue
                if _CAPS_ROW.fullmatch(line) and doc.line_kind(i) not in ("table", "code"):
                    found[i] = self.line_violation(
                        doc, i, "Row of tags in capitals left in the text",
                        fix=self.remove_lines_fix(doc, i, i, f"Remove the line \"{line.strip()[:60]}\""),
                    )
        yield from (found[i] for i in sorted(found))


_TERMINAL = re.compile(r"[.!?…][\"'”’»)]*\s*$")
_PROSE_WORDS = 12


def first_prose_line(doc: Document) -> int | None:
    """The first line that reads as a paragraph of prose (twelve words or more, ending as a
    sentence ends), or None."""
    for i, line in enumerate(doc.lines):
        if len(line) >= 50 and _TERMINAL.search(line) and len(words(line)) >= _PROSE_WORDS:
            return i
    return None


@register
class LoneTimestamp(PhraseRule):
    """## What it does
    Checks for relative timestamps alone on a line: "15 hrs ago", "Updated 3 minutes ago", "vor
    15 Stunden", "il y a 3 heures", "hace 15 horas". A time inside a sentence ("The polls closed
    two hours ago, officials said.") is not such a line.

    ## Why is this bad?
    A relative time was true only when the page was served; it belongs to a widget (a comment, a
    sidebar, a live ticker), and in the text it is wrong the moment it is read.

    ## Example
    ```text
    Both sides said progress had been made.
    15 hrs ago
    ```

    Use instead:
    ```text
    Both sides said progress had been made.
    ```

    ## Fix safety
    The fix removes the line. It is safe: the line holds nothing but the time.

    ## Options
    Phrases: `lone-timestamp` entries in `rules/packs/footer-<lang>.toml`; add your own with
    `extra-phrases` or `extend-packs`.
    """

    code = "B023"
    name = "lone-timestamp"
    severity = Severity.WARNING
    summary = "Relative timestamp (\"15 hrs ago\") alone on a line"
    default_message = "Timestamp left in the text"


@register
class LoneDateline(PhraseRule):
    """## What it does
    Checks for datelines alone on a line after the article has started: "Updated at 1:23 p.m.",
    "Published on 01/12/2008", "Last updated: …", "Aktualisiert am 12.01.2008, 13:23 Uhr",
    "Mis à jour le 12 janvier 2008", "Actualizado el 12 de enero de 2008".

    A dateline above the first paragraph of prose is the article's own, like its byline, and is
    left alone; so is a date inside a sentence. Not in the default selection: human gold
    extractions keep an article's datelines, and live blogs stamp each entry with one, so on
    Dragnet too many of the lines it finds are article lines (`--extend-select B027` to use it).

    ## Why is this bad?
    Between or after paragraphs a lone dateline is usually a widget's (a comment, a sidebar, a
    list of other articles) and interrupts the text.

    ## Example
    ```text
    The talks resumed in Geneva on Monday after a week of delays and recriminations.
    Updated at 1:23 p.m.
    Both sides said progress had been made.
    ```

    Use instead:
    ```text
    The talks resumed in Geneva on Monday after a week of delays and recriminations.
    Both sides said progress had been made.
    ```

    ## Fix safety
    The fix removes the line. It is safe: the line holds nothing but the date.

    ## Options
    Phrases: `lone-dateline` entries in `rules/packs/footer-<lang>.toml`; add your own with
    `extra-phrases` or `extend-packs`.
    """

    code = "B027"
    name = "lone-dateline"
    severity = Severity.WARNING
    default = False
    summary = "Dateline alone on a line after the article started (not in the default selection)"
    default_message = "Dateline left in the text"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = list(super().check(doc, settings))
        if not found:
            return
        start = first_prose_line(doc)
        if start is None:
            return
        yield from (v for v in found if v.line > start)
