"""B001-B004: ad-blocker notices, comment widgets, cookie banners and newsletter prompts.

Phrase rules: their phrases live in ``rules/packs/chrome-<lang>.toml``.
"""

from __future__ import annotations

from lintnews.diagnostics import Severity
from lintnews.packs import (
    PhraseRule,
)
from lintnews.registry import register


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
