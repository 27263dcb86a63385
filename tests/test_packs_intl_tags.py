"""Tag lines (B022), photo credits (B021) and lone datelines (B027) in Italian, Portuguese, Dutch,
Polish, Russian, Ukrainian, Chinese (simplified and traditional) and Japanese (session 46), and in
Czech, Turkish, Swedish, Indonesian and Korean (their tag lines since session 46, their credits and
datelines since session 47): a credit under the first paragraph, where the picture was, a
dateline after the article and the post's tags under it, each on a line of its own where sites
put them. None of the three is in the default selection: the page is checked with them selected.
Prose opening with the same words ("Фото сделано …", "Foto di gruppo …", "Pubblicato il 12 marzo
il rapporto …"), and the clean article alone, give no finding of these rules; a dateline above
the first paragraph is the article's own, in Chinese and Japanese too."""

from __future__ import annotations

from typing import NamedTuple

import pytest
from page_findings import with_sentences

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter
from lintnews.packs import load_packs, pack_languages

RULES = ("B021", "B022", "B027")


class Page(NamedTuple):
    headline: str
    paragraphs: tuple[str, ...]
    credit: str | None  # B021, under the first paragraph (None: no table of the rule)
    dateline: str | None  # B027, after the last paragraph
    tags: str  # B022, the last line
    sentences: tuple[str, ...]  # prose opening with the same words as the lines above


IT = Page(
    "Torino, il tram torna in via Po dopo due anni di lavori",
    (
        "Dopo quasi due anni di cantieri il tram numero 15 torna a percorrere via Po da lunedì mattina. Lo ha"
        " annunciato ieri l'assessore ai trasporti, spiegando che i binari sono stati rifatti interamente e che"
        " le nuove fermate saranno accessibili anche alle persone in carrozzina.",
        "I commercianti della via, che per mesi hanno lamentato un calo degli incassi, accolgono la notizia con"
        " sollievo. Molti di loro chiedono però al comune di mantenere le corsie pedonali allargate durante il"
        " cantiere, che secondo le associazioni hanno reso la strada più vivibile.",
        "L'azienda dei trasporti prevede un passaggio ogni sette minuti nelle ore di punta e ogni dodici la"
        " sera. Nelle prime due settimane ci saranno steward alle fermate principali per aiutare i passeggeri"
        " con le nuove macchinette per i biglietti, che accettano anche le carte di credito.",
        "Resta aperta la questione dei parcheggi. I residenti del quartiere temono che la riapertura della linea"
        " porti via altri posti auto, e il consiglio di circoscrizione ha chiesto un incontro con la giunta"
        " prima della fine del mese per discutere un piano alternativo.",
    ),
    "Foto di Mario Rossi / ANSA",
    "Aggiornato il 12 gennaio 2024 alle 13:23",
    "Argomenti: Torino, trasporti, tram, via Po",
    (
        "Foto di gruppo per l'assessore e i commercianti della via, che si sono ritrovati davanti alla prima"
        " fermata per festeggiare la fine dei lavori.",
        "Pubblicato il 12 marzo il rapporto della commissione, il comune ha deciso di anticipare i lavori di"
        " un mese.",
        "Argomenti come il traffico e i parcheggi restano al centro del dibattito in consiglio comunale.",
    ),
)

PT = Page(
    "Prefeitura reabre ciclovia da orla depois de reforma",
    (
        "A prefeitura reabriu neste domingo a ciclovia da orla, fechada havia oito meses para obras de"
        " drenagem e recuperação do piso. Segundo a secretaria de obras, o trecho de seis quilômetros ganhou"
        " nova sinalização, iluminação de LED e quatro pontos de apoio com bebedouros.",
        "Ciclistas que passavam pelo local aprovaram a reforma, mas reclamaram da falta de bicicletários perto"
        " das praias mais movimentadas. A prefeitura diz que vai instalar mais vagas até o fim do verão, junto"
        " com novas estações do sistema de bicicletas compartilhadas.",
        "A obra custou cerca de doze milhões de reais, valor um pouco acima do previsto no contrato. O"
        " secretário explicou que a chuva de janeiro atrasou o cronograma e obrigou a empresa a refazer parte"
        " da drenagem em dois trechos próximos ao canal.",
    ),
    "Foto: Marcelo Camargo/Agência Brasil",
    "Atualizado em 12/01/2024 - 13h23",
    "Palavras-chave: ciclovia, orla, mobilidade urbana, prefeitura",
    (
        "Foto e vídeo feitos por moradores mostram a ciclovia cheia já nas primeiras horas da manhã de"
        " domingo.",
        "Publicado em janeiro, o edital da obra previa a entrega da ciclovia antes do carnaval.",
        "Tags e hashtags sobre a reabertura estiveram entre os assuntos mais comentados da cidade no domingo.",
    ),
)

