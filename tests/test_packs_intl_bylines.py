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

PT = Article(
    "Nova biblioteca municipal abre as portas depois de cinco anos de obras",
    (
        "O prefeito inaugurou no sábado a nova biblioteca municipal no prédio da antiga estação"
        " ferroviária. O espaço tem lugar para mais de cem mil livros, uma sala de leitura para crianças e"
        " um auditório, e os moradores do bairro esperavam a abertura havia cinco anos.",
        "A obra custou mais do que o previsto porque os operários encontraram fundações antigas debaixo"
        " das plataformas. O órgão do patrimônio histórico mandou preservá-las, e parte do piso do saguão"
        " agora é de vidro, para que os visitantes possam ver as paredes originais.",
        "A diretora da biblioteca diz que nos fins de semana o prédio ficará aberto até tarde da noite. Os"
        " bibliotecários querem promover encontros com escritores, oficinas para idosos e aulas para as"
        " escolas da região.",
        "Vereadores da oposição perguntam como a prefeitura vai pagar a manutenção de um prédio tão"
        " grande. Segundo a secretaria de cultura, parte dos custos será coberta pela venda de ingressos"
        " para concertos e pelo aluguel das salas para empresas.",
    ),
)
IT = Article(
    "La nuova biblioteca civica apre dopo cinque anni di lavori",
    (
        "Il sindaco ha inaugurato sabato la nuova biblioteca civica nell'edificio della vecchia stazione"
        " ferroviaria. All'interno c'è posto per più di centomila libri, una sala di lettura per i bambini"
        " e un auditorium, e gli abitanti del quartiere aspettavano l'apertura da cinque anni.",
        "I lavori sono costati più del previsto perché sotto i binari gli operai hanno trovato antiche"
        " fondamenta. La soprintendenza ha chiesto di conservarle, e ora una parte del pavimento"
        " dell'atrio è di vetro, così i visitatori possono vedere i vecchi muri.",
        "La direttrice della biblioteca spiega che nel fine settimana l'edificio resterà aperto fino a"
        " tarda sera. I bibliotecari vogliono organizzare incontri con gli scrittori, laboratori per gli"
        " anziani e lezioni per le scuole della provincia.",
        "I consiglieri dell'opposizione chiedono come il comune pagherà la gestione di un edificio così"
        " grande. Secondo l'assessore alla cultura, una parte delle spese sarà coperta dalla vendita dei"
        " biglietti per i concerti e dall'affitto delle sale alle aziende.",
    ),
)
NL = Article(
    "Nieuwe stadsbibliotheek opent na vijf jaar bouwen",
    (
        "De burgemeester heeft zaterdag de nieuwe stadsbibliotheek geopend in het gebouw van het oude"
        " station. Er is plaats voor meer dan honderdduizend boeken, een leeszaal voor kinderen en een"
        " concertzaal, en de bewoners van de wijk wachtten al vijf jaar op de opening.",
        "De bouw was duurder dan gepland, omdat de bouwvakkers onder de perrons oude funderingen vonden."
        " De monumentendienst wilde die bewaren, en daarom is een deel van de vloer in de hal van glas,"
        " zodat bezoekers de oude muren kunnen zien.",
        "De directeur van de bibliotheek zegt dat het gebouw in het weekend tot laat in de avond open"
        " blijft. De bibliothecarissen willen avonden met schrijvers organiseren, cursussen voor ouderen"
        " en lessen voor de scholen in de regio.",
        "Raadsleden van de oppositie vragen hoe de gemeente het onderhoud van zo'n groot gebouw gaat"
        " betalen. Volgens de wethouder wordt een deel van de kosten gedekt door de verkoop van"
        " kaartjes voor concerten en de verhuur van zalen aan bedrijven.",
    ),
)
JA = Article(
    "新しい市立図書館が開館、五年がかりの工事終える",
    (
        "市長は土曜日、旧駅舎を改装した新しい市立図書館の開館式に出席した。館内には十万冊以上の本を"
        "置ける書架のほか、子ども向けの閲覧室や音楽ホールがあり、地域の住民は五年前から開館を待っていた。",
        "工事の費用は当初の見込みを上回った。ホームの下から古い基礎が見つかり、文化財の担当者が保存を"
        "求めたためだ。玄関ホールの床の一部はガラス張りになり、来館者は昔の壁を見ることができる。",
        "館長によると、週末は夜遅くまで開館する予定だ。司書たちは作家を招いた講演会や高齢者向けの講座、"
        "地域の学校のための授業を計画している。",
        "一方、野党の市議からは、大きな建物の維持費をどう賄うのかという質問が出ている。市の担当者は、"
        "コンサートの入場料や会議室の貸し出しで費用の一部を賄うと説明した。",
    ),
)
ZH = Article(
    "新市立图书馆历时五年建成开放",
    (
        "市长星期六出席了新市立图书馆的开馆仪式。图书馆由老火车站改建而成，可以收藏十万多册图书，"
        "还设有儿童阅览室和音乐厅，附近居民已经等了五年。",
        "工程费用超出了预算，因为施工人员在站台下面发现了古老的地基。文物部门要求保留这些地基，"
        "所以门厅的一部分地面换成了玻璃，读者可以看到原来的墙壁。",
        "馆长说，周末图书馆将开放到深夜。馆员们计划举办作家讲座、老年人培训班，并为本地学校开设课程。",
        "一些市议员问，市政府将如何负担这样一座大型建筑的维护费用。市文化局表示，音乐会门票收入和"
        "会议室出租将承担一部分开支。",
    ),
)
AR = Article(
    "افتتاح المكتبة العامة الجديدة بعد خمس سنوات من العمل",
    (
        "افتتح رئيس البلدية يوم السبت المكتبة العامة الجديدة في مبنى محطة القطار القديمة. وتتسع المكتبة"
        " لأكثر من مئة ألف كتاب، وفيها قاعة مطالعة للأطفال وقاعة للحفلات، وكان سكان الحي ينتظرون"
        " افتتاحها منذ خمس سنوات.",
        "وارتفعت تكلفة المشروع عما كان مقررا لأن العمال عثروا تحت الأرصفة على أساسات قديمة. وطلبت"
        " هيئة الآثار الحفاظ عليها، لذلك صار جزء من أرضية البهو من الزجاج ليرى الزوار الجدران القديمة.",
        "وتقول مديرة المكتبة إن المبنى سيبقى مفتوحا حتى وقت متأخر من الليل في عطلة نهاية الأسبوع."
        " ويخطط أمناء المكتبة لتنظيم لقاءات مع الكتاب ودورات لكبار السن ودروس لمدارس المنطقة.",
        "ويسأل أعضاء المعارضة في المجلس البلدي كيف ستدفع البلدية تكاليف صيانة مبنى بهذا الحجم. وبحسب"
        " مسؤولي البلدية، ستغطي مبيعات تذاكر الحفلات وتأجير القاعات للشركات جزءا من النفقات.",
    ),
)

