"""Banners and walls in Czech, Korean, Turkish, Swedish and Indonesian (session 48): the cookie
banner (B003), the ad-blocker wall (B001), the paywall (B008), the newsletter box and sign-up
prompts (B004), the assistant's chatter and a template's placeholder (G003) and a generated
appendix's heading (G002).

A page is a headline and paragraphs of a story, each chrome line on a line of its own where sites
print it: the cookie banner under the headline, the ad-blocker wall under the first paragraph, a
placeholder between two paragraphs (alone on its line, then inside a
sentence), and after the last one the paywall, the newsletter box, the
assistant's sign-off and the appendix. Every finding of the default rules is asserted, in order.
The clean article, and prose opening with the same words ("Tento web používal …", "Reklam
engelleyici kullananların …", "Som en AI-modell beskriven …", "Sebagai model bahasa besar yang …",
a villager's "Nemám přístup k internetu, …"), give no finding; more lines of each kind, each alone
after the story, are reported; each page reads its own language's tables first."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from page_findings import findings, reported, text_of, with_sentences

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import load_packs, pack_languages


class Page(NamedTuple):
    headline: str
    paragraphs: tuple[str, ...]
    cookies: tuple[str, ...]  # B003, under the headline
    adblock: tuple[str, ...]  # B001, under the first paragraph
    placeholder: str  # G003, alone on a line between the second and the third paragraph
    quoted: str  # G003, a paragraph under it with a placeholder inside
    paywall: tuple[str, ...]  # B008, after the last paragraph
    newsletter: tuple[str, ...]  # B004, under the paywall
    chatter: tuple[str, ...]  # G003, under the newsletter box
    appendix: tuple[str, ...]  # G002: its heading (reported, spanning the rest), then its notes
    sentences: tuple[str, ...]  # prose opening with the same words as the lines above


CS = Page(
    "Praha opraví Libeňský most, doprava se omezí na dva roky",
    (
        "Pražští radní ve čtvrtek schválili rekonstrukci Libeňského mostu, která má začít letos v září. Most"
        " se bude opravovat po částech, aby po něm mohly alespoň v jednom směru jezdit tramvaje, a práce by"
        " podle harmonogramu měly skončit na podzim roku 2027.",
        "Oprava vyjde zhruba na miliardu a půl korun. Technici při posledních prohlídkách zjistili, že"
        " betonové oblouky jsou v horším stavu, než se čekalo, a že bez zásahu by most musel být během"
        " několika let uzavřen úplně.",
        "Řidiči se musí připravit na objížďky přes Holešovice a Karlín. Dopravní podnik posílí tramvajové"
        " linky a v ranní špičce vypraví na náhradní trasu více autobusů, než jezdí dnes.",
        "Památkáři s postupem souhlasí, protože se zachová původní podoba mostu z dvacátých let minulého"
        " století. Zábradlí a lampy se po opravě vrátí na svá místa a zrenovovány budou i schody k"
        " nábřeží.",
    ),
    (
        "Tento web používá k poskytování služeb, personalizaci reklam a analýze návštěvnosti soubory cookie.",
        "Přijmout vše",
        "Nastavení cookies",
    ),
    ("Vypadá to, že používáte blokátor reklam. Vypněte ho prosím, abychom mohli dál psát.",),
    "[Sem vložte citát mluvčího dopravního podniku]",
    "Mluvčí dopravního podniku k objížďkám uvedl: [vložte citát]. Podnik podrobnosti zveřejní v pondělí.",
    ("Tento článek je dostupný jen pro předplatitele.", "Máte předplatné? Přihlaste se"),
    ("Přihlaste se k odběru našeho newsletteru", "Vaše e-mailová adresa", "Nenechte si nic ujít"),
    ("Jako jazykový model AI nemohu ověřit, zda jsou tyto údaje aktuální.",),
    (
        "Zmíněné osoby",
        "Jan Novák",
        "Jan Novák (narozen 1968) je český inženýr a od roku 2019 radní pro dopravu hlavního města.",
    ),
    (
        "Tento web používal k cílení reklamy údaje, které mu návštěvníci vůbec nesvěřili.",
        "Používáte-li blokátor reklam, přicházejí vydavatelé podle studie až o třetinu příjmů.",
        "Jako umělá inteligence dokáže program přečíst tisíce smluv za jedinou noc.",
        "Přijmout vše, co radnice navrhla, odmítla opozice už na jaře.",
        "Tento článek je součástí seriálu o pražských mostech a jejich opravách.",
        "Odebírat vodu z Vltavy bude podnik i během stavby, potvrdil jeho mluvčí.",
        "Přihlásit se k odběru zpravodaje městské části mohou lidé i na úřadě.",
        "Nemám přístup k internetu, a tak se o objížďkách dozvím až z rozhlasu, říká důchodkyně z Libně.",
    ),
)

KO = Page(
    "광주시, 도심 하천에 산책로 새로 만든다",
    (
        "광주시는 광주천을 따라 도심을 가로지르는 산책로를 새로 만든다고 12일 밝혔다. 시는 올해 하반기 공사를 시작해"
        " 내년 말까지 약 8킬로미터 구간을 완공할 계획이다.",
        "그동안 하천 주변은 좁은 길과 끊긴 구간이 많아 시민들이 걷기 어렵다는 지적이 이어졌다. 시는 새 산책로에"
        " 자전거 도로와 쉼터, 야간 조명을 함께 설치할 예정이라고 설명했다.",
        "사업비는 모두 320억 원으로, 이 가운데 절반가량은 정부 지원금으로 충당한다. 시 관계자는 공사 기간에도"
        " 시민들이 하천을 이용할 수 있도록 구간을 나눠 공사를 진행하겠다고 말했다.",
        "환경 단체들은 하천 생태계가 훼손되지 않도록 공사 방식을 꼼꼼히 살펴야 한다고 요구했다. 시는 전문가"
        " 자문단을 꾸려 공사 전 과정을 점검하겠다고 답했다.",
    ),
    ("이 웹사이트는 서비스 제공과 이용 분석을 위해 쿠키를 사용합니다.", "모두 허용", "쿠키 설정"),
    ("광고 차단 프로그램이 감지되었습니다. 광고 차단을 해제해 주세요.",),
    "[여기에 시 관계자 발언 삽입]",
    "시 관계자는 공사 일정에 대해 [발언 삽입]이라고 말했다.",
    ("이 기사는 유료 회원 전용입니다.", "이미 회원이신가요? 로그인"),
    ("뉴스레터 구독하기", "이메일 주소를 입력하세요", "매일 아침 주요 뉴스를 이메일로 받아보세요."),
    ("AI 언어 모델로서, 저는 실시간 정보에 접근할 수 없습니다.",),
    (
        "기사에 언급된 인물",
        "김민수",
        "김민수(1968년생)는 광주광역시 환경생태국장으로 2020년부터 하천 정비 사업을 맡고 있다.",
    ),
    (
        "이 웹사이트는 이용자 동의 없이 쿠키를 수집한 사실이 드러나 과징금을 물었다.",
        "광고 차단 프로그램을 쓰는 이용자가 늘면서 언론사들의 고민도 커지고 있다.",
        "대규모 언어 모델로서 처음으로 의사 면허 시험을 통과한 사례가 보고됐다.",
        "모두 허용할 수는 없다는 것이 시의 입장이다.",
        "이 기사는 독자 제보를 바탕으로 작성됐다.",
        "기사 전문은 구독자에게만 공개됐고 시는 별도 설명 자료를 냈다.",
        "뉴스레터 구독자 수가 10만 명을 넘었다고 회사 측은 밝혔다.",
        "죄송합니다. 인터넷 접속 장애로 일부 서비스 이용이 어렵습니다라는 안내문이 구청에 붙었다.",
    ),
)

TR = Page(
    "İzmir'de sahil yolu yenileniyor, çalışmalar iki yıl sürecek",
    (
        "İzmir Büyükşehir Belediyesi, Karşıyaka ile Bostanlı arasındaki sahil yolunun yenileneceğini"
        " açıkladı. Çalışmaların eylül ayında başlaması ve iki yıl içinde tamamlanması planlanıyor.",
        "Yeni düzenlemeyle sahil boyunca bisiklet yolu, yürüyüş alanları ve dinlenme noktaları yapılacak."
        " Belediye yetkilileri, deniz kenarındaki eski duvarların da güçlendirileceğini söyledi.",
        "Projenin maliyetinin yaklaşık bir buçuk milyar lira olduğu belirtildi. Çalışmalar sırasında trafiğin"
        " aksamaması için yolun bir şeridi sürekli açık tutulacak ve toplu taşıma seferleri artırılacak.",
        "Bölgede yaşayanlar projeyi olumlu karşılarken esnaf, inşaat döneminde müşteri kaybından endişe"
        " ediyor. Belediye, etkilenen işletmelere kira desteği verilmesini değerlendirdiğini açıkladı.",
    ),
    (
        "Size daha iyi hizmet sunabilmek için sitemizde çerezler kullanılmaktadır.",
        "Tümünü kabul et",
        "Çerez ayarları",
    ),
    ("Reklam engelleyici kullandığınızı tespit ettik. Lütfen sitemizi destekleyin.",),
    "[Buraya belediye başkanının açıklamasını ekleyin]",
    "Belediye başkanı projeyle ilgili olarak [alıntı ekleyin] dedi.",
    ("Bu içerik abonelere özeldir.", "Zaten abone misiniz? Giriş yapın"),
    ("E-bültenimize abone olun", "E-posta adresinizi girin", "Hiçbir şeyi kaçırmayın"),
    ("Bir yapay zeka dil modeli olarak, güncel verilere erişimim yok.",),
    (
        "Haberde adı geçen kişiler",
        "Ayşe Demir",
        "Ayşe Demir (1972 doğumlu), İzmir Büyükşehir Belediyesi'nde fen işleri dairesi başkanıdır.",
    ),
    (
        "Sitemizde çerez kullanımına ilişkin şikayetler kurul tarafından incelendi.",
        "Reklam engelleyici kullananların oranı gençler arasında yüzde kırkı aştı.",
        "Yapay zeka olarak adlandırılan sistemler belediyenin trafik planlamasında da kullanılıyor.",
        "Tümünü kabul etmek zorunda olmadıklarını söyleyen esnaf, yeni bir toplantı istedi.",
        "Bu içerik üreticileri için belediye yeni bir destek programı başlattı.",
        "E-posta adresiniz olmadan başvuru yapılamıyor, dedi belediye yetkilisi.",
        "İnternete erişimim yok, bu yüzden duyuruları muhtardan öğreniyorum, diyor bir emekli.",
    ),
)

SV = Page(
    "Göteborg bygger ny bro över Göta älv",
    (
        "Göteborgs stad har beslutat att bygga en ny gång- och cykelbro över Göta älv mellan Lindholmen och"
        " Stigberget. Bygget ska börja nästa höst och enligt staden ska bron vara klar att använda 2029.",
        "I dag tar många cyklister färjan eller en lång omväg över Älvsborgsbron. Den nya bron väntas korta"
        " resan för tusentals pendlare och avlasta färjorna, som ofta är fulla under rusningstid.",
        "Kostnaden beräknas till knappt en miljard kronor. Oppositionen i kommunfullmäktige kritiserar att"
        " kalkylen har stigit flera gånger och vill att projektet granskas av revisorerna innan avtalen skrivs.",
        "Sjöfartsverket har krävt att bron ska kunna öppnas för höga fartyg. Därför får den ett rörligt"
        " mittspann, vilket enligt staden är den största orsaken till att priset har ökat.",
    ),
    (
        "Vi använder cookies för att ge dig en bättre upplevelse på vår webbplats.",
        "Godkänn alla",
        "Cookieinställningar",
    ),
    ("Vi ser att du använder en annonsblockerare. Stäng av den för att fortsätta läsa.",),
    "[Infoga citat från trafikrådet här]",
    "Trafikrådet säger att [infoga citat] och att bygget följer tidsplanen.",
    ("Artikeln är endast för prenumeranter.", "Redan prenumerant? Logga in"),
    ("Prenumerera på vårt nyhetsbrev", "Din e-postadress", "Missa inget – registrera dig i dag"),
    ("Som en AI-språkmodell kan jag inte bekräfta de senaste siffrorna.",),
    (
        "Personer som nämns i artikeln",
        "Anna Lindqvist",
        "Anna Lindqvist (född 1974) är trafikdirektör i Göteborgs stad sedan 2021.",
    ),
    (
        "Vi använde bilen mindre efter att färjan började gå oftare, säger en pendlare på Lindholmen.",
        "Du använder en cykel som inte får plats på färjan i rusningstid, påpekar en annan resenär.",
        "Som en AI-modell beskriven i utredningen visar räknar staden med fler cyklister än i dag.",
        "Godkänn alla ritningar innan bygget börjar, kräver Sjöfartsverket.",
        "Artikeln är skriven av en pensionerad brobyggare från Lindholmen.",
        "Prenumerera på tidningen gjorde nästan alla i kvarteret förr i tiden.",
        "Jag har inte tillgång till internet hemma, så jag läser om bron i lokaltidningen, säger en pensionär.",
    ),
)

ID = Page(
    "Surabaya bangun jalur sepeda di sepanjang Kali Mas",
    (
        "Pemerintah Kota Surabaya akan membangun jalur sepeda sepanjang dua belas kilometer di tepi Kali Mas."
        " Pembangunan dijadwalkan mulai bulan depan dan ditargetkan selesai pada akhir tahun depan.",
        "Selama ini warga yang bersepeda ke pusat kota harus berbagi jalan dengan kendaraan bermotor yang"
        " padat. Menurut dinas perhubungan, jalur baru itu akan dipisahkan dari jalan raya dengan pembatas"
        " beton dan dilengkapi lampu penerangan.",
        "Proyek ini menelan biaya sekitar enam puluh miliar rupiah yang berasal dari anggaran kota. Wali kota"
        " mengatakan pekerjaan akan dibagi menjadi tiga tahap agar lalu lintas di sekitar sungai tidak"
        " terganggu terlalu lama.",
        "Komunitas pesepeda menyambut baik rencana tersebut, tetapi meminta agar jalur itu tersambung dengan"
        " halte bus dan stasiun kereta. Pemerintah kota berjanji akan membahas usulan itu bersama warga.",
    ),
    (
        "Situs ini menggunakan cookie untuk meningkatkan pengalaman Anda.",
        "Terima semua",
        "Pengaturan cookie",
    ),
    ("Kami mendeteksi Anda menggunakan AdBlock. Mohon matikan AdBlock untuk melanjutkan.",),
    "[Masukkan kutipan wali kota di sini]",
    "Wali kota mengatakan [masukkan kutipan] saat meninjau lokasi proyek pada Senin.",
    ("Artikel ini khusus untuk pelanggan.", "Sudah berlangganan? Masuk"),
    ("Berlangganan newsletter kami", "Masukkan alamat email Anda", "Daftar gratis"),
    ("Sebagai model bahasa AI, saya tidak dapat mengakses data terbaru.",),
    (
        "Tokoh yang disebutkan dalam artikel ini",
        "Budi Santoso",
        "Budi Santoso (lahir 1970) adalah kepala dinas perhubungan Kota Surabaya sejak 2021.",
    ),
    (
        "Situs ini menggunakan data warga tanpa izin, kata seorang pegiat privasi di Surabaya.",
        "Maaf, saya tidak bisa berkomentar sekarang, kata wali kota kepada wartawan.",
        "Sebagai model bahasa besar yang dilatih dengan data publik, sistem itu kini dipakai dinas.",
        "Terima semua usulan warga, kata ketua komunitas pesepeda kepada pemerintah kota.",
        "Artikel ini merupakan bagian dari liputan khusus tentang transportasi kota.",
        "Berlangganan listrik dengan daya besar kini lebih mudah, kata petugas PLN.",
        "Saya tidak bisa mengakses internet di rumah, jadi saya tahu rencana ini dari tetangga, kata seorang warga.",
    ),
)

PAGES = {"cs": CS, "ko": KO, "tr": TR, "sv": SV, "id": ID}


def page_lines(page: Page, chrome: bool = True) -> list[tuple[str, str | None]]:
    """The page as an extractor keeps it, each line with the rule that reports it."""
    first, second, *rest = page.paragraphs
    if not chrome:
        return [(line, None) for line in (page.headline, *page.paragraphs)]
    return [
        (page.headline, None),
        *((line, "B003") for line in page.cookies),
        (first, None),
        *((line, "B001") for line in page.adblock),
        (second, None),
        (page.placeholder, "G003"),
        (page.quoted, "G003"),
        *((line, None) for line in rest),
        *((line, "B008") for line in page.paywall),
        *((line, "B004") for line in page.newsletter),
        *((line, "G003") for line in page.chatter),
        (page.appendix[0], "G002"),
        *((line, None) for line in page.appendix[1:]),
    ]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_banners_walls_and_chatter_are_reported(lang: str) -> None:
    lines = page_lines(PAGES[lang])
    assert findings(text_of(lines)) == reported(lines)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_the_appendix_is_reported_from_its_heading_to_the_end(lang: str) -> None:
    text = text_of(page_lines(PAGES[lang]))
    diags = Linter(Settings()).lint(Document("page.txt", text)).diagnostics
    (glossary,) = [d for d in diags if d.code == "G002"]
    assert text.split("\n")[glossary.end_line - 1] == PAGES[lang].appendix[-1]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_clean_article_and_prose_opening_with_the_same_words_are_left_alone(lang: str) -> None:
    page = PAGES[lang]
    assert findings(text_of(page_lines(page, chrome=False))) == []
    assert findings(text_of(page_lines(with_sentences(page), chrome=False))) == []


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_each_page_reads_its_own_table_first(lang: str) -> None:
    settings = Settings()
    for chrome in (True, False):
        doc = Document("page.txt", text_of(page_lines(PAGES[lang], chrome)))
        assert pack_languages(doc, settings, load_packs(settings))[0] == lang


#: More lines of each kind, each alone after the story where its site prints it.
MORE = {
    "cs": (
        ("B003", "Odmítnout vše"),
        ("B003", "Používáme soubory cookies k personalizaci obsahu a reklam."),
        ("B001", "Máte zapnutý AdBlock. Vypněte si ho prosím pro náš web."),
        ("B008", "Předplaťte si iDNES Premium a čtěte dál"),
        ("B004", "Hlavní zprávy do e-mailu"),
        ("B004", "Přihlaste se k odběru newsletteru Seznam Zpráv"),
        ("G003", "Samozřejmě! Zde je článek o opravě Libeňského mostu:"),
    ),
    "ko": (
        ("B003", "이 사이트를 계속 이용하시면 쿠키 사용에 동의하는 것으로 간주됩니다."),
        ("B001", "광고 차단 프로그램을 사용 중이신 것 같습니다. 광고 차단을 해제해 주세요."),
        ("B008", "로그인 후 기사 전문을 확인하세요."),
        ("B008", "전체 기사는 구독 후 이용하실 수 있습니다."),
        ("B004", "언제든지 구독을 해지하실 수 있습니다."),
        ("G003", "물론입니다! 다음은 요청하신 기사입니다."),
    ),
    "tr": (
        ("B003", "İnternet sitemizi kullanarak çerez politikamızı kabul etmiş olursunuz."),
        ("B003", "Çerez Aydınlatma Metni"),
        ("B001", "Lütfen reklam engelleyicinizi devre dışı bırakın"),
        ("B008", "Haberin devamını okumak için abone olun."),
        ("B004", "Günün öne çıkan haberleri e-posta kutunuza gelsin."),
        ("G003", "Elbette! İşte istediğiniz haber metni:"),
        ("G003", "İşte makalenin yeniden yazılmış hali:"),
    ),
    "sv": (
        ("B003", "Genom att fortsätta använda webbplatsen godkänner du att vi använder kakor."),
        ("B001", "Stäng av din annonsblockerare"),
        ("B008", "Logga in för att läsa vidare"),
        ("B004", "Få dagens viktigaste nyheter direkt i din inkorg."),
        ("B004", "Anmäl dig till SvD:s nyhetsbrev Morgonkoll"),
        ("G003", "Absolut! Här är en artikel om den nya bron:"),
    ),
    "id": (
        ("B003", "Dengan terus menggunakan situs ini, Anda menyetujui penggunaan cookie."),
        ("B001", "AdBlock terdeteksi"),
        ("B008", "Berlangganan untuk membaca selengkapnya"),
        ("B004", "Dapatkan berita pilihan langsung di kotak masuk Anda."),
        ("G003", "Tentu! Berikut adalah artikel tentang jalur sepeda di Surabaya:"),
    ),
}


@pytest.mark.parametrize(
    ("lang", "code", "line"), [(lang, *x) for lang, xs in sorted(MORE.items()) for x in xs]
)
def test_each_line_alone_after_the_story_is_reported(lang: str, code: str, line: str) -> None:
    lines = [*page_lines(PAGES[lang], chrome=False), (line, code)]
    assert findings(text_of(lines)) == [(code, line)]
