"""Session 45's comment-section phrases beyond English, German, French and Spanish: B002 (comment
widget), B007 (empty byline), B011/B012 (a thread under "NAME scrive:" headers) and B023 (lone
timestamp) in Italian, Portuguese, Dutch, Polish, Russian, Ukrainian, Chinese (simplified and
traditional), Japanese, Czech, Turkish, Swedish, Indonesian and Korean. Each page is a news
article with WordPress's comment section under it (the lines of its translations: the counter,
the headers, the form and its notes) and a byline or a timestamp over it; the same words inside a
sentence of the article, and the article alone, give no finding of these rules."""

from __future__ import annotations

import pytest

from lintnews.config import Settings
from lintnews.document import Document
from lintnews.engine import Linter

RULES = ["B002", "B007", "B011", "B012", "B023"]

IT = (
    "Milano, la nuova linea del tram collega la stazione all'ospedale\n"
    "\n"
    "Il sindaco ha inaugurato sabato mattina la nuova linea del tram che collega la stazione centrale all'ospedale Niguarda. Secondo il Comune, la linea sarà usata ogni giorno da circa trentamila passeggeri, e i residenti del quartiere aspettavano l'apertura da più di dieci anni.\n"
    "\n"
    "I lavori sono durati tre anni e sono costati più del previsto. L'opposizione ha chiesto spiegazioni in consiglio comunale e ha presentato un'interrogazione sui ritardi del cantiere, che secondo i tecnici sono stati causati da una falda acquifera scoperta sotto piazza Maciachini.\n"
    "\n"
    "«È una giornata importante per tutta la città», ha detto il sindaco davanti ai giornalisti. «Abbiamo mantenuto la promessa fatta ai cittadini, anche se con qualche mese di ritardo». L'assessore alla mobilità ha spiegato che i tram passeranno ogni cinque minuti nelle ore di punta e ogni dieci minuti la sera.\n"
    "\n"
    "I commercianti della zona sono divisi. Alcuni sperano in un aumento dei clienti, altri lamentano la perdita dei parcheggi lungo il viale. Un gruppo di negozianti ha raccolto più di mille firme per chiedere un nuovo parcheggio sotterraneo vicino alla fermata principale.\n"
    "\n"
    "Le associazioni dei pendolari hanno accolto la notizia con favore, ma chiedono che il servizio venga esteso anche alla domenica mattina, quando oggi le corse sono poche. Il Comune ha promesso di valutare la richiesta entro la fine dell'anno, dopo i primi mesi di esercizio della nuova linea.\n"
    "\n"
    "Secondo uno studio dell'università, la nuova linea potrebbe ridurre il traffico privato nel quadrante nord di circa il quindici per cento entro due anni. Gli autori avvertono però che il risultato dipenderà dalla frequenza delle corse e dal prezzo del biglietto, che per ora resta invariato. Il prossimo tratto, verso il confine con Sesto San Giovanni, dovrebbe essere completato nel 2027.\n"
)
PT = (
    "Nova linha de metrô liga o centro ao aeroporto de Guarulhos\n"
    "\n"
    "O governador inaugurou no sábado a nova linha de metrô que liga o centro da cidade ao aeroporto internacional de Guarulhos. Segundo o governo do estado, cerca de cinquenta mil passageiros vão usar a linha por dia, e os moradores da zona leste esperavam a obra havia mais de quinze anos.\n"
    "\n"
    "As obras duraram quatro anos e custaram bem mais do que o previsto no contrato original. A oposição pediu explicações ao governo na assembleia legislativa e quer ouvir o secretário de transportes sobre os atrasos, que os engenheiros atribuem a problemas no solo perto do rio Tietê.\n"
    "\n"
    '"É um dia histórico para quem depende do transporte público", disse o governador durante a cerimônia. "Prometemos e cumprimos, mesmo com as dificuldades da pandemia." O secretário explicou que os trens vão passar a cada quatro minutos nos horários de pico e a cada oito minutos no restante do dia.\n'
    "\n"
    "Os comerciantes da região estão divididos. Alguns esperam um aumento no movimento das lojas, enquanto outros reclamam da falta de estacionamento perto das novas estações. Uma associação de moradores reuniu mais de duas mil assinaturas pedindo mais linhas de ônibus até as estações.\n"
    "\n"
    "As associações de passageiros elogiaram a abertura, mas pedem que a linha funcione também de madrugada nos fins de semana. O governo prometeu estudar o pedido até o fim do ano, depois dos primeiros meses de operação, quando terá dados sobre a demanda real.\n"
    "\n"
    "Segundo um estudo da universidade estadual, a nova linha pode reduzir em até quinze por cento o número de carros na avenida principal da zona leste nos próximos dois anos. Os autores alertam, porém, que o resultado depende da frequência dos trens e do preço da passagem, que por enquanto continua o mesmo. A próxima etapa, até a divisa com Arujá, deve ficar pronta em 2027.\n"
)
NL = (
    "Nieuwe tramlijn verbindt Utrecht Centraal met de Uithof\n"
    "\n"
    "De wethouder heeft zaterdag de nieuwe tramlijn geopend die het centraal station verbindt met het universiteitsterrein aan de oostkant van de stad. Volgens de gemeente zullen er elke dag ongeveer veertigduizend reizigers gebruik van maken, en de bewoners van de wijk wachten al meer dan tien jaar op de opening.\n"
    "\n"
    "De werkzaamheden hebben vier jaar geduurd en waren veel duurder dan verwacht. De oppositie heeft in de gemeenteraad om uitleg gevraagd over de vertraging, die volgens de ingenieurs werd veroorzaakt door problemen met de ondergrond bij het kanaal.\n"
    "\n"
    '"Dit is een belangrijke dag voor de hele stad", zei de wethouder tegen verslaggevers. "We hebben onze belofte gehouden, ook al duurde het langer dan gepland." De vervoerder legde uit dat de trams in de spits om de vier minuten rijden en \'s avonds om de tien minuten.\n'
    "\n"
    "De ondernemers in de buurt zijn verdeeld. Sommigen hopen op meer klanten, anderen klagen over het verdwijnen van parkeerplaatsen langs de weg. Een groep winkeliers heeft meer dan duizend handtekeningen verzameld voor een nieuwe parkeergarage bij de halte.\n"
    "\n"
    "Reizigersorganisaties zijn blij met de opening, maar vragen de gemeente om de tram ook op zondagochtend vaker te laten rijden. De gemeente heeft beloofd dat verzoek voor het einde van het jaar te bekijken, na de eerste maanden van de dienstregeling.\n"
    "\n"
    "Volgens een onderzoek van de universiteit kan de nieuwe lijn het autoverkeer in het oosten van de stad binnen twee jaar met ongeveer vijftien procent verminderen. De onderzoekers waarschuwen wel dat het resultaat afhangt van de frequentie van de trams en van de prijs van een kaartje, die voorlopig gelijk blijft. Het volgende deel van de lijn, richting Zeist, moet in 2027 klaar zijn. De provincie betaalt een groot deel van de kosten.\n"
)
PL = (
    "Nowa linia tramwajowa połączy Dworzec Centralny z Wilanowem\n"
    "\n"
    "Prezydent Warszawy otworzył w sobotę nową linię tramwajową, która łączy Dworzec Centralny z Wilanowem. Według ratusza będzie z niej codziennie korzystać około czterdziestu tysięcy pasażerów, a mieszkańcy dzielnicy czekali na nią ponad dziesięć lat.\n"
    "\n"
    "Budowa trwała cztery lata i kosztowała znacznie więcej, niż zakładano w umowie. Opozycja zażądała wyjaśnień na sesji rady miasta i chce przesłuchać dyrektora zarządu transportu w sprawie opóźnień, które według inżynierów wynikały z problemów z gruntem w pobliżu Wisły.\n"
    "\n"
    '„To ważny dzień dla całego miasta" – powiedział prezydent dziennikarzom. „Dotrzymaliśmy obietnicy, choć trwało to dłużej, niż planowaliśmy". Przewoźnik wyjaśnił, że tramwaje będą kursować co cztery minuty w godzinach szczytu i co dziesięć minut wieczorem.\n'
    "\n"
    "Przedsiębiorcy z okolicy są podzieleni. Jedni liczą na większą liczbę klientów, inni narzekają na likwidację miejsc parkingowych wzdłuż ulicy. Grupa sklepikarzy zebrała ponad tysiąc podpisów pod petycją o budowę nowego parkingu przy głównym przystanku.\n"
    "\n"
    "Stowarzyszenia pasażerów przyjęły otwarcie linii z zadowoleniem, ale proszą, by tramwaje kursowały częściej także w niedzielne poranki. Ratusz obiecał rozpatrzyć ten wniosek do końca roku, po pierwszych miesiącach działania nowej linii.\n"
    "\n"
    "Według badania przeprowadzonego przez politechnikę nowa linia może w ciągu dwóch lat zmniejszyć ruch samochodowy w południowej części miasta o mniej więcej piętnaście procent. Autorzy zastrzegają jednak, że wynik będzie zależał od częstotliwości kursów i od ceny biletu, która na razie się nie zmienia. Kolejny odcinek, w stronę Konstancina, ma być gotowy w 2027 roku, a jego koszt pokryje w dużej części budżet województwa. Radni dzielnicy chcą też nowych ścieżek rowerowych wzdłuż torowiska, a urzędnicy zapowiadają konsultacje społeczne jeszcze tej jesieni.\n"
)
RU = (
    "В Москве открылась новая станция метро\n"
    "\n"
    "Мэр Москвы открыл в субботу новую станцию Большой кольцевой линии. По его словам, ею будут ежедневно пользоваться более пятидесяти тысяч пассажиров, а жители района ждали открытия больше десяти лет.\n"
    "\n"
    "Строительство продолжалось четыре года и обошлось дороже, чем планировалось. Депутаты городской думы потребовали объяснений у руководства стройкомплекса, которое связывает задержки со сложными грунтами у реки.\n"
    "\n"
    "«Это важный день для всего города», — сказал мэр журналистам. «Мы выполнили обещание, хотя это заняло больше времени, чем мы рассчитывали». В метрополитене пояснили, что поезда будут ходить каждые две минуты в часы пик.\n"
    "\n"
    "Предприниматели района разделились во мнениях. Одни надеются на рост числа покупателей, другие жалуются на то, что у станции стало меньше парковочных мест. Жители собрали более тысячи подписей за строительство перехватывающей парковки.\n"
)
UK = (
    "У Києві відкрили новий міст через Дніпро\n"
    "\n"
    "Мер Києва у суботу відкрив для руху новий міст через Дніпро, який з'єднує Поділ із Троєщиною. За словами міської влади, щодня ним користуватимуться понад сорок тисяч автомобілів, а мешканці лівого берега чекали на це понад десять років.\n"
    "\n"
    "Будівництво тривало кілька років і коштувало значно більше, ніж планувалося. Депутати міської ради вимагали пояснень від підрядника, який пов'язує затримки зі складними ґрунтами біля річки та з подорожчанням металу.\n"
    "\n"
    "«Це важливий день для всього міста», — сказав мер журналістам. «Ми виконали обіцянку, хоча це забрало більше часу, ніж ми розраховували». У департаменті транспорту пояснили, що по мосту також ходитимуть тролейбуси.\n"
    "\n"
    "Підприємці району розділилися в думках. Одні сподіваються на більше покупців, інші скаржаться, що біля мосту стало менше місць для паркування. Мешканці зібрали понад тисячу підписів за будівництво нової зупинки.\n"
)
ZH = (
    "嫦娥六号完成月球背面采样任务\n"
    "\n"
    "新华社北京6月25日电，嫦娥六号返回器于25日14时07分在内蒙古四子王旗预定区域精准着陆，工作正常，标志着探月工程嫦娥六号任务取得圆满成功。\n"
    "\n"
    "这是人类首次从月球背面采集样品并返回地球。国家航天局表示，科研人员将对样品进行分析，研究月球背面的地质演化历史。\n"
    "\n"
    "网友纷纷在社交媒体上分享这一喜讯，不少人表示为中国航天感到骄傲。专家指出，这次任务为今后的载人登月积累了宝贵经验。\n"
)
ZH_HANT = (
    "嫦娥六號完成月球背面採樣任務\n"
    "\n"
    "新華社北京6月25日電，嫦娥六號返回器於25日14時07分在內蒙古四子王旗預定區域精準著陸，工作正常，標誌著探月工程嫦娥六號任務取得圓滿成功。\n"
    "\n"
    "這是人類首次從月球背面採集樣品並返回地球。國家航天局表示，科研人員將對樣品進行分析，研究月球背面的地質演化歷史。\n"
    "\n"
    "網友紛紛在社群媒體上分享這一喜訊，不少人表示為中國航天感到驕傲。專家指出，這次任務為今後的載人登月累積了寶貴經驗。\n"
)
JA = (
    "東京都、猛暑で熱中症警戒アラートを発表\n"
    "\n"
    "気象庁と環境省は２日、東京都に熱中症警戒アラートを発表した。都心では最高気温が３６度に達する見込みで、不要不急の外出を控えるよう呼びかけている。\n"
    "\n"
    "都内では先週から猛暑日が続いており、救急搬送される人も増えている。東京消防庁によると、１日だけで１００人以上が熱中症の疑いで病院に運ばれた。\n"
    "\n"
    "専門家は、こまめな水分補給とエアコンの適切な使用を勧めている。特に高齢者は暑さを感じにくいため、周囲の人が声をかけることが大切だという。\n"
)
CS = (
    "Nová tramvajová trať spojila hlavní nádraží s Barrandovem\n"
    "\n"
    "Primátor Prahy v sobotu slavnostně otevřel novou tramvajovou trať, která spojuje hlavní nádraží se sídlištěm Barrandov. Podle magistrátu ji bude každý den využívat přibližně čtyřicet tisíc cestujících a obyvatelé čtvrti na ni čekali více než deset let.\n"
    "\n"
    "Stavba trvala čtyři roky a stála výrazně více, než se původně plánovalo. Opozice žádala vysvětlení na zasedání zastupitelstva a chce vyslechnout ředitele dopravního podniku kvůli zpožděním, která podle inženýrů způsobilo složité podloží v blízkosti řeky.\n"
    "\n"
    '„Je to důležitý den pro celé město," řekl primátor novinářům. „Splnili jsme slib, i když to trvalo déle, než jsme čekali." Dopravní podnik vysvětlil, že tramvaje budou ve špičce jezdit každé čtyři minuty a večer každých deset minut.\n'
    "\n"
    "Podnikatelé v okolí jsou rozděleni. Někteří doufají ve více zákazníků, jiní si stěžují na zrušení parkovacích míst podél ulice. Skupina obchodníků sebrala více než tisíc podpisů pod petici za stavbu nového parkoviště u hlavní zastávky.\n"
    "\n"
    "Sdružení cestujících otevření trati uvítala, ale žádají, aby tramvaje jezdily častěji také v neděli ráno, kdy je dnes spojů málo. Magistrát slíbil, že žádost posoudí do konce roku, po prvních měsících provozu nové trati.\n"
    "\n"
    "Podle studie technické univerzity může nová trať během dvou let snížit automobilovou dopravu v jižní části města zhruba o patnáct procent. Autoři ovšem upozorňují, že výsledek bude záviset na četnosti spojů a na ceně jízdenky, která se zatím nemění. Další úsek směrem na Slivenec má být hotový v roce 2027.\n"
    "\n"
    "Dopravní experti zároveň upozorňují, že důležité bude propojení nové trati s metrem a autobusy, aby lidé nemuseli při přestupu chodit daleko.\n"
)
TR = (
    "İstanbul'da yeni metro hattı havalimanına bağlandı\n"
    "\n"
    "Belediye başkanı cumartesi günü şehir merkezini havalimanına bağlayan yeni metro hattını törenle açtı. Belediyeye göre hat her gün yaklaşık elli bin yolcu taşıyacak ve bölge sakinleri bu açılışı on yıldan uzun süredir bekliyordu.\n"
    "\n"
    "İnşaat dört yıl sürdü ve başlangıçta planlanandan çok daha pahalıya mal oldu. Muhalefet meclis toplantısında açıklama istedi ve mühendislerin nehir yakınındaki zemin sorunlarına bağladığı gecikmeler hakkında ulaşım müdürünün dinlenmesini talep etti.\n"
    "\n"
    '"Bu, bütün şehir için önemli bir gün," dedi başkan gazetecilere. "Sözümüzü tuttuk, planladığımızdan daha uzun sürse de." İşletme, trenlerin yoğun saatlerde dört dakikada bir, akşamları ise on dakikada bir sefer yapacağını açıkladı.\n'
    "\n"
    "Bölgedeki esnaf ikiye bölünmüş durumda. Bazıları müşteri sayısının artmasını umarken, diğerleri cadde boyunca kaldırılan park yerlerinden şikâyet ediyor. Bir grup dükkân sahibi ana istasyonun yanına yeni bir otopark yapılması için bin imzadan fazla topladı.\n"
    "\n"
    "Yolcu dernekleri açılışı memnuniyetle karşıladı, ancak trenlerin pazar sabahları da daha sık çalışmasını istiyor. Belediye, hattın ilk aylarındaki verilere baktıktan sonra bu talebi yıl sonuna kadar değerlendireceğine söz verdi.\n"
    "\n"
    "Teknik üniversitenin bir araştırmasına göre yeni hat iki yıl içinde şehrin kuzeyindeki otomobil trafiğini yüzde on beş kadar azaltabilir. Araştırmacılar ise sonucun sefer sıklığına ve bilet fiyatına bağlı olacağı konusunda uyarıyor. Hattın bir sonraki bölümünün 2027 yılında tamamlanması bekleniyor, maliyetinin büyük kısmını da bakanlık karşılayacak.\n"
    "\n"
    "Ulaştırma uzmanları, yeni hattın şehrin diğer raylı sistemleriyle entegrasyonunun da önemli olduğunu vurguluyor. Uzmanlara göre aktarma istasyonlarındaki yürüme mesafeleri kısaltılmazsa yolcuların bir kısmı yine özel araçlarını tercih edebilir. Belediye, aktarma noktalarında yeni yürüyen bantlar ve asansörler kurulacağını, engelli yolcular için de ek düzenlemeler yapılacağını açıkladı. Projenin tamamlanmasıyla birlikte şehirdeki toplam raylı sistem uzunluğunun iki yüz kilometreyi aşması bekleniyor.\n"
    "\n"
    "Açılış töreninde konuşan bakan yardımcısı, benzer projelerin Ankara ve İzmir'de de planlandığını söyledi.\n"
)
SV = (
    "Ny spårvagnslinje förbinder centralstationen med universitetet\n"
    "\n"
    "Kommunstyrelsens ordförande invigde på lördagen den nya spårvagnslinjen som förbinder centralstationen med universitetsområdet i stadens norra del. Enligt kommunen kommer omkring fyrtiotusen resenärer att använda linjen varje dag, och invånarna i området har väntat på den i mer än tio år.\n"
    "\n"
    "Bygget tog fyra år och blev betydligt dyrare än vad som stod i det ursprungliga avtalet. Oppositionen har begärt en förklaring i kommunfullmäktige och vill höra trafikdirektören om förseningarna, som ingenjörerna förklarar med problem i marken nära ån.\n"
    "\n"
    "– Det här är en viktig dag för hela staden, sa ordföranden till reportrarna. Vi har hållit vårt löfte, även om det tog längre tid än vi hade planerat. Trafikbolaget förklarade att vagnarna ska gå var fjärde minut i rusningstid och var tionde minut på kvällen.\n"
    "\n"
    "Handlarna i området är splittrade. En del hoppas på fler kunder, medan andra klagar på att parkeringsplatserna längs gatan har försvunnit. En grupp butiksägare har samlat in mer än tusen namnunderskrifter för ett nytt parkeringshus vid hållplatsen.\n"
    "\n"
    "Resenärernas organisationer välkomnar öppningen, men vill att spårvagnarna också ska gå oftare på söndagsmorgnarna. Kommunen har lovat att se över önskemålet före årets slut, när de första månadernas siffror finns.\n"
    "\n"
    "Enligt en studie från tekniska högskolan kan den nya linjen minska biltrafiken i stadens norra delar med ungefär femton procent inom två år. Forskarna varnar dock för att resultatet beror på turtätheten och på biljettpriset, som tills vidare är oförändrat. Nästa etapp, mot grannkommunen, ska vara klar 2027.\n"
    "\n"
    "Trafikforskare påpekar samtidigt att bytena mellan spårvagn, buss och pendeltåg måste bli enklare om fler ska lämna bilen hemma.\n"
)
ID = (
    "Jalur MRT baru hubungkan pusat kota dengan bandara\n"
    "\n"
    "Gubernur meresmikan jalur MRT baru yang menghubungkan pusat kota dengan bandara internasional pada hari Sabtu. Menurut pemerintah provinsi, jalur ini akan digunakan oleh sekitar lima puluh ribu penumpang setiap hari, dan warga di kawasan timur sudah menunggu pembangunannya selama lebih dari sepuluh tahun.\n"
    "\n"
    "Pembangunan berlangsung selama empat tahun dan menelan biaya jauh lebih besar dari yang direncanakan dalam kontrak awal. Anggota dewan meminta penjelasan dari pemerintah dan ingin memanggil kepala dinas perhubungan terkait keterlambatan, yang menurut para insinyur disebabkan oleh kondisi tanah di dekat sungai.\n"
    "\n"
    '"Ini hari yang penting bagi seluruh warga kota," kata gubernur kepada wartawan. "Kami sudah menepati janji, meskipun waktunya lebih lama dari rencana." Operator menjelaskan bahwa kereta akan datang setiap empat menit pada jam sibuk dan setiap sepuluh menit pada malam hari.\n'
    "\n"
    "Para pedagang di sekitar stasiun terbelah pendapatnya. Sebagian berharap pembeli akan bertambah, sementara yang lain mengeluhkan hilangnya tempat parkir di sepanjang jalan. Sekelompok pemilik toko telah mengumpulkan lebih dari seribu tanda tangan untuk meminta gedung parkir baru di dekat stasiun utama.\n"
    "\n"
    "Kelompok penumpang menyambut baik pembukaan jalur ini, tetapi meminta agar kereta juga lebih sering beroperasi pada Minggu pagi. Pemerintah berjanji akan mempelajari permintaan itu sebelum akhir tahun, setelah bulan-bulan pertama operasi memberikan data tentang jumlah penumpang yang sebenarnya.\n"
    "\n"
    "Menurut kajian universitas negeri, jalur baru ini dapat mengurangi jumlah mobil di jalan utama kawasan timur hingga lima belas persen dalam dua tahun. Para peneliti mengingatkan bahwa hasilnya bergantung pada frekuensi kereta dan harga tiket, yang untuk sementara tidak berubah.\n"
    "\n"
    "Pengamat transportasi juga mengingatkan pentingnya integrasi dengan bus dan kereta komuter agar penumpang tidak perlu berjalan jauh.\n"
)
KO = (
    "서울 지하철 새 노선 개통, 도심과 공항 연결\n"
    "\n"
    "서울시는 토요일 도심과 국제공항을 잇는 새 지하철 노선을 개통했다고 밝혔다. 시에 따르면 하루 약 5만 명의 승객이 이 노선을 이용할 것으로 예상되며, 지역 주민들은 10년 넘게 개통을 기다려 왔다.\n"
    "\n"
    "공사는 4년 동안 진행됐고 비용은 당초 계획보다 크게 늘었다. 시의회는 공사 지연에 대한 설명을 요구했으며, 기술자들은 강 주변의 지반 문제를 원인으로 꼽았다.\n"
    "\n"
    '시장은 기자들에게 "오늘은 시민 모두에게 중요한 날"이라며 "예정보다 늦었지만 약속을 지켰다"고 말했다. 운영사는 출퇴근 시간에는 4분, 저녁에는 10분 간격으로 열차를 운행한다고 설명했다.\n'
)

