"""Session 55's prompts, counted on the crawl among the lines no rule reported: prompts over a
comment form and the thread's house rules ("Share your thoughts", "Comment policy", "We ask that
comments are civil …"), a reader-feedback widget ("Was this article helpful?", "Rate this post",
"Average rating 4.5 / 5. Vote count: 12"), both B002's, and prompts to install the outlet's app
(B004: "Get the free app", "Download the TechCrunch App for Android in Google Play", "Descarga la
App RadioBíoBío"), in English, German, French and Spanish. Each line is reported, with its code,
line and message, inside a real-shaped article; the same words inside the article's sentences are
left, and so is a line naming an app store alone. Session 55 also added form notes of Disqus and
TypePad (B002), Jetpack's share-by-e-mail messages (B005), a search box's "Search" (B010, left
between two paragraphs of prose), a bare "RSS" (B004), a player's or dialog's buttons (B025:
"Close", "Undo", "Play video") and a shop's buttons and cart (B009: "Buy now", "In den
Warenkorb"). S001's and B007's messages are in the document's language
(German, French, Spanish), as the other phrase rules' are."""

from __future__ import annotations

import pytest
from pack_articles import DE, EN, ES, FR, diagnostics, findings


@pytest.mark.parametrize(
    ("article", "line", "code"),
    [
        # prompts over a comment form and the thread's house rules (B002)
        (EN, "Share your thoughts", "B002"),
        (EN, "## TELL US WHAT YOU THINK:", "B002"),
        (EN, "  * Comment Policy", "B002"),
        (EN, "COMMUNITY GUIDELINES", "B002"),
        (EN, "You can find our Community Guidelines in full here.", "B002"),
        (EN, "Join The Conversation: Sign Up / Log In", "B002"),
        (EN, "Join the discussion  More In  Business »", "B002"),
        (EN, "Please read the Online Marketing Blog comment policy.", "B002"),
        (
            EN,
            "All comments are moderated so you may experience a short delay before yours appears. Comments"
            " should be respectful of other readers and stay on topic, or they may be removed by the editors.",
            "B002",
        ),
        (
            EN,
            "Please understand that comments are moderated and it is not always possible to publish all that"
            " have been submitted. We will, however, try to publish comments that are representative.",
            "B002",
        ),
        (
            EN,
            "We welcome reader comments on the top stories of the day. Some comments may be republished on"
            " the website or in the newspaper; email addresses will not be published.",
            "B002",
        ),
        (EN, "We ask that comments are civil and free of libellous or hateful material.", "B002"),
        (
            EN,
            "We want to hear what you think about this article. Submit a letter to the editor or write to"
            " letters@theatlantic.com.",
            "B002",
        ),
        (DE, "### SAGEN SIE UNS IHRE MEINUNG", "B002"),
        (DE, "**Diskutieren Sie mit uns**", "B002"),
        (FR, "## Réagissez à cet article", "B002"),
        (ES, "## Comparte tu opinión", "B002"),
        (EN, "The comments to this entry are closed.", "B002"),
        (EN, "Please use your real name. Keywords will be removed.", "B002"),
        # CommentLuv's line under a reader's comment (B002)
        (EN, "Julie recently posted..Crowns on teeth", "B002"),
        (EN, "Emily @ EvolvingPF recently posted..Financial Tethers to Our Families of Origin", "B002"),
        # the reader-feedback widget (B002)
        (EN, "Was this article helpful?", "B002"),
        (EN, "  * #### Rate This Post", "B002"),
        (EN, "Average rating 4.5 / 5. Vote count: 12", "B002"),
        (EN, "No votes so far! Be the first to rate this post.", "B002"),
        (DE, "War dieser Artikel hilfreich?", "B002"),
        (DE, "### Artikel bewerten", "B002"),
        (FR, "Cet article vous a-t-il été utile ?", "B002"),
        (ES, "¿Te ha resultado útil este artículo?", "B002"),
        # prompts to install the outlet's app (B004)
        (EN, "Get the free app", "B004"),
        (EN, "  * DOWNLOAD OUR IPHONE APP", "B004"),
        (EN, "Get the new ABC7 Bay Area mobile app today!", "B004"),
        (EN, "Download the native CNET app for the platform of your choice.", "B004"),
        (EN, "  * Download the TechCrunch App for Android in Google Play", "B004"),
        (EN, "CBS This Morning now on iPad & iPhone! GET THE FREE APP", "B004"),
        (EN, "Engadget for iPhone - get the app now!", "B004"),
        (
            EN,
            "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
            "B004",
        ),
        (EN, "Get it on Google Play", "B004"),
        (FR, "**Le Devoir** Le DevoirGRATUIT - sur Google Play", "B004"),
        (DE, "  * Hol dir die App!", "B004"),
        (
            DE,
            "Laden Sie unsere App für **iOS** und **Android** Betriebssysteme auf Ihr Handy herunter.",
            "B004",
        ),
        (ES, "## Descarga la App RadioBíoBío", "B004"),
        (ES, "Descargá la aplicación de LA NACION. Es rápida y liviana.", "B004"),
        (FR, "Téléchargez l'application Le Monde", "B004"),
        # Disqus's and TypePad's form notes (B002), Jetpack's share-by-e-mail messages (B005)
        (EN, "Loading comments...", "B002"),
        (EN, "Notify me of followup comments via e-mail", "B002"),
        (EN, "You are currently signed in as (nobody). Sign out", "B002"),
        (EN, "(URLs automatically linked.)", "B002"),
        (EN, "Sorry, your blog cannot share posts by email.", "B005"),
        (EN, "Post was not sent - check your email addresses!", "B005"),
        (DE, "Entschuldigung, dein Blog kann keine Beiträge per E-Mail teilen.", "B005"),
        (FR, "L'article n'a pas été envoyé - Vérifiez vos adresses e-mail !", "B005"),
        (ES, "Lo siento, tu blog no puede compartir entradas por correo electrónico.", "B005"),
        # ad slots (B009), counters and buttons of a thread (B002), a share row (B005), skip
        # links and a post's permalink (B010), Argentine Spanish's sign-up button (B004)
        (EN, "Continue reading the main story", "B009"),
        (EN, "  * Ad Choices", "B009"),
        (ES, "Espacio publicitario", "B009"),
        (ES, "Se han publicado 11 comentarios", "B002"),
        (EN, "Comment below or sign in with TypePad Facebook Twitter and more...", "B002"),
        (DE, "Antworten Antworten Melden Melden Empfehlen Empfehlen", "B002"),
        (EN, "| | | | Digg This | Save to del.icio.us", "B005"),
        (EN, "## Accessibility links", "B010"),
        (EN, "Permalink", "B010"),
        (ES, "  * Suscribite", "B004"),
        # a video player's and a dialog's buttons (B025)
        (EN, "Close", "B025"),
        (EN, "Undo", "B025"),
        (EN, "Play Video", "B025"),
        (DE, "        * SCHLIESSEN", "B025"),
        (FR, "Fermer", "B025"),
        (ES, "Ver Video", "B025"),
        # a shop's buttons and cart (B009)
        (EN, "Buy Now", "B009"),
        (EN, "  * View Cart", "B009"),
        (DE, "Auf den Wunschzettel", "B009"),
        (DE, "(inkl. MwSt. zzgl. Versandkosten*)", "B009"),
        (FR, "Ajouter au panier", "B009"),
        (ES, "Tu carrito está vacío", "B009"),
        # a search box's label (B010) and a feed link (B004) alone on a line
        (EN, "## Search", "B010"),
        (EN, "  * RSS", "B004"),
        # a prompt to the site's YouTube channel (B005)
        (ES, "**¡Mira lo que tiene nuestro canal de YouTube!**", "B005"),
    ],
)
def test_the_line_is_reported_under_the_article(article: str, line: str, code: str) -> None:
    assert findings(f"{article}\n{line}\n") == [(code, 3)]