NL = Page(
    "Gemeente Utrecht opent nieuwe fietsenstalling onder het stadhuis",
    (
        "Onder het stadhuis in Utrecht is maandag een nieuwe fietsenstalling geopend met plek voor ruim"
        " vierduizend fietsen. De stalling is de eerste vierentwintig uur gratis en is volgens de gemeente"
        " bedoeld om de drukte op de stoepen rond het centrum te verminderen.",
        "Winkeliers in de binnenstad zijn blij met de nieuwe stalling. Zij klagen al jaren over fietsen die"
        " voor hun deuren worden neergezet en die klanten de weg versperren. De gemeente gaat na de opening"
        " strenger handhaven op fout geparkeerde fietsen in de winkelstraten.",
        "De bouw duurde twee jaar en kostte ongeveer achttien miljoen euro. De wethouder zei bij de opening"
        " dat het bedrag binnen het budget bleef, ondanks de gestegen prijzen van bouwmaterialen en een"
        " vertraging door de vondst van een oude waterput onder het plein.",
    ),
    "Beeld ANP",
    "Laatst bijgewerkt op 12 januari 2024 om 13:23",
    "Trefwoorden: Utrecht, fiets, binnenstad, parkeren",
    (
        "Beeld je in dat al die fietsen weer op de stoep staan, zei de wethouder tegen de verzamelde pers.",
        "Gepubliceerd in het voorjaar, liet het plan al zien hoeveel fietsen de stad elke dag moet parkeren.",
        "Trefwoorden als drukte en overlast vallen vaak in de gesprekken met winkeliers uit de binnenstad.",
    ),
)

PL = Page(
    "Kraków otwiera nowy most pieszo-rowerowy nad Wisłą",
    (
        "W sobotę w Krakowie otwarto nowy most pieszo-rowerowy łączący Kazimierz z Podgórzem. Przeprawa ma"
        " ponad sto dwadzieścia metrów długości i jest oświetlona nocą, a na jej środku zbudowano taras"
        " widokowy z ławkami, z którego widać Wawel i bulwary.",
        "Mieszkańcy od lat czekali na to połączenie. Do tej pory rowerzyści musieli korzystać z zatłoczonego"
        " mostu drogowego, gdzie ścieżka rowerowa kończyła się w połowie przeprawy. Urzędnicy szacują, że"
        " codziennie przez nowy most przejdzie kilka tysięcy osób.",
        "Budowa kosztowała ponad czterdzieści milionów złotych i trwała dwa lata. Opóźnienie spowodowała"
        " wysoka woda na Wiśle wiosną, przez którą wykonawca musiał na kilka tygodni wstrzymać prace przy"
        " filarach. Miasto nie naliczyło jednak kar umownych.",
    ),
    "Fot. Jan Kowalski / Agencja Gazeta",
    "Aktualizacja: 12 stycznia 2024, 13:23",
    "Tagi: Kraków, most, rowery, Wisła",
    (
        "Fot. i tekst przygotowali uczniowie pobliskiej szkoły, którzy od miesięcy relacjonowali postępy budowy.",
        "Opublikowano w piątek raport, z którego wynika, że most jest najdłuższą taką przeprawą w kraju.",
        "Tagi i hasztagi z nazwą mostu pojawiły się w sieci już w sobotę rano.",
    ),
)

CS = Page(
    "Praha otevřela novou lávku pro pěší přes Vltavu",
    (
        "V Praze byla v sobotu otevřena nová lávka pro pěší a cyklisty, která spojuje Karlín s Holešovicemi."
        " Most je dlouhý přes dvě stě metrů a podle magistrátu po něm denně projde až deset tisíc lidí.",
        "Obyvatelé obou čtvrtí na lávku čekali desítky let. Dosud museli chodit přes vzdálený silniční most,"
        " kde je chodník úzký a u kterého chybí bezpečný přechod pro cyklisty.",
        "Stavba stála zhruba čtyři sta milionů korun a trvala dva roky. Zpoždění způsobila podle stavbyvedoucího"
        " hlavně jarní povodeň, kvůli které musely být práce na pilířích na několik týdnů přerušeny.",
    ),
    "Foto: Jan Novák, ČTK",
    "Aktualizováno 12. 3. 2024 14:35",
    "Štítky: Praha, lávka, Vltava, doprava",
    ("Štítky s cenami v obchodech u lávky se podle místních za poslední rok téměř nezměnily.",),
)