#: Per language: the article, the lines set over it (after its headline), the lines set under it,
#: a sentence of the article holding the same words.
PAGES = {
    "it": (
        IT,
        ["di", "2 ore fa"],
        [
            "3 commenti",
            "Mario Rossi scrive:",
            "12 marzo 2024 alle 14:03",
            "Finalmente! Aspettavamo questo tram da anni, speriamo che funzioni bene anche d'inverno.",
            "Rispondi",
            "Giulia Bianchi scrive:",
            "12 marzo 2024 alle 15:10",
            "Io abito in viale Zara e i lavori sono stati un incubo, ma ne è valsa la pena.",
            "Rispondi",
            "Lascia un commento",
            "Annulla risposta",
            "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
            "Commento",
            "Salva il mio nome, email e sito web in questo browser per la prossima volta che commento.",
            "Commento all'articolo",
            "Questo sito usa Akismet per ridurre lo spam. Scopri come i tuoi dati vengono elaborati.",
        ],
        "Un lettore ci ha scritto di lasciare un commento sotto l'articolo, e in 3 commenti arrivati due ore fa altri hanno chiesto perché i campi obbligatori sono contrassegnati solo in italiano; il sindaco scrive spesso ai cittadini e ha risposto: «Rispondi tu, Mario».",
    ),
    "pt": (
        PT,
        ["Por", "há 2 horas"],
        [
            "3 comentários",
            "Ana Souza disse:",
            "12 de março de 2024 às 14:03",
            "Finalmente! Esperamos essa linha por anos, tomara que funcione bem nos fins de semana.",
            "Responder",
            "Paulo Lima disse:",
            "12 de março de 2024 às 15:10",
            "Moro perto da estação e as obras foram um pesadelo, mas valeu a pena.",
            "Responder",
            "Deixe um comentário",
            "Cancelar resposta",
            "O seu endereço de email não será publicado. Campos obrigatórios são marcados com *",
            "Comentário",
            "Publicar comentário",
            "Este site utiliza o Akismet para reduzir spam. Saiba como seus dados em comentários são processados.",
        ],
        "Um leitor nos pediu para deixar um comentário sobre a obra, e há 2 horas recebemos 3 comentários de moradores; o governador disse que o seu endereço de email não será publicado sem autorização.",
    ),
    "nl": (
        NL,
        ["door", "2 uur geleden"],
        [
            "3 reacties",
            "Jan de Vries zegt:",
            "12 maart 2024 om 14:03",
            "Eindelijk! We wachten al jaren op deze tram, hopelijk rijdt hij ook in het weekend vaak.",
            "Beantwoorden",
            "Fatima El Amrani zegt:",
            "12 maart 2024 om 15:10",
            "Ik woon vlak bij de halte en de werkzaamheden waren een nachtmerrie, maar het was het waard.",
            "Beantwoorden",
            "Geef een reactie",
            "Reactie annuleren",
            "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
            "Reactie",
            "Reactie plaatsen",
            "Deze site gebruikt Akismet om spam te verminderen. Bekijk hoe je reactie-gegevens worden verwerkt.",
        ],
        "Een lezer vroeg ons om een reactie te plaatsen over de tram, en 2 uur geleden kwamen er 3 reacties binnen; de wethouder zegt dat je e-mailadres wordt niet gepubliceerd als je dat niet wilt.",
    ),
    "pl": (
        PL,
        ["2 godziny temu"],
        [
            "3 komentarze",
            "Anna Nowak pisze:",
            "12.03.2024 o 14:03",
            "Nareszcie! Czekaliśmy na ten tramwaj latami, oby jeździł często także w weekendy.",
            "Odpowiedz",
            "Piotr Zieliński pisze:",
            "12.03.2024 o 15:10",
            "Mieszkam przy przystanku i budowa była koszmarem, ale było warto.",
            "Odpowiedz",
            "Dodaj komentarz",
            "Anuluj pisanie odpowiedzi",
            "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
            "Komentarz",
            "Opublikuj komentarz",
            "Ta witryna wykorzystuje Akismet, aby ograniczyć spam. Dowiedz się więcej jak przetwarzane są dane komentarzy.",
        ],
        "Czytelnik poprosił nas, by dodać komentarz do artykułu, a 2 godziny temu dostaliśmy 3 komentarze mieszkańców; prezydent pisze, że twój adres e-mail nie zostanie opublikowany bez zgody.",
    ),
    "ru": (
        RU,
        ["3 часа назад"],
        [
            "5 комментариев",
            "Добавить комментарий",
            "Отменить ответ",
            "Ваш адрес email не будет опубликован. Обязательные поля помечены *",
            "Комментарий",
            "Отправить комментарий",
            "Свежие комментарии",
        ],
        "Читатель попросил нас добавить комментарий к статье, и 3 часа назад мы получили 5 комментариев жителей; мэр ответил, что ваш адрес email не будет опубликован без согласия.",
    ),
    "uk": (
        UK,
        ["3 години тому"],
        [
            "5 коментарів",
            "Напишіть коментар",
            "Скасувати відповідь",
            "Ваша e-mail адреса не оприлюднюватиметься. Обов’язкові поля позначені *",
            "Коментар",
            "Додати коментар",
            "Останні коментарі",
        ],
        "Читач попросив нас додати коментар до статті, і 3 години тому ми отримали 5 коментарів мешканців; мер відповів, що ваша адреса не оприлюднюватиметься без згоди.",
    ),
    "zh": (
        ZH,
        ["3小时前"],
        [
            "12条评论",
            "发表评论",
            "取消回复",
            "电子邮件地址不会被公开。 必填项已用*标注",
            "评论",
            "您的评论正在等待审核。",
            "近期评论",
        ],
        "有网友3小时前在微博发表评论说，电子邮件地址不会被公开的规定很重要，已有12条评论表示赞同。",
    ),
    "zh-hant": (
        ZH_HANT,
        ["3小時前"],
        [
            "1 則迴響",
            "發表迴響",
            "取消回覆",
            "你的電子郵件位址並不會被公開。",
            "必要欄位標記為 *",
            "張貼迴響",
            "近期迴響",
        ],
        "有網友3小時前在臉書發表迴響說，電子郵件地址不會被公開的規定很重要，已有1則迴響表示贊同。",
    ),
    "ja": (
        JA,
        ["3時間前"],
        [
            "3件のコメント",
            "コメントを残す",
            "コメントをキャンセル",
            "メールアドレスが公開されることはありません。 ※ が付いている欄は必須項目です",
            "コメント",
            "コメントを送信",
            "最近のコメント",
        ],
        "ある読者は3時間前、コメントを残す欄に「メールアドレスが公開されることはありません」と書かれていて安心したと話した。",
    ),
    "cs": (
        CS,
        ["před 2 hodinami"],
        [
            "3 komentáře",
            "Jana Nováková napsal:",
            "12.03.2024 v 14:03",
            "Konečně! Na tuhle tramvaj jsme čekali roky, snad bude jezdit často i o víkendu.",
            "Odpovědět",
            "Petr Dvořák napsal:",
            "12.03.2024 v 15:10",
            "Bydlím u zastávky a stavba byla noční můra, ale stálo to za to.",
            "Odpovědět",
            "Napsat komentář",
            "Zrušit odpověď na komentář",
            "Vaše emailová adresa nebude zveřejněna. Vyžadované informace jsou označeny *",
            "Odeslat komentář",
            "Nejnovější komentáře",
        ],
        "Čtenář nás požádal, abychom mohli napsat komentář k článku, a před 2 hodinami přišly 3 komentáře obyvatel; primátor odpověděl, že vaše emailová adresa nebude zveřejněna bez souhlasu.",
    ),
    "tr": (
        TR,
        ["2 saat önce"],
        [
            "3 Yorum",
            "Bir Cevap Yazın",
            "Cevabı iptal et",
            "E-posta hesabınız yayımlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir",
            "Yorum",
            "Yorum gönder",
            "Son Yorumlar",
        ],
        "Bir okur bize yazıya yorum yap diye not bıraktı ve 2 saat önce 3 yorum geldi; başkan, e-posta hesabınız yayımlanmayacak dedi ve yorumlar kapalı olmayacak diye ekledi.",
    ),
    "sv": (
        SV,
        ["2 timmar sedan"],
        [
            "3 kommentarer",
            "Anna Lindqvist skriver:",
            "12 mars 2024 kl 14:03",
            "Äntligen! Vi har väntat på spårvagnen i åratal, hoppas den går ofta på helgerna också.",
            "Svara",
            "Erik Johansson skriver:",
            "12 mars 2024 kl 15:10",
            "Jag bor vid hållplatsen och bygget var en mardröm, men det var värt det.",
            "Svara",
            "Lämna ett svar",
            "Avbryt svar",
            "E-postadressen publiceras inte. Obligatoriska fält är märkta *",
            "Skicka kommentar",
            "Senaste kommentarer",
        ],
        "En läsare bad oss att lämna en kommentar om spårvagnen, och för 2 timmar sedan kom 3 kommentarer från boende; ordföranden skriver att e-postadressen publiceras inte utan samtycke.",
    ),
    "id": (
        ID,
        ["2 jam yang lalu"],
        [
            "3 Komentar",
            "Budi Santoso mengatakan:",
            "12 Maret 2024 pukul 14:03",
            "Akhirnya! Sudah bertahun-tahun kami menunggu jalur ini, semoga keretanya tepat waktu.",
            "Balas",
            "Siti Rahayu mengatakan:",
            "12 Maret 2024 pukul 15:10",
            "Saya tinggal dekat stasiun dan pembangunannya sangat mengganggu, tetapi hasilnya sepadan.",
            "Balas",
            "Tinggalkan Balasan",
            "Batalkan balasan",
            "Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *",
            "Komentar",
            "Kirim Komentar",
            "Komentar Terbaru",
        ],
        "Seorang pembaca meminta kami untuk tinggalkan komentar di bawah artikel, dan 2 jam yang lalu ada 3 komentar dari warga; gubernur mengatakan alamat email Anda tidak akan dipublikasikan tanpa izin.",
    ),
    "ko": (
        KO,
        ["3시간 전"],
        [
            "댓글 12개",
            "댓글 남기기",
            "응답 취소",
            "이메일은 공개되지 않습니다. 필수 입력창은 * 로 표시되어 있습니다",
            "댓글",
            "댓글 달기",
            "최근 댓글",
        ],
        "한 독자는 3시간 전 댓글 남기기 창에 이메일은 공개되지 않습니다라는 안내가 있어 안심했다고 말했다.",
    ),
}