@pytest.mark.parametrize(
    ("article", "line", "message"),
    [
        (EN, "Rate this post", "Reader feedback widget left in the text"),
        (DE, "War dieser Artikel hilfreich?", "Feedback-Widget im Text (reader feedback widget)"),
        (EN, "Get the free app", "App download prompt left in the text"),
        (DE, "Hol dir die App", "App-Werbung im Text (app download prompt)"),
        (ES, "Descarga nuestra app", "Invitación a descargar la app en el texto (app download prompt)"),
        (EN, "Share your thoughts", "Comment-form text left in the text"),
        # S001 and B007 speak the document's language, as the other phrase rules do (session 55)
        (EN, "Related articles", "Related-content prompt left in the text"),
        (DE, "Ähnliche Beiträge", "Hinweis auf verwandte Inhalte im Text (related-content prompt)"),
        (FR, "Articles similaires", "Renvoi vers des contenus liés dans le texte (related-content prompt)"),
        (
            ES,
            "Artículos relacionados",
            "Invitación a contenido relacionado en el texto (related-content prompt)",
        ),
        (DE, "Geschrieben von", "Autorenzeile ohne Namen (byline without an author name)"),
        (FR, "Par :", "Signature sans nom d'auteur (byline without an author name)"),
    ],
)
def test_the_message_names_the_widget(article: str, line: str, message: str) -> None:
    text = f"{article}\n{line}\n"
    [diagnostic] = diagnostics(text)
    assert diagnostic.message == message


@pytest.mark.parametrize(
    "text",
    [
        # the same words in the article's sentences
        f"{EN}\nShare your thoughts with the council before Friday, the mayor told residents on Monday.\n",
        f"{EN}\nThe platform said comments are moderated by volunteers, who remove about 200 a day.\n",
        f"{EN}\nThe company recently posted... a record loss of $3bn, its chief executive said on Monday.\n",
        f"{EN}\nThe council will rate this post of harbour master as one of the most demanding in the city.\n",
        f"{EN}\nResidents can get the free app from the council's website and report broken lights.\n",
        f"{EN}\nBuy now, pay later schemes drew a warning from the regulator on Monday, the council heard.\n",
        f"{DE}\nWar dieser Artikel hilfreich für die Debatte, fragte die Opposition am Dienstag.\n",
        f"{ES}\nDescarga la aplicación y regístrate con tu número, explicó el concejal a los vecinos.\n",
        # "Play" between two paragraphs of prose: a games review's subheading (B025's story-words)
        f"{EN}\nPlay\n\n{EN.replace('harbour', 'school')}",
        # "Search" between two paragraphs of prose: a story's subheading (B010's story-words)
        f"{EN}\n## Search\n\n{EN.replace('harbour', 'school')}",
        # a line naming an app store alone: a heading of an article about it as often
        f"{EN}\nApp Store\n\n{EN.replace('harbour', 'school')}",
        f"{EN}\nGoogle Play\n\n{EN.replace('harbour', 'school')}",
    ],
)
def test_the_same_words_inside_an_article_are_left(text: str) -> None:
    assert findings(text) == []
