"""S002: titles of other articles spliced in next to a related-content prompt.

The code judges what a phrase cannot: which titles next to the stock lines of S001 belong to
other articles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document, words
from lintnews.language import STOPWORDS
from lintnews.packs import line_key, load_packs, match_lines, pack_languages
from lintnews.registry import Rule, Violation, register

from .line_shapes import AUTHOR_HEADING, CUT_QUOTE, NO_TITLE, next_nonblank, runs, title_shaped

_FUNCTION_WORDS = (
    "how what when where why who whom does did do can could should will would your you our may "
    "might must into over under after before about just only than then them they this that these "
    "those here there like more most much many some such very also even still "
    "wie was wann wo warum wer wird werden kann können soll sollen muss müssen hier dort mehr "
    "while between against however because although through during without within other which "
    "their there where being having after again every "
    "zwischen gegen durch jedoch sowie dass diese dieser dieses einem einen einer ihre seine "
    "wurde wurden haben hatte hatten sein seit unter immer schon sehr beim "
    "comment quand pourquoi quoi dont peut doit entre contre après avant aussi "
    "cómo qué cuándo dónde puede debe entre contra después antes"
)
_FUNCTION = frozenset(_FUNCTION_WORDS.split())
_STOP = frozenset().union(*STOPWORDS.values()) | _FUNCTION
_STEM = 6
#: A prompt followed by the title it links to, on the same line.
_INLINE_TITLE = re.compile(r"[:»›>|]\s*\S+\s+\S+")
#: A prompt that introduces what follows ("Lesen Sie auch:"): its titles are below it only.
_INTRODUCES = re.compile(r"[:»›>→…]\s*$|\.\.\.\s*$")
#: A prompt that continues the article on the same page ("Read more…" under a teaser, "Continue
#: reading", "Weiterlesen", "Lire la suite", "Seguir leyendo"): when the document holds it once,
#: what follows it is the rest of the article, its own subheadings included, not other articles'
#: titles (its key, `line_key`; with a colon, "Read more:", it heads a list of links instead; a
#: page of teasers repeats it under each teaser, and the title below one is the next teaser's).
_CONTINUES = re.compile(
    r"(?:read more|continue reading|keep reading|read (?:the )?(?:rest|full (?:story|article|post))"
    r"|more after the jump|weiterlesen|mehr lesen|lire la suite|la suite|seguir leyendo|sigue leyendo"
    r"|leer m[aá]s)"
)


def _byline(doc: Document, settings: Settings, line: int) -> bool:
    """A byline ("Par Jacques Munier", "Autor: Fritz Imhof"): its first word or two are an
    `empty-byline` phrase."""
    text = doc.lines[line].strip()
    packs = load_packs(settings)
    matchers = packs.matchers_for("empty-byline", tuple(pack_languages(doc, settings, packs)))
    first = text.split(None, 1)[0] if text else ""
    heads = {line_key(first), line_key(" ".join(text.split()[:2])), line_key(text.split(":", 1)[0])}
    return any(m.match(h) is not None for m in matchers for h in heads if h)


def _content_stems(text_or_words: str | list[str]) -> list[str]:
    """A crude language-neutral stem (the first letters of the case-folded word) of each word of
    a text (or of a list of words) that carries a topic: four letters or more, not a number, not
    a stop word."""
    found = words(text_or_words) if isinstance(text_or_words, str) else text_or_words
    return [f[:_STEM] for w in found if len(w) >= 4 and not w.isdigit() and (f := w.casefold()) not in _STOP]


def _words_of_lines(doc: Document, excluded: set[int]) -> list[str]:
    """``words(line)`` of every line of ``doc`` not in ``excluded``, in order, taken from the
    blocks' words (a view other rules share) where no line of a block is excluded: a word never
    spans a line break, so a block's words are those of its lines in turn. The lines between
    blocks are blank (no words) or code fences."""
    lines = doc.lines
    found: list[str] = []
    done = 0  # the lines before this one are handled
    for block in doc.blocks:
        for i in range(done, block.start):
            if i not in excluded and lines[i].strip():
                found += words(lines[i])
        if excluded.isdisjoint(range(block.start, block.end + 1)):
            # (the block's words when a rule made them, else made here and not kept: keeping
            # them for every block of a text of short lines cost more memory than the text)
            found += block.cached_words() or words(block.text)
        else:
            for i in range(block.start, block.end + 1):
                if i not in excluded:
                    found += words(lines[i])
        done = block.end + 1
    for i in range(done, len(lines)):
        if i not in excluded and lines[i].strip():
            found += words(lines[i])
    return found


@dataclass(frozen=True)
class OffTopicRelatedLinkOptions:
    """``[rule-options.S002]``."""

    key_words: int = field(default=12, metadata={"min": 0})
    max_overlap: float = field(default=0.4, metadata={"min": 0.0, "max": 1.0})


#: A line of at most this many words is named as a line of the block, not as a title.
_LABEL_WORDS = 3


@register
class OffTopicRelatedLink(Rule):
    """## What it does
    Checks for the titles of other articles spliced into the text by a related-content widget:
    a headline-shaped line (2–16 words, no full stop at the end) that sits directly next to a
    related-content prompt reported by `seo-filler` (or in the run of titles that follows such a
    prompt) and shares none of the article's own key vocabulary: no word with the article's most
    frequent content words, and at most 40 % of its content words used twice or more in the article,
    or, beside none of the key vocabulary, two words that two or more of the titles found so hold
    (a widget splices in titles of one section of another site: "Political Campaign" in five).

    Headings of the article itself share its vocabulary and are left alone; so are titles next
    to a prompt that are on the article's topic (those are related links too, but cannot be told
    from a section heading by the words alone), the lines below a prompt that continues the
    article on the page ("Read more…" under a teaser, "Continue reading", "Weiterlesen", "Lire la
    suite", "Seguir leyendo", once in the document: what follows is the article's own text and
    subheadings; a page of teasers repeats the prompt under each one), and lines that hold an
    e-mail address ("Write to Jane Roe at jane.roe@example.com"); the run below a prompt ends at
    an author box's heading ("About the author": the writer's name under it is no title). A quotation cut off by an
    ellipsis on a line of its own in that run ("“Obama's true colors are starting...;”" under
    "Most Recommended") is a teaser of a comment or of another page, whatever its words.

    ## Why is this bad?
    A stranger's headline in the middle of an article about something else misleads readers,
    search snippets and summarisers: "Nigeria's Political Campaign Season: When Does it Begin?"
    does not belong in an analysis of diplomacy with Russia.

    ## Example
    ```text
    Negotiators met again on Tuesday without a ceasefire deal.
    Ten Houseplants That Survive Any Winter
    You may want to see also
    ```

    Use instead:
    ```text
    Negotiators met again on Tuesday without a ceasefire deal.
    ```

    ## Fix
    Removes the line. Unsafe: the judgement rests on vocabulary, and a terse heading of the
    article itself can share no word with the body.

    ## Options
    `[rule-options.S002] key-words` (default 12): how many of the article's most frequent content
    words count as its key vocabulary. `max-overlap` (default 0.4): the largest share of the
    title's content words that may occur at least twice elsewhere in the article.
    """

    code = "S002"
    name = "off-topic-related-link"
    severity = Severity.WARNING
    summary = "Title of another article spliced in next to a related-content prompt"
    fix_applicability = "unsafe"

    #: Below this many content words the article's vocabulary says too little.
    min_article_words: ClassVar[int] = 60
    max_run: ClassVar[int] = 10
    options = OffTopicRelatedLinkOptions

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        fillers = sorted({i for i, _ in match_lines(doc, settings, "seo-filler")})
        if not fillers:
            return
        # Lines other S rules explain (an FAQ heading after the prompt) are not titles.
        filler_set = set(fillers) | {
            i for rule in ("faq-block", "seo-section") for i, _ in match_lines(doc, settings, rule)
        }
        continues = [
            f
            for f in fillers
            if _CONTINUES.fullmatch(line_key(doc.lines[f])) and not doc.lines[f].rstrip("*_ ").endswith(":")
        ]
        candidates: list[int] = []
        for f in fillers:
            prompt = doc.lines[f].strip()
            if _INLINE_TITLE.search(prompt):
                continue  # "Read more: <title>" carries its own link; its neighbours are the article's
            before = next_nonblank(doc, f, -1, max_blank=0)
            if before is not None and before not in filler_set and not _INTRODUCES.search(prompt):
                candidates.append(before)  # a link card: the title above, its label under it
            if continues == [f]:
                continue  # the article goes on below: its subheadings are no other articles' titles
            j = next_nonblank(doc, f, 1)
            run = 0
            while (
                j is not None
                and j not in filler_set
                and run < self.max_run
                and not AUTHOR_HEADING.match(doc.lines[j])
                and (title_shaped(doc.lines[j]) or CUT_QUOTE.match(doc.lines[j].strip()))
            ):
                candidates.append(j)
                run += 1
                j = next_nonblank(doc, j, 1)
        teasers = {c for c in candidates if CUT_QUOTE.match(doc.lines[c].strip())}
        candidates = sorted(
            {
                c
                for c in candidates
                if c in teasers
                or (
                    title_shaped(doc.lines[c])
                    and not NO_TITLE.match(doc.lines[c])
                    and not _byline(doc, settings, c)
                )
            }
        )
        if not candidates:
            return
        excluded = filler_set | set(candidates)
        body = _content_stems(_words_of_lines(doc, excluded))
        if len(body) < self.min_article_words:
            return
        counts = Counter(body)
        opts: OffTopicRelatedLinkOptions = settings.options_of(self)
        top_n, max_overlap = opts.key_words, opts.max_overlap
        key = {w for w, n in counts.most_common(top_n) if n >= 2}
        for start, end in runs(sorted(teasers)):
            # one finding for a run of teasers: its fix removes the run at once (one line at a
            # time, a later pass would no longer see the prompt the run hangs from)
            first = doc.lines[start].strip()
            what = "Teaser" if start == end else f"{end - start + 1} teasers"
            yield self.removable_lines(
                doc,
                start,
                end,
                f'{what} of other pages spliced into the text: "{first[:80]}"',
                "Remove the teasers",
                safe=False,
            )
        stems = {c: _content_stems(doc.lines[c]) for c in candidates if c not in teasers}
        off = {c for c, st in stems.items() if self._off_topic(st, key, counts, max_overlap)}
        # the titles a widget splices in come from one section of the site and share its words
        # ("Political Campaign" in five of them): a title holding two words of the others that
        # were found off-topic, and none of the article's key vocabulary, is one of them
        found = Counter(w for c in off for w in set(stems[c]))
        off |= {
            c
            for c, st in stems.items()
            if c not in off and not key.intersection(st) and sum(1 for w in set(st) if found[w] >= 2) >= 2
        }
        for c in candidates:
            if c not in off:
                continue
            title = doc.lines[c].strip()
            # (a line of three words or fewer is as often the widget's own label, "Search This
            # Blog", "Latest tweets", "PREVIOUS POST", as a title: named for what is known of it)
            what, fix = "Title of another article spliced into the text", "Remove the related-article title"
            if len(title.split()) <= _LABEL_WORDS:
                what, fix = "Off-topic line of a related-content block", "Remove the line"
            yield self.removable_lines(doc, c, c, f'{what}: "{title[:80]}"', fix, safe=False)

    @staticmethod
    def _off_topic(stems: list[str], key: set[str], counts: Counter[str], max_overlap: float) -> bool:
        """A title's content words are not the article's: none of its key vocabulary, and few
        words the article uses twice or more."""
        if len(stems) < 2 or key.intersection(stems):
            return False
        return sum(1 for s in stems if counts[s] >= 2) / len(stems) <= max_overlap


# --- FAQ blocks ---------------------------------------------------------------------------------