def _page(lang: str) -> str:
    article, top, bottom, _ = PAGES[lang]
    headline, rest = article.split("\n\n", 1)
    return "\n\n".join([headline, *top, rest.rstrip("\n"), *bottom]) + "\n"


def _found(text: str, select: list[str] | None = None) -> list[tuple[str, int]]:
    settings = Settings() if select is None else Settings(select=select)
    diags = Linter(settings).lint(Document("page.txt", text)).diagnostics
    return sorted((d.code, d.line) for d in diags)


def _b002(*lines: int) -> list[tuple[str, int]]:
    return [("B002", n) for n in lines]


#: A thread of two comments under the counter on line ``counter``: B011 from the counter, B012 at
#: both headers and at the stamp under each, B002 at the counter and at each "Reply", as in English
#: ("3 Comments" over "NAME says:" over "March 12, 2024 at 2:03 pm"; these languages' stamps and
#: counters are known since session 46).
def _thread(counter: int) -> list[tuple[str, int]]:
    first = counter + 2
    return [
        ("B002", counter),
        ("B011", counter),
        ("B012", first),
        ("B012", first + 2),
        ("B002", first + 6),
        ("B012", first + 8),
        ("B012", first + 10),
    ] + _b002(first + 14)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # the form's "Commento" label (line 43) is left: an op-ed's kicker as often
        ("it", [("B007", 3), ("B023", 5), *_thread(19), *_b002(37, 39, 41, 45, 47, 49)]),
        ("pt", [("B007", 3), ("B023", 5), *_thread(19), *_b002(37, 39, 41, 45, 47)]),
        ("nl", [("B007", 3), ("B023", 5), *_thread(19), *_b002(37, 39, 41, 45, 47)]),
        ("pl", [("B023", 3), *_thread(17), *_b002(35, 37, 39, 43, 45)]),
        ("ru", [("B023", 3), *_b002(13, 15, 17, 19, 23, 25)]),
        ("uk", [("B023", 3), *_b002(13, 15, 17, 19, 23, 25)]),
        ("zh", [("B023", 3), *_b002(11, 13, 15, 17, 21, 23)]),
        ("zh-hant", [("B023", 3), *_b002(11, 13, 15, 17, 19, 21, 23)]),
        ("ja", [("B023", 3), *_b002(11, 13, 15, 17, 21, 23)]),
        ("cs", [("B023", 3), *_thread(19), *_b002(37, 39, 41, 43, 45)]),
        ("tr", [("B023", 3), *_b002(21, 23, 25, 27, 31, 33)]),
        ("sv", [("B023", 3), *_thread(19), *_b002(37, 39, 41, 43, 45)]),
        ("id", [("B023", 3), *_thread(19), *_b002(37, 39, 41, 43, 45, 47)]),
        ("ko", [("B023", 3), *_b002(11, 13, 15, 17, 19, 21, 23)]),
    ],
)
def test_comment_section_of_other_languages(lang: str, expected: list[tuple[str, int]]) -> None:
    """The default selection reports the byline, the timestamp and the lines of the comment
    section (WordPress's, in the page's language), and nothing of the article."""
    assert _found(_page(lang)) == sorted(expected)