TR = Page(
    "İzmir'de yeni bisiklet yolu hizmete açıldı",
    (
        "İzmir Büyükşehir Belediyesi, kordon boyunca uzanan yeni bisiklet yolunu cumartesi günü hizmete açtı."
        " Sekiz kilometrelik yol, Konak ile Karşıyaka arasındaki sahil şeridini kesintisiz olarak birbirine"
        " bağlıyor ve gece boyunca aydınlatılıyor.",
        "Bisikletliler yıllardır bu yolu bekliyordu. Şimdiye kadar sahil boyunca bisiklet sürmek isteyenler"
        " yayalarla aynı kaldırımı paylaşmak zorunda kalıyordu, bu da hafta sonları sık sık tartışmalara yol"
        " açıyordu.",
        "Belediye, yolun yapımının yaklaşık bir yıl sürdüğünü ve maliyetin bütçe sınırları içinde kaldığını"
        " açıkladı. Önümüzdeki aylarda güzergah boyunca yeni bisiklet park yerleri ve dinlenme alanları"
        " kurulacak.",
    ),
    "Fotoğraf: Ahmet Yılmaz / DHA",
    "Güncelleme: 12.03.2024 - 14:35",
    "Etiketler: İzmir, bisiklet, ulaşım, kordon",
    ("Etiketler ve fiyat listeleri, sahildeki kiralama noktalarında yeniden düzenlendi.",),
)

SV = Page(
    "Göteborg öppnar ny cykelbana längs älven",
    (
        "Göteborgs stad öppnade på lördagen en ny cykelbana längs Göta älv mellan Lindholmen och centrum. Den"
        " fyra kilometer långa banan är skild från biltrafiken och belyst hela natten, och enligt kommunen ska"
        " den korta restiden för tusentals pendlare varje dag.",
        "Många cyklister har väntat länge på banan. Hittills har de fått dela den smala trottoaren med"
        " fotgängare, vilket ofta har lett till konflikter under rusningstid och på helgerna när strandpromenaden"
        " är full av folk.",
        "Bygget tog knappt två år och kostade omkring nittio miljoner kronor. Kommunen planerar nu fler"
        " cykelparkeringar vid färjelägena och en ny station för lånecyklar vid Lindholmen innan sommaren.",
    ),
    "Foto: Anna Svensson / TT",
    "Publicerad 12 mars 2024 kl. 14.35",
    "Taggar: Göteborg, cykel, trafik, Göta älv",
    ("Taggar och prislappar i butikerna längs älven byttes ut när den nya banan öppnade.",),
)

ID = Page(
    "Jakarta resmikan jalur sepeda baru di Sudirman",
    (
        "Pemerintah Provinsi DKI Jakarta meresmikan jalur sepeda baru di sepanjang Jalan Sudirman pada Sabtu"
        " pagi. Jalur sepanjang enam kilometer itu dipisahkan dari jalan raya dengan pembatas beton dan"
        " dilengkapi lampu penerangan di setiap persimpangan.",
        "Para pesepeda menyambut baik jalur baru tersebut. Selama ini mereka harus berbagi jalan dengan"
        " kendaraan bermotor yang sering melaju kencang, terutama pada jam sibuk pagi dan sore hari.",
        "Menurut dinas perhubungan, pembangunan jalur memakan waktu hampir satu tahun dengan biaya sekitar"
        " tiga puluh miliar rupiah. Pemerintah juga berencana menambah tempat parkir sepeda di dekat halte"
        " bus dan stasiun kereta dalam beberapa bulan ke depan.",
    ),
    "Foto: ANTARA/Aditya Pradana Putra",
    "Diperbarui 12/03/2024, 14:35 WIB",
    "Kata kunci: Jakarta, jalur sepeda, transportasi",
    ("Kata kunci dalam rencana ini adalah keselamatan para pesepeda di jalan raya.",),
)

