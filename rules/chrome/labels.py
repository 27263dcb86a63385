"""B007-B010: empty bylines, paywall prompts, advertisement labels and post navigation.

Phrase rules (``rules/packs/chrome-<lang>.toml``); the code adds bylines whose name sits on
the next line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.packs import (
    PhraseRule,
)
from lintnews.registry import Violation, register

_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|von|van|der|de|da|del|la|le|di|du|bin|al|y|und|and|et|&|,)$")


def _looks_like_name(line: str) -> bool:
    """A short line of capitalised words: the author name that belongs to a byline above it."""
    tokens = line.strip().replace(",", " , ").split()
    if not 1 <= len(tokens) <= 6 or len(line.strip()) > 60:
        return False
    return all(_NAME_WORD.match(t) for t in tokens) and any(t[:1].isupper() for t in tokens)


@register
class EmptyByline(PhraseRule):
    """## What it does
    Checks for a byline without a name: a line that is only "by", "By:", "Von", "Par", "Por",
    "Written by" and the like. When the next non-blank line is a short run of capitalised words
    (the name, split off by the extractor), the line is left alone.

    ## Why is this bad?
    The page filled the author in with markup the scraper dropped. A dangling "by" reads as a
    broken sentence and hides that the author is unknown.

    ## Example
    ```text
    Summit ends without agreement
    by
    The two leaders met for three hours on Friday.
    ```

    Use instead:
    ```text
    Summit ends without agreement
    The two leaders met for three hours on Friday.
    ```

    ## Fix
    Removes the line (safe).

    ## Options
    Phrases: `empty-byline` entries in `rules/packs/chrome-<lang>.toml`.
    """

    code = "B007"
    name = "empty-byline"
    severity = Severity.WARNING
    summary = "Byline with no author name"
    default_message = "Byline without an author name"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        lines = doc.lines
        for v in super().check(doc, settings):
            # (read on from the line, not from a copy of the rest of the lines: once per byline,
            # that copy made a text of many bylines quadratic)
            nxt = next((lines[k] for k in range(v.line + 1, len(lines)) if lines[k].strip()), "")
            if nxt and _looks_like_name(nxt):
                continue
            yield v


@register
class PaywallPrompt(PhraseRule):
    """## What it does
    Checks for paywall prompts: "Subscribe to continue reading", "This article is for
    subscribers only", "Dieser Artikel ist nur für Abonnenten", "Il vous reste 80 % de cet
    article à lire", "Suscríbete para seguir leyendo".

    ## Why is this bad?
    A paywall prompt means the text stops where the paying reader's would go on: what is left is
    a teaser, not the article, and the prompt itself is page furniture.

    ## Example
    ```text
    The minister defended the budget in a long interview.
    Subscribe to continue reading
    ```

    ## Fix
    Removes the line (safe). The text is still only the free part: fetch the full article.

    ## Options
    Phrases: `paywall-prompt` entries in `rules/packs/chrome-<lang>.toml`.
    """

    code = "B008"
    name = "paywall-prompt"
    severity = Severity.WARNING
    summary = "Paywall prompt: the text is a teaser of a subscriber article"
    default_message = "Paywall prompt left in the text"


@register
class AdvertisementLabel(PhraseRule):
    """## What it does
    Checks for advertisement labels alone on a line: "Advertisement", "Sponsored content",
    "Anzeige", "Werbung", "Publicité", "Publicidad", "Story continues below advertisement".

    ## Why is this bad?
    The label marked an ad slot the scraper emptied. Left behind it interrupts a paragraph
    sequence with a word that means nothing in the text.

    ## Example
    ```text
    Die Gewerkschaft rief zum Streik auf.
    Anzeige
    Der Arbeitgeberverband wies die Forderungen zurück.
    ```

    Use instead:
    ```text
    Die Gewerkschaft rief zum Streik auf.
    Der Arbeitgeberverband wies die Forderungen zurück.
    ```

    ## Fix
    Removes the line (safe).

    ## Options
    Phrases: `advertisement-label` entries in `rules/packs/chrome-<lang>.toml` and
    `rules/packs/chrome-common.toml`.
    """

    code = "B009"
    name = "advertisement-label"
    severity = Severity.WARNING
    summary = "Advertisement label left in the text"
    default_message = "Advertisement label left in the text"



@register
class PostNavigation(PhraseRule):
    """## What it does
    Checks for the site's navigation links alone on a line: "Next post", "Older Posts",
    "Previous article: …", "Back to top", "Skip to content", "Nächster Artikel", "Zurück zur
    Übersicht", "Nach oben", "Article précédent", "Artículo siguiente".

    ## Why is this bad?
    The links move the reader around the site; in the text of one article they are noise, and a
    "Next post: <headline>" line drags another article's title into this one.

    ## Example
    ```text
    The festival ends on Sunday with a free concert.
    ← Previous post
    Next post →
    ```

    Use instead:
    ```text
    The festival ends on Sunday with a free concert.
    ```

    ## Fix
    Removes the line (safe).

    ## Options
    Phrases: `post-navigation` entries in `rules/packs/chrome-<lang>.toml`.
    """

    code = "B010"
    name = "post-navigation"
    severity = Severity.WARNING
    summary = "Site navigation link (next/previous post, back to top) left in the text"
    default_message = "Post-navigation link left in the text"
