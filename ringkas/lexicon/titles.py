"""Titles, offices, honorifics and degrees: the words that stand before (or after) a person's
name. The name tagger (``ROLE_HEADS``, ``HONORIFICS``, ...) and the speaker reader
(``SPEAKER_TITLES``) both read them; their lists are the shared ``TITLES`` plus their own."""

from __future__ import annotations

from . import word_set

# Offices of state and region: "Presiden", "Menteri", "Bupati Garut", "Sekda".
GOVERNMENT_OFFICES = word_set(
    """
    presiden wapres wakil perdana menteri menlu menhan mendagri menkeu menko senator gubernur wagub bupati
    wabup walikota wali camat lurah kades sekda sekjen sekretaris
    mendikbud mendikbudristek mendikdasmen mendiktisaintek menkes menpora menaker mensos mentan menhub
    menpar menparekraf menpanrb menkominfo menkomdigi menag menperin mendag menlhk menkumham menesdm
    menkop menkopukm menpppa menbud menpera mensesneg seskab
    """
)

# Heads and officers of any body: "Ketua", "Kepala Dinas", "Plt", "Kabid Humas".
OFFICE_HEADS = word_set(
    """
    ketua kepala direktur dirut deputi asisten koordinator komisaris staf khusus stafsus plt pj kabag kabid
    kasi kasubag kasubdit kasat kadis
    """
)

# Police and armed forces commands and ranks: "Kapolda", "Pangdam", "Brigjen".
POLICE_AND_MILITARY = word_set(
    """
    kapolri kapolda kapolres kapolsek kabareskrim kapuspen panglima pangdam danrem dandim jenderal letjen
    mayjen brigjen laksamana marsekal kolonel kapten komandan wakapolri wakapolda wakapolres kakorlantas
    kasatreskrim kasatlantas kasatnarkoba kasubbid kabidhumas
    """
)

# Prosecution offices: "Jaksa Agung", "Jampidsus", "Kapuspenkum Kejagung", "Kajari".
PROSECUTION_OFFICES = word_set("jampidsus jampidum jamintel jamdatun jamwas kapuspenkum kajari kajati")

# Royal and religious titles: "Raja", "Sultan", "Paus", "Kiai".
ROYAL_AND_RELIGIOUS = word_set("raja ratu pangeran sultan paus uskup habib kiai ustaz")

# Professions and roles a source is named by: "pakar", "pengacara", "pelatih", "CEO".
PROFESSIONS = word_set(
    """
    jaksa hakim advokat pengacara kuasa juru jubir pakar pengamat peneliti analis ahli ekonom profesor dosen
    guru pelatih pemain pemimpin pendiri penasihat penasehat anggota manajer manager ceo cfo chairman founder
    """
)

# Words that put a title in the past or the future: "mantan Presiden", "calon Gubernur".
FORMER_OR_FUTURE = word_set("mantan eks calon")

# The titles both the name tagger and the speaker reader know.
TITLES = (
    GOVERNMENT_OFFICES
    | OFFICE_HEADS
    | POLICE_AND_MILITARY
    | PROSECUTION_OFFICES
    | ROYAL_AND_RELIGIOUS
    | PROFESSIONS
    | FORMER_OR_FUTURE
)

# Academic and religious honorifics written before a name: "Prof", "Dr", "H", "KH", "Ustaz".
SCHOLARLY_HONORIFICS = word_set("prof dr drs dra ir h hj kh ustadz ustaz")

# Words that open a person's role or title for the name tagger: "Presiden Rusia", "Juru Bicara
# Kremlin", "pakar".
ROLE_HEADS = TITLES | word_set(
    """
    ketum waketum direksi kadiv kadispen professor rektor dekan dokter putra putri dubes duta
    politikus politisi penyanyi aktor aktris artis sutradara produser penulis wartawan jurnalis
    pengusaha ajudan ulama ustad imam kanselir pm coo pjs pembina ketua-ketua pejabat diplomat
    legislator
    """
)

