"""B002's comment form: the fields that follow a field or the form's heading the pack names.

A comment form prints its fields one per line: "Name (required)", "Mail (will not be published)
(required)", then "Website" bare. The pack names the first fields by their notes ("required", "will
not be published": B002's term list `comment-form-notes`), and the form's heading ("Post a
comment", "Leave a Reply": `comment-form-headings`); a bare "Website", "URL", "Name" or "Email
Address" (B002's term list `comment-form-labels`) is only a field right under another or under the
heading (TypePad's "Post a comment" / "Name:" / "Email Address:" / "URL:"), so it is judged here,
by its place. B004 leaves such a line to B002: "Email address" alone is also a newsletter box's
field, but not under a comment form's heading.
"""

from __future__ import annotations

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import line_keys, pack_terms
from lintnews.packs.matching import lines_matched

#: B002's name: its term lists, and its matches where the caller has no findings of its own.
_RULE = "comment-widget"

#: How many blank lines may separate two fields.
_MAX_GAP = 2


def form_field_lines(
    doc: Document,
    reported: set[int],
    labels: frozenset[str],
    notes: frozenset[str],
    headings: frozenset[str] = frozenset(),
) -> list[int]:
    """The lines after a reported field or notice of the form (one of ``notes``, B002's term list
    `comment-form-notes`, in its key: "Mail (will not be published) (required)", "Your email
    address will not be published. Required fields are marked *") or a reported heading of the
    form (its key in ``headings``, `comment-form-headings`) that are bare labels of the same form
    (their keys in ``labels``, B002's `comment-form-labels`): each one right under that line or
    under another such label or another reported line (at most ``_MAX_GAP`` blank lines
    between; TypePad's "Name is required to post a comment" / "Please enter a valid email
    address" / "Invalid URL" / "Name:"), in order."""
    keys = line_keys(doc)
    found: list[int] = []
    fields = [i for i in sorted(reported) if keys[i] in headings or any(n in keys[i] for n in notes)]
    done = -1  # (the last line a form's walk reached: a later start inside it walks no further)
    for start in fields:
        if start <= done:
            continue
        i = start
        while True:
            j = i + 1
            while j < len(keys) and j - i <= _MAX_GAP + 1 and not doc.lines[j].strip():
                j += 1
            if j >= len(keys) or j - i > _MAX_GAP + 1:
                break
            if j not in reported:
                if keys[j] not in labels:
                    break
                found.append(j)
            i = j
        done = i
    return found


def comment_form_fields(doc: Document, settings: Settings, reported: set[int] | None = None) -> list[int]:
    """`form_field_lines` under the lines B002 reported (``reported``; by default the lines its
    phrases match whole, as B004 and B031 ask, whatever the selection runs), with B002's term
    lists."""
    if reported is None:
        reported = lines_matched(doc, settings, (_RULE,))
    if not reported:
        return []
    return form_field_lines(
        doc,
        reported,
        pack_terms(doc, settings, _RULE, "comment-form-labels"),
        pack_terms(doc, settings, _RULE, "comment-form-notes"),
        pack_terms(doc, settings, _RULE, "comment-form-headings"),
    )
