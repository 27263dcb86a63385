"""N: rules over the whole corpus of one run (near and exact duplicates, site templates).

These rules do not look at one document: the engine skips them in the per-document loop
(``corpus = True``) and `lintnews.corpus` reports them (finding each by its ``role``) after
every document was read, from the signatures it took of each one. Their options live in the
``[corpus]`` table of the configuration.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register


class CorpusRule(Rule):
    corpus = True
    #: What the corpus phase reports under this rule: "near-duplicate", "exact-duplicate" or
    #: "template" (`lintnews.corpus.options` finds the rules by role, never by code).
    role: ClassVar[str]
    #: The fix leaves the reported JSONL record out of the cleaned corpus (``--output-dir``).
    drops_record: ClassVar[bool] = False
    #: Lines that per-document rules of these families flagged are not compared (site chrome).
    chrome_families: ClassVar[tuple[str, ...]] = ()

    def check(self, doc: Document, settings: Settings) -> Iterable[Violation]:
        return ()  # reported by lintnews.corpus after the per-document pass


@register
class NearDuplicateDocument(CorpusRule):
    """## What it does
    Checks for an article whose content is a near-copy of another article of the corpus: the
    same wire story ingested twice, a re-scrape with a new headline or an added local intro, a
    copy with a trimmed ending or a few typos, or a short article embedded in a longer one.

    Candidates come from MinHash signatures of the word shingles (XXH3-hashed) and LSH;
    each candidate pair is then verified exactly on the two shingle sets, so a reported pair really
    shares that share of its text. Lines the chrome rules (S, B) flag and site-template lines
    (N003) are removed first: articles of one site are not duplicates because of a shared footer.
    Copies are clustered transitively; the diagnostic sits on every copy but the kept one (the
    first in input order unless configured) and points at it.

    ## Why is this bad?
    Duplicated articles over-weight one story in a training set or an index, skew counts, and let
    a model memorise text. Exact-match deduplication misses copies that differ in a headline.

    ## Example
    ```text
    corpus.jsonl:7:1: N001 Near-duplicate of corpus.jsonl#wire-0412 (Jaccard 0.81; 93 % of this
    article's shingles occur in it)
    ```

    ## Fix
    Unsafe: with `--fix --unsafe-fixes --output-dir DIR`, the record is left out of the cleaned
    copy of its JSONL corpus (files are not deleted). `--rejected-output` splits copies out
    without fixing anything.

    ## Options
    `[corpus]`: `shingle-size` (words, default 5), `num-perm` (128), `threshold` (LSH, 0.5),
    `min-jaccard` (0.5), `min-containment` (0.8: share of the smaller article's shingles found in
    the other), `keep` (`first`, `longest`, or `oldest` with `date-field`).
    """

    code = "N001"
    name = "near-duplicate-document"
    severity = Severity.WARNING
    summary = "Article is a near-copy of another article of the corpus"
    fix_applicability = "unsafe"
    role = "near-duplicate"
    drops_record = True
    chrome_families = ("S", "B")


@register
class ExactDuplicateDocument(CorpusRule):
    """## What it does
    Checks for an article whose text is the same as another article of the corpus once
    whitespace, case, punctuation and quote style are ignored.

    ## Why is this bad?
    The same page fetched twice, or mirrored under two URLs, is counted twice by everything
    downstream.

    ## Example
    ```text
    crawl/b.txt:1:1: N002 Exact duplicate of crawl/a.txt (same text after normalisation)
    ```

    ## Fix
    Unsafe: with `--fix --unsafe-fixes --output-dir DIR`, the record is left out of the cleaned
    copy of its JSONL corpus (files are not deleted). The kept document is the first in input
    order unless `[corpus] keep` says otherwise.
    """

    code = "N002"
    name = "exact-duplicate-document"
    severity = Severity.ERROR
    summary = "Article has the same text as another article of the corpus"
    fix_applicability = "unsafe"
    role = "exact-duplicate"
    drops_record = True


@register
class TemplateLine(CorpusRule):
    """## What it does
    Checks for a line that recurs across many documents of the corpus at the same place of the
    page (by default in at least 5 documents and 1 % of them): site chrome that no phrase pack
    knows, such as a site's copyright line or its own newsletter pitch. It is reported once in
    every document that holds it, with the number of documents.

    Only lines of at least `template-min-words` words among the first and last 20 lines of a
    document are considered, and a line must sit at the same position (counted from the start or
    from the end of the document) in at least half of its documents: a stock sentence of news
    writing ("The company did not respond to a request for comment.") recurs too, but wherever
    the story puts it, so it is not reported.

    ## Why is this bad?
    Template text repeated on every page of a site teaches a model the site's chrome and makes
    unrelated articles look alike.

    ## Example
    ```text
    site/2008-05-02.txt:31:1: N003 Line recurs in 212 of 1840 documents at the same place (site template)
    ```

    ## Fix
    Remove the line, or teach your extractor the site's template.

    ## Options
    `[corpus]`: `template-min-docs` (5), `template-min-share` (0.01), `template-min-words` (4),
    `template-min-stability` (0.5).
    """

    code = "N003"
    name = "template-line"
    severity = Severity.WARNING
    summary = "Line recurs at the same place in many documents of the corpus (site template)"
    role = "template"