SV = Article(
    "Nya stadsbiblioteket öppnade efter fem års bygge",
    (
        "Kommunstyrelsens ordförande öppnade på lördagen det nya stadsbiblioteket i den gamla"
        " järnvägsstationen. Där finns plats för över hundra tusen böcker, en läsesal för barn och en"
        " konsertsal, och invånarna har väntat på öppningen i fem år.",
        "Bygget blev dyrare än planerat eftersom arbetarna hittade gamla grunder under perrongerna."
        " Antikvarien krävde att de skulle bevaras, och därför är en del av golvet i entrén av glas så"
        " att besökarna kan se de gamla murarna.",
        "Bibliotekschefen säger att huset ska ha öppet till sent på kvällen under helgerna."
        " Bibliotekarierna planerar samtal med författare, kurser för äldre och lektioner för skolorna"
        " i området.",
        "Oppositionen frågar hur kommunen ska klara driftskostnaderna för en så stor byggnad. Enligt"
        " förvaltningen ska konsertbiljetter och uthyrning av salarna till företag täcka en del av dem.",
    ),
)
ID = Article(
    "Perpustakaan kota yang baru dibuka setelah lima tahun pembangunan",
    (
        "Wali kota meresmikan perpustakaan kota yang baru di bekas gedung stasiun kereta pada hari Sabtu."
        " Gedung itu menampung lebih dari seratus ribu buku, ruang baca untuk anak-anak, dan aula konser,"
        " dan warga sudah menunggu pembukaannya selama lima tahun.",
        "Pembangunan memakan biaya lebih besar dari rencana karena para pekerja menemukan fondasi tua di"
        " bawah peron. Dinas cagar budaya meminta fondasi itu dipertahankan, sehingga sebagian lantai di"
        " lobi dibuat dari kaca agar pengunjung bisa melihat tembok lama.",
        "Kepala perpustakaan mengatakan gedung akan buka hingga larut malam pada akhir pekan. Para"
        " pustakawan berencana mengadakan diskusi dengan penulis, kelas untuk warga lanjut usia, dan"
        " pelajaran bagi sekolah-sekolah di sekitarnya.",
        "Anggota dewan dari oposisi mempertanyakan bagaimana pemerintah kota akan menanggung biaya"
        " operasional gedung sebesar itu. Menurut pejabat kota, penjualan tiket konser dan penyewaan"
        " ruangan kepada perusahaan akan menutup sebagian biaya.",
    ),
)
KO = Article(
    "새 시립도서관, 5년 공사 끝에 문 열어",
    (
        "시장은 토요일 옛 기차역 건물에 들어선 새 시립도서관을 개관했다. 도서관에는 10만 권이 넘는 책과"
        " 어린이 열람실, 공연장이 들어섰으며 주민들은 5년 동안 개관을 기다려 왔다.",
        "공사 도중 승강장 아래에서 옛 건물의 기초가 발견되면서 공사비가 예상보다 늘었다. 문화재 당국은"
        " 기초를 보존하라고 요구했고, 이 때문에 로비 바닥 일부는 유리로 덮여 방문객이 옛 담장을 볼 수 있다.",
        "도서관장은 주말에는 밤늦게까지 문을 열 것이라고 말했다. 사서들은 작가와의 대화, 어르신을 위한"
        " 강좌, 인근 학교를 위한 수업을 준비하고 있다.",
        "야당 시의원들은 시가 이렇게 큰 건물의 운영비를 어떻게 감당할지 묻고 있다. 시 관계자는 공연"
        " 입장권 판매와 기업 대관 수입으로 비용의 일부를 충당할 것이라고 설명했다.",
    ),
)
ARTICLES = {
    "pl": PL,
    "cs": CS,
    "tr": TR,
    "ru": RU,
    "uk": UK,
    "el": EL,
    "pt": PT,
    "it": IT,
    "nl": NL,
    "ja": JA,
    "zh": ZH,
    "ar": AR,
    "sv": SV,
    "id": ID,
    "ko": KO,
}


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


