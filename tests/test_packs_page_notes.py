"""Session 54's page notes and prompts, read from the trafilatura benchmark's and the crawl's
missed chrome: the reading-time note (B023: "5 min read", "5 Minuten Lesezeit", "Lecture :
3 min", "8 minutos de lectura"), Reuters' footer (B020), a comment section's "Netiquette" (B002),
a plea to support the site (B004), more labels before another article's title (S001: "Lea
más:", "PUEDES VER:", "Lesen Sie hier:"), and lines English had and the other shipped languages
lacked, or both lacked: WordPress.com's footer credit and licence lines (B020), links back to the
home page (B010), Blogger's comment feed (B002) and the login form (B032 since session 55), the
PDF download (B025). Each line is reported, with its code and line, inside a real-shaped article;
the same words inside the article's sentences are left."""

from __future__ import annotations

import pytest
from pack_articles import DE, EN, ES, FR, PL, findings


@pytest.mark.parametrize(
    ("article", "line", "code"),
    [
        (EN, "5 min read", "B023"),
        (EN, "Mar 3, 2021 · 6 min read", "B023"),
        (EN, "Reading time: 4 minutes", "B023"),
        (EN, "_Estimated reading time: 6 minutes_", "B023"),
        (DE, "5 Minuten Lesezeit", "B023"),
        (DE, "Lesezeit: ca. 3 Minuten", "B023"),
        (DE, "Lesedauer: 8 Min.", "B023"),
        (FR, "Lecture : 3 min.", "B023"),
        (FR, "4 minutes de lecture", "B023"),
        (ES, "Tiempo de lectura: 8 minutos", "B023"),
        (ES, "8 minutos de lectura", "B023"),
        (PL, "Ten tekst przeczytasz w 1 minutę", "B023"),
        (EN, "Our Standards: The Thomson Reuters Trust Principles.", "B020"),
        (DE, "Netiquette", "B002"),
        (DE, "Bitte beachten Sie unsere Netiquette.", "B002"),
        (
            EN,
            "If you enjoyed reading this post – would you consider supporting our work? Just click here.",
            "B004",
        ),
        (EN, "Help support our journalism and enjoy the site ads free - for as little as $6 a month", "B004"),
        (ES, "Lea más: Tribunal condena a cuatro años de prisión a ex contralor", "S001"),
        (ES, "PUEDES VER: ¿Qué es la Sunedu, cómo está conformada y para qué sirve?", "S001"),
        (ES, "LEE MÁS | Exministro niega que haya negociado obras con excongresista", "S001"),
        (DE, "Lesen Sie hier: Spielabbruch in der Kreisliga zwischen zwei Mannschaften", "S001"),
        # WordPress.com's footer credit and licence lines (B020)
        (EN, "Blog at WordPress.com.", "B020"),
        (DE, "Erstelle eine kostenlose Website oder Blog – auf WordPress.com.", "B020"),
        (FR, "Créez un site Web ou un blog gratuitement sur WordPress.com.", "B020"),
        (ES, "Crea un sitio web o blog gratuitos en WordPress.com.", "B020"),
        (DE, "Dieses Blog steht unter einer Creative Commons Namensnennung 3.0 Österreich Lizenz.", "B020"),
        (
            FR,
            "Cette œuvre est mise à disposition selon les termes de la Licence Creative Commons Attribution 4.0.",
            "B020",
        ),
        (ES, "Esta obra está bajo una Licencia Creative Commons Atribución 4.0 Internacional.", "B020"),
        # Spanish notices with the year, the sign or the owner after the words (B020)
        (ES, "Todos los derechos reservados 2021", "B020"),
        (ES, "Todos los derechos reservados © 2021 Infobae", "B020"),
        (ES, "Derechos reservados © 2022, Dutriz Hermanos, S.A. de C.V.", "B020"),
        (
            ES,
            "Todos los derechos reservados Editora Panamá América S.A. - Ciudad de Panamá - Panamá 2022",
            "B020",
        ),
        # a link back to the home page (B010)
        (EN, "Go to homepage.", "B010"),
        (DE, "Zur Startseite", "B010"),
        (ES, "Ir a la portada", "B010"),
        # Blogger's feed link under the comments (B002) and the login form (B032 since session 55)
        (DE, "Abonnieren Kommentare zum Post (Atom)", "B002"),
        (FR, "Inscription à : Publier les commentaires (Atom)", "B002"),
        (DE, "Angemeldet bleiben", "B032"),
        (EN, "Keep me logged in", "B032"),
        # the download as PDF (B025)
        (EN, "Download as PDF", "B025"),
        (DE, "Artikel als PDF herunterladen", "B025"),
        (FR, "Télécharger en PDF", "B025"),
        (ES, "Descargar en PDF", "B025"),
    ],
)
def test_the_line_is_reported_under_the_article(article: str, line: str, code: str) -> None:
    assert findings(f"{article}\n{line}\n") == [(code, 3)]


@pytest.mark.parametrize(
    "text",
    [
        # the same words in the article's sentences
        f"{EN}\nThe report is a 5 min read for most councillors, the clerk said, and it is online.\n",
        f"{EN}\nReading time for the full report is about four hours, the clerk said on Monday.\n",
        f"{DE}\nDie Lesezeit des Berichts beträgt etwa zwei Stunden, sagte die Sprecherin am Montag.\n",
        f"{ES}\nEl informe tiene 8 minutos de lectura para los concejales, explicó el secretario.\n",
        f"{EN}\nThe group said it would support independent journalism in the region with a new fund.\n",
        f"{DE}\nZur Startseite des Portals gelangen Leser über das Logo, erklärte der Entwickler.\n",
        f"{EN}\nThe council will publish the report as a PDF version for download next week.\n",
        f"{ES}\nEsta obra está bajo la protección del ayuntamiento desde 1998, dijo el alcalde.\n",
        f"{ES}\nLos derechos reservados de la empresa fueron cedidos en 2019 al grupo, explicó el abogado.\n",
        # a "Netiquette" heading between two paragraphs of an article about it is the story's own
        f"{DE}\nNetiquette\n\n{DE}".replace(DE, DE.replace("Hafen", "Forum"), 1),
    ],
)
def test_the_same_words_inside_an_article_are_left(text: str) -> None:
    assert findings(text) == []
