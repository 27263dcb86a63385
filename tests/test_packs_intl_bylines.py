"""Session 46: B007 (empty byline) in Polish, Czech, Turkish, Russian, Ukrainian and Greek, whose
names start with capitals beyond Latin-1 ("Łukasz Żak", "Šárka Čermáková", "Şükrü Öztürk", "Иван
Петров", "Γιώργος Νικολάου"); B020 (copyright notice) in Portuguese, Italian, Polish, Dutch, Czech,
Russian, Ukrainian, Japanese, Chinese and Arabic in English's shape: the notice alone on its line,
after what names the holder, or opening the footer's line, never a sentence of the story that
holds the words. Each page is a news article in its language with the byline over it or the
footer's lines under it; the findings are the whole page's, every rule's."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter


class Article(NamedTuple):
    headline: str
    paragraphs: tuple[str, ...]


PL = Article(
    "Nowa biblioteka miejska otwarta po pięciu latach budowy",
    (
        "Prezydent miasta otworzył w sobotę nową bibliotekę w dawnym budynku dworca kolejowego. W środku"
        " znalazło się miejsce na ponad sto tysięcy książek, czytelnię dla dzieci i salę koncertową, a"
        " mieszkańcy czekali na otwarcie od pięciu lat.",
        "Budowa kosztowała więcej, niż zakładano, bo w trakcie prac odkryto pod peronami zabytkowe"
        " fundamenty. Konserwator zabytków nakazał je zachować, dlatego część podłogi w holu jest"
        " przeszklona i można przez nią oglądać stare mury.",
        "Dyrektorka biblioteki zapowiada, że w weekendy placówka będzie czynna do późnego wieczora."
        " Bibliotekarze chcą organizować spotkania z pisarzami, warsztaty dla seniorów i lekcje dla szkół"
        " z całego regionu.",
        "Radni opozycji pytają jednak, skąd miasto weźmie pieniądze na utrzymanie tak dużego budynku."
        " Według urzędników koszty pokryje w części sprzedaż biletów na koncerty i wynajem sal"
        " konferencyjnych firmom z okolicy.",
    ),
)
CS = Article(
    "Nová městská knihovna se otevřela po pěti letech stavby",
    (
        "Primátor v sobotu slavnostně otevřel novou knihovnu v bývalé budově nádraží. Uvnitř je místo pro"
        " více než sto tisíc knih, čítárna pro děti a koncertní sál, na jejichž otevření obyvatelé čekali"
        " celých pět let.",
        "Stavba stála víc, než se plánovalo, protože dělníci pod nástupišti objevili historické základy."
        " Památkáři nařídili, aby se zachovaly, a proto je část podlahy ve vstupní hale prosklená a lidé"
        " se mohou dívat na staré zdi.",
        "Ředitelka knihovny slibuje, že o víkendech bude otevřeno až do pozdního večera. Knihovníci chtějí"
        " pořádat besedy se spisovateli, kurzy pro seniory a výukové programy pro školy z celého kraje.",
        "Opoziční zastupitelé se ale ptají, kde město vezme peníze na provoz tak velké budovy. Podle"
        " úředníků pomůže prodej vstupenek na koncerty a pronájem sálů firmám z okolí.",
    ),
)
TR = Article(
    "Yeni şehir kütüphanesi beş yıllık inşaatın ardından açıldı",
    (
        "Belediye başkanı cumartesi günü eski tren garı binasında yeni şehir kütüphanesini açtı. Binada"
        " yüz binden fazla kitap, çocuklar için bir okuma salonu ve bir konser salonu bulunuyor;"
        " mahalle sakinleri açılışı beş yıldır bekliyordu.",
        "İnşaat planlanandan pahalıya mal oldu, çünkü işçiler peronların altında tarihi temeller buldu."
        " Koruma kurulu temellerin korunmasını istedi, bu yüzden giriş holündeki zeminin bir kısmı camla"
        " kaplandı ve ziyaretçiler eski duvarları görebiliyor.",
        "Kütüphane müdürü hafta sonları binanın gece geç saatlere kadar açık kalacağını söyledi."
        " Kütüphaneciler yazarlarla söyleşiler, yaşlılar için atölyeler ve bölgedeki okullar için dersler"
        " düzenlemeyi planlıyor.",
        "Muhalefet meclis üyeleri ise belediyenin bu kadar büyük bir binanın giderlerini nasıl"
        " karşılayacağını soruyor. Yetkililere göre konser biletleri ve salonların şirketlere kiralanması"
        " masrafların bir kısmını karşılayacak.",
    ),
)
RU = Article(
    "Новая городская библиотека открылась после пяти лет строительства",
    (
        "Мэр города в субботу открыл новую библиотеку в здании бывшего железнодорожного вокзала. В ней"
        " поместились более ста тысяч книг, детский читальный зал и концертный зал, а жители района ждали"
        " открытия пять лет.",
        "Строительство обошлось дороже, чем планировалось: под платформами рабочие нашли старинный"
        " фундамент. Охрана памятников потребовала его сохранить, поэтому часть пола в холле сделали"
        " стеклянной, и посетители могут рассмотреть старые стены.",
        "Директор библиотеки обещает, что по выходным она будет работать до позднего вечера."
        " Библиотекари собираются проводить встречи с писателями, занятия для пенсионеров и уроки для"
        " школьников со всей области.",
        "Депутаты от оппозиции спрашивают, откуда город возьмёт деньги на содержание такого большого"
        " здания. По словам чиновников, часть расходов покроют продажа билетов на концерты и аренда залов.",
    ),
)
UK = Article(
    "Нова міська бібліотека відкрилася після п'яти років будівництва",
    (
        "Мер міста в суботу відкрив нову бібліотеку в будівлі колишнього залізничного вокзалу. У ній"
        " вмістилося понад сто тисяч книжок, дитяча читальня і концертна зала, а мешканці району чекали на"
        " відкриття п'ять років.",
        "Будівництво коштувало дорожче, ніж планували, бо під платформами робітники знайшли старовинний"
        " фундамент. Пам'яткоохоронці вимагали його зберегти, тому частину підлоги в холі зробили скляною,"
        " і відвідувачі можуть роздивитися старі мури.",
        "Директорка бібліотеки обіцяє, що у вихідні вона працюватиме до пізнього вечора. Бібліотекарі"
        " хочуть проводити зустрічі з письменниками, заняття для пенсіонерів і уроки для школярів з усієї"
        " області.",
        "Депутати від опозиції питають, звідки місто візьме гроші на утримання такої великої будівлі. За"
        " словами посадовців, частину витрат покриють продаж квитків на концерти та оренда залів.",
    ),
)
EL = Article(
    "Άνοιξε η νέα δημοτική βιβλιοθήκη μετά από πέντε χρόνια εργασιών",
    (
        "Ο δήμαρχος εγκαινίασε το Σάββατο τη νέα δημοτική βιβλιοθήκη στο παλιό κτίριο του σιδηροδρομικού"
        " σταθμού. Μέσα υπάρχει χώρος για περισσότερα από εκατό χιλιάδες βιβλία, αναγνωστήριο για παιδιά"
        " και αίθουσα συναυλιών, και οι κάτοικοι περίμεναν τα εγκαίνια πέντε χρόνια.",
        "Η κατασκευή κόστισε περισσότερο από ό,τι είχε προβλεφθεί, επειδή οι εργάτες βρήκαν κάτω από τις"
        " αποβάθρες παλιά θεμέλια. Η αρχαιολογική υπηρεσία ζήτησε να διατηρηθούν, γι' αυτό ένα μέρος του"
        " δαπέδου στην είσοδο είναι γυάλινο και οι επισκέπτες βλέπουν τους παλιούς τοίχους.",
        "Η διευθύντρια της βιβλιοθήκης λέει ότι τα Σαββατοκύριακα θα μένει ανοιχτή μέχρι αργά το βράδυ."
        " Οι βιβλιοθηκονόμοι σχεδιάζουν συναντήσεις με συγγραφείς, εργαστήρια για ηλικιωμένους και"
        " μαθήματα για τα σχολεία της περιοχής.",
        "Οι δημοτικοί σύμβουλοι της αντιπολίτευσης ρωτούν πώς θα πληρώνει ο δήμος τη λειτουργία ενός τόσο"
        " μεγάλου κτιρίου. Σύμφωνα με τους υπαλλήλους, μέρος των εξόδων θα καλυφθεί από τα εισιτήρια των"
        " συναυλιών και την ενοικίαση των αιθουσών.",
    ),
)

ARTICLES = {"pl": PL, "cs": CS, "tr": TR, "ru": RU, "uk": UK, "el": EL}


def page(article: Article, top: tuple[str, ...] = (), bottom: tuple[str, ...] = ()) -> str:
    """The page as an extractor keeps it: the headline, the lines over the article (a byline and
    the name under it), the article, the lines under it (the footer), a blank line between each."""
    return "\n\n".join([article.headline, *top, *article.paragraphs, *bottom]) + "\n"


def findings(text: str) -> list[tuple[str, int]]:
    diags = Linter(Settings()).lint(Document("page.txt", text)).diagnostics
    return [(d.code, d.line) for d in diags]


# ------------------------------------------------------------------------------ B007 bylines

#: Per language: the byline words of B007's table (alone on their line, as a byline bar's text
#: leaves them when the name was a link the extractor dropped) and names in that language's
#: script under a byline ("NAME", "NAME and NAME", a site's name as the author).
BYLINES = {
    "pl": (
        [
            "Autor:",
            "Autorka:",
            "Autor tekstu",
            "Napisał",
            "Napisała",
            "Napisane przez",
            "Opublikowane przez",
            "Dodane przez",
            "Oprac.",
            "Tekst i zdjęcia",
        ],
        ["Łukasz Żak", "Małgorzata Śliwińska i Żaneta Łęcka", "Zespół wPolityce.pl"],
    ),
    "cs": (
        ["Autor:", "Autorka:", "Napsal", "Napsala", "Publikoval", "Publikovala", "Text a foto"],
        ["Šárka Čermáková", "Jiří Říha a Ondřej Šťastný"],
    ),
    "tr": (
        ["Yazar:", "Yazan:", "Yayınlayan"],
        ["Şükrü Öztürk", "İsmail Çağlar ve Ayşe Güneş"],
    ),
    "ru": (
        [
            "Автор:",
            "Автор материала:",
            "Автор текста",
            "Автор статьи",
            "Автор публикации",
            "Текст и фото",
            "Подготовил",
            "Подготовила",
        ],
        ["Иван Петров", "Алёна Щукина и Юрий Эйдельман", "Ёлка Фёдорова"],
    ),
    "uk": (
        [
            "Автор:",
            "Авторка:",
            "Автор матеріалу",
            "Автор тексту",
            "Автор статті",
            "Текст і фото",
            "Підготував",
            "Підготувала",
        ],
        ["Ігор Ґудзь", "Євгенія Їжакевич та Олена Шевчук"],
    ),
    "el": (
        ["Συντάκτης:", "Συντάκτρια", "Γράφει:"],
        ["Γιώργος Νικολάου", "Άννα Παπαδοπούλου και Ελένη Ζαχαρίου"],
    ),
}

BYLINE_CASES = [(lang, word) for lang, (words, _) in BYLINES.items() for word in words]


@pytest.mark.parametrize(("lang", "word"), BYLINE_CASES)
def test_a_byline_with_no_name_is_reported(lang: str, word: str) -> None:
    """The byline alone over the article: its first paragraph is no name (line 3, under the
    headline)."""
    assert findings(page(ARTICLES[lang], (word,))) == [("B007", 3)]


@pytest.mark.parametrize(("lang", "word"), BYLINE_CASES)
def test_a_byline_over_a_name_in_its_script_is_left_alone(lang: str, word: str) -> None:
    """The name under the byline starts with a capital beyond Latin-1 ("Ł", "Š", "Ş", "И", "Γ"):
    a name, the byline is not empty."""
    for name in BYLINES[lang][1]:
        assert findings(page(ARTICLES[lang], (word, name))) == [], name


@pytest.mark.parametrize("lang", sorted(BYLINES))
def test_a_lower_case_line_under_a_byline_in_that_script_is_no_name(lang: str) -> None:
    """The capital test reads the first letter of a word: the same names in lower case under the
    byline are no name, and it is reported."""
    word = BYLINES[lang][0][0]
    for name in BYLINES[lang][1][:2]:
        assert findings(page(ARTICLES[lang], (word, name.lower()))) == [("B007", 3)], name


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "pl",
            "Autor projektu, architekt z Gdańska, napisał w liście do radnych, że budynek przetrwa sto lat.",
        ),
        ("cs", "Autor projektu, architekt z Brna, napsal zastupitelům, že budova vydrží sto let."),
        ("tr", "Yazar ve mimar olan proje sahibi, binanın yüz yıl dayanacağını yazdı."),
        ("ru", "Автор проекта, архитектор из Казани, подготовил для депутатов письмо о сроках работ."),
        ("uk", "Автор проєкту, архітектор зі Львова, підготував для депутатів лист про терміни робіт."),
        ("el", "Ο συντάκτης της μελέτης γράφει ότι το κτίριο θα αντέξει εκατό χρόνια."),
    ],
)
def test_the_byline_words_in_a_sentence_are_left_alone(lang: str, sentence: str) -> None:
    article = ARTICLES[lang]
    paragraphs = (*article.paragraphs[:2], sentence, *article.paragraphs[2:])
    assert findings(page(article._replace(paragraphs=paragraphs))) == []


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_the_articles_alone_have_no_finding(lang: str) -> None:
    assert findings(page(ARTICLES[lang])) == []