# Title and office words that precede a name for the speaker reader ("Juru Bicara Istana Budi
# Hartono"); capitalised in text, they are not part of the name.
SPEAKER_TITLES = (
    TITLES
    | SCHOLARLY_HONORIFICS
    # police ranks, units and posts: "AKBP", "Kasubbag Humas", "Dirreskrimum"
    | word_set(
        """
        aipda aiptu ajun akbp akp bripda bripka briptu ipda iptu irjen kombes komjen kompol letkol letnan mayor
        serda serka sertu pol kasad kasal kasau dirreskrimsus dirreskrimum kanit panit kabiro karo kasubbag
        kapusdatin penyidik humas
        """
    )
    # candidates, athletes and clergy
    | word_set("caleg capres cawapres atlet bek gelandang kiper penyerang striker pembalap petenis pebulu tangkis")
    | word_set("pastor pendeta romo")
    # English titles of foreign sources
    | word_set("chief director executive head lord mr mrs ms officer president secretary sir spokesperson vice")
    # the words that continue a title ("Juru Bicara", "Jaksa Agung", "Plh", "Wawali")
    | word_set("agung besar bicara bos harian hukum pelaksana pimpinan plh senior stafsus tertinggi tugas umum utama")
    | word_set("wawali")
)

# Titles that Indonesian usage keeps inside a name ("Sultan Hamengku Buwono X", "Pangeran
# Diponegoro", "Haji Agus Salim"): a person's span keeps them.
NAME_TITLES = word_set("pangeran raja ratu sultan sunan putri putra tengku teuku kiai kyai habib syekh raden")

# Honorifics and academic titles that stay outside a name, as NERGrit annotates them ("Haji
# [Ahmad]", "Prof [Sarbini Sumawinata]", "Bapak [Ali]"; in NERGrit train + valid "haji" precedes
# a person 5 times and opens one 0 times). Not "ibu", which opens "Ibu Kota".
HONORIFICS = SCHOLARLY_HONORIFICS | word_set("haji hajjah pak bapak bpk sdr sdri mbah")

# Academic degrees written after a name ("Abdullah Sitopan BA", "Budi Santoso SH"), outside it
# in NERGrit. Not "ma" (a surname: "Jack Ma").
DEGREES = word_set("ba bsc sh mh se ak msi mm mba st mt skom spd mpd sip ssos mkes sked phd lc")

# Words that qualify an office: its portfolio or rank ("Menteri Luar Negeri", "Ketua Umum",
# "Jaksa Agung Muda Bidang Pidana Umum").
OFFICE_QUALIFIERS = word_set(
    """
    luar negeri dalam umum besar keuangan pertahanan kesehatan pendidikan agama sosial perhubungan
    perdagangan perindustrian pertanian kehutanan kelautan perikanan hukum ham koordinator bidang
    politik keamanan
    """
)

# Words that continue a title after its head, for the name tagger: "Menteri Luar Negeri",
# "Pemimpin Tertinggi".
TITLE_CONTINUATIONS = OFFICE_QUALIFIERS | word_set(
    """
    bicara tertinggi utama agung muda madya kehormatan khusus senior eksekutif pelaksana harian
    pariwisata perekonomian negara sekretaris kabinet asisten
    """
)

# Offices followed by the place they govern ("Lurah [Mekarsari] Wati", "Kapolres Garut Budi").
JURISDICTIONS = word_set(
    """
    gubernur wagub bupati wabup walikota camat lurah kades kapolda kapolres kapolsek pangdam danrem dandim
    kajati kajari kadis
    """
)

# For the name tagger, with "desa" and "kota" of the spelt-out offices ("Kepala Desa", "Wali
# Kota"): after them, the first of three or more capitalised words is the place, not the person.
JURISDICTION_TITLES = JURISDICTIONS | word_set("desa kota")

# For the speaker reader, with "sekda", "wali" and "wawali" ("Camat Sukamaju", "Wali Kota ...").
SPEAKER_JURISDICTION_TITLES = JURISDICTIONS | word_set("sekda wali wawali")
