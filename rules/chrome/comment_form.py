"""B002's comment form: the fields that follow a field the pack names.

A comment form prints its fields one per line: "Name (required)", "Mail (will not be published)
(required)", then "Website" bare. The pack names the first fields by their notes ("required", "will
not be published": B002's term list `comment-form-notes`); a bare "Website", "URL" or "Name" (B002's
term list `comment-form-labels`) is only a field right under another, so it is judged here, by its
place.
"""

from __future__ import annotations

from lintnews.document import Document
from lintnews.packs import line_keys

#: How many blank lines may separate two fields.
_MAX_GAP = 2


def form_field_lines(
    doc: Document, reported: set[int], labels: frozenset[str], notes: frozenset[str]
) -> list[int]:
    """The lines after a reported field ("Mail (will not be published) (required)": a bracket and
    one of ``notes``, B002's term list `comment-form-notes`, in its key) that are bare labels of
    the same form (their keys in ``labels``, B002's `comment-form-labels`): each one right under
    that field or under another such label (at most ``_MAX_GAP`` blank lines between), in
    order."""
    keys = line_keys(doc)
    found: list[int] = []
    taken = set(reported)
    fields = [i for i in sorted(reported) if "(" in keys[i] and any(n in keys[i] for n in notes)]
    for start in fields:
        i = start
        while True:
            j = i + 1
            while j < len(keys) and j - i <= _MAX_GAP + 1 and not doc.lines[j].strip():
                j += 1
            if j >= len(keys) or j - i > _MAX_GAP + 1 or j in taken or keys[j] not in labels:
                break
            found.append(j)
            taken.add(j)
            i = j
    return sorted(found)
