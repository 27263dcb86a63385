"""The rules that report on suppressions: E901 (unused-suppression) and E902 (a suppression
without a reason). Their diagnostics are made by `lintnews.suppress.apply`.
"""

from __future__ import annotations

from collections.abc import Iterable

from lintnews.config import Settings
from lintnews.diagnostics import Severity
from lintnews.document import Document
from lintnews.registry import Rule, Violation, register

# --- the rules --------------------------------------------------------------------------------


@register
class UnusedSuppression(Rule):
    """## What it does
    Reports a suppression that suppressed nothing: a `<!-- lintnews: disable=… -->` or
    `disable-next-line` comment, or a JSONL record's `lintnews_ignore` field, with codes for
    which no diagnostic was found where it applies. Also reports codes that name no rule, codes
    of rules that cannot be suppressed (`E900`–`E902`) and comments that start with
    `lintnews:` but cannot be read (a misspelt `disabel` is never applied).

    A code whose rules are not selected for the file is not reported: the rule did not run, so
    the suppression may still be needed when it does.

    ## Why is this bad?
    A stale suppression hides the next real defect at that place, and a misspelt one silently
    suppresses nothing. Suppressions should be kept to what is needed now.

    ## Example
    ```markdown
    <!-- lintnews: disable-next-line=D001 -->
    This paragraph appears only once in the article.
    ```

    `article.md:1:1: E901 Unused suppression (unused: `D001`)`

    ## Fix
    Delete the comment (or the unused codes from it). Not fixed automatically.
    """

    code = "E901"
    name = "unused-suppression"
    severity = Severity.WARNING
    summary = "Suppression comment or record field that suppresses nothing"

    def check(self, doc: Document, settings: Settings) -> Iterable[Violation]:
        return ()  # emitted by lintnews.suppress after the other rules ran


@register
class SuppressionWithoutReason(Rule):
    """## What it does
    With `require-suppression-reason = true`, reports a suppression that gives no reason. The
    suppression still applies.

    ## Why is this bad?
    A reason tells the next editor why the finding is acceptable here, and whether the
    suppression can go when the text changes.

    ## Example
    ```markdown
    <!-- lintnews: disable-next-line=D001 -->
    ```

    Use instead:
    ```markdown
    <!-- lintnews: disable-next-line=D001 -- pull quote repeats the lede -->
    ```

    In a JSONL record: `"lintnews_ignore": ["D001 -- pull quote repeats the lede"]`.

    ## Fix
    Add the reason after ` -- `. Not fixed automatically.

    ## Options
    `require-suppression-reason` (default false) turns the rule on.
    """

    code = "E902"
    name = "suppression-without-reason"
    severity = Severity.WARNING
    summary = "Suppression without a reason (with require-suppression-reason)"

    def check(self, doc: Document, settings: Settings) -> Iterable[Violation]:
        return ()  # emitted by lintnews.suppress after the other rules ran
