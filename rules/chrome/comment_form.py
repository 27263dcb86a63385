"""B002's comment form: the fields that follow a field the pack names.

A comment form prints its fields one per line: "Name (required)", "Mail (will not be published)
(required)", then "Website" bare. The pack names the first fields by their notes ("required",
"will not be published"); a bare "Website", "URL" or "Name" is only a field right under another,
so it is judged here, by its place.
"""

from __future__ import annotations

from lintnews.document import Document
from lintnews.packs import line_keys

#: Bare field labels of a comment form (their line keys), in the shipped languages.
FORM_LABELS = frozenset(
    {
        "website",
        "web site",
        "website (url",
        "website url",
        "your website",
        "url",
        "homepage",
        "home page",
        "name",
        "your name",
        "email",
        "e-mail",
        "mail",
        "email address",
        "e-mail address",
        "your email",
        "webseite",
        "e-mail-adresse",
        "site web",
        "site internet",
        "nom",
        "adresse e-mail",
        "sitio web",
        "nombre",
        "correo electrónico",
    }
)
#: The notes by which the pack names a field ("Name (required)", "Mail (will not be published)").
_FIELD_NOTES = (
    "required",
    "published",
    "displayed",
    "visible",
    "shared",
    "hidden",
    "optional",
    "erforderlich",
    "pflichtfeld",
    "veröffentlicht",
    "obligatoire",
    "requis",
    "publié",
    "obligatorio",
    "requerido",
    "publicad",
)
#: How many blank lines may separate two fields.
_MAX_GAP = 2


def form_field_lines(doc: Document, reported: set[int]) -> list[int]:
    """The lines after a reported field ("Mail (will not be published) (required)") that are bare
    labels of the same form: each one right under that field or under another such label (at
    most ``_MAX_GAP`` blank lines between), in order."""
    keys = line_keys(doc)
    found: list[int] = []
    taken = set(reported)
    fields = [i for i in sorted(reported) if "(" in keys[i] and any(n in keys[i] for n in _FIELD_NOTES)]
    for start in fields:
        i = start
        while True:
            j = i + 1
            while j < len(keys) and j - i <= _MAX_GAP + 1 and not doc.lines[j].strip():
                j += 1
            if j >= len(keys) or j - i > _MAX_GAP + 1 or j in taken or keys[j] not in FORM_LABELS:
                break
            found.append(j)
            taken.add(j)
            i = j
    return sorted(found)