@pytest.mark.parametrize("lang", list(PAGES))
def test_the_same_words_in_a_sentence(lang: str) -> None:
    """The words of the comment section inside a sentence of the article are the article's."""
    article, _, _, sentence = PAGES[lang]
    assert _found(article.rstrip("\n") + "\n\n" + sentence + "\n", RULES) == []


@pytest.mark.parametrize("lang", list(PAGES))
def test_the_clean_article(lang: str) -> None:
    """The article alone: no finding of any default rule."""
    assert _found(PAGES[lang][0]) == []


@pytest.mark.parametrize(("lang", "word"), [("id", "Komentar"), ("ko", "댓글")])
def test_a_story_word_between_paragraphs(lang: str, word: str) -> None:
    """The one-word "Comment" of a language that lists it is a subheading between two paragraphs
    of the article (`story-words`): left alone there, reported in the form (above)."""
    paragraphs = PAGES[lang][0].rstrip("\n").split("\n\n")
    text = "\n\n".join([*paragraphs[:3], word, *paragraphs[3:]]) + "\n"
    assert _found(text, RULES) == []


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("pl", "**Komentarz**"), ("it", "Commento"), ("ru", "Комментарий"), ("uk", "Коментар"), ("tr", "Yorum")],
)
def test_a_commentary_heading_is_no_comment_widget(lang: str, heading: str) -> None:
    """The one-word "Comment" of these languages also heads an analysis's commentary over its
    points (the 20 MB crawl's c309, in Polish): it is no B002 line."""
    paragraphs = PAGES[lang][0].rstrip("\n").split("\n\n")
    points = "  * " + paragraphs[2][:80] + "\n  * " + paragraphs[3][:80]
    text = "\n\n".join([*paragraphs[:2], heading, points, *paragraphs[4:]]) + "\n"
    assert _found(text, ["B002"]) == []