# ------------------------------------------------------------------------- B020 copyright lines

#: Per language: the footer's copyright lines as the sites print them (each reported), and
#: sentences of a story holding the same words (none reported; session 45's patterns took the
#: words anywhere on a line and reported these).
NOTICES = {
    "pt": (
        [
            "Todos os direitos reservados.",
            "© 2022 Editora 247 - Todos os Direitos Reservados",
            "Copyright Folha de S.Paulo. Todos os direitos reservados. É proibida a reprodução do conteúdo"
            " desta página em qualquer meio de comunicação, eletrônico ou impresso, sem autorização escrita"
            " da Folhapress.",
            "Todos os direitos reservados. As notícias veiculadas nos blogs, colunas ou artigos são de inteira"
            " responsabilidade dos autores. Campo Grande News © 2020.",
        ],
        [
            "O advogado da editora afirmou que todos os direitos reservados aos autores foram respeitados no novo contrato."
        ],
    ),
    "it": (
        [
            "© 2024 Corriere della Sera. Tutti i diritti riservati.",
            "RCS MediaGroup S.p.A. - Tutti i diritti riservati | P.IVA 12086540155",
            "Tutti i diritti riservati",
            "Tutti i diritti riservati © Il Post",
        ],
        [
            "Il giornalista ha detto che tutti i diritti riservati agli autori sono stati violati dalla casa editrice."
        ],
    ),
    "pl": (
        [
            "© 2020 Gazeta Wyborcza. Wszelkie prawa zastrzeżone.",
            "Materiał chroniony prawem autorskim - wszelkie prawa zastrzeżone. Dalsze rozpowszechnianie"
            " artykułu za zgodą wydawcy INFOR Biznes.",
            "Korzystanie z portalu oznacza akceptację Regulaminu. Copyright by INTERIA.PL 1999-2021."
            " Wszystkie prawa zastrzeżone.",
            "Wszelkie prawa zastrzeżone",
            "Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.",
        ],
        ["Prawnik wydawnictwa dodał, że wszelkie prawa zastrzeżone w umowie z autorami obowiązują nadal."],
    ),
    "nl": (
        [
            "© 2024 DPG Media B.V. - alle rechten voorbehouden",
            "Alle rechten voorbehouden",
            "Copyright © 2023 NRC Media. Alle rechten voorbehouden.",
        ],
        [
            "De advocaat van de uitgeverij zei dat alle rechten voorbehouden blijven aan de makers van de serie."
        ],
    ),
    "cs": (
        [
            "© 2024 Economia, a.s. Všechna práva vyhrazena.",
            "Všechna práva vyhrazena",
            "MAFRA, a.s. | Všechna práva vyhrazena. Publikování nebo šíření obsahu je zakázáno bez předchozího"
            " souhlasu.",
        ],
        [
            "Advokát nakladatelství uvedl, že všechna práva vyhrazena autorům zůstávají v platnosti i po prodeji."
        ],
    ),
    "ru": (
        [
            "Copyright © 2019 Газета.Ru. Все права защищены.",
            "Все права защищены.",
            "ООО «Газета.Ру», 2024. Все права защищены. При цитировании ссылка обязательна.",
            "Все права защищены и охраняются законом.",
        ],
        ["Юрист издательства пояснил, что все права защищены законом и авторы могут обратиться в суд."],
    ),
    "uk": (
        [
            "© 2024 Українська правда. Усі права захищені.",
            "Всі права захищені",
            "Усі права захищені. Використання матеріалів дозволяється за умови посилання на сайт.",
        ],
        ["Адвокат видавництва сказав, що усі права захищені законом і автори можуть звернутися до суду."],
    ),
    "ja": (
        [
            "無断転載を禁じます。",
            "記事・写真の無断転載を禁じます",
            "当サイトの記事・写真の無断転載を禁止します。著作権は産経新聞社に帰属します。",
            "無断転載禁止",
            "Copyright (C) 2017 ASAHI INTERACTIVE, Inc. All rights reserved. No reproduction or republication"
            " without written permission. 無断転載を禁じます。",
            "無断複製・転載を禁じます",
        ],
        [
            "同社は記事の無断転載を禁止しているが、違反は後を絶たないという。",
            "サイトには「無断転載を禁じます」と書かれていた。",
        ],
    ),
    "zh": (
        [
            "版权所有 © 新华网",
            "Copyright © 2015 人民网 版权所有",
            "光明网版权所有",
            "腾讯公司 版权所有",
            "新华网版权所有 京ICP证010042号",
            "共青团中央主办 共青团中央网络影视中心承办 版权所有：中国青年网",
            "版权所有，侵权必究",
            "主办：中国青年报社 版权所有：中青网",
            "版權所有 © 聯合新聞網",
        ],
        [
            "记者了解到，该作品的版权所有者已经向法院提起诉讼。",
            "专家表示，版权所有人有权要求网站删除侵权内容。",
        ],
    ),
    "ar": (
        [
            "جميع الحقوق محفوظة © 2024 الجزيرة",
            "© 2024 الجزيرة. جميع الحقوق محفوظة",
            "جميع الحقوق محفوظة لموقع الجزيرة نت",
            "جميع الحقوق محفوظة",
            # the sign inside the phrase, what follows the name the notice's too
            'جميع الحقوق © محفوظة لـ "دار الصباح" - و يحظر نشر أو توزيع أو طبع أي مادة دون إذن مسبق',
        ],
        ["وقال محامي دار النشر إن جميع الحقوق محفوظة للمؤلفين وفق القانون الجديد."],
    ),
    "tr": (
        [
            "© 2024 Hürriyet. Tüm hakları saklıdır.",
            "Tüm hakları saklıdır",
            "TÜM HAKLARI SAKLIDIR",
            "Kaynak: AA",
            "Kaynak: İHA",
        ],
        ["Yayınevinin avukatı, tüm hakları saklıdır ibaresinin sözleşmede yer aldığını söyledi."],
    ),
    "sv": (
        [
            "© 2024 Dagens Nyheter. Alla rättigheter förbehållna.",
            "Alla rättigheter förbehållna",
            "Källa: TT",
        ],
        ["Förlagets advokat sa att alla rättigheter förbehållna författarna fortfarande gäller."],
    ),
    "id": (
        [
            "Hak cipta dilindungi undang-undang.",
            "© 2024 Kompas.com. Hak cipta dilindungi undang-undang.",
            "Hak Cipta © 2024 Antara",
            "Sumber: Antara",
        ],
        ["Pengacara penerbit mengatakan hak cipta dilindungi undang-undang dan penulis dapat menggugat."],
    ),
    "ko": (
        [
            "<저작권자 © 연합뉴스 무단 전재-재배포, AI 학습 및 활용 금지>",
            "<저작권자 ⓒ 뉴스1코리아, 무단전재 및 재배포 금지>",
            "무단 전재 및 재배포 금지",
        ],
        [
            "신문사는 기사 무단 전재 및 재배포 금지 원칙을 지키지 않은 업체에 소송을 냈다.",
            "CEO는 무단 복제를 막기 위한 새 기술을 소개했다.",
        ],
    ),
}


