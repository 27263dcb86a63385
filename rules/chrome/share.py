"""B005: share buttons and follow prompts, also when spread over several short lines."""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.native import short_key_runs
from lintnews.packs import (
    Matcher,
    PhraseRule,
    line_keys,
    load_packs,
    pack_languages,
    phrase_rule,
)
from lintnews.registry import Violation, register

from .author_box import author_bio_lines, warm_author_box
from .share_runs import ShareScreen, button_line, share_screen, stretches

_BUTTON_MAX_WORDS = 3
_BUTTON_MAX_CHARS = 30


@register
@phrase_rule("B005")
class SocialShare(PhraseRule):
    def warm(self, settings: Settings) -> None:
        warm_author_box(settings)

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        flagged: dict[int, Violation] = {v.line: v for v in super().check(doc, settings)}
        keys = line_keys(doc)
        # Runs of button-sized lines (blank lines between them allowed). A run needs two buttons,
        # and most documents have fewer: the runs are found in one pass of a kernel over the
        # keys (a key's words are separated by single spaces, with none at either end: counting
        # the spaces makes no list of words)
        runs = short_key_runs(keys, doc.lines, _BUTTON_MAX_CHARS, _BUTTON_MAX_WORDS - 1)
        if runs:
            packs = load_packs(settings)
            langs = pack_languages(doc, settings, packs)
            matchers = packs.matchers_for(self.name, tuple(langs))
            screen = share_screen(packs, self.name, langs)
            for run in runs:
                self._run_matches(doc, run, keys, matchers, screen, flagged)
        for j in author_bio_lines(doc, keys, set(flagged), settings):
            flagged[j] = self.removable_lines(
                doc, j, j, "Author's bio above a follow prompt left in the text", "Remove the author's bio"
            )
        for line in sorted(flagged):
            yield flagged[line]

    def _run_matches(
        self,
        doc: Document,
        run: list[int],
        keys: list[str],
        matchers: list[Matcher],
        screen: ShareScreen,
        flagged: dict[int, Violation],
    ) -> None:
        """Flag the longest stretches of ``run`` (two lines or more) whose lines, joined, a pack
        entry matches. Only a line that holds a button word is flagged (`button_line`): a run
        in which no line holds one (a menu: seven runs in ten on the crawl) flags nothing, and
        its stretches are not searched (one split of the run joined, where the search builds the
        occurrences of the screen's strings and tries the starts)."""
        texts = tuple(map(keys.__getitem__, run))
        if screen.words.isdisjoint(" ".join(texts).split()):
            return
        for start, stop, entry in stretches(texts, matchers, screen):
            message = entry.message or "Row of share buttons left in the text"
            for j in run[start:stop]:
                if j not in flagged and button_line(keys[j], screen):
                    flagged[j] = self.removable_lines(
                        doc,
                        j,
                        j,
                        message,
                        f'Remove the share button "{doc.lines[j].strip()[:40]}"',
                        severity=entry.severity,
                    )
