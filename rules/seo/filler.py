"""S001: related-content prompts and SEO stock lines.

A phrase rule: its phrases live in ``rules/packs/seo-<lang>.toml``.
"""

from __future__ import annotations

from lintnews.diagnostics import Severity
from lintnews.packs import PhraseRule
from lintnews.registry import register


@register
class SeoFiller(PhraseRule):
    """## What it does
    Checks for stock lines of related-content widgets and SEO templates standing alone on a
    line: "You may want to see also", "Explore related products", "What You'll Learn", "You may
    also like", "Read More:" with nothing after it, "Related:", "Recommended for you", "Trending
    now", "Mehr zum Thema", "Das könnte Sie auch interessieren", "À lire aussi", "Te puede
    interesar", and "Read more: <headline>"-style link lines.

    The phrase must be the whole line: "read more" inside a sentence is never reported.

    ## Why is this bad?
    These lines are the page's navigation, not the article. They break the text between
    paragraphs and tell a reader (or a model trained on the text) nothing.

    ## Example
    ```text
    The court will announce its ruling on Thursday.
    You may also like
    ```

    Use instead:
    ```text
    The court will announce its ruling on Thursday.
    ```

    ## Fix
    Removes the line (safe: the line holds nothing but the prompt).

    ## Options
    Phrases: `seo-filler` entries in `rules/packs/seo-<lang>.toml`; add your own with
    `extra-phrases = { seo-filler = ["Don't miss"] }` or a pack in `extend-packs`.
    """

    code = "S001"
    name = "seo-filler"
    severity = Severity.WARNING
    summary = "Related-content prompt or SEO stock line left in the text"
    default_message = "Related-content prompt left in the text"


# --- off-topic related links ------------------------------------------------------------------

#: Function words that carry no topic, on top of the stop-word profiles of `lintnews.language`
#: (question words and auxiliaries are frequent in headlines).
