"""B005: share buttons and follow prompts, also when spread over several short lines."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import (
    Entry,
    Matcher,
    PackSet,
    PhraseRule,
    ScreenUnion,
    line_keys,
    load_packs,
    pack_languages,
    phrase_rule,
)
from lintnews.registry import Violation, register

_BUTTON_MAX_WORDS = 3
_BUTTON_MAX_CHARS = 30
_MAX_RUN = 12


@register
@phrase_rule("B005")
class SocialShare(PhraseRule):
    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        flagged: dict[int, Violation] = {v.line: v for v in super().check(doc, settings)}
        keys = line_keys(doc)
        # Runs of button-sized lines (blank lines between them allowed). A run needs two buttons,
        # and most documents have fewer: find the buttons first, in one pass.
        buttons = [
            i
            for i, key in enumerate(keys)
            if key and len(key) <= _BUTTON_MAX_CHARS and len(key.split()) <= _BUTTON_MAX_WORDS
        ]
        if len(buttons) >= 2:
            packs = load_packs(settings)
            langs = pack_languages(doc, settings, packs)
            matchers = packs.matchers_for(self.name, tuple(langs))
            screen = _share_screen(packs, self.name, langs)
            lines = doc.lines
            run = [buttons[0]]
            for prev, i in zip(buttons, buttons[1:]):
                # the same run when every line between the two buttons is blank
                if i == prev + 1 or (
                    not any(keys[prev + 1 : i]) and all(not lines[k].strip() for k in range(prev + 1, i))
                ):
                    run.append(i)
                    continue
                if len(run) >= 2:
                    self._run_matches(doc, run, keys, matchers, screen, flagged)
                run = [i]
            if len(run) >= 2:
                self._run_matches(doc, run, keys, matchers, screen, flagged)
        for line in sorted(flagged):
            yield flagged[line]

    def _run_matches(
        self,
        doc: Document,
        run: list[int],
        keys: list[str],
        matchers: list[Matcher],
        screen: _ShareScreen,
        flagged: dict[int, Violation],
    ) -> None:
        """Flag the longest stretches of ``run`` (two lines or more) whose lines, joined, a pack
        entry matches."""
        for start, stop, entry in _stretches(tuple(keys[j] for j in run), matchers, screen):
            message = entry.message or "Row of share buttons left in the text"
            for j in run[start:stop]:
                if j not in flagged:
                    flagged[j] = self.removable_lines(
                        doc,
                        j,
                        j,
                        message,
                        f'Remove the share button "{doc.lines[j].strip()[:40]}"',
                        severity=entry.severity,
                    )


#: How many runs of buttons `_stretches` keeps the answer for, per screen.
_MEMO_SIZE = 5_000


def _stretches(
    texts: tuple[str, ...], matchers: list[Matcher], screen: _ShareScreen
) -> list[tuple[int, int, Entry]]:
    """The longest stretches ``(start, stop, entry)`` of a run of button keys ``texts`` (two lines
    or more, left to right) whose lines, joined, an entry of ``matchers`` matches.

    The answer depends on ``texts`` and on the screen and matchers (one pack set, rule and set
    of languages, which the screen stands for) only, so it is kept on the screen: whole pages
    of one site repeat the same menus and button rows in every article (on the crawl corpus
    half the runs are repeats)."""
    memo = screen.memo
    found = memo.get(texts)
    if found is None:
        found = _find_stretches(texts, matchers, screen)
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        memo[texts] = found
    return found


def _find_stretches(
    texts: tuple[str, ...], matchers: list[Matcher], screen: _ShareScreen
) -> list[tuple[int, int, Entry]]:
    """`_stretches`, computed."""
    found: list[tuple[int, int, Entry]] = []
    whole = " ".join(texts)
    # Every stretch joined is a substring of the whole run joined: when the whole run holds
    # none of the strings the patterns of unknown first character need, no stretch does.
    rest = screen.rest_always or any(map(whole.__contains__, screen.needs))
    needs = screen.needs
    start = 0
    while start < len(texts) - 1:
        best = None
        # A stretch starts with the first character of its first line (keys are never empty);
        # with no pattern for that character, only a literal line can match it, and a literal
        # line that starts with the first line and a space.
        first = screen.union.compiled.get(texts[start][0])
        top = min(len(texts), start + _MAX_RUN)
        if not rest and first is None and texts[start] not in screen.heads:
            top = start + 1  # no stretch from here
        for stop in range(top, start + 1, -1):
            joined = " ".join(texts[start:stop])
            if (
                # (a stretch that holds none of the needed strings, even in a run that does: a
                # row of buttons that names a network has many)
                not (rest and (screen.rest_always or any(map(joined.__contains__, needs))))
                and joined not in screen.union.literal
                and (first is None or all(r.fullmatch(joined) is None for r in first))
            ):
                continue  # the screen proves that no entry matches (see `_share_screen`)
            entry = next((e for m in matchers if (e := m.match(joined)) is not None), None)
            if entry is not None:
                best = (stop, entry)
                break
        if best is None:
            start += 1
            continue
        stop, entry = best
        found.append((start, stop, entry))
        start = stop
    return found


@dataclass
class _ShareScreen:
    """What a joined run of buttons must look like for an entry of the rule to match it, from the
    `Screen` of the rule's entries in each language (the screens that pick the candidate lines
    of every phrase rule, so exact in the same way): one of the literal lines, or a fullmatch of
    a pattern filed under the key's first character, or, for patterns whose first character is
    not known, a key holding one of ``needs`` (``rest_always``: such patterns need nothing known).
    A join that fails all three is matched by no matcher, and the costly matcher is not tried."""

    #: The rule's screens in the languages (literal lines, patterns by first character).
    union: ScreenUnion
    #: What literal lines start with before a space ("share", "share on" for "share on x").
    heads: frozenset[str]
    needs: tuple[str, ...]
    rest_always: bool
    #: `_stretches` of the runs of buttons met so far.
    memo: dict[tuple[str, ...], list[tuple[int, int, Entry]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )


_SHARE_SCREENS: dict[tuple[int, str, tuple[str, ...]], tuple[PackSet, _ShareScreen]] = {}


def _share_screen(packs: PackSet, rule: str, langs: list[str]) -> _ShareScreen:
    """The `_ShareScreen` of ``rule`` in ``langs``, made once per pack set and language set from
    the rule's screen in each language (`PackSet.rule_screen`: the entries of
    `PackSet.matcher`, the language's own and the ``*`` ones), without compiling anything."""
    cache_key = (id(packs), rule, tuple(langs))
    hit = _SHARE_SCREENS.get(cache_key)
    if hit is not None and hit[0] is packs:
        return hit[1]
    union = ScreenUnion.of([packs.rule_screen(rule, lang) for lang in langs])
    needs: set[str] = set()
    rest_always = union.everything
    for screen in union.screens:
        if screen.rest is not None and screen.rest_needs is None:
            rest_always = True
        elif screen.rest is not None and screen.rest_needs is not None:
            needs.update(screen.rest_needs)
    found = _ShareScreen(
        union,
        frozenset(line[:i] for line in union.literal for i, char in enumerate(line) if char == " "),
        tuple(sorted(needs)),
        rest_always,
    )
    if len(_SHARE_SCREENS) > 1024:
        _SHARE_SCREENS.clear()
    _SHARE_SCREENS[cache_key] = (packs, found)
    return found


# --- breadcrumb -----------------------------------------------------------------------------

#: Separators of breadcrumb trails. Slashes and bars count only with spaces around them
#: ("km/h", "and/or" and "A|B" stay whole); arrows may be tight ("Home»World").
