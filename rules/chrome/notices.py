"""B001-B004: ad-blocker notices, comment widgets, cookie banners and newsletter prompts.

Phrase rules: each one's metadata, docs and phrases live in ``rules/packs/<CODE>.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import (
    PhraseRule,
    pack_terms,
    pack_words,
    phrase_rule,
)
from lintnews.registry import Violation, register

from .comment_form import comment_form_fields
from .recent_comments import recent_comment_lines, warm_recent_comments


@register
@phrase_rule("B001")
class AdblockNotice(PhraseRule):
    pass


@register
@phrase_rule("B002")
class CommentWidget(PhraseRule):
    def warm(self, settings: Settings) -> None:
        warm_recent_comments(pack_words(settings, self.name, "item-links"))

    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = list(super().check(doc, settings))
        yield from found
        if not found:
            return
        reported = {v.line for v in found}
        for i in comment_form_fields(doc, settings, reported):
            # a bare "Website" under "Mail (will not be published) (required)": the form's field
            yield self.removable_lines(
                doc,
                i,
                i,
                "Comment form field left in the text",
                f'Remove the line "{doc.lines[i].strip()[:60]}"',
            )
        headings = pack_terms(doc, settings, self.name, "recent-comments-headings")
        links = pack_words(settings, self.name, "item-links")
        for i in recent_comment_lines(doc, reported, headings, links):
            # "Sona on Windows Live Messenger Mobile" under "Recent Comments": the sidebar's box
            yield self.removable_lines(
                doc,
                i,
                i,
                "Recent-comments box item left in the text",
                f'Remove the line "{doc.lines[i].strip()[:60]}"',
            )


@register
@phrase_rule("B003")
class CookieConsent(PhraseRule):
    pass


@register
@phrase_rule("B004")
class NewsletterPrompt(PhraseRule):
    def check(self, doc: Document, settings: Settings) -> Iterator[Violation]:
        found = list(super().check(doc, settings))
        if not found:
            return
        # a bare "Email Address:" under "Post a comment" is the comment form's field (B002's)
        fields = set(comment_form_fields(doc, settings))
        yield from (v for v in found if v.line not in fields)


#: A short line can be one button of a row of share buttons ("Facebook", "Twitter", "E-Mail").