KO = Page(
    "부산 해안 따라 새 자전거 도로 개통",
    (
        "부산시는 해운대와 광안리를 잇는 새 자전거 도로를 토요일 개통했다고 밝혔다. 길이 약 6킬로미터의 이 도로는 차도와"
        " 분리돼 있으며 밤에도 조명이 켜진다.",
        "자전거 이용자들은 새 도로를 반겼다. 지금까지는 좁은 보도를 보행자와 함께 써야 해서 주말마다 사고 위험이"
        " 컸다는 것이다.",
        "시에 따르면 공사에는 약 2년이 걸렸고 비용은 예산 범위 안에서 마무리됐다. 시는 올해 안에 자전거 보관대와"
        " 공공 자전거 대여소를 더 설치할 계획이다.",
    ),
    "사진 = 연합뉴스",
    "입력 2024.03.12 14:35",
    "태그: 부산, 자전거, 교통",
    ("태그를 붙인 사진들이 주말 동안 온라인에 잇따라 올라왔다.",),
)

RU = Page(
    "В Казани открыли новую станцию метро",
    (
        "В Казани в субботу открылась новая станция метро «Дубравная-2». Как сообщили в мэрии, строительство"
        " заняло чуть больше трех лет, а поезда на новом участке начнут ходить уже с шести часов утра"
        " понедельника.",
        "Жители южных районов города давно ждали открытия станции. До сих пор им приходилось добираться до"
        " метро на автобусах, которые в час пик стояли в пробках на главном проспекте по сорок минут.",
        "По данным перевозчика, в первые месяцы станцией будут пользоваться около двадцати тысяч пассажиров в"
        " день. В мэрии также пообещали пустить к станции новые автобусные маршруты и построить рядом"
        " перехватывающую парковку.",
    ),
    "Фото: Иван Петров / ТАСС",
    "Обновлено 12 января 2024, 13:23",
    "Теги: Казань, метро, транспорт",
    (
        "Фото сделано на месте происшествия очевидцем, который снимал открытие станции с эскалатора.",
        "Опубликовано в понедельник распоряжение мэрии о продлении работы метро до часа ночи.",
        "Теги и хештеги с названием станции в субботу стали самыми популярными в городе.",
        # a video's title: no credit (as "Video: …" is none in English)
        "Видео: первый поезд прибывает на новую станцию",
    ),
)

UK = Page(
    "У Львові відкрили новий трамвайний маршрут",
    (
        "У Львові в суботу запустили новий трамвайний маршрут, який з'єднав Сихів із центром міста. Як"
        " повідомили у міській раді, будівництво лінії тривало два роки, а перші трамваї вийшли на маршрут"
        " о шостій ранку.",
        "Мешканці Сихова давно чекали на цю лінію. Досі вони добиралися до центру автобусами, які в години пік"
        " годинами стояли в заторах на головних вулицях району.",
        "За даними перевізника, новим маршрутом щодня їздитимуть близько п'ятнадцяти тисяч пасажирів. Міська"
        " рада також пообіцяла облаштувати біля кінцевої зупинки паркування для велосипедів.",
    ),
    "Фото: Укрінформ",
    "Оновлено 12 січня 2024, 13:23",
    "Мітки: Львів, трамвай, транспорт",
    (
        "Фото зроблено з вікна першого трамвая, яким їхали мер і депутати міської ради.",
        "Опубліковано в понеділок рішення міської ради про новий розклад руху трамваїв.",
        "Мітки на зупинках показують, скільки хвилин залишилося до приходу трамвая.",
    ),
)

ZH = Page(
    "北京地铁新线路正式开通运营",
    (
        "北京地铁新线路于周六上午正式开通运营，全长约二十八公里，共设十八座车站。市交通委员会表示，新线路将大大缩短北部地区居民前往市中心的通勤时间。",
        "不少市民一早就来到车站体验新线路。家住回龙观的王先生说，以前坐公交车到单位要一个多小时，现在乘地铁只需要四十分钟左右。",
        "据运营公司介绍，开通初期高峰时段的发车间隔为三分钟，平峰时段为六分钟。公司还将根据客流情况及时调整运营计划，并在各站增加志愿者引导乘客。",
    ),
    "图片来源：新华社",
    "发布时间：2024-01-12 13:23",
    "标签：北京，地铁，交通",
    (
        "图片显示，新线路的车站已经基本完工，工人们正在进行最后的设备调试。",
        "发布时间推迟到一月中旬以后，市交通委员会对此作出了详细的说明。",
        "标签化的报道方式让不少市民感到不满，他们认为地铁问题远比标题复杂。",
    ),
)

