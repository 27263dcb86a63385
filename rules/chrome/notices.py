"""B001-B004: ad-blocker notices, comment widgets, cookie banners and newsletter prompts.

Phrase rules: each one's metadata, docs and phrases live in ``rules/packs/<CODE>.toml``.
"""

from __future__ import annotations

from lintnews.packs import (
    PhraseRule,
    phrase_rule,
)
from lintnews.registry import register


@register
@phrase_rule("B001")
class AdblockNotice(PhraseRule):
    pass


@register
@phrase_rule("B002")
class CommentWidget(PhraseRule):
    pass


@register
@phrase_rule("B003")
class CookieConsent(PhraseRule):
    pass


@register
@phrase_rule("B004")
class NewsletterPrompt(PhraseRule):
    pass


#: A short line can be one button of a row of share buttons ("Facebook", "Twitter", "E-Mail").
