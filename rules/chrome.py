"""B: site chrome — the widgets, labels and prompts of the web page around the article.

Most rules here are phrase rules: their phrases live in ``rules/packs/chrome-<lang>.toml``. The
code adds only what a phrase cannot say: share buttons spread over several short lines, bylines
whose name sits on the next line, and breadcrumb trails.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, words
from lintnews.packs import (
    Matcher,
    PackSet,
    PhraseRule,
    ScreenUnion,
    line_key,
    line_keys,
    load_packs,
    pack_languages,
)
from lintnews.registry import Rule, Violation, register


@register
class AdblockNotice(PhraseRule):
    """## What it does
    Checks for lines of an ad-blocker notice: "Adblock Detected", "Please support us by disabling
    your AdBlocker…", "Bitte deaktivieren Sie Ihren Adblocker", "Vous utilisez un bloqueur de
    publicité…".

    ## Why is this bad?
    The scraper ran without ads and the page complained about it. The complaint is not part of
    the article, and it tells every reader of the text how it was collected.

    ## Example
    ```text
    Risk Assessment: Helps investors judge exposure to the region.
    Adblock Detected
    Please support us by disabling your AdBlocker extension from your browsers for our website.
    ```

    Use instead:
    ```text
    Risk Assessment: Helps investors judge exposure to the region.
    ```

    ## Fix
    Removes the line (safe: the line holds nothing but the notice).

    ## Options
    Phrases: `adblock-notice` entries in `rules/packs/chrome-<lang>.toml`; add your own with
    `extra-phrases` or `extend-packs`.
    """

    code = "B001"
    name = "adblock-notice"
    severity = Severity.ERROR
    summary = "Ad-blocker notice of the page left in the text"
    default_message = "Ad-blocker notice left in the text"


@register
class CommentWidget(PhraseRule):
    """## What it does
    Checks for lines of a comment section: "Leave a Comment", "Post a Comment", "0 Comments",
    "12 Kommentare", "This site uses Akismet to reduce spam…", "Schreibe einen Kommentar",
    "Deine E-Mail-Adresse wird nicht veröffentlicht", "Laisser un commentaire", "Deja un
    comentario".

    ## Why is this bad?
    The comment form and its counters belong to the page, not to the article. Left in the text
    they end the story with an invitation no one can act on.

    ## Example
    ```text
    The talks will resume in Geneva next month.
    Leave a Comment
    This site uses Akismet to reduce spam. Learn how your comment data is processed.
    ```

    Use instead:
    ```text
    The talks will resume in Geneva next month.
    ```

    ## Fix
    Removes the line (safe: the line holds nothing but the widget text).

    ## Options
    Phrases: `comment-widget` entries in `rules/packs/chrome-<lang>.toml`.
    """

    code = "B002"
    name = "comment-widget"
    severity = Severity.WARNING
    summary = "Comment-section text (form, counter, spam notice) left in the text"
    default_message = "Comment-form text left in the text"


@register
class CookieConsent(PhraseRule):
    """## What it does
    Checks for lines of a cookie banner: "We use cookies to improve your experience…", "Accept
    all cookies", "Diese Website verwendet Cookies…", "Ce site utilise des cookies…",
    "Utilizamos cookies…".

    ## Why is this bad?
    The consent banner is page furniture; in the text it reads as part of the story and is
    repeated across every article of the site.

    ## Example
    ```text
    Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis bieten zu können.
    Der Stadtrat hat den Haushalt am Dienstag beschlossen.
    ```

    Use instead:
    ```text
    Der Stadtrat hat den Haushalt am Dienstag beschlossen.
    ```

    ## Fix
    Removes the line (safe).

    ## Options
    Phrases: `cookie-consent` entries in `rules/packs/chrome-<lang>.toml`.
    """

    code = "B003"
    name = "cookie-consent"
    severity = Severity.WARNING
    summary = "Cookie-consent banner text left in the text"
    default_message = "Cookie-consent notice left in the text"


@register
class NewsletterPrompt(PhraseRule):
    """## What it does
    Checks for lines of a newsletter sign-up box: "Subscribe to our newsletter", "Enter your
    email address", "Newsletter abonnieren", "Abonnez-vous à notre newsletter", "Suscríbete a
    nuestro boletín".

    ## Why is this bad?
    A sign-up box is an interruption the page adds to every article. It is not reporting.

    ## Example
    ```text
    The museum reopens on Saturday.
    Sign up for our newsletter
    Enter your email address
    ```

    Use instead:
    ```text
    The museum reopens on Saturday.
    ```

    ## Fix
    Removes the line (safe).

    ## Options
    Phrases: `newsletter-prompt` entries in `rules/packs/chrome-<lang>.toml`.
    """

    code = "B004"
    name = "newsletter-prompt"
    severity = Severity.WARNING
    summary = "Newsletter sign-up prompt left in the text"
    default_message = "Newsletter sign-up prompt left in the text"


#: A short line can be one button of a row of share buttons ("Facebook", "Twitter", "E-Mail").
_BUTTON_MAX_WORDS = 3
_BUTTON_MAX_CHARS = 30
_MAX_RUN = 12


@register
class SocialShare(PhraseRule):
    """## What it does
    Checks for share and follow prompts: "Share on Facebook", "Tweet", "Pin it", "Teilen",
    "Partager", "Compartir", "Folgen Sie uns", and rows of network names ("Facebook Twitter
    WhatsApp E-Mail"), also when the row is spread over consecutive short lines, one button per
    line. A single network name alone on a line is left alone.

    ## Why is this bad?
    Share buttons are page furniture. In the text they become a string of brand names between
    the last paragraph and whatever follows.

    ## Example
    ```text
    Der Prozess wird im Herbst fortgesetzt.
    Facebook
    Twitter
    WhatsApp
    ```

    Use instead:
    ```text
    Der Prozess wird im Herbst fortgesetzt.
    ```

    ## Fix
    Removes the line or lines (safe).

    ## Options
    Phrases: `social-share` entries in `rules/packs/chrome-<lang>.toml` and
    `rules/packs/chrome-common.toml` (the network-name row).
    """

    code = "B005"
    name = "social-share"
    severity = Severity.WARNING
    summary = "Share buttons or follow prompts left in the text"
    default_message = "Share prompt left in the text"

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        flagged: dict[int, Violation] = {v.line: v for v in super().check(doc, settings)}
        keys = line_keys(doc)
        # Runs of button-sized lines (blank lines between them allowed). A run needs two buttons,
        # and most documents have fewer: find the buttons first, in one pass.
        buttons = [
            i for i, key in enumerate(keys)
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
        texts = [keys[j] for j in run]
        whole = " ".join(texts)
        # Every stretch joined is a substring of the whole run joined: when the whole run holds
        # none of the strings the patterns of unknown first character need, no stretch does.
        rest = screen.rest_always or any(map(whole.__contains__, screen.needs))
        start = 0
        while start < len(run) - 1:
            best = None
            # A stretch starts with the first character of its first line (keys are never empty);
            # with no pattern for that character, only a literal line can match it, and a literal
            # line that starts with the first line and a space.
            first = None if rest else screen.union.compiled.get(texts[start][0])
            top = min(len(run), start + _MAX_RUN)
            if not rest and first is None and texts[start] not in screen.heads:
                top = start + 1  # no stretch from here
            for stop in range(top, start + 1, -1):
                joined = " ".join(texts[start:stop])
                if not rest and joined not in screen.union.literal and (
                    first is None or all(r.fullmatch(joined) is None for r in first)
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
            message = entry.message or "Row of share buttons left in the text"
            for j in run[start:stop]:
                if j not in flagged:
                    flagged[j] = self.line_violation(
                        doc,
                        j,
                        message,
                        fix=self.remove_lines_fix(doc, j, j, f"Remove the share button \"{doc.lines[j].strip()[:40]}\""),
                        severity=entry.severity,
                    )
            start = stop


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
_ARROWS = "»›>→"
#: Whitespace before a separator is matched from the start of its run only (trying every position
#: inside a long run of spaces is quadratic); the splits are those of ``\s*(?:>>|[»›>→])\s*|\s+[/|]\s+``.
_SPLIT = re.compile(r"(?<!\s)\s+(?:>>|[»›>→])\s*|(?:>>|[»›>→])\s*|(?<!\s)\s+[/|]\s+")
_SENTENCE_END = re.compile(r"[.!?;,]$")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_MARKUP = re.compile(r"[<=\[\]{}]|->|-->")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪]\s+)?")


def _separator_lines(doc: Document) -> list[int]:
    """Indices of the lines that hold a separator (an arrow, `` / `` or `` | ``), in order:
    `_breadcrumb_segments` returns None for every other line. Found with `str.find` over the
    whole text (no separator holds a line break, so a line holds one exactly where the text
    does), which is much cheaper than testing each line when, as usual, there are few. Slashes
    and bars are searched alone and their spaces checked after: `str.find` is slow on a
    needle that starts with a space."""
    text = doc.text
    starts: Sequence[int] | None = None  # (`doc.line_starts` only when there is a separator)
    found: set[int] = set()
    # (an ASCII text holds no arrow but ">", and `str.find` does not know it for "»")
    for sep in (*(">" if text.isascii() else _ARROWS), "/", "|"):
        spaced = sep in "/|"
        at = text.find(sep)
        while at >= 0:
            if spaced and not (text[at - 1 : at] == " " and text[at + 1 : at + 2] == " "):
                at = text.find(sep, at + 1)
                continue
            if starts is None:
                starts = doc.line_starts
            i = bisect.bisect_right(starts, at) - 1
            found.add(i)
            at = text.find(sep, starts[i + 1]) if i + 1 < len(starts) else -1
    return sorted(found)


def _breadcrumb_segments(line: str) -> list[str] | None:
    # (the separator test below, first on the whole line: most lines have none)
    if not any(ch in line for ch in _ARROWS) and " / " not in line and " | " not in line:
        return None
    text = _BULLET.sub("", line).strip()
    if not text or text.startswith(("|", ">")) or _MARKUP.search(text):
        return None
    if not any(ch in text for ch in _ARROWS) and " / " not in text and " | " not in text:
        return None
    parts = _SPLIT.split(text)
    if parts and not parts[-1].strip():
        parts = parts[:-1]  # "Home › News ›" with a trailing separator
    parts = [p.strip() for p in parts]
    if len(parts) < 2 or any(not p or not _HAS_LETTER.search(p) for p in parts):
        return None
    return parts


@register
class Breadcrumb(Rule):
    """## What it does
    Checks for a breadcrumb trail: a line of short segments joined by `»`, `›`, `>`, `→`, or
    ` / ` and ` | ` with spaces around them, that either starts with a home word ("Home »
    World » …", "Startseite > Politik > …", "Accueil > …", "Inicio > …", also after "You are
    here:") or is made of three or more short segments (at most four words each, no sentence
    punctuation) joined by arrows.

    Markdown quotes and table rows, comparisons ("a > b" inside a sentence) and lines with
    markup or arrows in code (`->`, `=>`) are never taken for a breadcrumb.

    ## Why is this bad?
    The trail is the site's navigation. At the top of the text it pushes the headline down and
    repeats it.

    ## Example
    ```text
    Home » world » Summit ends without agreement
    Summit ends without agreement
    ```

    Use instead:
    ```text
    Summit ends without agreement
    ```

    ## Fix
    Removes the line: safe when it starts with a home word, unsafe otherwise.

    ## Options
    Home words: `breadcrumb` entries in `rules/packs/chrome-<lang>.toml`. Unlike other pack
    entries they name the *first segment* of a trail, not a whole line.
    """

    code = "B006"
    name = "breadcrumb"
    reads_packs = True
    severity = Severity.WARNING
    summary = "Breadcrumb navigation trail left in the text"
    fix_applicability = "mixed"  # unsafe for a trail that does not start with a home word

    max_segment_words: ClassVar[int] = 4

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        candidates = _separator_lines(doc)
        if not candidates:
            return
        packs = load_packs(settings)
        matchers = packs.matchers_for(self.name, tuple(pack_languages(doc, settings, packs)))

        def is_home(segment: str) -> bool:
            key = line_key(segment)
            candidates = [key, *(line_key(p) for p in key.split(":"))]
            return any(m.match(c) is not None for m in matchers for c in candidates if c)

        lines = doc.lines
        for i in candidates:
            line = lines[i]
            if len(line) > 400:
                continue
            parts = _breadcrumb_segments(line)
            if parts is None or doc.line_kind(i) in ("table", "quote", "code"):
                continue
            homed = is_home(parts[0])
            if homed:
                inner = parts[1:-1]
                ok = all(len(words(p)) <= self.max_segment_words + 2 for p in inner) and len(words(parts[-1])) <= 25
            else:
                ok = (
                    len(parts) >= 3
                    and not re.search(r"\s[/|]\s", line)
                    and all(len(words(p)) <= self.max_segment_words and not _SENTENCE_END.search(p) for p in parts)
                )
            if not ok:
                continue
            fix = self.remove_lines_fix(doc, i, i, "Remove the breadcrumb trail", safe=homed)
            yield self.line_violation(doc, i, "Breadcrumb trail left in the text", fix=fix)


# --- bylines --------------------------------------------------------------------------------

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
