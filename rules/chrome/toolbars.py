"""B024–B026: pagination links, print and e-mail tools, and rows of site links (about, contact,
privacy) that extractors keep around the article.

The phrases live in ``rules/packs/footer-<lang>.toml``; see `lintnews.rules.chrome.footer` for the footer lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, words
from lintnews.packs import PhraseRule, line_key, line_keys, load_packs, pack_languages
from lintnews.registry import Violation, register


@register
class Pagination(PhraseRule):
    """## What it does
    Checks for pagination links alone on a line: "Page 1 of 1", "Next page", "« Previous |
    Next »", "1 2 3 Next", "Seite 1 von 3", "Nächste Seite", "Page suivante", "Página 2 de 5".

    ## Why is this bad?
    The article was split over pages by the site; the links are navigation, and a "Page 1 of 3"
    also says that the rest of the article is missing.

    ## Example
    ```text
    The minister will answer questions on Thursday.
    Page 1 of 1
    ```

    Use instead:
    ```text
    The minister will answer questions on Thursday.
    ```

    ## Fix safety
    The fix removes the line. It is safe: the line holds nothing but the links.

    ## Options
    Phrases: `pagination` entries in `rules/packs/footer-<lang>.toml`; add your own with
    `extra-phrases` or `extend-packs`.
    """

    code = "B024"
    name = "pagination"
    severity = Severity.WARNING
    summary = "Pagination link left in the text"
    default_message = "Pagination link left in the text"


@register
class PrintTools(PhraseRule):
    """## What it does
    Checks for the article tools of the page alone on a line: "Print", "E-mail", "Printer-friendly
    version", "Email to a friend", rows such as "Print this story | Email this story | Discuss
    Story", "Druckversion", "Version imprimable", "Enviar por correo".

    ## Why is this bad?
    The buttons act on the page; in the text they are words that belong to no sentence.

    ## Example
    ```text
    The festival ends on Sunday.
    Print this story | Email this story | Discuss Story
    ```

    Use instead:
    ```text
    The festival ends on Sunday.
    ```

    ## Fix safety
    The fix removes the line. It is safe: the line holds nothing but the tools.

    ## Options
    Phrases: `print-tools` entries in `rules/packs/footer-<lang>.toml`; add your own with
    `extra-phrases` or `extend-packs`.
    """

    code = "B025"
    name = "print-tools"
    severity = Severity.WARNING
    summary = "Print or e-mail tool (button, row of tools) left in the text"
    default_message = "Print or e-mail tool left in the text"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = list(super().check(doc, settings))
        if not found:
            return
        keys = line_keys(doc)
        flagged = {v.line for v in found}
        for v in found:
            if doc.lines[v.line].rstrip(" *_").endswith(":"):
                continue  # "Email:" labels what follows (an address, a form field)
            near = _neighbours(keys, v.line)
            if keys[v.line] in _BARE_MAIL and not (near and all(j in flagged or keys[j] in _TOOL_WORDS for j in near)):
                continue  # "Email" alone is also a contact link; only a button between buttons
            yield v


#: A bare "E-mail" is a tool only between other tools or share buttons.
_BARE_MAIL = frozenset({"email", "e-mail", "mail"})
_TOOL_WORDS = frozenset({
    "print", "share", "tweet", "facebook", "twitter", "save", "comment", "comments", "like", "reprints",
    "drucken", "teilen", "imprimer", "partager", "imprimir", "compartir", "linkedin", "whatsapp", "pinterest",
})


def _neighbours(keys: list[str], i: int) -> list[int]:
    """The nearest non-blank lines before and after line ``i``."""
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(keys) and not keys[j]:
            j += step
        if 0 <= j < len(keys):
            out.append(j)
    return out


#: Separators of a row of links: bars, bullets and middle dots (spaces optional), or a colon
#: with a space on each side ("Contact Us : Privacy Policy").
_LINK_SPLIT = re.compile(r"\s*[|•·]\s*|\s+:\s+")
_SENTENCE = re.compile(r"[.!?;,]$")
_MAX_SEGMENT_WORDS = 5


@register
class LinkRow(PhraseRule):
    """## What it does
    Checks for a row of the site's service links: segments separated by `|`, `•`, `·` or ` : `,
    at least two of them (and at least half) names such as "About Us", "Contact", "Privacy
    Policy", "Impressum", "Datenschutz", "Mentions légales", "Aviso legal"; or a single such name
    between bars ("| About Us |").

    A headline with a bar ("Budget passes | City news") is no such row: its segments are not the
    names of service pages. A row that starts with a home word is a breadcrumb (B006).

    ## Why is this bad?
    The footer menu of the page is not part of the article.

    ## Example
    ```text
    The museum reopens on Saturday.
    Contact Us : Privacy Policy : Legal Disclaimer
    ```

    Use instead:
    ```text
    The museum reopens on Saturday.
    ```

    ## Fix safety
    The fix removes the line. It is safe: every segment of the row is a short link name.

    ## Options
    Link names: `link-row` entries in `rules/packs/footer-<lang>.toml`. Unlike other pack entries
    they name one *segment* of a row, not a whole line.
    """

    code = "B026"
    name = "link-row"
    severity = Severity.WARNING
    summary = "Row of site-service links (about, contact, privacy) left in the text"
    default_message = "Row of site links left in the text"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        lines = doc.lines
        candidates = [
            i for i, line in enumerate(lines)
            if ("|" in line or "•" in line or "·" in line or " : " in line) and len(line) <= 300
        ]
        if not candidates:
            return
        packs = load_packs(settings)
        langs = tuple(pack_languages(doc, settings, packs))
        names = packs.matchers_for(self.name, langs)
        homes = packs.matchers_for("breadcrumb", langs)
        keys = line_keys(doc)

        def known(segment: str, matchers: list) -> bool:
            key = line_key(segment)
            return bool(key) and any(m.match(key) is not None for m in matchers)

        for i in candidates:
            if not keys[i] or doc.line_kind(i) == "code":
                continue
            parts = [p.strip(" *_#") for p in _LINK_SPLIT.split(lines[i].strip(" \t*-+"))]
            segments = [p for p in parts if p]
            if not segments or any(
                len(words(s)) > _MAX_SEGMENT_WORDS or _SENTENCE.search(s) for s in segments
            ):
                continue
            hits = sum(known(s, names) for s in segments)
            if len(segments) == 1:
                ok = hits == 1 and len(parts) == 3  # "| About Us |"
            else:
                ok = hits >= 2 and 2 * hits >= len(segments) and not known(segments[0], homes)
            if ok:
                yield self.line_violation(
                    doc, i, "Row of site links left in the text",
                    fix=self.remove_lines_fix(doc, i, i, f"Remove the line \"{lines[i].strip()[:60]}\""),
                )