ZH_TW = Page(
    "台北捷運新路線正式通車",
    (
        "台北捷運新路線於週六上午正式通車，全長約十五公里，共設十四座車站。市政府表示，新路線將大幅縮短北投地區居民前往市中心的通勤時間。",
        "不少市民一早就來到車站體驗新路線。住在北投的陳小姐說，以前搭公車上班要一個多小時，現在搭捷運只需要三十分鐘左右。",
        "據捷運公司介紹，通車初期尖峰時段的班距為四分鐘，離峰時段為八分鐘。公司也將依照運量調整營運計畫，並在各站增派志工引導乘客。",
    ),
    "圖片來源：中央社",
    "更新時間：2024年1月12日 13:23",
    "標籤：台北，捷運，交通",
    (
        "圖片中可以看到，新路線的車站已經大致完工，工人們正在進行最後的設備測試。",
        "標籤化的報導方式讓不少市民感到不滿，他們認為捷運問題遠比標題複雜。",
    ),
)

JA = Page(
    "東京・新宿に新しい自転車道が開通",
    (
        "東京都は土曜日、新宿区の明治通り沿いに整備した新しい自転車道を開通させた。全長は約三キロで、車道とは縁石で分けられており、夜間も照明で明るく照らされる。",
        "沿道の商店主からは歓迎の声が上がった。これまでは自転車が歩道を走ることが多く、買い物客とぶつかりそうになる場面がたびたびあったという。",
        "都によると、整備には約二年かかり、費用は当初の予算内に収まった。今後は駐輪場を増やし、シェアサイクルの貸し出し拠点も沿道に設ける予定だ。",
    ),
    "写真＝ロイター",
    "2024年1月12日(金) 13時23分 配信",
    "タグ: 東京, 自転車, 交通",
    (
        "写真で見ると、新しい自転車道は車道よりも一段高く作られていることがわかる。",
        "公開日が二月に決まったと都の担当者が記者会見で明らかにした。",
        "タグを付けた投稿が週末のうちに数多く寄せられ、話題になった。",
        # a film's release date in a review's data box: no dateline of the page
        "公開日：2024年3月1日",
    ),
)

PAGES = {
    "it": IT,
    "pt": PT,
    "nl": NL,
    "pl": PL,
    "cs": CS,
    "tr": TR,
    "sv": SV,
    "id": ID,
    "ko": KO,
    "ru": RU,
    "uk": UK,
    "zh": ZH,
    "zh-tw": ZH_TW,
    "ja": JA,
}


def page_text(page: Page, chrome: bool = True, top: str | None = None) -> str:
    """The page as an extractor keeps it: the headline (and `top` under it), the first paragraph,
    the credit of the picture under it, the other paragraphs, the dateline and the tags."""
    lines = [page.headline, *([top] if top else []), page.paragraphs[0]]
    if chrome and page.credit:
        lines.append(page.credit)
    lines.extend(page.paragraphs[1:])
    if chrome:
        lines.extend(line for line in (page.dateline, page.tags) if line)
    return "\n\n".join(lines) + "\n"


def findings(text: str) -> list[tuple[str, int]]:
    settings = Settings(extend_select=list(RULES))
    diags = Linter(settings).lint(Document("page.txt", text)).diagnostics
    return [(d.code, d.line) for d in diags]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_tags_credits_and_datelines_are_reported(lang: str) -> None:
    page = PAGES[lang]
    expected = []
    line = 5  # the headline, a blank line, the first paragraph, a blank line
    if page.credit:
        expected.append(("B021", line))
        line += 2
    line += 2 * (len(page.paragraphs) - 1)
    if page.dateline:
        expected.append(("B027", line))
        line += 2
    expected.append(("B022", line))
    assert findings(page_text(page)) == expected


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_clean_article_and_prose_opening_with_the_same_words_are_left_alone(lang: str) -> None:
    page = PAGES[lang]
    assert findings(page_text(page, chrome=False)) == []
    assert findings(page_text(with_sentences(page), chrome=False)) == []


@pytest.mark.parametrize("lang", sorted(lang for lang, page in PAGES.items() if page.dateline))
def test_a_dateline_above_the_first_paragraph_is_the_articles_own(lang: str) -> None:
    page = PAGES[lang]
    assert page.dateline
    assert findings(page_text(page, chrome=False, top=page.dateline)) == []


@pytest.mark.parametrize(
    ("lang", "table"),
    [(lang, lang.split("-")[0]) for lang in sorted(PAGES)],
)
def test_each_page_reads_its_own_table_first(lang: str, table: str) -> None:
    settings = Settings()
    doc = Document("page.txt", page_text(PAGES[lang]))
    assert pack_languages(doc, settings, load_packs(settings))[0] == table