@pytest.mark.parametrize("lang", sorted(NOTICES))
def test_each_copyright_line_of_a_footer_is_reported(lang: str) -> None:
    """The footer's lines under the article, each on a line of its own: B020 on each (the
    headline is line 1, the article's paragraphs lines 3, 5, 7, 9)."""
    notices = NOTICES[lang][0]
    expected = [("B020", 11 + 2 * i) for i in range(len(notices))]
    assert findings(page(ARTICLES[lang], bottom=tuple(notices))) == expected


@pytest.mark.parametrize("lang", sorted(NOTICES))
def test_the_words_in_a_sentence_of_the_story_are_left_alone(lang: str) -> None:
    """A paragraph of the article that says the words ("… that all rights reserved to the authors
    were violated") is no copyright line: no finding on the page."""
    article = ARTICLES[lang]
    paragraphs = (*article.paragraphs[:2], *NOTICES[lang][1], *article.paragraphs[2:])
    assert findings(page(article._replace(paragraphs=paragraphs))) == []


def test_a_chinese_blogs_heading_closed_by_its_notice_in_brackets() -> None:
    """A Taiwanese blog's heading ends with its notice in brackets (19 copies in the 20 MB crawl):
    reported; the same words in brackets inside a sentence are not."""
    heading = "## 這是我們的共同天地 喜歡碧海藍天，喜歡悠閒生活。 FB 史蒂文的家  ( 創作圖文版權所有 未經授權同意均屬違反著作權法 盜用必究) "
    assert findings(page(ZH, (heading,))) == [("B020", 3)]
    sentence = "该书（版权所有 翻印必究）定价五十元，首印一万册，很快就卖完了。"
    paragraphs = (*ZH.paragraphs[:2], sentence, *ZH.paragraphs[2:])
    assert findings(page(ZH._replace(paragraphs=paragraphs))) == []
