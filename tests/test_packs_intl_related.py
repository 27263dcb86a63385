"""Related content, share tools, ad labels and navigation in Korean, Turkish, Swedish and Indonesian,
and pagination, print tools and SEO headings in Czech (session 48).

A page is a headline, a breadcrumb trail under it where the language's table has one (B006), the
paragraphs of a story with the lines sites print between them (an ad label, B009; a "read also"
link with another story's title, S001; an SEO template's heading, S004) and a FAQ heading over two
answers whose questions were stripped (S003), then the chrome after the story: a pager (B024), a
share button (B005), a print tool (B025), a post-navigation link (B010), a footer's row of service
links (B026) and the heading of the sidebar's list of other stories (S001; the list's titles under it
are S002's), each on a line of its own. Every finding of
every rule is asserted. Prose opening with the same words ("Baca juga laporan …", "Dela upp bygget
…", "광고 수익이 …", "Haberin devamında …"), and the clean article alone, give no finding."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from page_findings import findings, reported, text_of

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.packs import load_packs, pack_languages


class Page(NamedTuple):
    headline: str
    lines: tuple[tuple[str, str | None], ...]  # the page under its headline: each line and its rule
    sentences: tuple[str, ...]  # prose opening with the same words as the chrome lines


KO = Page(
    "서울 지하철 신림선 연장 구간 예정보다 앞당겨 개통",
    (
        ("홈 > 뉴스 > 사회", "B006"),
        (
            "서울시는 신림선 연장 구간을 당초 계획보다 석 달 앞당긴 오는 11월에 개통한다고 14일 밝혔다. 시 관계자는"
            " 터널 공사가 대부분 마무리됐으며 다음 주부터 시운전에 들어간다고 설명했다.",
            None,
        ),
        ("광고", "B009"),
        (
            "서울시에 따르면 연장 구간이 개통되면 하루 평균 약 7만 명이 이용할 것으로 예상된다. 관악구에서 여의도까지"
            " 이동 시간은 현재 50분에서 25분으로 절반가량 줄어들 전망이다.",
            None,
        ),
        ("[관련기사] 서울 지하철 요금 다음 달부터 150원 인상", "S001"),
        (
            "다만 일부 시의원들은 사업비 증가와 안전 문제를 지적했다. 이들은 시공사와 맺은 계약서를 공개하고 두 개 역이"
            " 내년 봄에야 문을 여는 이유를 설명하라고 요구했다.",
            None,
        ),
        ("신림선 연장을 이해하는 것의 이점", "S004"),
        (
            "신림선 연장을 이해하는 것은 여러 가지 이유로 주민들에게 중요하며, 출퇴근 계획부터 주택 가격까지 다양한"
            " 부분에 영향을 미친다.",
            None,
        ),
        (
            "공사 구간 인근 상인들은 수년간 이어진 공사로 매출이 크게 줄었다며 지원을 요구하고 있다. 구청은 소상공인"
            " 지원 기금을 마련하는 방안을 검토하겠다고 밝혔다.",
            None,
        ),
        ("자주 묻는 질문", "S003"),
        (
            "네, 연장 구간은 샛강역에서 9호선과 연결되어 승객들이 역 밖으로 나가지 않고 환승할 수 있습니다.",
            None,
        ),
        ("요금은 다른 지하철 노선과 같으며 교통카드를 사용하면 버스와 환승 할인을 받을 수 있습니다.", None),
        ("1 2 3 다음", "B024"),
        ("공유하기", "B005"),
        ("기사 인쇄", "B025"),
        ("맨 위로", "B010"),
        ("회사소개 | 개인정보처리방침 | 이용약관 | 광고문의", "B026"),
        ("많이 본 뉴스", "S001"),
    ),
    (
        "광고 수익이 줄어든 지하철 운영사는 역사 안 상가의 임대료를 조정하기로 했다.",
        "관련 기사에 따르면 시는 내년 예산에 역사 리모델링 비용을 반영했다.",
        "공유하기로 한 자료는 아직 시의회에 제출되지 않았다고 시민단체는 밝혔다.",
        "자주 묻는 질문에 대한 답변은 시 홈페이지에 올라와 있다.",
        "맨 위로 올라가는 엘리베이터는 역마다 두 대씩 설치된다.",
        "페이스북 트위터 카카오톡 등 시의 공식 계정에도 개통 일정이 공지됐다.",
    ),
)

TR = Page(
    "İstanbul'da yeni metro hattı planlanandan önce açılıyor",
    (
        ("Ana Sayfa > Gündem > İstanbul", "B006"),
        (
            "İstanbul Büyükşehir Belediyesi, Kadıköy ile Sultanbeyli arasındaki yeni metro hattının planlanandan üç"
            " ay önce, kasım ayında hizmete gireceğini açıkladı. Belediye başkanı, tünel çalışmalarının büyük"
            " bölümünün tamamlandığını ve test sürüşlerinin önümüzdeki hafta başlayacağını söyledi.",
            None,
        ),
        ("Reklam", "B009"),
        ("Haberin Devamı", "B009"),
        (
            "Ulaşım yetkililerine göre hat her gün yaklaşık yüz bin yolcu taşıyacak. Sultanbeyli'den Kadıköy'e"
            " yolculuk süresi bir saatten yirmi beş dakikaya inecek ve özellikle sabah saatlerinde yaşanan trafik"
            " sıkışıklığının azalması bekleniyor.",
            None,
        ),
        ("İlgili Haber: İstanbul'da toplu ulaşıma yüzde 30 zam", "S001"),
        (
            "Muhalefet ise projenin maliyetine ilişkin sorular yöneltti. Meclis üyeleri, yüklenici firmalarla"
            " yapılan sözleşmelerin kamuoyuyla paylaşılmasını ve iki istasyonun neden ancak gelecek bahar"
            " açılacağının açıklanmasını istedi.",
            None,
        ),
        ("Metro Projesini Anlamanın Faydaları", "S004"),
        (
            "Projeyi anlamak, bölgede yaşayanlar için birçok nedenden dolayı önemlidir ve günlük yolculukların"
            " planlanmasından konut fiyatlarına kadar pek çok konuyu etkiler.",
            None,
        ),
        (
            "Hat üzerindeki esnaf da yıllardır süren çalışmalar nedeniyle zarar gördüklerini belirterek"
            " belediyeden destek bekliyor. Bazı dükkânlar müşteri kaybettiği için kapanmak zorunda kaldı.",
            None,
        ),
        ("Sıkça Sorulan Sorular", "S003"),
        (
            "Evet, yeni hat Ayrılık Çeşmesi istasyonunda Marmaray ile bağlantılı olacak ve yolcular aynı"
            " istasyonda aktarma yapabilecek.",
            None,
        ),
        (
            "Bilet ücretleri diğer raylı sistem hatlarıyla aynı olacak ve İstanbulkart ile ödeme yapılabilecek.",
            None,
        ),
        ("Sonraki sayfa", "B024"),
        ("Paylaş", "B005"),
        ("Yazdır", "B025"),
        ("Önceki Haber", "B010"),
        ("Hakkımızda | Künye | İletişim | Gizlilik politikası", "B026"),
        ("İlgili Haberler", "S001"),
    ),
    (
        "Reklam panolarının istasyonlardan kaldırılması da belediye meclisinin gündeminde.",
        "Haberin devamında başkan, hatta bağlanacak yeni otobüs güzergâhlarını da tanıttı.",
        "İlgili haberlerde belirtildiği gibi proje daha önce iki kez ertelenmişti.",
        "Paylaşılan bilgilere göre ilk sefer sabah saat altıda yapılacak.",
        "Sıkça sorulan sorular arasında bilet fiyatları ve aktarma süreleri öne çıkıyor.",
        "Önceki haberimizde belirttiğimiz gibi ihale iki yıl önce yapılmıştı.",
    ),
)

SV = Page(
    "Stockholm bygger ut tunnelbanan till Nacka snabbare än planerat",
    (
        ("Hem > Nyheter > Stockholm", "B006"),
        (
            "Region Stockholm meddelade på tisdagen att den nya tunnelbanelinjen till Nacka kan öppna redan 2029,"
            " ett år tidigare än vad som tidigare angetts. Arbetet med tunneln under Saltsjön har gått snabbare än"
            " väntat och kostnaderna ligger hittills inom budget.",
            None,
        ),
        ("Läs också: Så påverkas pendlarna när Slussen stänger i sommar", "S001"),
        (
            "Enligt trafikförvaltningen kommer omkring sjuttiotusen resenärer att använda den nya sträckan varje"
            " vardag. Restiden mellan Nacka centrum och T-Centralen beräknas bli fjorton minuter, jämfört med"
            " nästan en halvtimme med buss i dag.",
            None,
        ),
        ("Annons", "B009"),
        (
            "Kritiken har dock inte uteblivit. Oppositionen i regionfullmäktige vill veta varför två av"
            " stationerna öppnar först ett år senare och kräver att avtalen med entreprenörerna offentliggörs."
            " Trafikregionrådet säger att handlingarna ska publiceras före sommaren.",
            None,
        ),
        ("Fördelar med att förstå utbyggnaden av tunnelbanan", "S004"),
        (
            "Att förstå utbyggnaden är viktigt för boende i området av flera skäl, från hur de planerar sina"
            " resor till hur bostadspriserna kan komma att utvecklas de närmaste åren.",
            None,
        ),
        (
            "Företagare längs Värmdövägen, som under flera år har haft byggarbeten utanför dörren, efterlyser nu"
            " ekonomiskt stöd. Flera butiker har tappat kunder och några har tvingats stänga.",
            None,
        ),
        ("Vanliga frågor", "S003"),
        (
            "Ja, den nya linjen kopplas ihop med den blå linjen vid Kungsträdgården så att resenärer kan byta"
            " utan att gå ut.",
            None,
        ),
        (
            "Biljettpriset blir detsamma som i resten av tunnelbanan och ingår i de vanliga periodbiljetterna.",
            None,
        ),
        ("Nästa sida", "B024"),
        ("Dela", "B005"),
        ("Skriv ut", "B025"),
        ("Till toppen", "B010"),
        ("Om oss | Kontakt | Integritetspolicy | Annonsera hos oss", "B026"),
        ("Mest läst", "S001"),
    ),
    (
        "Läs också regionens egen rapport om hur tunnelbanan påverkar bostadsbyggandet i Nacka.",
        "Annonsen om de nya jobben i tunnelbanan publicerades förra veckan.",
        "Dela upp bygget i etapper var ett krav från kommunen för att minska störningarna.",
        "Till toppen av listan över angelägna projekt hör också en ny pendelbåtslinje.",
        "Mest lästa blev rapporten om bullret från sprängningarna vid Sickla.",
        "Vanliga frågor från boende handlar om buller och om hur länge vägarna är avstängda.",
        "Mer om det i morgon.",
    ),
)

ID = Page(
    "Pemerintah Percepat Pembangunan MRT Jakarta Fase Dua",
    (
        ("Beranda > Berita > Megapolitan", "B006"),
        (
            "Pemerintah Provinsi DKI Jakarta memastikan pembangunan jalur MRT fase dua dari Bundaran HI menuju Kota"
            " akan selesai lebih cepat dari jadwal. Gubernur mengatakan pekerjaan terowongan di bawah Jalan Gajah"
            " Mada sudah mencapai tujuh puluh persen dan kereta pertama diharapkan beroperasi pada akhir tahun depan.",
            None,
        ),
        ("Baca juga: Tarif MRT Jakarta Naik Mulai Bulan Depan, Ini Rinciannya", "S001"),
        (
            "Menurut data PT MRT Jakarta, jumlah penumpang harian saat ini mencapai lebih dari seratus ribu orang."
            " Dengan tambahan tujuh stasiun baru, angka tersebut diperkirakan naik hingga dua kali lipat, terutama"
            " dari warga yang tinggal di kawasan utara dan barat ibu kota.",
            None,
        ),
        ("Iklan", "B009"),
        (
            "Namun, sejumlah pedagang di sekitar Glodok mengeluhkan penurunan omzet selama pembangunan berlangsung."
            " Mereka meminta pemerintah memberikan bantuan modal dan memperbaiki akses jalan yang rusak akibat lalu"
            " lintas kendaraan proyek.",
            None,
        ),
        ("Manfaat Memahami Proyek MRT bagi Warga Jakarta", "S004"),
        (
            "Memahami proyek MRT sangat penting bagi warga karena beberapa alasan, mulai dari perencanaan perjalanan"
            " sehari-hari hingga keputusan membeli atau menyewa tempat tinggal di dekat stasiun.",
            None,
        ),
        (
            "Direktur Utama PT MRT Jakarta menambahkan bahwa perusahaan juga menyiapkan integrasi tarif dengan"
            " TransJakarta dan KRL. Dengan sistem tersebut, penumpang cukup membayar satu kali untuk perjalanan yang"
            " menggunakan beberapa moda transportasi.",
            None,
        ),
        ("Pertanyaan yang Sering Diajukan", "S003"),
        (
            "Ya, jalur fase dua akan terhubung langsung dengan stasiun Bundaran HI sehingga penumpang tidak perlu"
            " keluar stasiun.",
            None,
        ),
        (
            "Tarif untuk rute baru belum ditetapkan dan masih menunggu keputusan pemerintah provinsi bersama DPRD.",
            None,
        ),
        ("Halaman: 1 2 3 Selanjutnya", "B024"),
        ("Bagikan", "B005"),
        ("Cetak artikel", "B025"),
        ("Kembali ke atas", "B010"),
        ("Tentang Kami | Redaksi | Pedoman Media Siber | Kebijakan Privasi | Kontak", "B026"),
        ("Berita Terkait", "S001"),
    ),
    (
        "Baca juga laporan keuangan perusahaan yang dirilis pekan lalu untuk melihat besarnya biaya proyek.",
        "Iklan layanan masyarakat tentang keselamatan di stasiun akan ditayangkan mulai Senin.",
        "Bagikan pengalaman Anda menggunakan MRT melalui survei yang dibuka pengelola hingga akhir bulan.",
        "Manfaat memahami jadwal kereta, kata seorang pekerja kantoran, adalah waktu tunggu yang lebih singkat.",
        "Berita terkait kenaikan tarif sempat membuat penumpang khawatir pekan lalu.",
        "Kembali ke atas meja perundingan, pemerintah dan kontraktor membahas denda keterlambatan.",
        "Berita lain tentang korupsi juga muncul pekan lalu.",
        "Simak video berikut untuk melihat suasana stasiun pada hari pertama uji coba.",
    ),
)

# Czech: the pager, the print tools and the SEO heading (the other tables of this page's chrome are
# older: tests/test_packs_intl_nav.py)
CS = Page(
    "Praha otevře první úsek metra D o rok dříve",
    (
        (
            "Pražský magistrát ve čtvrtek oznámil, že první úsek nové linky metra D z Pankráce do Nových Dvorů by"
            " mohl být otevřen už v roce 2029, tedy o rok dříve, než se dosud plánovalo. Ražba tunelů podle"
            " dopravního podniku postupuje rychleji, než se čekalo.",
            None,
        ),
        (
            "Podle odhadů bude novou linku každý pracovní den využívat kolem sto tisíc cestujících. Cesta z Libuše"
            " do centra se zkrátí zhruba na polovinu a z ulic na jihu města by mělo ubýt autobusů.",
            None,
        ),
        ("Výhody pochopení stavby metra D pro obyvatele Prahy", "S004"),
        (
            "Pochopení stavby je pro obyvatele jižní Prahy důležité z několika důvodů, od plánování každodenních"
            " cest až po rozhodování o koupi nebo pronájmu bytu v blízkosti stanic.",
            None,
        ),
        (
            "Opoziční zastupitelé kritizují, že magistrát dosud nezveřejnil smlouvy se stavebními firmami, a ptají"
            " se, proč se dvě stanice otevřou až o rok později. Radní pro dopravu slibuje, že dokumenty budou na"
            " webu města do konce měsíce.",
            None,
        ),
        ("1 2 3 Další", "B024"),
        ("Verze pro tisk", "B025"),
    ),
    (
        "Výhody pochopil i stavební úřad, který řízení o povolení stavby zkrátil na polovinu.",
        "Další stránka příběhu se píše v Písnici, kde má vzniknout nové depo.",
        "Verze pro tisk i pro web se podle mluvčí liší jen v délce.",
    ),
)

PAGES = {"ko": KO, "tr": TR, "sv": SV, "id": ID, "cs": CS}


def page_lines(page: Page, chrome: bool = True) -> list[tuple[str, str | None]]:
    """The page as an extractor keeps it, each line with the rule that reports it (the clean article:
    its prose lines alone)."""
    return [(page.headline, None), *(line for line in page.lines if chrome or line[1] is None)]


#: Where the chrome after the story holds four short lines or more in title case in a row (or in a
#: script without letter case: Korean), they are also a navigation menu (B028, a region from that
#: line): the first line of the run, per page.
MENU_AFTER = {"id": "Bagikan", "sv": "Dela", "tr": "Paylaş", "ko": "공유하기"}


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_chrome_lines_are_reported(lang: str) -> None:
    lines = page_lines(PAGES[lang])
    expected = reported(lines)
    if lang in MENU_AFTER:
        own = next(i for i, (_, line) in enumerate(expected) if line == MENU_AFTER[lang])
        expected.insert(own + 1, ("B028", MENU_AFTER[lang]))
    assert findings(text_of(lines)) == expected


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_clean_article_and_prose_opening_with_the_same_words_are_left_alone(lang: str) -> None:
    page = PAGES[lang]
    clean = page_lines(page, chrome=False)
    assert findings(text_of(clean)) == []
    with_sentences = [clean[0], clean[1], *((s, None) for s in page.sentences), *clean[2:]]
    assert findings(text_of(with_sentences)) == []


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_each_page_reads_its_own_table_first(lang: str) -> None:
    settings = Settings()
    doc = Document("page.txt", text_of(page_lines(PAGES[lang])))
    assert pack_languages(doc, settings, load_packs(settings))[0] == lang


#: More chrome of each kind, each alone after the story where its site prints it.
ALONE: dict[str, tuple[tuple[str, str], ...]] = {
    "ko": (
        ("관련기사", "S001"),
        ("관련 뉴스: 서울시, 내년 버스 노선 전면 개편", "S001"),
        ("최신기사", "S001"),
        ("더보기", "S001"),
        ("스폰서 콘텐츠", "B009"),
        ("다음 기사", "B010"),
        ("이전 글: 서울 자전거도로 확충 계획 발표", "B010"),
        ("본문 바로가기", "B010"),
        ("글쓴이 소개: 김민수 기자는 서울시청과 교통 분야를 취재하고 있다.", "B010"),
        ("카테고리", "B010"),
        ("최근 게시물 이전 게시물 홈", "B010"),
        ("다음 페이지", "B024"),
        ("3 / 5 페이지", "B024"),
        ("URL복사", "B005"),
        ("카카오톡으로 공유", "B005"),
        ("페이스북 트위터 카카오톡 URL복사", "B005"),
        ("글자크기 설정", "B025"),
        ("사진 확대", "B025"),
    ),
    "tr": (
        ("İLGİLİ HABERLER", "S001"),
        ("ilgili haberler", "S001"),
        ("Çok Okunanlar", "S001"),
        ("GÖZDEN KAÇMASIN: Metrobüs seferlerine yeni düzenleme", "S001"),
        ("Devamını Oku", "S001"),
        ("Sponsorlu İçerik", "B009"),
        ("SPONSORLU İÇERİK", "B009"),
        # (capitals no table lists: "İ" folds to a plain "i", `lintnews.textnorm.undotted`)
        ("DİĞER HABERLER", "S001"),
        ("SİZİN İÇİN SEÇTİKLERİMİZ", "S001"),
        ("SONRAKİ HABER", "B010"),
        ("KATEGORİLER", "B010"),
        ("ÖNCEKİ SAYFA", "B024"),
        # (capitals of lines holding a dotless "ı", listed in lower case only: `turkish_capitals`)
        ("KAÇIRMAYIN", "S001"),
        ("DEVAMINI OKUYUN", "S001"),
        ("YAZDIR", "B025"),
        ("Sonraki Haber: Marmaray seferleri hafta sonu aksayacak", "B010"),
        ("Başa dön", "B010"),
        ("Yazar Hakkında: Ayşe Demir, ulaşım ve şehircilik haberleri yazan bir muhabirdir.", "B010"),
        ("Kategoriler", "B010"),
        ("Sonraki Kayıt Önceki Kayıt Ana Sayfa", "B010"),
        ("Sayfa 2 / 5", "B024"),
        ("« Önceki | Sonraki »", "B024"),
        ("Facebook'ta paylaş", "B005"),
        ("Linki kopyala", "B005"),
        ("Facebook Twitter E-posta", "B005"),
        ("Haberi e-posta ile gönder", "B025"),
        ("Yazı boyutu", "B025"),
        ("Fotoğrafı büyüt", "B025"),
    ),
    "sv": (
        ("Läs mer: Så blir trafiken när Slussen stänger", "S001"),
        ("Relaterade artiklar", "S001"),
        ("Senaste nytt", "S001"),
        ("Visa fler", "S001"),
        ("Annonssamarbete", "B009"),
        ("Artikeln fortsätter under annonsen", "B009"),
        ("Nästa artikel", "B010"),
        ("Äldre inlägg", "B010"),
        ("Nyare inlägg Äldre inlägg Startsida", "B010"),
        ("Hoppa till innehåll", "B010"),
        ("Om författaren: Anna Lindqvist är trafikreporter på Stockholmsredaktionen sedan 2015.", "B010"),
        ("Kategorier", "B010"),
        ("Sida 2 av 5", "B024"),
        ("1 2 3 Nästa", "B024"),
        ("Kopiera länk", "B005"),
        ("Dela på Facebook", "B005"),
        ("Facebook | X | Dela", "B005"),
        ("Lyssna på artikeln", "B025"),
        ("Förstora bilden", "B025"),
        ("Integritetspolicy", "B026"),
        ("Du är här: Startsida / Nyheter / Stockholm", "B006"),
    ),
    "id": (
        ("BACA JUGA: Warga Keluhkan Kemacetan di Sekitar Proyek MRT", "S001"),
        ("Baca Selengkapnya", "S001"),
        ("Terpopuler", "S001"),
        ("Muat Lebih Banyak", "S001"),
        ('Simak juga Video "Warga Padati Stasiun MRT Saat Uji Coba Gratis"', "S001"),
        ("Konten Bersponsor", "B009"),
        ("Dipersembahkan oleh", "B009"),
        ("Berita Selanjutnya", "B010"),
        ("Posting Lebih Baru Posting Lama Beranda", "B010"),
        ("Lihat profil lengkapku", "B010"),
        ("Artikel Sebelumnya: Jalur Sepeda Jakarta Diperluas", "B010"),
        ("Langsung ke konten", "B010"),
        ("Tentang Penulis: Budi Santoso adalah wartawan yang meliput transportasi dan tata kota.", "B010"),
        ("Kategori", "B010"),
        ("Halaman 1 dari 3", "B024"),
        ("Halaman berikutnya", "B024"),
        ("Bagikan ke WhatsApp", "B005"),
        ("Salin tautan", "B005"),
        ("Facebook Twitter WhatsApp Surel", "B005"),
        ("Lihat Foto", "B025"),
        ("Ukuran huruf", "B025"),
        ("Pedoman Media Siber", "B026"),
        ("Anda berada di sini: Halaman Utama / Berita / Megapolitan", "B006"),
    ),
    "cs": (
        ("Strana 2 z 5", "B024"),
        ("« Předchozí | Další »", "B024"),
        ("Následující stránka", "B024"),
        ("Poslat e-mailem", "B025"),
        ("Zvětšit foto", "B025"),
    ),
}


@pytest.mark.parametrize(
    ("lang", "code", "line"), [(lang, c, x) for lang, xs in sorted(ALONE.items()) for x, c in xs]
)
def test_each_line_alone_after_the_story_is_reported(lang: str, code: str, line: str) -> None:
    page = PAGES[lang]
    lines = [*page_lines(page, chrome=False), (line, code)]
    assert findings(text_of(lines)) == [(code, line)]


#: More SEO template headings, each over the paragraph of padding under it (as the last line of a
#: page a heading is also a cut sentence, T002's).
SEO: dict[str, str] = {
    "ko": "독자를 위한 핵심 요점",
    "tr": "Neden Metro Projesini Anlamak Önemli",
    "sv": "Praktiska tips för att följa utbyggnaden av tunnelbanan",
    "id": "Tips Praktis untuk Memahami Proyek MRT Jakarta",
    "cs": "Praktické tipy, jak sledovat stavbu metra D",
}


@pytest.mark.parametrize("lang", sorted(SEO))
def test_each_seo_heading_over_a_paragraph_is_reported(lang: str) -> None:
    clean = page_lines(PAGES[lang], chrome=False)
    lines = [*clean[:-1], (SEO[lang], "S004"), clean[-1]]
    assert findings(text_of(lines)) == [("S004", SEO[lang])]


def test_a_korean_row_of_networks_over_short_lines_is_reported() -> None:
    # the share buttons of a Korean paper, one a line (B005's `button-words` of ko); four short
    # lines of a script without letter case after the story are a menu's shape as well (B028's
    # region, as "Facebook" / "Twitter" / "WhatsApp" / "Pinterest" are)
    buttons = ("페이스북", "트위터", "카카오톡", "URL복사")
    lines = [*page_lines(KO, chrome=False), *((button, "B005") for button in buttons)]
    expected = [("B005", button) for button in buttons]
    assert findings(text_of(lines)) == [expected[0], ("B028", buttons[0]), *expected[1:]]
