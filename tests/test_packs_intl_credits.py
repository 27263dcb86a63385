"""Photo credits (B021) and lone datelines (B027) in Czech, Turkish, Swedish, Indonesian and Korean
(session 47), and the precision of the German, Spanish and French credit tables.

A page is a headline and paragraphs of a story, with the credits of its pictures under the
paragraphs (where the picture was) and its datelines after the last one, each on a line of its
own. Neither rule is in the default selection: the page is checked with them selected, and every
finding of every rule is asserted. Prose opening with the same words ("Foto ukazuje …", "Fotoğraf
sergisi …", "사진은 …", "Publicerad 2021 väckte …"), and the clean article alone, give no finding; a
dateline above the first paragraph is the article's own. In German, Spanish and French a video's
teaser ("Video: TITLE") and a gallery's title ("Bilder: TITLE", "FOTOS: TITLE") are no credit, as in
English, and neither are a story's "Berlin/dpa" nor a writer's "Von: det/dpa"."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from page_findings import findings as page_findings
from page_findings import reported, text_of, with_sentences

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import load_packs, pack_languages

RULES = ("B021", "B027")


class Page(NamedTuple):
    headline: str
    paragraphs: tuple[str, ...]
    credits: tuple[str, ...]  # B021: one under each paragraph, in turn
    datelines: tuple[str, ...]  # B027: after the last paragraph
    sentences: tuple[str, ...]  # prose opening with the same words as the lines above


CS = Page(
    "Brno prodlouží tramvajovou trať do nové čtvrti u nemocnice",
    (
        "Brněnští radní ve čtvrtek schválili prodloužení tramvajové trati z Bohunic do nově budované čtvrti"
        " u nemocnice. Stavba za necelých osm set milionů korun má začít příští jaro a první tramvaje by po"
        " nových kolejích měly vyjet na konci roku 2026.",
        "Obyvatelé sídliště na prodloužení čekají přes deset let. Autobusy, které dnes čtvrť obsluhují, jsou"
        " ve špičce přeplněné a cesta do centra jim trvá téměř čtyřicet minut, tedy dvakrát déle než"
        " tramvají.",
        "Dopravní podnik zároveň slibuje, že během stavby zavede náhradní autobusovou linku s intervalem"
        " deset minut. Podle mluvčí podniku se práce rozdělí do tří etap, aby nebyla celá oblast uzavřena"
        " najednou.",
        "Opoziční zastupitelé stavbu v zásadě podporují, kritizují ale, že město dosud nezveřejnilo studii"
        " dopadů na zeleň. Radnice tvrdí, že kvůli trati bude pokáceno jen několik stromů a za každý vysadí"
        " tři nové.",
    ),
    ("Foto: Jan Novák, ČTK", "Ilustrační foto", "Vít Šimánek/ČTK", "Zdroj fotografie: Profimedia"),
    ("Publikováno: 12. března 2025, 9:10", "Aktualizováno 12. 3. 2025 14:35"),
    (
        "Foto ukazuje, jak bude nová zastávka u nemocnice vypadat po dokončení stavby.",
        "Ilustrační foto ve studii ukazuje tramvaj projíždějící parkem mezi domy.",
        "Publikováno 12. března bylo rozhodnutí rady i s podrobným rozpočtem celé stavby.",
        "Aktualizováno bylo také hodnocení dopadů stavby na hluk v okolí trati.",
    ),
)

TR = Page(
    "Ankara'da yeni metro hattı için ihale tarihi açıklandı",
    (
        "Ankara Büyükşehir Belediyesi, Dikimevi ile Natoyolu arasında yapılacak yeni metro hattının"
        " ihalesinin önümüzdeki ay yapılacağını duyurdu. On bir istasyondan oluşacak hattın dört yıl içinde"
        " tamamlanması ve günde yaklaşık iki yüz bin yolcu taşıması bekleniyor.",
        "Hattın geçeceği mahallelerde yaşayanlar projeyi uzun süredir bekliyor. Şu anda bu bölgelerden şehir"
        " merkezine ulaşmak için iki ayrı otobüse binmek gerekiyor ve yoğun saatlerde yolculuk bir saati"
        " buluyor.",
        "Belediye yetkilileri, inşaat sırasında trafiğin aksamaması için çalışmaların büyük bölümünün tünel"
        " açma makineleriyle yer altında yürütüleceğini söyledi. Yüzeyde yalnızca istasyon girişlerinin"
        " yapılacağı alanlar kapatılacak.",
        "Muhalefet partilerinin meclis üyeleri ise projenin maliyetinin henüz kamuoyuyla paylaşılmadığını"
        " belirterek ihale şartnamesinin açıklanmasını istedi. Belediye, şartnamenin ihale ilanıyla"
        " birlikte yayımlanacağını açıkladı.",
    ),
    (
        "Fotoğraf: AA",
        "Mehmet Kaya/İHA",
        "Kapak fotoğrafı: Ankara Büyükşehir Belediyesi",
        "Görsel: Shutterstock",
    ),
    (
        "Yayınlanma: 12.03.2025 - 09:10",
        "Güncelleme: 12 Mart 2025 Çarşamba 14:35",
        "GİRİŞ TARİHİ: 12.03.2025 09:10",
    ),
    (
        "Fotoğraf sergisi, metro hattının tarihini anlatan eski belgelerle birlikte belediye binasında açılacak.",
        "Güncelleme 2024 yılında yapılan ulaşım planının ardından geldi ve güzergah iki istasyon uzatıldı.",
        "Yayınlanma tarihi henüz belli olmayan şartname, meclis üyeleri arasında tartışma konusu oldu.",
    ),
)

SV = Page(
    "Uppsala bygger ny spårväg till Ultuna",
    (
        "Uppsala kommun har beslutat att bygga en ny spårväg mellan centralstationen och Ultuna. Den första"
        " etappen ska stå klar 2029 och enligt kommunen kommer spårvagnarna att gå var femte minut under"
        " rusningstid.",
        "Många boende i de södra stadsdelarna har länge klagat på trängseln i bussarna. I dag tar resan till"
        " centrum ofta över en halvtimme, och under vintern blir förseningarna ännu längre när vägarna är"
        " hala.",
        "Kostnaden beräknas till drygt sju miljarder kronor, varav staten står för ungefär hälften."
        " Oppositionen i kommunfullmäktige vill att projektet utreds vidare innan några avtal skrivs med"
        " byggföretagen.",
    ),
    ("Foto: Anna Svensson / TT", "Fredrik Sandberg/TT", "Bild: Uppsala kommun"),
    # one line (DN's): two Swedish datelines on lines of their own, one under the other, are a comment's
    # header to B011/B012 (its stamps read "kl."), and the one alone is tested below
    ("Publicerad 2025-03-12 09:10 · Uppdaterad 2025-03-12 14:35",),
    (
        "Foto och film från spårvägsbygget i Lund visades för politikerna vid mötet i går.",
        "Bild på den planerade hållplatsen vid Ultuna presenterades av kommunens trafikplanerare.",
        "Publicerad 2021 väckte den första utredningen stor debatt bland de boende i Sunnersta.",
    ),
)

ID = Page(
    "Bandung siapkan bus listrik untuk rute Dago",
    (
        "Pemerintah Kota Bandung akan mengoperasikan sepuluh bus listrik di rute Dago hingga Alun-alun mulai"
        " bulan depan. Bus berkapasitas empat puluh penumpang itu akan melintas setiap lima belas menit dari"
        " pagi hingga malam hari.",
        "Warga yang tinggal di kawasan utara kota menyambut baik rencana tersebut. Selama ini mereka"
        " mengandalkan angkutan kota yang sering berhenti lama untuk menunggu penumpang sehingga perjalanan ke"
        " pusat kota memakan waktu hampir satu jam.",
        "Menurut dinas perhubungan, pengadaan bus dan pembangunan stasiun pengisian daya menelan biaya"
        " sekitar delapan puluh miliar rupiah. Pemerintah kota juga berencana menambah rute baru ke kawasan"
        " timur pada tahun berikutnya.",
    ),
    (
        "Foto: ANTARA/Raisan Al Farisi",
        "(ANTARA FOTO/Raisan Al Farisi)",
        "Dedhez Anggara / Antara",
        "Foto: Istimewa",
    ),
    ("Diterbitkan pada: Rabu, 12 Maret 2025 | 09:10 WIB", "Diperbarui 12/03/2025, 14:35 WIB"),
    (
        "Foto bersama wali kota dan para sopir angkutan kota dilakukan setelah uji coba bus pertama.",
        "Diperbarui pada tahun lalu, rencana induk transportasi kota kini memasukkan jalur bus listrik.",
        "Diterbitkan pada 2019, kajian itu sudah menyebut rute Dago sebagai rute yang paling padat.",
    ),
)

KO = Page(
    "대구 도심에 전기 버스 노선 새로 생긴다",
    (
        "대구시는 다음 달부터 동대구역과 서문시장을 잇는 새 전기 버스 노선을 운행한다고 12일 밝혔다. 새 노선에는 전기"
        " 버스 열다섯 대가 투입되며 출퇴근 시간에는 약 8분 간격으로 운행될 예정이다.",
        "그동안 이 구간을 오가는 시민들은 버스를 두 번 갈아타야 해서 불편을 호소해 왔다. 시는 새 노선이 생기면 이동"
        " 시간이 지금보다 15분가량 줄어들 것으로 내다봤다.",
        "시는 노선 운영에 필요한 충전소 세 곳을 차고지에 설치했으며 연말까지 두 곳을 더 짓기로 했다. 시 관계자는"
        " 이용객 반응을 살펴 내년에는 노선을 더 늘리겠다고 말했다.",
    ),
    ("사진 = 연합뉴스", "[사진 제공=대구시]", "[연합뉴스 자료사진]", "[대구시 제공. 재판매 및 DB 금지]"),
    (
        "입력 2025.03.12 09:10",
        "기사입력 2025.03.12. 오후 2:35 | 수정 2025.03.12. 오후 3:10",
        "2025-03-12 14:35 송고",
    ),
    (
        "사진은 시민들이 새 전기 버스에 오르는 모습을 담았으며 시청 누리집에 공개됐다.",
        "입력 방식이 바뀐 교통카드 단말기는 노선의 모든 버스에 설치됐다.",
        "수정 계획은 다음 달 시의회에 보고될 예정이다.",
    ),
)

PAGES = {"cs": CS, "tr": TR, "sv": SV, "id": ID, "ko": KO}


def page_lines(page: Page, chrome: bool = True, top: str | None = None) -> list[tuple[str, str | None]]:
    """The page as an extractor keeps it, each line with the rule that reports it: the headline (and
    `top` under it), the paragraphs with a credit under each in turn, the datelines after them."""
    lines: list[tuple[str, str | None]] = [(page.headline, None), *([(top, None)] if top else [])]
    credits = list(page.credits) if chrome else []
    for n, paragraph in enumerate(page.paragraphs):
        lines.append((paragraph, None))
        # the last paragraph takes the credits left over
        take = credits if n == len(page.paragraphs) - 1 else credits[:1]
        lines.extend((credit, "B021") for credit in take)
        credits = credits[len(take) :]
    if chrome:
        lines.extend((dateline, "B027") for dateline in page.datelines)
    return lines


def findings(text: str) -> list[tuple[str, str]]:
    """Every finding (the default rules too) as (code, the line it reports)."""
    return page_findings(text, Settings(extend_select=list(RULES)))


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_credits_and_datelines_are_reported(lang: str) -> None:
    lines = page_lines(PAGES[lang])
    assert findings(text_of(lines)) == reported(lines)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_clean_article_and_prose_opening_with_the_same_words_are_left_alone(lang: str) -> None:
    page = PAGES[lang]
    assert findings(text_of(page_lines(page, chrome=False))) == []
    assert findings(text_of(page_lines(with_sentences(page), chrome=False))) == []


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_dateline_above_the_first_paragraph_is_the_articles_own(lang: str) -> None:
    page = PAGES[lang]
    for dateline in page.datelines:
        assert findings(text_of(page_lines(page, chrome=False, top=dateline))) == []


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_each_page_reads_its_own_table_first(lang: str) -> None:
    settings = Settings()
    doc = Document("page.txt", text_of(page_lines(PAGES[lang])))
    assert pack_languages(doc, settings, load_packs(settings))[0] == lang


#: More datelines of a kind, each alone after the story where its site prints it.
ALONE = {
    "sv": ("Uppdaterad 12 mars 2025 kl. 14.35", "Publicerad: 12 mars 2025", "Senast uppdaterat: 2025-03-12"),
    "tr": ("Son güncellenme: 12 Mart 2025", "YAYINLANMA: 12 MAYIS 2025"),
    "cs": ("Poslední aktualizace: 12. 3. 2025",),
    "id": ("Terakhir diperbarui: 12 Maret 2025 pukul 14.35 WIB",),
    "ko": ("승인 2025.03.12 14:35", "송고시간 2025-03-12 14:35", "최종 수정일 2025.03.12"),
}


@pytest.mark.parametrize(("lang", "dateline"), [(lang, d) for lang, ds in sorted(ALONE.items()) for d in ds])
def test_each_dateline_alone_after_the_story_is_reported(lang: str, dateline: str) -> None:
    lines = page_lines(PAGES[lang]._replace(datelines=(dateline,)))
    assert findings(text_of(lines))[-1:] == [("B027", dateline)]
    assert findings(text_of(page_lines(PAGES[lang], chrome=False, top=dateline))) == []


# German, Spanish and French: lines each table took for credits before session 47 (a video's teaser,
# a gallery's title, as the crawls hold them; a story's dateline and a writer's line with a news
# agency after a slash), under the paragraphs with the real credits, which are still reported.
class Checked(NamedTuple):
    headline: str
    paragraphs: tuple[str, ...]
    credits: tuple[str, ...]  # still reported
    not_credits: tuple[str, ...]  # reported before session 47, no longer


DE = Checked(
    "Leipzig verlängert die Straßenbahn nach Grünau",
    (
        "Die Stadt Leipzig will die Straßenbahnlinie nach Grünau bis zum neuen Gewerbegebiet verlängern. Der"
        " Stadtrat hat am Mittwoch die Planung beschlossen, die Bauarbeiten sollen im kommenden Frühjahr"
        " beginnen und rund zwei Jahre dauern.",
        "Anwohner und Pendler warten seit Jahren auf die Verbindung. Bisher fahren nur Busse in das Gebiet,"
        " die im Berufsverkehr regelmäßig im Stau stehen und deshalb oft mit großer Verspätung ankommen.",
        "Die Kosten werden auf knapp sechzig Millionen Euro geschätzt, einen großen Teil davon übernimmt der"
        " Freistaat. Die Verkehrsbetriebe wollen während der Bauzeit einen Ersatzverkehr mit zusätzlichen"
        " Bussen einrichten.",
    ),
    (
        "Foto: Hendrik Schmidt/dpa",
        "Jan Woitas/picture alliance/dpa",
        "Rubriklistenbild: © KCNA/dpa",
        "Die neue Haltestelle in Grünau. © Sebastian Willnow/dpa",
    ),
    (
        "Video: Die besten Bilder vom Stadtfest",
        "Bilder: Das Stadtfest in Grünau",
        "Fotos: Die neue Linie im Überblick",
        "Berlin/dpa",
        "Von: det/dpa",
    ),
)

ES = Checked(
    "El nuevo tranvía de Zaragoza llegará al barrio de Valdespartera",
    (
        "El ayuntamiento de Zaragoza aprobó este jueves la ampliación de la línea del tranvía hasta el barrio"
        " de Valdespartera. Las obras comenzarán en primavera y el consistorio calcula que los primeros"
        " vehículos circularán por el nuevo tramo a finales del año que viene.",
        "Los vecinos llevan años reclamando una conexión directa con el centro. Ahora dependen de dos líneas"
        " de autobús que en hora punta van llenas y tardan casi cuarenta minutos en llegar a la plaza de"
        " España.",
        "La obra costará unos ochenta millones de euros, de los que el Gobierno de Aragón aportará la mitad."
        " La oposición pide que se publiquen los informes técnicos antes de adjudicar el contrato a las"
        " empresas constructoras.",
    ),
    ("Foto: Juan Pérez / EFE", "Fotos: EL HERALDO/ AFP", "Imagen: Télam"),
    (
        "FOTOS: Estas fueron las pruebas que hundieron al exalcalde",
        "Vídeo: Así fue la inauguración del primer tramo",
        "Imágenes: El barrio de Valdespartera desde el aire",
    ),
)

FR = Checked(
    "Le tramway de Bordeaux prolongé jusqu'à Saint-Médard",
    (
        "La métropole de Bordeaux a voté jeudi le prolongement de la ligne D du tramway jusqu'au centre de"
        " Saint-Médard-en-Jalles. Les travaux doivent commencer au printemps et durer un peu moins de deux"
        " ans, selon le calendrier présenté par les élus.",
        "Les habitants attendaient ce prolongement depuis longtemps. Aujourd'hui, ils doivent prendre un bus"
        " souvent bondé aux heures de pointe, puis changer à la station Cantinolle pour rejoindre le centre de"
        " la métropole.",
        "Le chantier coûtera environ cent vingt millions d'euros. L'opposition demande que les études sur la"
        " circulation soient rendues publiques avant la signature des marchés avec les entreprises.",
    ),
    ("Photo : Jean Dupont / AFP", "Crédits photos : Sud Ouest"),
    ("Vidéo : les images de l'inauguration de la ligne D", "Photos : le nouveau tramway en images"),
)

CHECKED = {"de": DE, "es": ES, "fr": FR}


def checked_text(page: Checked) -> tuple[str, list[tuple[str, str]]]:
    """The page with its credits and not-credits under the paragraphs, and what is reported."""
    lines = [page.headline]
    extra = [*page.credits, *page.not_credits]
    for n, paragraph in enumerate(page.paragraphs):
        lines.append(paragraph)
        take = extra if n == len(page.paragraphs) - 1 else extra[:2]
        lines.extend(take)
        extra = extra[len(take) :]
    expected = [("B021", line) for line in lines if line in page.credits]
    return "\n\n".join(lines) + "\n", expected


@pytest.mark.parametrize("lang", sorted(CHECKED))
def test_videos_galleries_and_story_datelines_are_no_credits(lang: str) -> None:
    text, expected = checked_text(CHECKED[lang])
    assert len(expected) == len(CHECKED[lang].credits)
    assert findings(text) == expected


@pytest.mark.parametrize("lang", sorted(CHECKED))
def test_each_checked_page_reads_its_own_table_first(lang: str) -> None:
    settings = Settings()
    doc = Document("page.txt", checked_text(CHECKED[lang])[0])
    assert pack_languages(doc, settings, load_packs(settings))[0] == lang
