"""B032: a site's login or registration box left in the text.

A phrase rule: its metadata, docs, phrases and term lists live in ``rules/packs/B032.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.block_edges import CODE_LINES
from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import PhraseRule, line_keys, pack_terms, phrase_rule
from lintnews.registry import Violation, register


@register
@phrase_rule("B032")
class LoginForm(PhraseRule):
    # (The docs are the rule file's.) A line only a login box holds ("Forgot your password?") is
    # reported alone; the box's buttons and fields ("Log in", "Password:", its `form-words`) only
    # in a run of the box's lines (`_runs`), and a field's label ("E-mail:", its `field-words`)
    # only inside a run that holds two lines of the other kinds. Such a run is reported as one
    # region, from its first line to its last, and its fix removes the blank lines between them.
    # A code block's lines are no box ("Username:" / "Password:" in a program's output), as no
    # phrase rule reports one.
    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = {v.line: v for v in super().check(doc, settings)}
        form = pack_terms(doc, settings, self.name, "form-words")
        keys = line_keys(doc)
        if form.isdisjoint(keys):
            yield from found.values()
            return
        fields = pack_terms(doc, settings, self.name, "field-words")
        boxes: list[Violation] = []
        for run in _runs(keys, found, form, fields, CODE_LINES.of(doc)):
            if sum(1 for i in run if i in found or keys[i] in form) < 2:
                continue
            for i in run:
                found.pop(i, None)
            title = f"Remove the login form ({run[-1] - run[0] + 1} lines)"
            boxes.append(
                self.removable_lines(doc, run[0], run[-1], self.language_message(doc, settings), title)
            )
        yield from sorted([*found.values(), *boxes], key=lambda v: v.line)


def _runs(
    keys: list[str],
    found: dict[int, Violation],
    form: frozenset[str],
    fields: frozenset[str],
    code: frozenset[int],
) -> Iterator[list[int]]:
    """Runs of the box's lines (matched, or a button, field or label of the term lists, outside
    a code block) with nothing but blank lines between them."""
    run: list[int] = []
    for i, key in enumerate(keys):
        if not key:
            continue
        if i in found or (key in form or key in fields) and i not in code:
            run.append(i)
            continue
        if run:
            yield run
        run = []
    if run:
        yield run