def test_the_opinion_pages_in_a_chinese_menu() -> None:
    """ "评论" is the opinion pages' name in a portal's menu (the 20 MB crawl's c1130): no B002
    line; "最新评论" (latest comments) is."""
    menu = "  * 首页\n  * 今日谈\n  * 评论\n  * 文化\n  * 教育\n"
    assert _found(menu + "\n" + ZH + "\n  * 最新评论\n", ["B002"]) == [("B002", 15)]


def test_ukrainian_pages_read_the_uk_table() -> None:
    """A Ukrainian page is placed as "uk" and reads B002's `uk` table (the `ru` table's two
    Ukrainian lines were all a Ukrainian page had before, read only when Russian stop words were
    a quarter of its own)."""
    from lintnews.packs import load_packs
    from lintnews.packs.matching import pack_languages

    settings = Settings()
    doc = Document("page.txt", _page("uk"))
    assert pack_languages(doc, settings, load_packs(settings))[0] == "uk"
    assert ("B002", 17) in _found(_page("uk"))  # "Скасувати відповідь": the `uk` table only


def test_an_empty_comment_box_of_a_chinese_portal() -> None:
    """The portals' empty or closed comment box ("还没有评论，快来抢沙发吧！", "暂无热评，快来抢沙发>>",
    "评论内容为空！", "该评论已关闭!"); the same words run into a sentence are left alone."""
    box = "还没有评论，快来抢沙发吧！\n\n暂无热评，快来抢沙发>>\n\n评论内容为空！\n\n该评论已关闭!\n"
    assert _found(ZH + "\n" + box, ["B002"]) == _b002(9, 11, 13, 15)
    assert _found(ZH + "\n网友说还没有评论快来抢沙发吧这句话很有意思。\n", ["B002"]) == []


def test_a_polish_portals_notes_over_its_thread() -> None:
    """Gazeta.pl's sort tabs run together and its delay notice over the thread."""
    notes = (
        "NajnowszePopularneNajstarsze\n\nUwaga, Twój komentarz może pojawić się z opóźnieniem do 10 minut."
        " Zanim dodasz komentarz -zapoznaj się z regulaminem.\n"
    )
    assert _found(PL + "\n" + notes, ["B002"]) == _b002(15, 17)
