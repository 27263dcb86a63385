"""B rules (site chrome): valid / invalid tables in the textlint-tester style.

Every `valid` text must produce no diagnostic of the rule; every `invalid` text exactly the listed
(code, 1-based line) pairs. Near-misses (the phrase inside a sentence, a name after the byline,
comparisons with ">") are in the valid tables.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.fixes import apply_edits
from lintnews.registry import Violation, all_rules

EN = (
    "The city council approved the new budget on Tuesday after a debate that lasted well into the night, "
    "and the mayor said the vote was a relief for the schools and the bus company."
)
EN2 = (
    "Opposition members said the plan leaves too little for road repairs and warned that the deficit will "
    "return next year if the income from the new parking fees falls short of the estimate."
)
DE = (
    "Der Stadtrat hat den Haushalt für das kommende Jahr am Dienstagabend nach einer langen Debatte "
    "beschlossen, und die Bürgermeisterin sprach von einem guten Tag für die Schulen der Stadt."
)
DE2 = (
    "Die Opposition kritisierte, dass für die Sanierung der Straßen zu wenig Geld vorgesehen sei, und "
    "warnte vor einem neuen Defizit im nächsten Jahr, wenn die Einnahmen sinken."
)
FR = (
    "Le conseil municipal a adopté mardi soir le budget de l'année prochaine après un long débat, et la "
    "maire a parlé d'une bonne journée pour les écoles de la ville et pour les familles."
)
ES = (
    "El ayuntamiento aprobó el martes por la noche el presupuesto para el próximo año después de un largo "
    "debate, y la alcaldesa dijo que es una buena noticia para las escuelas de la ciudad."
)


def check(code: str, text: str, settings: Settings | None = None) -> list[Violation]:
    return list(all_rules()[code].check(Document("article.txt", text), settings or Settings()))


def lines_of(code: str, text: str, settings: Settings | None = None) -> list[tuple[str, int]]:
    return [(v.rule.code, v.line + 1) for v in check(code, text, settings)]


CASES: dict[str, tuple[list[str], list[tuple[str, list[int]]]]] = {
    # ---------------------------------------------------------------- B001 adblock-notice
    "B001": (
        [
            f"{EN}\nThe study found that 40 percent of readers use an ad blocker at least some of the time.\n",
            f"{EN}\nAdblock detection is a growing business, the company told investors on Monday.\n",
            f"{DE}\nImmer mehr Leser nutzen einen Werbeblocker, wie eine Umfrage des Verbands zeigt.\n{DE2}\n",
        ],
        [
            (
                (
                    f"{EN}\n\nAdblock Detected\n\nPlease support us by disabling your AdBlocker extension from your "
                    "browsers for our website.\n"
                ),
                [3, 5],
            ),
            (
                f"{DE}\nWir haben festgestellt, dass Sie einen Adblocker verwenden. Bitte deaktivieren Sie ihn.\n{DE2}\n",
                [2],
            ),
            (
                f"{FR}\nVous utilisez un bloqueur de publicité. Merci de le désactiver pour soutenir la rédaction.\n",
                [2],
            ),
            (f"{ES}\nParece que estás usando un bloqueador de anuncios.\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B002 comment-widget
    "B002": (
        [
            f"{EN}\nThe comments section of the report lists 12 objections from residents.\n",
            f"{EN}\nShe declined to comment on the vote.\n{EN2}\n",
            f"{DE}\nDie Kommentare der Leser waren überwiegend kritisch, sagte der Sprecher.\n{DE2}\n",
            f"{EN}\n12 comments were received during the public consultation, the clerk said.\n",
            # a score in a sentence or a heading, a trackback as a word of prose: not a counter
            f"{EN}\nThe inspectors gave the school a low score (Score: 3 of 10) last year.\n",
            f"{EN}\nThe final score (Score:2) was announced by the referee.\n{EN2}\n",
            f"{EN}\nPingback and trackback were early ways for blogs to cite each other, she said.\n",
            f"{EN}\nReader comments on the plan ran to 300 pages, the clerk said.\n",
            f"{EN}\nName (required by the new law) of every donor must be published, the clerk said.\n",
            # the council's rules and reports, not a thread's
            f"{EN}\nWe encourage lively debate in the chamber, the mayor said, but not shouting.\n{EN2}\n",
            f"{EN}\nThe report on the deficit is due in May.\nComments are public records under state law, the clerk said.\n",
            # session 37: a sentence about a post and its comments, and about logging in
            f"{EN}\nThe mayor posted on Monday that 99 comments were too many to answer.\n",
            f"{EN}\nLogging in to the council portal takes a code sent by text message, the clerk said.\n",
            # the recent-comments box's items only under its heading, and only items of its shape:
            # a list under another heading, or prose under the heading, is left alone
            f"{EN}\nMost Read\n  * Harriet Vane on Bridge closure: what the council decided\n"
            "  * Tom on Parking fees to rise in March\n",
            # a bare "Website" or "Name" is a field only right under a field of the form
            f"{EN}\nWebsite\nThe council's new website opens in March.\n",
            # session 41: "Comment" as the story's subheading between two paragraphs of prose (a
            # list of what to offer journalists: comment, briefing, ...; Dragnet R179)
            f"{EN}\n\nComment\n\n{EN2}\n",
            # session 43: an ellipsis and "by" in a sentence
            f"{EN}\nThe vote was delayed... by the mayor on Tuesday, the clerk said.\n",
            f"{EN}\nThe design | comments (12) table lists what the residents sent in, the clerk said.\n",
        ],
        [
            # session 43: a post's footer row with its counter
            (f"{EN}\n1 Comment »    | Published in\nDesign | Comments (0)\n", [2, 3]),
            # session 43: a recent-comments item without its heading, the comment's first words run into
            # the reader's name and the post's title
            (f"{EN}\nI think that the new budget...by Jane Roe on Council Approves the Budget\n", [2]),
            (
                (
                    f"{EN}\n\nLeave a Comment\n\nThis site uses Akismet to reduce spam. Learn how your comment data is "
                    "processed.\n"
                ),
                [3, 5],
            ),
            (f"{EN}\nPost a Comment\n0 Comments\n", [2, 3]),
            # session 41: the same word beside chrome or at the end, and a thread's heading over
            # its first comment, are the widget's
            (f"{EN}\n\nComment\n\nName *\n", [3]),
            (f"{EN}\n\nComment\n", [3]),
            (f"{EN}\n\nComments\n\n{EN2}\n", [3]),
            # session 40: WordPress's link under the reply form
            (f"{EN}\nLeave a Reply\nClick here to cancel reply.\n", [2, 3]),
            (
                (
                    f"{DE}\n{DE2}\nSchreibe einen Kommentar Antworten abbrechen\nDeine E-Mail-Adresse wird nicht "
                    "veröffentlicht. Erforderliche Felder sind mit * markiert\n12 Kommentare\n"
                ),
                [3, 4, 5],
            ),
            (f"{DE}\n### Kommentar verfassen\nKommentare (3)\n", [2, 3]),
            (f"{FR}\nLaisser un commentaire\nVotre adresse e-mail ne sera pas publiée.\n", [2, 3]),
            (f"{ES}\nDeja un comentario\n3 comentarios\n", [2, 3]),
            # counters whose key lost its closing parenthesis, and a blog theme's counters
            (
                f"{EN}\nComments (7)\nReader Comments (3)\n{{ 12 comments… read them below or add one }}\n",
                [2, 3, 4],
            ),
            (f"{EN}\n{{ 1 trackback }}\n3 comments so far. Add yours.\n", [2, 3]),
            (f"{EN}\n{{ 1 comment… read it below or add one }}\n", [2]),
            (f"{EN}\n7 Comments\nLast reply was 20 hours ago\n", [2, 3]),
            # Blogger's reply buttons and a comment feed
            (
                f"{EN}\nGreat piece.\nReplyDelete\nSubscribe to: Post Comments (Atom)\n"
                "You can follow this conversation by subscribing to the comment feed for this post.\n",
                [3, 4, 5],
            ),
            # trackbacks listed under the comments; a vote counter of a thread (a comment's title
            # with its score is the comment's header: B012)
            (
                f"{EN}\nPingback: Ten budget lessons | The Town Ledger\n"
                "Budget cuts are not the answer (Score:5, Insightful)\nRe:Budget (Score:2)\n0 recs |\n",
                [2, 5],
            ),
            # the comment form's fields and rules, and the thread's page links
            (
                f"{EN}\nName (required)\nMail (will not be published) (required)\n"
                "All comments are moderated before they appear.\n← Previous Comments\n",
                [2, 3, 4, 5],
            ),
            (f"{FR}\nCommentaires (4)\n", [2]),
            (f"{ES}\nComentarios (4)\n", [2]),
            # a comment's rating widget under each comment; a prompt to rate a recipe is not it
            (
                f"{EN}\nGreat piece, thanks for writing it.\nRate This: 1 0\nI disagree with the last part.\n"
                "Rate This: 0 2\nRate this recipe\n",
                [3, 5],
            ),
            # the thread's house rules and a comment's moderation button
            (
                f"{EN}\nNOTE: Please use English. Comments are moderated.\nWe encourage lively debate, but please be "
                "respectful of others. Profanity and personal attacks are prohibited.\nBy clicking and submitting a "
                "comment I acknowledge the Ledger Privacy Policy.\nAll comments are public.\nReport Post »\n"
                "Comments on The Ledger are monitored. So don't go off topic.\n",
                [2, 3, 4, 5, 6, 7],
            ),
            # WordPress's lines under a post (the key has lost the final full stop)
            (
                f"{EN}\nYou can follow any responses to this entry through the RSS 2.0 feed.\n"
                "You can leave a response, or trackback from your own site.\nBoth comments and pings are currently closed.\n",
                [2, 3, 4],
            ),
            (f"{EN}\nReblogged this on The Town Ledger and commented:\n", [2]),
            (f"{DE}\nKommentare werden moderiert.\nBeitrag melden\n", [2, 3]),
            (f"{FR}\nLes commentaires sont modérés.\nSignaler un abus\n", [2, 3]),
            (f"{ES}\nLos comentarios son moderados.\nDenunciar comentario\n", [2, 3]),
            # session 37: a post's header row with its comment counter, the comment form's login
            (f"| POSTED ON March 3rd, 2024 | 12 COMMENTS | + ADD YOUR COMMENT |\n{EN}\n", [1]),
            (f"{EN}\nJoin the discussion:\nSign Up / Log In\n", [2, 3]),
            (f"{EN}\nLogging In...\n", [2]),
            # the comment form's fields: a bare "Website" under the fields the pack names
            (f"{EN}\nName (required)\nMail (will not be published) (required)\nWebsite\n", [2, 3, 4]),
            (f"{EN}\nEmail (won't be published) (required)\n\n**Website**\n", [2, 4]),
            (f"{DE}\nE-Mail (wird nicht veröffentlicht) (erforderlich)\nWebseite\n", [2, 3]),
            (f"{FR}\nAdresse e-mail (ne sera pas publiée) (obligatoire)\nSite web\n", [2, 3]),
            (f"{ES}\nCorreo electrónico (no será publicado) (obligatorio)\nSitio web\n", [2, 3]),
            # session 57: the form's heading over its bare fields (TypePad's, WordPress's, a German theme's)
            (
                f"{EN}\nPost a comment\nName:\nEmail Address:\nURL:\nRemember personal info?\n",
                [2, 3, 4, 5, 6],
            ),
            (f"{EN}\nLeave a Reply\n\nName *\n\nE-mail *\n\nWebsite\n", [2, 4, 6, 8]),
            (f"{DE}\nHinterlasse einen Kommentar\nName\nE-Mail\nWebseite\n", [2, 3, 4, 5]),
            (f"{FR}\nLaisser un commentaire\nNom\nSite web\n", [2, 3, 4]),
            (f"{ES}\nDeja un comentario\nNombre\nSitio web\n", [2, 3, 4]),
            # ... under the form's note, and past the form's other reported lines (TypePad's error messages)
            (
                f"{EN}\n### Leave a Reply Cancel reply\n\nYour email address will not be published. Required field are "
                "marked *.\n\nName *\n\nEmail *\n\nWebsite\n",
                [2, 4, 6, 8, 10],
            ),
            (
                f"{EN}\nName is required to post a comment\nPlease enter a valid email address\nInvalid URL\n"
                "Name:\nEmail address:\n",
                [2, 3, 4, 5, 6],
            ),
            # WordPress's note under the form's text box, in html2text's code span or trafilatura's text
            (
                f'{EN}\nYou may use these HTML tags and attributes: `<a href="" title=""> <abbr title=""> <b> '
                '<blockquote cite=""> <cite> <code> <em> <i> <strike> <strong> `\n',
                [2],
            ),
            (
                f'{DE}\nDu kannst folgende HTML-Tags und -Attribute verwenden: `<a href="" title=""> <b>`\n',
                [2],
            ),
            (f'{FR}\nVous pouvez utiliser ces balises et attributs HTML : `<a href="" title=""> <b>`\n', [2]),
            (
                f'{ES}\nPuedes usar las siguientes etiquetas y atributos HTML: `<a href="" title=""> <b>`\n',
                [2],
            ),
            # a heading of the comments over a bare "Name": no field of a form above it
            (f"{EN}\nComments\nName\n", [2]),
            # ... nor is the form's heading with a paragraph between it and the label
            (f"{EN}\nLeave a Reply\n{EN}\nName\n", [2]),
            (f"{DE}\nAnmelden / Registrieren\n", [2]),
            (f"{FR}\nConnexion / Inscription\n", [2]),
            (f"{ES}\nIniciar sesión / Registrarse\n", [2]),
            # session 39: a sidebar's recent-comments box, its items under its heading ("NAME on
            # TITLE", a comment's first words cut off over the reader's name, Drupal's "(not
            # verified)"), up to the next widget's heading
            (
                f"{EN}\n## Recent Comments\n\n  * Harriet Vane on Bridge closure: what the council decided\n"
                "  * tom_k commented on Parking fees to rise in March\n  * Ana M. on Bridge closure: what the council decided\n"
                "\n### Archives\n",
                [2, 4, 5, 6],
            ),
            (
                f"{EN}\nRecent comments\n-\nI drove over it every day...Bridge closure: what the council decidedpeterh (not verified)\n"
                "-\nFinally a decision on the roads in the north of...\nMarta\nSubscribe to our newsletter\n",
                [2, 4, 6, 7],
            ),
            # the heading alone over prose
            (
                f"{EN}\n## Recent Comments\nThe council's decision drew more comments than any story this year. Readers "
                "argued about the fees.\n",
                [2],
            ),
            (
                f"{DE}\nNeueste Kommentare\nErwin bei Die Brücke bleibt bis März gesperrt\nAnna bei Neue Parkgebühren\n",
                [2, 3, 4],
            ),
            (
                f"{FR}\nCommentaires récents\nMarie dans Le pont reste fermé jusqu'en mars\nPaul sur Les tarifs du parking\n",
                [2, 3, 4],
            ),
            (
                f"{ES}\nComentarios recientes\nLucía en El puente seguirá cerrado\nPablo en Las tarifas del aparcamiento\n",
                [2, 3, 4],
            ),
            # session 38: TypePad's note over its comment form
            (
                f"{EN}\nAfter you comment, click Post. If you're not already logged in you will be asked to log in or register.\n",
                [2],
            ),
        ],
    ),
    # ---------------------------------------------------------------- B003 cookie-consent
    "B003": (
        [
            f"{EN}\nThe regulator fined the company for setting tracking cookies without consent.\n",
            f"{DE}\nDie Bäckerei verkauft Cookies und Kuchen seit mehr als dreißig Jahren.\n{DE2}\n",
        ],
        [
            (
                f"We use cookies to give you the best experience on our website. By continuing you agree.\n{EN}\n",
                [1],
            ),
            (
                (
                    f"{DE}\nDiese Website verwendet Cookies, um die Nutzung zu analysieren. Mehr in unserer "
                    "Datenschutzerklärung.\nAlle akzeptieren\n"
                ),
                [2, 3],
            ),
            (f"{FR}\nCe site utilise des cookies pour améliorer votre expérience.\n", [2]),
            (f"{ES}\nUtilizamos cookies propias y de terceros para mejorar nuestros servicios.\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B004 newsletter-prompt
    "B004": (
        [
            f"{EN}\nThe newsletter of the tenants' association first reported the plan in March.\n",
            f"{DE}\nDer Verein verschickt seinen Newsletter an rund 2000 Mitglieder, sagte die Sprecherin.\n",
            f"{EN}\nReaders can subscribe to the print edition at the town hall until Friday, the paper said.\n",
            f"{EN}\nThe council's RSS feed carried the decision an hour before the press release.\n",
            f"{EN}\nIf you enjoyed this budget, the mayor joked, wait for next year's.\n",
            # privacy and feeds in the article's own words
            f"{EN}\nThe bank said it will never share your email address with the tax office.\n",
            f"{EN}\nWe respect your privacy, the mayor told the residents, but the cameras stay.\n",
            f"{EN}\nMore feeds of the council's meetings will follow in the spring.\n",
            # session 37: sentences about inboxes and donations
            f"{EN}\nResidents said the warnings were delivered to your inbox only if you had registered.\n",
            f"{EN}\nThe charity asked residents to donate now rather than at the end of the year.\n",
            f"{DE}\nDie Mahnung landete bei vielen Bürgern direkt im Postfach, sagte die Sprecherin.\n",
            # session 38: following and joining in the article's own words
            f"{EN}\nResidents can follow the blog of the council by email since March, the clerk said.\n",
            f"{EN}\nThey join 1,063 other followers of the mayor's account, the report said.\n",
        ],
        [
            (f"{EN}\nSign up for our newsletter\nEnter your email address\n", [2, 3]),
            (
                (
                    f"{DE}\nNewsletter abonnieren\nVerpassen Sie keinen Beitrag mehr und melden Sie sich jetzt für unseren "
                    "kostenlosen Newsletter an!\n"
                ),
                [2, 3],
            ),
            (f"{FR}\nInscrivez-vous à notre newsletter\n", [2]),
            (f"{ES}\nSuscríbete a nuestro boletín\n", [2]),
            (f"{EN}\nWas this article useful? Please sign up to receive our content via e-mail:\n", [2]),
            # feeds and alerts
            (
                f"{EN}\nSubscribe to:\nRSS feed\nReceive email alerts on:\nDelivered by FeedBurner\n",
                [2, 3, 4, 5],
            ),
            (f"{DE}\nRSS-Feed abonnieren\nE-Mail-Benachrichtigung\n", [2, 3]),
            (f"{FR}\nFlux RSS\nAlertes par e-mail\n", [2, 3]),
            (f"{ES}\nCanal RSS\nAlertas por correo electrónico\n", [2, 3]),
            # a prompt that starts from the reader's liking of the post
            (
                f"{EN}\nIf you enjoyed this article, enter your email below to get free updates!\n"
                "If you enjoyed this post, you might want to subscribe to The Ledger and follow me on Twitter!\n"
                "Never miss a recipe or a great styling tip. Subscribe and stay updated!\n",
                [2, 3, 4],
            ),
            # a sign-up box's notes, broken over two lines, and a blog's feeds
            (
                f"{EN}\nWe respect your privacy and\nwill never share your e-mail address.\n"
                "You can unsubscribe at anytime, and we'll never use your address for evil.\n"
                "Stay Up-to-Date On Energy & Sustainability News with EL's Free Daily Newsletter\n"
                "Subscribe to this blog's main feed\nMore feeds »\nRSS Feed for FDA News Releases\nSubscribe on Kindle\n",
                [2, 3, 4, 5, 6, 7, 8, 9],
            ),
            (f"{DE}\nWenn dir dieser Artikel gefallen hat, abonniere unseren Blog.\n", [2]),
            (f"{FR}\nSi vous avez aimé cet article, abonnez-vous à notre blog.\n", [2]),
            (f"{ES}\nSi te gustó este artículo, suscríbete a nuestro blog.\n", [2]),
            # session 37: a sign-up box's pitch and a donation prompt
            (f"{EN}\nGet every new story delivered to your inbox.\n", [2]),
            (f"{EN}\nThe week's best council stories, hand-picked for your inbox.\n", [2]),
            (f"{EN}\nSign up for Budget Watch and receive a free copy of our annual report:\n", [2]),
            (f"{EN}\nGet the Gazette's news via RSS, newsletter and Twitter\n", [2]),
            (f"{EN}\nKeep our reporting free for everyone - donate today!\n", [2]),
            (f"{DE}\nErhalten Sie die wichtigsten Nachrichten direkt in Ihr Postfach\n", [2]),
            (f"{FR}\nRecevez l'essentiel de l'actualité directement dans votre boîte mail\n", [2]),
            (f"{ES}\nRecibe las noticias más importantes en tu bandeja de entrada\n", [2]),
            # session 38: a blog's follow-by-e-mail box
            (
                f"{EN}\nFollow Blog via Email\nEnter your email address to follow this blog and receive "
                "notifications of new posts by email.\nJoin 1,063 other followers\n",
                [2, 3, 4],
            ),
        ],
    ),
    # ---------------------------------------------------------------- B005 social-share
    "B005": (
        [
            f"{EN}\nThe mayor announced the decision on Twitter and Facebook late on Tuesday night.\n",
            f"{EN}\nFacebook\n{EN2}\n",  # one network name alone is not a button row
            f"{EN}\nDigg\n{EN2}\n",
            f"{EN}\nThe site lets readers digg stories, and delicious recipes are shared most.\n",
            f"{DE}\nDie Stadt will ihre Daten mit anderen Kommunen teilen, sagte der Sprecher.\n",
            # a code fragment and a table of check marks are not share buttons
            f"{EN}\n    print x\n| x | x | x |\n",
            # a handle in a sentence, and "follow" meaning something else
            f"{EN}\nReaders can follow @cityhall for updates on the works, the mayor said.\n",
            f"{EN}\nFollow Through\n{EN2}\n",
            f"{EN}\nReporters will follow the debate on Twitter and Facebook as it happens, the editor said.\n",
            # the article's own visits and finds
            f"{EN}\nVisit the harbour on Sunday and you will find us on the pier, the fishermen said.\n",
            f"{EN}\nWe're on Pinterest!\n{EN2}\n",
            # session 37: sentences that name the networks
            f"{EN}\nThe mayor asked residents to please share the survey with their neighbours before Friday.\n",
            f"{EN}\nGoogle Plus was once the council's favourite network, the spokesman said.\n",
            # a writer's bio with no follow prompt under it
            f"{EN}\nJane Roe is a writer based in Austin, where she covers city politics.\n{EN2}\n",
            # session 38: a hard-wrapped specification whose sentence ends on a pack phrase
            # ("like this:" under "... would look something"): the end of a sentence, no button
            f"{EN}\nOnce the reader submits the form, the request to the server would look something\n"
            "like this:\nPOST /login HTTP/1.1\nHost: example.org\n",
            # session 41: a blogger's bold "Like!" between two paragraphs (Dragnet R672)
            f"{EN}\n\n**Like!**\n\n{EN2}\n",
            # session 43: the words in a sentence
            f"{EN}\nLike our site, the council's new portal lists every meeting.\n",
        ],
        [
            # session 43: the heading over a site's like and follow buttons
            (f"{EN}\nLike Our Site?\n", [2]),
            (f"{EN}\nShare on Facebook\nTweet\nPin it\n", [2, 3, 4]),
            # session 41: "Like" over its counter or at the end, and "Tweet" between two paragraphs
            (f"{EN}\n\nLike\n\nBe the first to like this.\n", [3, 5]),
            (f"{EN}\n\nLike\n", [3]),
            (f"{EN}\n\nTweet\n\n{EN2}\n", [3]),
            # the same words after a finished sentence, or under a short line, stand alone
            (f"{EN}\nlike this:\n{EN2}\n", [2]),
            (f"{EN}\nShare this:\nTwitter\nFacebook\nLike this:\nLike Loading...\n", [2, 3, 4, 5, 6]),
            (f"{DE}\n{DE2}\nFacebook\nTwitter\nWhatsApp\nE-Mail\n", [3, 4, 5, 6]),
            (f"{DE}\nFacebook Twitter WhatsApp E-Mail\nTeilen\n", [2, 3]),
            # session 57: 2012's networks in a row of buttons (html2text's list of a BBC page)
            (f"{EN}\n{EN2}\n  * Delicious\n  * Digg\n  * StumbleUpon\n  * Twitter\n", [3, 4, 5, 6]),
            (f"{EN}\nDigg del.icio.us Google+ Facebook\n", [2]),
            (f"{FR}\nPartager\nPartager sur Twitter\n", [2, 3]),
            (f"{ES}\nCompartir\nSíguenos en Facebook y Twitter\n", [2, 3]),
            (f"{ES}\nSíguenos en Google News\n", [2]),
            (
                f"{EN}\nFollow @jdoe and @townledger on Twitter.\nFollow me @jdoe\nTwitter: @townledger\n"
                "Facebook: www.facebook.com/townledger\n",
                [2, 3, 4, 5],
            ),
            (f"{EN}\nDo you like this story?\n", [2]),
            (
                f"{EN}\nFollow World News on Ledger.com on Twitter and Facebook\nFollow Jane Doe on Twitter at @janedoe.\n",
                [2, 3],
            ),
            (f"{EN}\nEmail ThisBlogThis!Share to TwitterShare to Facebook\n", [2]),
            (
                f"{EN}\nFan us on Facebook\nFind us on Instagram\nVisit the FDA on Facebook , Flickr , YouTube and Twitter\n"
                "Want more weird health news? Find The Body Odd on Facebook.\n",
                [2, 3, 4, 5],
            ),
            # a sidebar's headings after the buttons are no buttons, though a pattern's wildcard
            # ("follow us on twitter …", "follow … on facebook") reaches over them when joined
            (
                f"{EN}\n### Follow us on\n\nTwitter YouTube LinkedIn\n\n### Archive\n\n  * 2012\n\n{EN2}\n",
                [2, 4],
            ),
            (
                f"{EN}\nFollow @ledgerdaily\n\n### Shared on Facebook\n\n### Shop at Amazon\n\n### Ad\n\n"
                f"### Ledger on Facebook\n\n{EN2}\n",
                [2, 4, 10],
            ),
            # session 37: share rows and prompts of older templates
            (f"{EN}\nLike It. Tweet It. Digg It.\n", [2]),
            (f"{EN}\nDiscuss Story On Newsvine\nGoogle Plus\n", [2, 3]),
            (f"{EN}\nIf you liked this post, please share it\n", [2]),
            (f"{EN}\n| Share the love | Get free updates and win prizes |\n", [2]),
            (f"{EN}\nLike to see major updates on this story in Facebook.\n", [2]),
            (f"{EN}\nConnect with the community: Facebook Page, Forums\n", [2]),
            # the author box: a line of bio over the prompt to follow the writer
            (
                f"{EN}\nJane Roe is a writer based in Austin, where she covers city politics.\nFollow @janeroe on Twitter.\n",
                [2, 3],
            ),
            (
                f"{EN}\nJohn Doe reports from war zones and writes comic books.\n\nFollow @jdoe on Twitter.\n",
                [2, 4],
            ),
            # a line above the prompt that is no bio: only the prompt
            (f"{EN}\nThe new bridge is set to open in February 2026.\nFollow @townledger on Twitter.\n", [3]),
        ],
    ),
    # ---------------------------------------------------------------- B006 breadcrumb
    "B006": (
        [
            f"{EN}\nSales rose when the price fell > 10 percent, the report says.\n",
            f"{EN}\n> Home is where the heart is, she wrote in her last letter.\n",
            "| Home | Away |\n|---|---|\n| 2 | 1 |\n",
            f"{EN}\nThe score went 2 > 1 > 0 in the last minutes of the game, the coach said.\n",
            f"{EN}\nIt is an input -> output -> result chain, the engineer said.\n",
            f"{EN}\nHe drove at 80 km/h on the road to Bonn and/or Cologne.\n",
            # a query's condition in a listing: names compared with numbers
            f"{EN}\nSELECT port, arrivals\nFROM daily_arrivals\nWHERE arrivals > 40 AND zscore > 3 AS alert\n",
        ],
        [
            (
                (
                    "Home » world » Trump-Putin Summit: A Cold Exchange of Promises and No Action\n\n"
                    f"Trump-Putin Summit: A Cold Exchange of Promises and No Action\n\n{EN}\n"
                ),
                [1],
            ),
            (f"Startseite > Politik > Inland\n{DE}\n", [1]),
            (f"Sie sind hier: Startseite › Lokales › Bonn\n{DE}\n", [1]),
            (f"Accueil > Politique > Municipales\n{FR}\n", [1]),
            (f"Inicio / Noticias / Local\n{ES}\n", [1]),
            (f"News › Politics › Elections › Local\n{EN}\n", [1]),
            # a trail from the home page may name a number; so may a trail of section names
            (f"Startseite > 10 Fragen zur Wahl > Bonn\n{DE}\n", [1]),
            (f"News > 2012 Olympics > Swimming\n{EN}\n", [1]),
        ],
    ),
    # ---------------------------------------------------------------- B007 empty-byline
    "B007": (
        [
            f"Council approves budget\nBy\nJane Holt\n{EN}\n",  # the name sits on the next line
            f"Council approves budget\nBy Jane Holt\n{EN}\n",
            f"Stadtrat beschließt Haushalt\nVon Anna Müller und Jonas Weber\n{DE}\n",
            f"{EN}\nby and large, the vote went as expected.\n",
            # an "Author:" label over the author's bio
            f"{EN}\nAuthor:\nMarta Lindqvist, is deputy editor of the Harbour Gazette and covers city hall.\n",
            f"{EN}\nAuthor:\nOwen Achterberg has written about transport for twelve years.\n",
            f"{EN}\n**Author:**\n\n_**Marta Lindqvist**, is deputy editor of the Harbour Gazette._\n",
            # a forum's lower-case user name, a name with the byline bar's separator after it,
            # an author box of two Markdown headings
            f"Council approves budget\n\t\tPosted\n\t\tby \n\n\t\t\tkestrel_ed\n\t\t\n{EN}\n",
            f"Council approves budget\n\t\tby \t\n\n\t\t\tOwen Achterberg |\t\t\n{EN}\n",
            f"{EN}\n### Author\n\n### Marta Lindqvist\n\nDeputy editor of the Harbour Gazette.\n",
            # session 42 (Dragnet T88): "Posted by NAME in CATEGORY on DATE" set a word a line
            f"Council approves budget\nPosted by\n\t\tadmin\t\tin\n\t\tCity Hall\t\ton\n\t\tAug 9th, 2012 |\n{EN}\n",
            f"Council approves budget\nPosted by\nJane Holt on\nAug 9th, 2012\n{EN}\n",
        ],
        [
            # a sentence after the dangling "by" is no bio
            (
                f"Council approves budget\nby\nThe mayor is expected to sign the budget on Monday.\n{EN}\n",
                [2],
            ),
            (
                f"Council approves budget\n\nby\n\nSchools welcome the new funding plan for next year\n\n{EN}\n",
                [3],
            ),
            # a stopword alone is no user name; a separator alone is no name
            (f"Council approves budget\nby\n\nthe\n\n{EN}\n", [2]),
            (f"Council approves budget\nPosted by\n|\n{EN}\n", [2]),
            # the byline's next word after no name: a stopword, a sentence's start
            (f"Council approves budget\nPosted by\nthe in\nCity Hall\n{EN}\n", [2]),
            (f"Council approves budget\nby\nThe mayor on\nMonday signed it.\n{EN}\n", [2]),
            (f"Stadtrat beschließt Haushalt\nVon:\n{DE}\n", [2]),
            (f"Le budget adopté\nPar\n{FR}\n", [2]),
            (f"Presupuesto aprobado\nPor\n{ES}\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B008 paywall-prompt
    "B008": (
        [
            f"{EN}\nThe newspaper said it would ask readers to subscribe to continue its local coverage.\n",
            f"{DE}\nDie Zeitung hat inzwischen mehr als 100.000 Abonnenten, teilte der Verlag mit.\n",
        ],
        [
            (f"{EN}\nSubscribe to continue reading\n", [2]),
            (
                f"{DE}\nDieser Artikel ist nur für Abonnenten verfügbar.\nSie haben bereits ein Abo? Hier anmelden\n",
                [2, 3],
            ),
            (f"{FR}\nIl vous reste 80 % de cet article à lire.\n", [2]),
            (f"{ES}\nSuscríbete para seguir leyendo\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B009 advertisement-label
    "B009": (
        [
            f"{EN}\nAdvertisement spending fell by a third during the pandemic, the agency said.\n",
            f"{DE}\nDie Anzeige gegen den Bürgermeister wurde am Montag zurückgezogen.\n{DE2}\n",
            f"{DE}\nWerbung: 20 Millionen Euro im Jahr, Personal: 35 Millionen Euro.\n",
            f"{EN}\nPresented by the mayor, the budget passed with two votes to spare.\n",
            # session 37: the word inside a sentence
            f"{EN}\nThe festival's sponsors paid for the fireworks, the mayor said.\n",
            # session 43: the words in a sentence
            f"{EN}\nLooking for dealers in your area is easier with the new map, the council said.\n",
        ],
        [
            # session 43: a car dealer's ad widget, loading
            (f"{EN}\nLooking for dealers in your area...\n", [2]),
            (f"{EN}\nAdvertisement\n{EN2}\n", [2]),
            (f"{DE}\nAnzeige\n{DE2}\nWerbung\n", [2, 4]),
            (f"{DE}\nAnzeige: Jetzt die besten Angebote sichern\n", [2]),
            (f"{FR}\nPublicité\n", [2]),
            (f"{ES}\nPublicidad\n", [2]),
            # a sponsor's slot and the site's offer of one
            (f"{EN}\nPresented by\n{EN2}\nAdvertise here\nSPONSOR SHOWCASE\n", [2, 4, 5]),
            (f"{DE}\nHier werben\n", [2]),
            (f"{FR}\nAnnoncez ici\n", [2]),
            (f"{ES}\nAnúnciate aquí\n", [2]),
            # session 37: the sponsors' slot
            (f"{EN}\nSponsors\n", [2]),
            (f"{EN}\nAdvertisers\n", [2]),
            (f"{EN}\nSponsored by:\n", [2]),
            (f"{DE}\nSponsoren\n", [2]),
            (f"{ES}\nPatrocinadores\n", [2]),
            (f"{FR}\nNos sponsors\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B011 comment-thread (region)
    "B011": (
        [
            f"{EN}\n{EN2}\nCaleb — July 10th, 2012, 8:22 am\n{EN}\n",
            f"Chris — July 10th, 2012, 10:03 am\nCaleb — July 10th, 2012, 8:22 am\n{EN}\n{EN2}\n",
        ],
        [
            (
                f"{EN}\n{EN2}\nChris — July 10th, 2012, 10:03 am\nGreat.\nCaleb — July 10th, 2012, 8:22 am\nNo.\n",
                [3],
            ),
        ],
    ),
    # ---------------------------------------------------------------- B012 comment-header
    "B012": (
        [
            f"{EN}\n{EN2}\nCaleb — July 10th, 2012, 8:22 am\n{EN}\n",
            f"{EN}\n{EN2}\nDana Whit, The Courier, July 10, 2012\n{EN}\nSam Lee, Daily Post, July 9, 2012\n",
        ],
        [
            (
                f"{EN}\n{EN2}\nChris — July 10th, 2012, 10:03 am\nGreat.\nCaleb — July 10th, 2012, 8:22 am\nNo.\n",
                [3, 5],
            ),
        ],
    ),
    # ---------------------------------------------------------------- B010 post-navigation
    "B010": (
        [
            f"{EN}\nThe next post office will open in the spring, the council said.\n",
            f"{DE}\nDer nächste Artikel des Gesetzes regelt die Finanzierung der Schulen.\n",
            # a table row and a sentence naming a main road
            f"{EN}\n| North | Main | South |\n",
            f"{EN}\nTraffic was diverted from the bridge | Main Street was closed.\n",
            f"{EN}\nYou can view all posts by the council on its website, the clerk said.\n",
            f"{EN}\nSkip to the end of the report and the deficit is there in one line, the mayor said.\n",
            f"{EN}\nThe entry was posted on the council's website on Monday, the clerk said.\n",
            # session 37: the words in the article's own sentences
            f"{EN}\nThe report was posted in the town hall, where residents can read it until May.\n",
            f"{EN}\nAbout the author of the report, the mayor said only that she was an engineer.\n",
            # session 38: filings and archives in the article's own sentences
            f"{EN}\nFiled under seal, the records were opened in May by a federal judge.\n",
            f"{EN}\nFiled in federal court on Monday, the complaint names the city and two officers.\n",
            f"{EN}\nThe complaint was sent on Monday at 9:30 and is filed under the state's whistleblower law.\n",
            f"{EN}\nThe archives of the city hold every budget since 1901, the clerk said.\n",
            f"{DE}\nAbgelegt unter dem Aktenzeichen 4 K 12/24 wurde die Klage am Montag eingereicht.\n",
            f"{EN}\nA custom search of the archives found the blog menu of 2009, the editor said.\n",
            # an explainer's section and a team's profile: no writer, no publication
            f"{EN}\nAbout Lyme Disease\nLyme disease is an infection spread by ticks, and cases rose by a third.\n",
            f"{EN}\nAbout the Braves:\nThe Braves won 94 games and lost the division on the last day.\n",
            f"{EN}\nAbout 200 people came.\nAbout Jane Roe, the mayor said nothing.\n",
            # a label of the page's own list: an award's categories
            f"{DE}\nDeutscher Entwicklerpreis, Nominierung 2014\nKategorien:\nBestes Familienspiel\nBeste Story\n",
            # session 43: the words in a sentence
            f"{EN}\nPosted by the clerk in uncategorized boxes, the ballots were lost.\n",
            f"{EN}\nEdition: 3rd\n",
            f"{EN}\nThe archive of the council opens in May.\n",
        ],
        [
            # session 43: Blogger's profile heading, an archive link
            (f"{EN}\nAbout Me\nArchive\n", [2, 3]),
            # session 43: WordPress's byline with the default category, a news site's edition picker
            (
                f"{EN}\nPosted by Jane Roe in Uncategorized.\n- EDITION: U.S.\n- Edition: International\n",
                [2, 3, 4],
            ),
            # session 38: lower-case post links, the second under the first (chrome under chrome,
            # no soft-wrapped sentence: `wrapped_tail`)
            (
                f"{EN}\nprevious post: Can I retire on forty thousand dollars\nnext post: The biggest mistake I made\n",
                [2, 3],
            ),
            (f"{EN}\n← Previous post\nNext post →\n", [2, 3]),
            (f"{EN}\nNewer Post Older Post Home\n", [2]),
            (f"{DE}\nZurück zur Übersicht\nNach oben\n", [2, 3]),
            (f"{FR}\nArticle précédent\n", [2]),
            (f"{ES}\nArtículo siguiente\n", [2]),
            # TypePad's "« previous | Main | next »" over a post
            (f"« Ten budget lessons | Main | Why the bridge closed »\n{EN}\n", [1]),
            # an author's archive link under a post
            (f"{EN}\nView all posts by Jane Doe\n", [2]),
            (f"{DE}\nAlle Beiträge von Erika Muster\n", [2]),
            (f"{FR}\nVoir tous les articles de Marie Dupont\n", [2]),
            (f"{ES}\nVer todas las entradas de Ana García\n", [2]),
            # a blog's skip links, search box and archive heading
            (f"skip to main  | skip to sidebar\n{EN}\nSearch this blog\nBlog Archive\n", [1, 3, 4]),
            (f"{DE}\nDieses Blog durchsuchen\nBlog-Archiv\n", [2, 3]),
            (f"{FR}\nRechercher dans ce blog\n", [2]),
            (f"{ES}\nArchivo del blog\n", [2]),
            # a blog template's lines under a post: Movable Type, WordPress
            (
                f"{EN}\nThis page contains a single entry by Jane Doe published on November 6, 2012 6:33 AM.\n"
                "Ten budget lessons was the previous entry in this blog.\nYou can find recent content on the main "
                "index.\nThis entry was posted on Saturday, August 25th, 2012 at 12:23 am and is filed under Budget.\n",
                [2, 3, 4, 5],
            ),
            (
                f"{DE}\nDieser Eintrag wurde am 6. November 2012 veröffentlicht und ist abgelegt unter Haushalt.\n",
                [2],
            ),
            (f"{FR}\nCette entrée a été publiée le 6 novembre 2012 dans Budget.\n", [2]),
            (f"{ES}\nEsta entrada fue publicada el 6 de noviembre de 2012 en Presupuesto.\n", [2]),
            # session 37: a blog template's category row, author box and source link under a post
            (f"{EN}\nPosted in Local Politics, Budget | Leave a Comment | RSS Feed\n", [2]),
            (
                f"{EN}\nAbout the author: Jane Roe is the editor of this site and writes about city budgets.\n",
                [2],
            ),
            (f"{EN}\nOriginal Post: http://example.org/2024/03/budget-vote.html\n", [2]),
            (f"{DE}\nVeröffentlicht in Lokales, Politik | Kommentar schreiben\n", [2]),
            (f"{DE}\nÜber die Autorin: Erika Muster schreibt seit zehn Jahren über die Stadt.\n", [2]),
            (f"{FR}\nPublié dans Politique locale | Laisser un commentaire\n", [2]),
            (f"{ES}\nSobre el autor: Juan Pérez escribe sobre el ayuntamiento desde 2010.\n", [2]),
            # session 38: a blog template's category line under a post, and its sidebar's widget headings
            (
                f"{EN}\nFiled under: Banking, Working\nFiled Under Designer Interviews, furniture | Leave a comment\n"
                "by Jane Roe , Filed under: Budget,Local Politics , trackback\n"
                "on Saturday, August 25th, 2012 at 12:23 am and is filed under Budget, Council.\n",
                [2, 3, 4, 5],
            ),
            (
                f"{EN}\nTags\n- budget\n\nCategories\nArchives\nBlogroll\nPost navigation\nEntries RSS\nBlog Menu\n"
                "Custom Search\n",
                [2, 5, 6, 7, 8, 9, 10, 11],
            ),
            (
                f"{DE}\nAbgelegt unter: Lokales, Politik\nVeröffentlicht unter Allgemein | Hinterlasse einen Kommentar\nKategorien\n",
                [2, 3, 4],
            ),
            (f"{FR}\nClassé dans : Politique locale\nCatégories\n", [2, 3]),
            (f"{ES}\nArchivado en: Política, Ayuntamiento\nEtiquetas\n", [2, 3]),
            # the about box under a post: its heading and the paragraph that presents the writer or the site
            (
                f"{EN}\n### About Jane Roe\nJane Roe is a freelance writer in Austin. She covers transit.\n\n"
                "ABOUT GADGETWISE\nGadgetwise is a blog about everything related to buying tech products.\n",
                [2, 3, 5, 6],
            ),
            (f"{DE}\nÜber Erika Muster\nErika Muster ist Redakteurin im Lokalteil.\n", [2, 3]),
            (f"{FR}\nÀ propos de Marie Dupont\nMarie Dupont est journaliste à Lyon.\n", [2, 3]),
            (f"{ES}\nSobre Ana García\nAna García es periodista en Sevilla.\n", [2, 3]),
        ],
    ),
    # ---------------------------------------------------------------- B020 copyright-notice
    "B020": (
        [
            f"{EN}\nThe band sued the label over the copyright of the song in 2008, and all rights reverted to it.\n",
            f"{EN}\nCopyright law in Europe changed in 2019, the report said.\n",
            f"{EN}\nThe company said all rights reserved under the old contract would lapse.\n",
            f"{EN}\n(c) the parties agree to meet again within a month\n",
            f"{EN}\nThis copy is for your personal, non-commercial use only, the museum's sign said.\n",
            f"{FR}\nLe journal a signé un accord avec AFP pour ses photos.\n",
            f"{DE}\nDie dpa berichtete am Dienstag über den Beschluss des Stadtrats.\n",
            f"{DE}\nDer Sender arbeitet mit Material der Nachrichtenagenturen und eigener Reporter.\n",
            f"{ES}\nEl diario trabaja con información de agencias y de sus corresponsales.\n",
            # a line about power, not the site's platform
            f"{EN}\nPowered by solar panels, the new buses will run on the coast line from May.\n",
            f"{EN}\nPowered by WordPress, the site of the council was hacked twice last year.\n",
            # session 38: a headline and sentences about what powers a thing
            f"{EN}\nAirplanes powered by hydrogen\n",
            f"{EN}\nThe new ferries are powered by batteries charged at the quay overnight.\n",
            f"{EN}\nA version of the budget appeared on page 4 of the council's report, the clerk said.\n",
            # a caption's credit: the sign and a name, no year
            f"{DE}\nEine Fracking-Anlage im US-Bundesstaat Pennsylvania © Noah Addis\n",
        ],
        [
            (
                f"{EN}\nCopyright © 2008 The Daily Courier. All rights reserved.\n© Reuters\n"
                "(c) Indo-Asian News Service\nAll rights reserved\n",
                [2, 3, 4, 5],
            ),
            (f"{EN}\nThis material may not be published, broadcast, rewritten or redistributed.\n", [2]),
            # session 38: a reprints notice cut at the end of its line, its address under it (an
            # address is no word a soft-wrapped sentence goes on with: `wrapped_tail`)
            (
                "Dow Jones Reprints: This copy is for your personal, non-commercial use only. To order "
                f"presentation-ready copies for distribution to your colleagues, clients\nwww.djreprints.com\n{EN}\n",
                [1, 2],
            ),
            (
                f"{DE}\nMit Material von dpa und AFP\n© 2024 Stadtanzeiger GmbH. Alle Rechte vorbehalten.\n",
                [2, 3],
            ),
            (f"{FR}\n(Avec AFP)\nLe Courrier SA. Tous droits réservés.\n", [2, 3]),
            (f"{ES}\nCon información de EFE\nDiario del Sur. Todos los derechos reservados.\n", [2, 3]),
            # session 40: the credit that names no agency
            (f"{DE}\nMit Material der Nachrichtenagenturen.\n{ES}\nCon información de agencias.\n", [2, 4]),
            # the platform credit of the footer
            (f"{EN}\npowered by\nBlog powered by TypePad\nProudly powered by WordPress\n", [2, 3, 4]),
            # session 38: any service's credit alone on a line
            (
                f"{EN}\nPowered by SendPulse\nCDN powered by Edgecast Networks.\nJobs powered by SimplyHired\n",
                [2, 3, 4],
            ),
            (f"{FR}\nPropulsé par Dotclear Pro\n", [2]),
            (f"{DE}\nBetrieben mit WordPress\n", [2]),
            (f"{FR}\nFièrement propulsé par WordPress\n", [2]),
            (f"{ES}\nFunciona con WordPress\n", [2]),
            # a reprints notice over the article
            (
                "Daily Ledger Reprints: This copy is for your personal, non-commercial use only. To order "
                f"copies for distribution, visit www.djreprints.com.\nwww.djreprints.com\n{EN}\n",
                [1, 2],
            ),
            # the print edition's note under a newspaper story; a licence line
            (
                f"{EN}\nA version of this article appeared July 24, 2012, on page A1 in the U.S. edition of The "
                "Daily Ledger, with the headline: Budget Passes.\nWhere not otherwise specified, this work is "
                "licensed under a Creative Commons License.\n",
                [2, 3],
            ),
            # the sign and a year after other words, as a footer prints them
            (
                f"{EN}\nContent Copyright © 2002-2012, R. Albert Mohler, Jr. Contact Reprint Permission\n"
                "BBC © 2012 The BBC is not responsible for the content of external sites. Read more.\n"
                "Facebook © 2012 · English (US)\n",
                [2, 3, 4],
            ),
            (f"{DE}\nDieser Artikel erschien in der Print-Ausgabe vom 3. Mai.\n", [2]),
            (f"{FR}\nCet article est paru dans l'édition du 3 mai.\n", [2]),
            (f"{ES}\nEste artículo apareció en la edición impresa del 3 de mayo.\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B021 image-credit
    "B021": (
        [
            f"{EN}\nThe photo shows the mayor at the opening of the new bridge.\n",
            f"{EN}\nPhotographers from AP and Reuters were at the scene, the police said.\n",
            f"{EN}\nCredit card debt rose again, the New York Fed said.\n",
            f"{EN}\nCredit for the rescue went to a reporter for The New York Times, she said.\n",
        ],
        [
            (f"{EN}\nImage Source: Flickr\nPhoto: Jane Doe/Getty Images\n", [2, 3]),
            (f"{DE}\nFoto: dpa\n", [2]),
            (f"{FR}\nCrédit photo : Jean Dupont\n", [2]),
            (f"{ES}\nFoto: Juan Pérez / EFE\n", [2]),
            (f"{EN}\nCredit...Jane Doe/The New York Times\nCreditJohn Roe for The New York Times\n", [2, 3]),
        ],
    ),
    # ---------------------------------------------------------------- B022 tag-line
    "B022": (
        [
            f"{EN}\nThe tags on the luggage showed it had been through three airports.\n",
            f"{EN}\nYOUR TINY ACTIONS, PUT TOGETHER, CAN MOVE MOUNTAINS.\n",
            f"{EN}\nNASA, ESA, JAXA AND CNSA SIGNED THE DEAL.\n",
            "WASHINGTON, D.C., USA, MONDAY, JAN. 5\nTHE ARTICLE IS IN CAPITALS, LIKE THIS, ALL, OF IT\n",
            # session 38: a template's category line and a widget's bare heading are B010's (default)
            f"{EN}\nFiled under: Politics, Elections\nTags\nCategories\n",
        ],
        [
            (f"{EN}\nTags: chess\nCategories: News\n", [2, 3]),
            (f"{EN}\n{EN2}\nAIR GUITAR ROCKER, CES 2008, CLIPS, GADGETS\n", [3]),
            (f"{DE}\nSchlagwörter: Haushalt, Stadtrat\n", [2]),
            (f"{FR}\nMots-clés : budget, conseil municipal\n", [2]),
            (f"{ES}\nEtiquetas: presupuesto, ayuntamiento\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B023 lone-timestamp
    "B023": (
        [
            f"{EN}\nThe polls closed two hours ago, officials said, and counting has begun.\n",
            f"{DE}\nVor 15 Stunden hatte der Stadtrat noch anders entschieden, sagte die Sprecherin.\n",
        ],
        [
            (f"{EN}\n15 hrs ago\nUpdated 3 minutes ago\n", [2, 3]),
            (f"{DE}\nvor 15 Stunden\n", [2]),
            (f"{FR}\nil y a 3 heures\n", [2]),
            (f"{ES}\nhace 15 horas\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B024 pagination
    "B024": (
        [
            f"{EN}\nThe report runs to 300 pages; page 1 of the summary lists the findings.\n",
            f"{EN}\nThe next page of the plan deals with the schools.\n",
            # session 37: a score or a range in a sentence
            f"{EN}\nThe vote ended 1 - 4 of 20 members present, the clerk said.\n",
            # session 43: a count in a sentence
            f"{EN}\nThe plan was approved by 4 of 5 members of the committee.\n",
        ],
        [
            # session 43: a slideshow's counter
            (f"{EN}\n- 1 of 5\n", [2]),
            (f"{EN}\nPage 1 of 1\nNext page\n« Previous | Next »\n1 2 3 Next »\n", [2, 3, 4, 5]),
            (f"{DE}\nSeite 1 von 3\nNächste Seite\n", [2, 3]),
            (f"{FR}\nPage 2 sur 5\nPage suivante\n", [2, 3]),
            (f"{ES}\nPágina 2 de 5\n", [2]),
            # session 37: a carousel's pager
            (f"{EN}\n1 - 4 of 20\n", [2]),
            (f"{DE}\n1 - 4 von 20\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B025 print-tools
    "B025": (
        [
            f"{EN}\nThe print edition will close in May, the publisher said.\n",
            f"{EN}\nEmail:\njane@example.com\n",
            f"{EN}\nEmail\n{EN2}\n",
            f"{EN}\nThe museum will enlarge the photo gallery on its second floor next year.\n",
            # session 37: "Font:" labelling what follows, not the text-size buttons
            f"{EN}\nFont:\nHelvetica, 12 points\n",
            # a tag list that holds the word
            f"{EN}\n* feed\n* font\n* freelancing\n",
            # session 43: a tool's words in a sentence
            f"{EN}\nThe clerk will print article 12 of the plan and send to friends of the council a copy.\n",
        ],
        [
            # session 43: a row of tools with other links in it
            (
                f"{EN}\n| 66 hits · Link to this article · Print article · Send to friend · Subscribe to news |\n",
                [2],
            ),
            (
                f"{EN}\nPrint this story | Email this story | Discuss Story\nPrinter-friendly version\n",
                [2, 3],
            ),
            (f"{EN}\nPrint\nE-mail\nShare\n", [2, 3]),
            (f"{DE}\nDruckversion\n", [2]),
            (f"{FR}\nVersion imprimable\n", [2]),
            (f"{ES}\nEnviar por correo\n", [2]),
            # the photo viewer's buttons
            (f"{EN}\nEnlarge Photo\n{EN2}\nHIDE CAPTION\n", [2, 4]),
            (f"{DE}\nBild vergrößern\n", [2]),
            (f"{FR}\nAgrandir la photo\n", [2]),
            (f"{ES}\nAmpliar foto\n", [2]),
            # the print view's footer
            (f"{EN}\nThis article was printed from http://www.ledger.example/2012/08/budget/\n", [2]),
            (f"{DE}\nGedruckt von https://www.anzeiger.example/haushalt\n", [2]),
            (f"{FR}\nImprimé depuis https://www.courrier.example/budget\n", [2]),
            (f"{ES}\nImpreso desde https://www.diario.example/presupuesto\n", [2]),
            # session 37: the text-size tool's label over its buttons
            (f"- Font:\n- +\n- -\n{EN}\n", [1]),
        ],
    ),
    # ---------------------------------------------------------------- B026 link-row
    "B026": (
        [
            f"Budget passes after long debate | City news\n{EN}\n",
            f"{EN}\nPrivacy policy | Technology | The Guardian\n",
            f"Home | About Us | Contact\n{EN}\n",
            f"{EN}\nThe site's About Us page lists a contact, a privacy policy and a legal disclaimer.\n",
            # a table's row naming one service
            f"{EN}\n| Blogs | 23 | 41 |\n| Podcasts | 12 | 9 |\n",
            # session 38: one word alone may be the article's ("Contact" heading over a press office's
            # address, "Privacy" as a section), and the names inside a sentence
            f"{EN}\nContact\nPress office, 12 Harbour Road, Leith\n\nPrivacy\nThe council keeps the data for a year.\n",
            f"{EN}\nContact us on 0131 555 0100 if the bin was not emptied, the council said.\n",
            f"{DE}\nDatenschutz\nDie Stadt speichert die Daten ein Jahr lang.\n",
            # session 39: a tool's name alone in a table's cell, or one tool beside figures
            f"{EN}\n| Print |\n| Print | 45 % | 41 % |\n| Email | 12 % | 9 % |\n",
        ],
        [
            (f"{EN}\nContact Us : Privacy Policy : Legal Disclaimer\n| About Us |\n", [2, 3]),
            # session 39: a row of the page's own tools (print, e-mail, share, sign-up) with a
            # service page or a counter
            (
                f"{EN}\nRSS | Email | Twitter\nLogin |  Sign up |\n"
                "66 hits · Print article · Send to friend · Subscribe · Contact Us\n",
                [2, 3, 4],
            ),
            (f"{DE}\nDrucken | Versenden | Impressum\n", [2]),
            # a news site's footer of services, a blog post's footer, a podcast's links
            (
                f"{EN}\nTools & widgets | RSS | Podcasts | Blogs | CNN mobile | My profile | E-mail alerts | Site map\n"
                "Posted in New Trucks | Post a Comment | RSS Feed\n"
                "Transcript | Download mp4 | Download mp3\n",
                [2, 3, 4],
            ),
            (f"{DE}\nImpressum | Datenschutz | Kontakt\n", [2]),
            (f"{FR}\nMentions légales • Contact • Plan du site\n", [2]),
            (f"{ES}\nAviso legal · Política de privacidad · Contacto\n", [2]),
            # session 38: a footer's links one to a line, as html2text writes them
            (f"{EN}\n* Contact Us\n* Privacy Policy\n* Terms of Use\n* Site Map\n", [2, 3, 4, 5]),
            (f"{DE}\nImpressum\nDatenschutzerklärung\n", [2, 3]),
            (f"{FR}\nMentions légales\n", [2]),
            (f"{ES}\nAviso legal\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B027 lone-dateline
    "B027": (
        [
            f"Updated at 1:23 p.m.\n{EN}\n{EN2}\n",
            f"{EN}\nThe polls closed at 8 p.m. and counting began at 9, officials said.\n",
        ],
        [
            (
                f"{EN}\nUpdated at 1:23 p.m.\nPublished on 01/12/2008\nLast updated: Jan. 5, 2008 10:04 ET\n",
                [2, 3, 4],
            ),
            (f"{DE}\nAktualisiert am 12.01.2008, 13:23 Uhr\n", [2]),
            (f"{FR}\nMis à jour le 12 janvier 2008 à 13h23\n", [2]),
            (f"{ES}\nActualizado el 12 de enero de 2008\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B028 navigation-menu (region)
    "B028": (
        [
            f"{EN}\nHome\nNews\nSport\nPolitics\n{EN2}\n",
            f"Home\nNews\nBy Anna Smith\nSport\n{EN}\n",
        ],
        [
            (f"Home\nNews\nSport\nPolitics\n{EN}\n{EN2}\n", [1]),
            (f"{DE}\nStartseite\nPolitik\nWirtschaft\nKultur\n", [2]),
            (f"{FR}\nMentions légales | Contact | Plan du site\nAccueil | Politique | Culture\n", [2]),
        ],
    ),
    # ---------------------------------------------------------------- B030 photo-gallery (region)
    # Its region, headings and the repeated lines that are no gallery: tests/test_rules_photo_gallery.py
    "B030": (
        [
            f"{EN}\n{EN2}\n" + "The city's schools will reopen on Monday.\n" * 5,
            f"{EN}\nRecipes\nRecipes\nRecipes\nRecipes\nRecipes\n",
        ],
        [
            (
                f"{EN}\n"
                + "".join(f"Anwohner räumen am Dienstag die Straße {k} in Grimma auf.\n" for k in range(5))
                + "Hochwasser in Sachsen\n" * 5
                + "Fotos: Hochwasser in Sachsen\n",
                [2],
            ),
            (
                "".join(f"Des habitants nettoient la rue {k} de Nîmes mardi matin.\n" for k in range(6))
                + "Inondations dans le Gard\n" * 6
                + EN,
                [1],
            ),
        ],
    ),
    # ---------------------------------------------------------------- B031 enclosed-chrome (region)
    # Short lines between two lines a chrome rule's phrases match: a follow box's and a related box's
    # links, a sites row; never a sentence, a lone line, tags, a long line or html2text's menus.
    "B031": (
        [
            f"{EN}\nShare on Facebook\nBy Jane Roe\nShare on Twitter\n{EN2}\n",
            f"{EN}\nShare on Facebook\nThe mayor said the vote was a relief for the schools.\n"
            "It was a long night for everyone in the chamber.\nShare on Twitter\n",
            f"{EN}\nTags\nbudget\nschools\nShare on Twitter\n",
            f"{EN}\nShare on Facebook\nbudget,\nschools\nShare on Twitter\n",
            f"{EN}\nShare on Facebook\nTags: budget, schools\nCouncil news\nShare on Twitter\n",
            f"{EN}\nShare on Facebook\n" + "".join(f"Link {k}\n" for k in range(13)) + "Share on Twitter\n",
            f"{EN}\nShare on Facebook\n{EN2}\nCouncil news\nShare on Twitter\n",
            f"{EN}\nShare on Facebook\n* World\n* Politics\nShare on Twitter\n",
            f"{EN}\nShare on Facebook\n近日，市议会通过了明年的预算，学校将获得更多资金。\n预算\nShare on Twitter\n",
            f"Find us on Instagram\nGear we recommend\nOur shop on Amazon.com\n{EN}\n",
            f"RSS feed\nSummertime\nPosted July 26th, 2011\nPhotos by Eirik\nTweet\n{EN}\n",
            # a skip link that reads as a sentence ("…areas:") does not start the article: its
            # title and byline under the menu are still before it (lintnews's reading of HTML)
            f"Navigation: jump to content areas:\nRSS feed\nAstros Acquire Tyler Greene\n"
            f"by Blaine Blontz on Aug 9, 2012\nTweet\n{EN}\n",
            # a line over 100 characters is a paragraph, whatever its neighbours
            f"{EN}\nShare on Facebook\nCouncil news\n" + "Harbour " * 13 + "News\nShare on Twitter\n",
        ],
        [
            (
                f"{EN}\nFind us on Instagram\nGear we recommend\nOur shop on Amazon.com\nSubscribe to our newsletter\n",
                [3],
            ),
            (
                f"{EN}\nRelated articles...\n» Ferry timetable changes for the summer\n» Toll rise on the coastal road\n"
                "Was this article useful? Please sign up to receive our content via e-mail:\n",
                [3],
            ),
            (f"{EN}\nHome\nHarbour webcam\nTide tables\n3 hours ago\n{EN2}\n", [3]),
            (
                f"{DE}\n{DE2}\nAuf Facebook teilen\nUnsere Partner\nLeserreisen 2012\nNewsletter abonnieren\n",
                [4],
            ),
            (
                f"{FR}\nPartager sur Facebook\nVoyages lecteurs\nPetites annonces\nAbonnez-vous à notre newsletter\n",
                [3],
            ),
            (
                f"{ES}\nCompartir en Facebook\nNuestros sitios\nClasificados | Tienda\nSuscríbete al newsletter\n",
                [3],
            ),
        ],
    ),
    # ---------------------------------------------------------------- B029 page-landmark (HTML only)
    # Text has no markup: a menu's shape is B028's, never B029's. Its HTML cases are in
    # tests/test_rules_menus.py and tests/test_html_fix_positions.py.
    "B029": (
        [
            f"Home\nNews\nSport\nPolitics\n{EN}\n{EN2}\n",
            f"{EN}\nAbout Us | Contact Us | Privacy Policy\nCopyright 2012 The Town Paper\n",
        ],
        [],
    ),
    # ---------------------------------------------------------------------------- B032 login-form
    # (more in tests/test_rules_login.py)
    "B032": (
        [
            f"{EN}\nPassword\n\n{EN2}\n",
            f"{EN}\nLogin\n",
            f"{EN}\nName\nE-mail\nSubmit\n\n{EN2}\n",
        ],
        [
            (f"{EN}\nForgot your password?\n{EN2}\n", [2]),
            (f"Log in\nRegister\n\nPassword:\n\n{EN}\n", [1]),
        ],
    ),
}

VALID = [(code, text) for code, (valid, _) in CASES.items() for text in valid]
INVALID = [(code, text, lines) for code, (_, invalid) in CASES.items() for text, lines in invalid]


@pytest.mark.parametrize("code,text", VALID)
def test_valid(code: str, text: str) -> None:
    assert lines_of(code, text) == []


@pytest.mark.parametrize("code,text,expected", INVALID)
def test_invalid(code: str, text: str, expected: list[int]) -> None:
    assert lines_of(code, text) == [(code, n) for n in expected]


def test_every_chrome_rule_has_cases() -> None:
    chrome = {code for code in all_rules() if code.startswith("B")}
    assert chrome == set(CASES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_docs_have_ruff_shape(code: str) -> None:
    doc = all_rules()[code].doc
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Fix"):
        assert heading in doc


def test_new_chrome_rules_fix_removes_the_line() -> None:
    text = f"{EN}\nCopyright © 2008 The Daily Courier. All rights reserved.\n{EN2}\n"
    (v,) = check("B020", text)
    assert v.fix is not None and v.fix.safe
    assert apply_edits(text, [v.fix]) == (f"{EN}\n{EN2}\n", 1)


def test_rules_below_the_precision_target_are_not_selected_by_default() -> None:
    rules = all_rules()
    assert {
        code
        for code in ("B020", "B021", "B022", "B023", "B024", "B025", "B026", "B027")
        if not rules[code].default
    } == {"B021", "B022", "B027"}


def test_comment_widget_messages_say_which_part_of_the_widget() -> None:
    """B002's tables of its own (session 43): a recent-comments item and a counter row say what
    they are, the form's text keeps the rule's message."""
    text = (
        f"{EN}\nI think that the new budget...by Jane Roe on Council Approves the Budget\n"
        "1 Comment »    | Published in\nLeave a Reply\n"
    )
    assert [(v.line, v.message) for v in check("B002", text)] == [
        (1, "Recent-comments box item left in the text"),
        (2, "Comment counter row left in the text"),
        (3, "Comment-form text left in the text"),
    ]


def test_fix_removes_the_line() -> None:
    text = f"{EN}\nAdvertisement\n{EN2}\n"
    (v,) = check("B009", text)
    assert v.fix is not None and v.fix.safe
    assert apply_edits(text, [v.fix]) == (f"{EN}\n{EN2}\n", 1)


def test_share_run_fix_removes_every_button() -> None:
    text = f"{DE}\nFacebook\nTwitter\nWhatsApp\n{DE2}\n"
    fixes = [v.fix for v in check("B005", text) if v.fix is not None]
    assert apply_edits(text, fixes) == (f"{DE}\n{DE2}\n", 3)


def test_breadcrumb_fix_is_unsafe_without_home_word() -> None:
    (v,) = check("B006", f"News › Politics › Elections › Local\n{EN}\n")
    assert v.fix is not None and not v.fix.safe
    (v,) = check("B006", f"Home » World » Europe\n{EN}\n")
    assert v.fix is not None and v.fix.safe


def test_german_phrases_do_not_apply_to_an_english_document_by_default() -> None:
    # "Anzeige" is German chrome; an English article with a German word on its own line keeps it
    # unless the config forces German packs.
    text = f"{EN}\n{EN2}\nAnzeige\n"
    assert lines_of("B009", text) == []
    assert lines_of("B009", text, Settings(language="de")) == [("B009", 3)]


def test_share_screen_changes_no_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    """B005 skips the matchers on joined button runs its screen rules out; with the screen off
    (every join tried) the findings are the same, also for phrases a user adds."""
    import random

    from lintnews.rules.chrome import share as chrome

    buttons = [
        "Facebook",
        "Twitter",
        "X",
        "WhatsApp",
        "E-Mail",
        "Mail",
        "Teilen",
        "Share",
        "Tweet",
        "Pin it",
        "Print",
        "Drucken",
        "Folgen Sie uns",
        "auf Facebook",
        "teilen",
        "Link kopieren",
        "Copy link",
        "Follow us",
        "on Twitter",
        "Like",
        "Loading...",
        "Home",
        "News",
        "Sport",
        "Wetter",
        "Foo",
        "Bar baz",
        "Gefällt mir",
        "Wird geladen",
        "Partager",
        "sur Twitter",
        "Compartir",
        "en Facebook",
        "**Share**",
    ]
    settings = Settings(extra_phrases={"social-share": ["Foo Bar baz", "Home News"]})
    rng = random.Random(5)
    texts = [f"{EN}\nHome\n\nNews\n", f"{DE}\nFoo\nBar baz\nTeilen\n", f"{EN}\nSport\nFacebook\nTwitter\n"]
    for _ in range(300):
        body = [
            rng.choice(buttons) if rng.random() < 0.8 else rng.choice(["", EN, DE])
            for _ in range(rng.randint(2, 16))
        ]
        texts.append("\n".join([rng.choice([EN, DE, FR, ES]), *body]))

    def found() -> list[list[tuple[int, str, str]]]:
        rule = all_rules()["B005"]
        return [
            [(v.line, v.message, str(v.severity)) for v in rule.check(Document("a.txt", t), s)]
            for t in texts
            for s in (Settings(), settings)
        ]

    screened = found()
    real = chrome.share_screen

    def unscreened(*args: object) -> chrome.ShareScreen:
        return dataclasses.replace(real(*args), rest_always=True)  # type: ignore[arg-type]

    monkeypatch.setattr(chrome, "share_screen", unscreened)
    assert found() == screened
    assert sum(map(len, screened)) > 100


@pytest.fixture
def searched_runs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The runs of lines B005 searches for stretches (`share_runs._find_stretches`), in order,
    from a fresh memo of share screens."""
    from lintnews.rules.chrome import share_runs as chrome

    runs: list[tuple[str, ...]] = []
    real = chrome._find_stretches

    def counted(texts: tuple[str, ...], *args: object) -> object:
        runs.append(texts)
        return real(texts, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(chrome, "_find_stretches", counted)
    chrome._SHARE_SCREENS.clear()
    return runs


def test_share_runs_are_matched_once_per_screen(searched_runs: list[tuple[str, ...]]) -> None:
    """Whole pages of one site repeat the same button rows: B005 matches a run of buttons once
    per screen (pack set and languages) and reuses the stretches, with the same findings."""
    row = "Facebook\nTwitter\nWhatsApp\nE-Mail"
    texts = [f"{EN}\n{row}\n", f"{EN2}\n\n{row}\n{EN}\n", f"{EN}\n{row}\n"]
    rule = all_rules()["B005"]
    found = [[(v.line, v.message) for v in rule.check(Document("a.txt", t), Settings())] for t in texts]
    assert searched_runs == [("facebook", "twitter", "whatsapp", "e-mail")]
    message = "Row of social-network share buttons left in the text"
    assert found == [
        [(i, message) for i in range(1, 5)],
        [(i, message) for i in range(2, 6)],
        [(i, message) for i in range(1, 5)],
    ]


def test_share_runs_without_a_button_word_are_not_searched(searched_runs: list[tuple[str, ...]]) -> None:
    """B005 flags only lines that hold a button word (`button_line`): a run of short lines in
    which none does (a menu) is not searched for stretches at all, and the share row beside it
    is still flagged."""
    menu = "Home\nPolitics\nSport\nWeather"
    row = "Facebook\nTwitter\nWhatsApp\nE-Mail"
    text = f"{EN}\n{menu}\n{EN2}\n{row}\n"
    found = [v.line for v in all_rules()["B005"].check(Document("a.txt", text), Settings())]
    assert searched_runs == [("facebook", "twitter", "whatsapp", "e-mail")]
    assert found == [6, 7, 8, 9]


def test_separator_lines_are_the_lines_with_a_separator() -> None:
    """B006 looks only at the lines `_separator_lines` finds in the whole text: exactly the lines
    holding an arrow, `` / `` or `` | ``."""
    import random

    from lintnews.rules.chrome import breadcrumb as chrome

    pieces = [
        "»",
        "›",
        ">",
        "→",
        "/",
        "|",
        " ",
        " / ",
        " | ",
        "a/b",
        "x |y",
        "km/h ",
        "Home",
        "\n",
        "\n\n",
        "é",
        "’",
    ]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        doc = Document("a.txt", text)
        expected = [
            i
            for i, line in enumerate(doc.lines)
            if any(ch in line for ch in "»›>→") or " / " in line or " | " in line
        ]
        assert chrome._separator_lines(doc) == expected, repr(text)


def test_row_segments_are_decided_once_per_pack_set_and_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    """B006 (is the first segment a home word?) and B026 (is a segment a site link or a home
    word?) keep each segment's answer per pack set and languages: a site's trails and link rows
    repeat on every page. The same findings with the answers forgotten before each document, and
    no segment matched again on a second pass."""
    from lintnews import packs
    from lintnews.packs import model

    texts = [
        f"Home » World » Europe\n{EN}\nAbout Us | Contact | Privacy Policy\n",
        f"{EN}\nHome | About Us | Contact\nNews › Politics › Elections › Local\n",
        f"Startseite > Politik > Inland\n{DE}\nImpressum | Datenschutz | Kontakt\n",
        f"{EN}\nContact Us : Privacy Policy : Legal Disclaimer\n| About Us |\nFoo | Bar | Baz\n",
        f"Accueil > Politique > Municipales\n{FR}\nMentions légales • Contact • Plan du site\n",
    ]
    rules = [all_rules()["B006"], all_rules()["B026"]]
    pack_set = packs.load_packs(Settings())

    def found(forget: bool) -> list[list[tuple[str, int]]]:
        out = []
        for t in texts:
            if forget:  # (the kept segments, and the line matchers' kept answers of keys)
                for matcher in pack_set.line_matchers.values():
                    matcher._derived.clear()
                    matcher._kept.clear()
                    for language in matcher.languages:
                        language._kept.clear()
            doc = Document("a.txt", t)
            out.append([(r.code, v.line) for r in rules for v in r.check(doc, Settings())])
        return out

    fresh = found(forget=True)
    assert fresh == [  # (0-based lines)
        [("B006", 0), ("B026", 2)],
        [("B006", 1), ("B006", 2)],  # "Home | About Us | Contact" starts with a home word
        [("B006", 0), ("B026", 2)],
        [("B026", 1), ("B026", 2)],
        [("B006", 0), ("B026", 2)],
    ]
    calls: list[str] = []
    real = model.Matcher.match

    def counting(self: model.Matcher, key: str) -> packs.Entry | None:
        calls.append(key)
        return real(self, key)

    assert found(forget=False) == fresh
    monkeypatch.setattr(model.Matcher, "match", counting)
    assert found(forget=False) == fresh
    assert calls == []  # every segment answered from the kept answers
    assert found(forget=True) == fresh
    assert len(calls) > 20


def kept_per_line(code: str, kept: Any, texts: list[str]) -> tuple[list[list[int]], int, list[list[int]]]:
    """The lines ``code`` reports in each of ``texts`` with its per-line-text cache ``kept`` (an
    `functools.lru_cache` function) kept across the documents, the cache's hits then, and the
    lines with the cache forgotten before each document."""
    rule = all_rules()[code]

    def found(forget: bool) -> list[list[int]]:
        out = []
        for t in texts:
            if forget:
                kept.cache_clear()
            out.append([v.line for v in rule.check(Document("a.txt", t), Settings())])
        return out

    kept.cache_clear()
    lines = found(forget=False)
    hits = kept.cache_info().hits
    return lines, hits, found(forget=True)


def test_row_segments_kept_by_line_text_change_no_finding() -> None:
    """B026 keeps a line's segments per line text (`toolbars._row_segments`): the findings of
    documents that share rows are the same with the kept segments forgotten before each
    document, and a row that fails on its segments (a sentence's end, too many words) fails in
    every document."""
    from lintnews.rules.chrome import toolbars

    row = "About Us | Contact | Privacy Policy"
    texts = [
        f"{EN}\n{row}\n",
        f"{row}\n{EN}\n{row}\n",
        f"{EN}\n| About Us |\n{row}\nRead the full story here | and more, | Contact\n",
        f"{DE}\nImpressum | Datenschutz | Kontakt\n{row}\n",
    ]
    kept, hits, forgotten = kept_per_line("B026", toolbars._row_segments, texts)
    assert hits >= 4  # (the row, met again)
    assert kept == forgotten == [[1], [0, 2], [1, 2], [1, 2]]
    assert toolbars._row_segments(row) == (("About Us", "Contact", "Privacy Policy"), 3)
    assert toolbars._row_segments("| About Us |") == (("About Us",), 3)
    assert toolbars._row_segments("Read the full story here | and more, | Contact") is None


def test_trail_segments_kept_by_line_text_change_no_finding() -> None:
    """B006 keeps a line's trail segments per line text (`breadcrumb._breadcrumb_segments`): the
    findings of documents that share trails are the same with the kept segments forgotten
    before each document, and a line is judged a table row, a quote or code in each document."""
    from lintnews.rules.chrome import breadcrumb

    trail = "Home » World » Europe"
    texts = [
        f"{trail}\n{EN}\n",
        f"{EN}\n> {trail}\n{trail}\n",
        f"Startseite > Politik > Inland\n{DE}\n{trail}\n",
        f"{EN}\nNews › Politics › Elections › Local\n{trail}\n",
    ]
    kept, hits, forgotten = kept_per_line("B006", breadcrumb._breadcrumb_segments, texts)
    assert hits >= 3  # (the trail, met again)
    assert kept == forgotten == [[0], [2], [0, 2], [1, 2]]


def test_row_lines_are_the_lines_with_a_row_separator() -> None:
    """B026 looks only at the lines `_row_lines` finds in the whole text: exactly the lines of at
    most 300 characters holding ``|``, ``•``, ``·`` or `` : ``."""
    import random

    from lintnews.rules.chrome import toolbars

    pieces = ["|", "•", "·", ":", " : ", " :", ": ", " ", "a:b", "About", "\n", "\n\n", "é", "x" * 150]
    rng = random.Random(8)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        doc = Document("a.txt", text)
        expected = [
            i
            for i, line in enumerate(doc.lines)
            if ("|" in line or "•" in line or "·" in line or " : " in line) and len(line) <= 300
        ]
        assert toolbars._row_lines(doc) == expected, repr(text)
        found += len(expected)
    assert found > 2000


@pytest.mark.parametrize("seed", range(3))
def test_a_rules_entries_match_a_segment_when_the_line_matcher_names_the_rule(seed: int) -> None:
    """B026 reads which rules match a segment from `LineMatcher.match` (every rule's answer for
    a key, kept per language) instead of trying the matchers of its rules: in any order of
    languages, a language without packs among them included, a rule is among the line matcher's
    answers exactly when one of its matchers in those languages matches the key (the link names,
    the tools of B025, B005 and B009, B006's home words), on their own lines and on segments
    made of their words and others'."""
    import random

    from lintnews.packs import line_key, load_packs

    packs = load_packs(Settings())
    rules = ("link-row", "print-tools", "social-share", "newsletter-prompt", "breadcrumb")
    rng = random.Random(seed)
    lines = sorted(
        {line for r in rules for lang in ("en", "de", "fr") for line in packs.matcher(r, lang).literal}
    )
    words = sorted({w for line in lines for w in line.split()}) + ["Politik", "2012", "Mr.", "Weather"]
    segments = [*rng.sample(lines, 150)]
    segments += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(300)]
    segments += [
        "Print article",
        "Send to friend",
        "Subscribe to our newsletter",
        "Share on Facebook",
        "E-mail | Print",
    ]
    segments += [s.upper() for s in segments[:40]] + [""]
    held = named = 0
    for langs in [("en",), ("de", "en"), ("fr", "sv", "en"), ("sv", "de"), ("es", "it", "fr")]:
        matcher = packs.line_matcher(langs)
        for segment in segments:
            key = line_key(segment)
            answer = {rule for rule, _ in matcher.match(key)} if key else set()
            for rule in rules:
                expected = bool(key) and any(
                    m.match(key) is not None for m in packs.matchers_for(rule, langs)
                )
                assert (rule in answer) == expected, (langs, segment, rule)
                held += expected
            named += "link-row" in answer
    assert held > 300 and named > 100  # (the segments hold names, tools and home words)
