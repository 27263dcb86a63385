"""Session 54's mirrored lines: UI strings the English tables of B002 (comment widget), B004
(newsletter and sign-up prompt), B005 (share and follow buttons), B010 (site navigation), B025
(print, e-mail and text-size tools) and B026 (site-service links) held and the German, French and
Spanish tables lacked, in the wording WordPress (and its Jetpack), Blogger, Drupal and news sites
print: Blogger's "AntwortenLöschen" / "RépondreSupprimer" / "ResponderEliminar" and its "Neuerer
Post Älterer Post Startseite", WordPress's "Beitragsnavigation", "Feed der Einträge", "Suche nach:",
Jetpack's "Benachrichtigung bei weiteren Kommentaren per E-Mail senden.", Drupal's "Publier un
nouveau commentaire". Each line is reported alone on its line under a real-shaped article, with its
rule and line; B026's names are segments of a row of links, so each is tried in a row beside the
language's own legal notice ("Impressum | Mein Konto"), a row the name makes (one name alone is
none). The same words inside the article's sentences, or beside words no site link names, are
left."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter

DE = (
    "Der Stadtrat hat am Montag den neuen Haushalt für den Hafen beschlossen, nach einer Debatte, die"
    " fast die ganze Nacht dauerte; die Arbeiten am Kai sollen im Frühjahr beginnen.\n"
)
FR = (
    "Le conseil municipal a adopté lundi le nouveau budget du port après un débat qui a duré presque"
    " toute la nuit, et les travaux du quai commenceront au printemps.\n"
)
ES = (
    "El ayuntamiento aprobó el lunes el nuevo presupuesto del puerto tras un debate que duró casi"
    " toda la noche, y las obras del muelle empezarán en primavera.\n"
)


def findings(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.line) for d in Linter(Settings()).lint(Document(path="a.txt", text=text)).diagnostics]


@pytest.mark.parametrize(
    ("article", "line", "code"),
    [
        # as pages print them (the crawl's lines)
        (DE, "Hier klicken, um die Antwort abzubrechen.", "B002"),
        (DE, "Suche nach:", "B010"),
        (DE, "## Beitrags-Navigation", "B010"),
        (DE, "Später lesen?", "B025"),
        (FR, "### Publier un nouveau commentaire", "B002"),
        (ES, "###  __Iniciar Sesión para comentar", "B002"),
        (ES, "  * Compartir vía email", "B005"),
        (ES, "VOLVER A PORTADA", "B010"),
        # each line of the tables
        (DE, "Kommentar posten", "B002"),
        (DE, "Einen Kommentar schreiben", "B002"),
        (DE, "AntwortenLöschen", "B002"),
        (DE, "Ältere Kommentare", "B002"),
        (DE, "Neuere Kommentare", "B002"),
        (DE, "Neuen Kommentar schreiben", "B002"),
        (DE, "Neuen Kommentar hinzufügen", "B002"),
        (DE, "Hier klicken, um die Antwort abzubrechen", "B002"),
        (DE, "Schreiben Sie den ersten Kommentar", "B002"),
        (DE, "Erstellen Sie jetzt den ersten Kommentar", "B002"),
        (DE, "Benachrichtigung bei weiteren Kommentaren per E-Mail senden", "B002"),
        (DE, "Informiere mich über neue Beiträge per E-Mail", "B002"),
        (FR, "RépondreSupprimer", "B002"),
        (FR, "Enregistrer un commentaire", "B002"),
        (FR, "Publier un nouveau commentaire", "B002"),
        (FR, "Ajouter un nouveau commentaire", "B002"),
        (FR, "Poster un commentaire", "B002"),
        (FR, "Afficher les commentaires", "B002"),
        (FR, "Voir les commentaires", "B002"),
        (FR, "Commentaires plus anciens", "B002"),
        (FR, "Commentaires plus récents", "B002"),
        (FR, "Pas encore de commentaires", "B002"),
        (FR, "Soyez le premier à réagir", "B002"),
        (FR, "Cliquez ici pour annuler la réponse", "B002"),
        (FR, "Prévenez-moi de tous les nouveaux articles par e-mail", "B002"),
        (FR, "Connectez-vous ou inscrivez-vous pour publier un commentaire", "B002"),
        (ES, "ResponderEliminar", "B002"),
        (ES, "Publicar un comentario", "B002"),
        (ES, "Publicar el comentario", "B002"),
        (ES, "Publicar comentario", "B002"),
        (ES, "Añadir un comentario", "B002"),
        (ES, "Agregar un comentario", "B002"),
        (ES, "Mostrar comentarios", "B002"),
        (ES, "Comentarios anteriores", "B002"),
        (ES, "Comentarios más recientes", "B002"),
        (ES, "Aún no hay comentarios", "B002"),
        (ES, "Tu comentario", "B002"),
        (ES, "Enviá tu comentario", "B002"),
        (ES, "Iniciar sesión para comentar", "B002"),
        (ES, "Haz clic aquí para cancelar la respuesta", "B002"),
        (ES, "Recibir un correo electrónico con los siguientes comentarios a esta entrada", "B002"),
        (ES, "Recibir un correo electrónico con cada nueva entrada", "B002"),
        (DE, "Bitte geben Sie Ihre E-Mail-Adresse ein", "B004"),
        (DE, "Bitte gib deine E-Mail-Adresse ein", "B004"),
        (DE, "Bereitgestellt von FeedBurner", "B004"),
        (DE, "Kostenloses Konto erstellen", "B004"),
        (DE, "Kostenlos anmelden", "B004"),
        (FR, "Entrez votre adresse e-mail", "B004"),
        (FR, "Saisissez votre adresse e-mail", "B004"),
        (FR, "Veuillez saisir votre adresse e-mail", "B004"),
        (FR, "Adresse email", "B004"),
        (FR, "Merci de votre inscription", "B004"),
        (FR, "Inscrivez-vous à notre liste de diffusion", "B004"),
        (FR, "S'abonner par email", "B004"),
        (FR, "Fourni par FeedBurner", "B004"),
        (ES, "Introduce tu correo electrónico", "B004"),
        (ES, "Ingresa tu correo electrónico", "B004"),
        (ES, "Ingrese su correo electrónico", "B004"),
        (ES, "Tu dirección de correo electrónico", "B004"),
        (ES, "Dirección de correo electrónico", "B004"),
        (ES, "Suscripción al boletín", "B004"),
        (ES, "Suscríbete a nuestra lista de correo", "B004"),
        (ES, "Gracias por suscribirse", "B004"),
        (ES, "Suscribirse por correo electrónico", "B004"),
        (ES, "Con la tecnología de FeedBurner", "B004"),
        (ES, "Crea una cuenta gratis", "B004"),
        (ES, "Crear una cuenta gratuita", "B004"),
        (DE, "Gefällt mir: Gefällt mir Wird geladen", "B005"),
        (DE, "Diesen Post per E-Mail versenden", "B005"),
        (DE, "Diesen Post per E-Mail versendenBlogThis!In Twitter freigebenIn Facebook freigeben", "B005"),
        (
            DE,
            "Diesen Post per E-Mail versendenBlogThis!In Twitter freigebenIn Facebook freigebenAuf Pinterest teilen",
            "B005",
        ),
        (DE, "Diesen Artikel drucken", "B005"),
        (FR, "Partager l'article", "B005"),
        (FR, "Partager cette page", "B005"),
        (FR, "J'aime chargement", "B005"),
        (FR, "Soyez le premier à aimer ceci", "B005"),
        (FR, "Envoyer par e-mailBlogThis!Partager sur TwitterPartager sur Facebook", "B005"),
        (
            FR,
            "Envoyer par e-mailBlogThis!Partager sur TwitterPartager sur FacebookPartager sur Pinterest",
            "B005",
        ),
        (ES, "Comparte esto", "B005"),
        (ES, "Compartir esto", "B005"),
        (ES, "Compartir esta entrada", "B005"),
        (ES, "Compartir artículo", "B005"),
        (ES, "Compartir esta página", "B005"),
        (ES, "Compartir por correo electrónico", "B005"),
        (ES, "Compartir vía email", "B005"),
        (ES, "Me gusta esto", "B005"),
        (ES, "Me gusta Cargando", "B005"),
        (ES, "Me gusta esto: Me gusta Cargando", "B005"),
        (ES, "Sé el primero en decir que te gusta", "B005"),
        (ES, "Imprimir este artículo", "B005"),
        (
            ES,
            "Enviar por correo electrónicoEscribe un blogCompartir con TwitterCompartir con Facebook",
            "B005",
        ),
        (
            ES,
            "Enviar por correo electrónicoEscribe un blogCompartir con TwitterCompartir con FacebookCompartir en Pinterest",
            "B005",
        ),
        (DE, "Neuerer Post Älterer Post Startseite", "B010"),
        (DE, "Neuerer Post Älterer Post", "B010"),
        (DE, "Suche nach", "B010"),
        (DE, "Suchen nach", "B010"),
        (DE, "Navigation umschalten", "B010"),
        (DE, "Zur Fußzeile springen", "B010"),
        (DE, "Zur Seitenleiste springen", "B010"),
        (DE, "Beitragsnavigation", "B010"),
        (DE, "Beitrags-Navigation", "B010"),
        (DE, "Feed der Einträge", "B010"),
        (DE, "Kommentare-Feed", "B010"),
        (DE, "Beitrags-Feed (RSS)", "B010"),
        (DE, "Kommentare als RSS", "B010"),
        (DE, "Mein Profil vollständig anzeigen", "B010"),
        (DE, "Benutzerdefinierte Suche", "B010"),
        (DE, "Über mich", "B010"),
        (DE, "Schlagwortwolke", "B010"),
        (FR, "Article plus récent Article plus ancien Accueil", "B010"),
        (FR, "Article plus récent", "B010"),
        (FR, "Article plus ancien", "B010"),
        (FR, "Retour en haut de page", "B010"),
        (FR, "Revenir en haut de la page", "B010"),
        (FR, "Haut de la page", "B010"),
        (FR, "Retour au blog", "B010"),
        (FR, "Aller à la navigation", "B010"),
        (FR, "Menu principal", "B010"),
        (FR, "Passer au contenu", "B010"),
        (FR, "Passer au contenu principal", "B010"),
        (FR, "Navigation des articles", "B010"),
        (FR, "Flux des publications", "B010"),
        (FR, "Flux des commentaires", "B010"),
        (FR, "RSS des articles", "B010"),
        (FR, "RSS des commentaires", "B010"),
        (FR, "Afficher mon profil complet", "B010"),
        (FR, "Recherche personnalisée", "B010"),
        (FR, "Nuage de mots-clés", "B010"),
        (ES, "Entrada más reciente Entrada antigua Página principal", "B010"),
        (ES, "Entrada más reciente Entrada antigua Inicio", "B010"),
        (ES, "Entrada más reciente", "B010"),
        (ES, "Volver a portada", "B010"),
        (ES, "Volver al blog", "B010"),
        (ES, "Saltar a contenido", "B010"),
        (ES, "Saltar al contenido principal", "B010"),
        (ES, "Ir al contenido principal", "B010"),
        (ES, "Alternar navegación", "B010"),
        (ES, "Desplegar navegación", "B010"),
        (ES, "Menú principal", "B010"),
        (ES, "Navegación de entradas", "B010"),
        (ES, "Feed de entradas", "B010"),
        (ES, "Feed de comentarios", "B010"),
        (ES, "RSS de las entradas", "B010"),
        (ES, "RSS de los comentarios", "B010"),
        (ES, "Ver todo mi perfil", "B010"),
        (ES, "Búsqueda personalizada", "B010"),
        (ES, "Nube de etiquetas", "B010"),
        (DE, "Seite per E-Mail versenden", "B025"),
        (DE, "Artikel per E-Mail senden", "B025"),
        (DE, "An einen Freund senden", "B025"),
        (DE, "Schriftgröße ändern", "B025"),
        (DE, "Später lesen", "B025"),
        (DE, "Bildergalerie ansehen", "B025"),
        (FR, "Imprimer cette page", "B025"),
        (FR, "Version à imprimer", "B025"),
        (FR, "Envoyer cette page", "B025"),
        (FR, "Envoyer à un(e) ami(e)", "B025"),
        (FR, "Taille de la police", "B025"),
        (FR, "Enregistrer l'article", "B025"),
        (FR, "Cliquez sur l'image pour l'agrandir", "B025"),
        (ES, "Imprimir página", "B025"),
        (ES, "Enviar artículo", "B025"),
        (ES, "Enviar este artículo", "B025"),
        (ES, "Enviar por correo electrónico", "B025"),
        (ES, "Enviar por mail", "B025"),
        (ES, "Tamaño del texto", "B025"),
        (ES, "Tamaño de la letra", "B025"),
        (ES, "Tamaño de fuente", "B025"),
        (ES, "Leer más tarde", "B025"),
        (ES, "Guardar para más tarde", "B025"),
        (ES, "Haz clic en la imagen para ampliarla", "B025"),
    ],
)
def test_the_line_is_reported_under_the_article(article: str, line: str, code: str) -> None:
    assert findings(f"{article}\n{line}\n") == [(code, 3)]


@pytest.mark.parametrize(
    ("article", "row"),
    [
        (DE, "Impressum | Über mich"),
        (DE, "Impressum | Kontaktieren Sie uns"),
        (DE, "Impressum | Datenschutzrichtlinie"),
        (DE, "Impressum | Allgemeine Geschäftsbedingungen"),
        (DE, "Impressum | Mein Konto"),
        (DE, "Impressum | Mein Profil"),
        (DE, "Impressum | Unser Team"),
        (DE, "Impressum | Leserbriefe"),
        (DE, "Impressum | Webversion anzeigen"),
        (FR, "Mentions légales | À propos de moi"),
        (FR, "Mentions légales | Déclaration de confidentialité"),
        (FR, "Mentions légales | Politique de cookies"),
        (FR, "Mentions légales | Conditions générales de vente"),
        (FR, "Mentions légales | Carrières"),
        (FR, "Mentions légales | Mon compte"),
        (FR, "Mentions légales | Mon profil"),
        (FR, "Mentions légales | Notre équipe"),
        (FR, "Mentions légales | Courrier des lecteurs"),
        (FR, "Mentions légales | Contacter la rédaction"),
        (FR, "Mentions légales | Version mobile"),
        (FR, "Mentions légales | Afficher la version Web"),
        (FR, "Mentions légales | Abonnements"),
        (ES, "Aviso legal | Sobre mí"),
        (ES, "Aviso legal | Aviso de privacidad"),
        (ES, "Aviso legal | Políticas de privacidad"),
        (ES, "Aviso legal | Avisos legales"),
        (ES, "Aviso legal | Configuración de cookies"),
        (ES, "Aviso legal | Términos de uso"),
        (ES, "Aviso legal | Mi cuenta"),
        (ES, "Aviso legal | Mi perfil"),
        (ES, "Aviso legal | Nuestro equipo"),
        (ES, "Aviso legal | Cartas al director"),
        (ES, "Aviso legal | Versión móvil"),
        (ES, "Aviso legal | Ver versión web"),
        (ES, "Aviso legal | Suscripciones"),
        (ES, "Aviso legal | Boletines"),
    ],
)
def test_the_name_makes_a_row_of_site_links(article: str, row: str) -> None:
    assert findings(f"{article}\n{row}\n") == [("B026", 3)]


@pytest.mark.parametrize(
    "text",
    [
        # the same words in the article's sentences
        f"{DE}\nDie Leser können unter dem Artikel einen Kommentar schreiben, sagte die Sprecherin am Montag.\n",
        f"{DE}\nSuche nach dem vermissten Wanderer im Harz nach drei Tagen eingestellt.\n",
        f"{DE}\nÜber mich selbst spreche ich nicht gern, sagte der Bürgermeister nach der Sitzung.\n",
        f"{DE}\nDie Kapitäne sollen später lesen können, wann die Schleuse wieder öffnet, hieß es.\n",
        f"{DE}\nDie Reederei will die Navigation umschalten, sobald das neue Radar am Kai steht.\n",
        f"{FR}\nLe maire a refusé de commenter, mais il publiera un nouveau commentaire sur le budget mardi.\n",
        f"{FR}\nLe menu principal du restaurant du port propose du poisson et des légumes du marché.\n",
        f"{FR}\nLe club est revenu en haut de la page des classements après sa victoire de dimanche.\n",
        f"{FR}\nLes habitants peuvent partager cette page du rapport avec leurs voisins, a dit le maire.\n",
        f"{ES}\nEl alcalde pidió a los vecinos que dejen un comentario en la web antes del viernes.\n",
        f"{ES}\nTu comentario sobre el muelle fue el más leído, dijo el alcalde a una vecina en la reunión.\n",
        f"{ES}\nEl menú principal del restaurante del puerto ofrece pescado fresco y verduras de temporada.\n",
        f"{ES}\nLos pescadores quieren volver a portada con su protesta, explicó el portavoz del gremio.\n",
        # a site-link name beside words no link names: a headline with a bar, not a row
        f"{FR}\nCarrières | Le port recrute deux cents dockers cette année\n",
        f"{ES}\nMi cuenta pendiente con el puerto | Opinión del alcalde\n",
    ],
)
def test_the_same_words_inside_an_article_are_left(text: str) -> None:
    assert findings(text) == []
