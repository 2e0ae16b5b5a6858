"""Word lists the name tagger and the role finder read: role titles, organisation and place
head words, well-known places, given names and speech verbs. Written for ringkas; lower-case."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``."""
    return frozenset(text.split())


_words = word_set


# Words that open a person's role or title: "Presiden Rusia", "Juru Bicara Kremlin", "pakar".
ROLE_HEADS = _words(
    """
    presiden wapres wakil menteri menlu menhan mendagri menkeu menko gubernur wagub bupati wabup walikota wali
    camat lurah kades kepala ketua ketum waketum sekretaris sekjen sekda direktur dirut direksi kapolri kapolda
    kapolres kapolsek kabareskrim kadiv kabid kasat kasubdit kapuspen kadispen kadis kabag kasi panglima
    pangdam danrem dandim jenderal letjen mayjen brigjen laksamana marsekal kolonel kapten komandan jaksa
    hakim juru jubir pakar pengamat peneliti analis ahli profesor professor guru dosen rektor dekan dokter
    pemimpin raja ratu pangeran putra putri sultan perdana dubes duta anggota politikus politisi pelatih
    pemain penyanyi aktor aktris artis sutradara produser penulis wartawan jurnalis pendiri pengusaha ekonom
    pengacara advokat kuasa komisaris koordinator asisten ajudan deputi senator ulama ustaz ustad kiai habib
    uskup paus imam kanselir pm ceo cfo coo founder chairman manajer manager kepala kasubag plt pj pjs
    pembina penasihat penasehat staf khusus ketua-ketua pejabat diplomat legislator mantan eks calon
    """
)

# Titles that Indonesian usage keeps inside a name ("Sultan Hamengku Buwono X", "Pangeran
# Diponegoro", "Haji Agus Salim"): a person's span keeps them.
NAME_TITLES = _words("pangeran raja ratu sultan sunan putri putra tengku teuku kiai kyai habib syekh raden")

# Honorifics and academic titles that stay outside a name, as NERGrit annotates them ("Haji
# [Ahmad]", "Prof [Sarbini Sumawinata]", "Bapak [Ali]"; in NERGrit train + valid "haji" precedes
# a person 5 times and opens one 0 times). Not "ibu", which opens "Ibu Kota".
HONORIFICS = _words("prof dr drs dra ir h hj haji hajjah kh pak bapak bpk sdr sdri ustadz ustaz mbah")

# Academic degrees written after a name ("Abdullah Sitopan BA", "Budi Santoso SH"), outside it
# in NERGrit. Not "ma" (a surname: "Jack Ma").
DEGREES = _words("ba bsc sh mh se ak msi mm mba st mt skom spd mpd sip ssos mkes sked phd lc")

# Words that head an organisation's name: "Kementerian Luar Negeri", "Partai Golkar", "PT".
ORG_HEADS = _words(
    """
    kementerian kemenkes kemendagri kemenlu kemenkeu kemendikbud badan dinas partai pt cv tbk universitas
    institut sekolah sma smp sd smk sman smpn madrasah pesantren komisi dewan majelis mahkamah pengadilan
    kejaksaan kejati kejari kepolisian polda polres polsek polri tni bank perusahaan lembaga yayasan asosiasi
    ikatan persatuan serikat federasi organisasi klub fc united kantor pemerintah pemkot pemkab pemprov dpr
    dprd mpr kpk kpu bawaslu bumn kbri kedutaan konsulat rs rsud museum markas inc corp ltd group grup
    university college council ministry institute association foundation company airlines airways agency
    news kremlin pbb nato asean uni
    """
)

# Organisation heads that make a name an organisation whatever the tagger said ("[Kementerian
# Perhubungan]", not a place; "Direktur Utama [Bank Mandiri]", not a person). Not schools, offices,
# hospitals or museums, which NERGrit mostly annotates as places (train: "sma" opens 46 places
# and 28 organisations).
ORG_ONLY_HEADS = _words(
    """
    kementerian kemenkes kemendagri kemenlu kemenkeu kemendikbud kemenag kemenhan badan dinas partai pt cv
    universitas institut politeknik akademi komisi dewan majelis mahkamah kejaksaan kejati kejari kepolisian
    polda polres polresta polrestabes polsek polri kodam korem kodim bank perusahaan lembaga yayasan asosiasi
    ikatan persatuan federasi organisasi koperasi pemkot pemkab pemprov dpr dprd mpr kpk kpu bawaslu bumn
    university institute ministry association foundation company agency
    """
)

# Words that end an organisation's name ("Hamburger SV", "Musica Records", "James Last
# Orchestra"); in NERGrit train a name ending in one is an organisation 48 times out of 49.
ORG_TAILS = _words(
    """
    fc sv cf ac united inc corp ltd company corporation entertainment records pictures foundation
    association group grup news tbk orchestra airlines airways
    """
)

# Organisations named by one word, which may stand before a person ("Kremlin Dmitry Peskov",
# "Ketua Umum PDIP Megawati Soekarnoputri") and are organisations wherever they stand ("Menurut
# BMKG, ..."): institutions and parties of Indonesian news and international bodies.
ORG_NAMES = _words(
    """
    kremlin pbb nato asean kpk kpu bawaslu dpr dprd dpd mpr tni polri bnpb bpbd bmkg bps bpk bpom ojk lipi
    brin bnn bnpt basarnas bareskrim densus kejagung golkar pdip gerindra nasdem pkb pks ppp hanura perindo
    unesco unicef imf opec fifa uefa
    """
)

# Words that head a place's name: "Desa Sukamaju", "Kabupaten Garut", "Pulau Seram".
PLACE_HEADS = _words(
    """
    desa kelurahan kecamatan kabupaten kota provinsi pulau gunung sungai danau laut selat teluk jalan jl
    kampung dusun dukuh bandara pelabuhan semenanjung tanjung benua kepulauan lembah bukit pantai
    """
)

# Place heads that open the place's name even in lower case ("pusat [kota Pati]", "[Provinsi]
# Sulawesi Tenggara"): in NERGrit train a "desa" right before a place is inside its name 52 times
# out of 53, "kecamatan" 32 of 36, "kota" 16 of 21, capitalised "Provinsi" 15 of 23.
NAME_OPENING_PLACE_HEADS = _words(
    "desa dusun kelurahan kecamatan kabupaten kota provinsi distrik jalan jl kampung sungai pantai pulau gunung"
    " danau bukit"
)

# Countries, regions and cities often in Indonesian news, as single lower-case words.
PLACES = _words(
    """
    indonesia malaysia singapura thailand vietnam filipina myanmar kamboja laos brunei timor jepang china
    tiongkok korea india pakistan bangladesh afganistan afghanistan iran irak suriah arab saudi yordania
    israel palestina gaza mesir turki rusia ukraina jerman prancis perancis inggris italia spanyol portugal
    belanda belgia swiss austria polandia swedia norwegia denmark finlandia yunani amerika kanada meksiko
    brasil argentina chile australia selandia afrika nigeria kenya eropa asia qatar kuwait yaman libya
    tunisia maroko aljazair sudan ethiopia venezuela kolombia peru kuba hongaria ceko rumania serbia kroasia
    jakarta bandung surabaya medan semarang makassar yogyakarta jogja bali jawa sumatera sumatra kalimantan
    sulawesi papua aceh riau banten lampung bengkulu jambi maluku ntt ntb gorontalo manado palembang padang
    pekanbaru batam pontianak banjarmasin balikpapan samarinda kupang mataram denpasar jayapura ambon malang
    solo surakarta bogor depok tangerang bekasi cirebon tasikmalaya garut sukabumi cianjur karawang
    purwakarta subang serang cilegon magelang klaten kudus pati tegal pekalongan kediri blitar madiun jember
    banyuwangi sidoarjo gresik mojokerto pasuruan probolinggo lumajang madura sampang bangkalan pamekasan
    sumenep kendari palu mamuju manokwari sorong merauke ternate tidore bima sumbawa lombok flores
    moskow beijing tokyo seoul pyongyang washington london paris berlin hanoi bangkok manila kuala lumpur
    canberra sydney melbourne perth vladivostok dubai mekah makkah madinah kairo riyadh teheran baghdad
    damaskus ankara istanbul roma madrid amsterdam brussel jenewa wina hongkong taipei taiwan shanghai
    osaka singapore york california texas florida as uea dki
    """
)

# Given names common in Indonesian and international news.
GIVEN_NAMES = _words(
    """
    ahmad achmad muhammad mohammad mohamad muhamad abdul agus budi joko bambang dedi dedy eko hadi hari
    heru iwan joni rudi slamet sri siti dewi ani wati yuni rina ratna nur nurul putri ayu indah fitri
    wahyu yusuf ali hasan husein ibrahim ismail umar usman zainal rizal arief arif andi anton dian dwi tri
    fajar hendra irwan yudi teguh susilo ganjar anies prabowo sandiaga megawati jusuf gita retno sri
    john james michael david robert william richard thomas charles george donald joseph mark paul peter
    kevin chris brian sarah maria anna elizabeth jennifer emma vladimir sergei sergey dmitry dmitri alexey
    alexei alexander artyom ivan nikolai mikhail boris kim park lee choi moon jong xi li wang zhang
    """
)

# Verbs that attribute speech ("kata Pagung", "ujar Muraviev"): the capitalised words after one
# name a speaker.
SPEECH_VERBS = _words(
    """
    kata ujar ungkap tutur jelas terang imbuh tegas sebut tambah papar ucap lanjut tandas pungkas beber
    tukas timpal balas sambung urai jawab tanya seru katanya ujarnya menurut
    """
)

# Words that continue a title after its head: "Menteri Luar Negeri", "Pemimpin Tertinggi".
TITLE_WORDS = _words(
    """
    luar negeri dalam bicara tertinggi utama umum agung besar muda madya kehormatan khusus senior eksekutif
    pelaksana harian keuangan pertahanan kesehatan pendidikan agama sosial perhubungan perdagangan
    perindustrian pertanian kehutanan kelautan perikanan pariwisata hukum ham koordinator bidang politik
    keamanan perekonomian negara sekretaris kabinet asisten
    """
)

# Titles followed by the place they govern ("Lurah [Mekarsari] Wati", "Bupati [Garut] Asep"):
# after them, the first of three or more capitalised words is the place, not the person.
JURISDICTION_TITLES = _words(
    """
    gubernur wagub bupati wabup walikota kota camat lurah kades desa kapolda kapolres kapolsek pangdam danrem
    dandim kajati kajari kadis
    """
)

# Compass words that end place names ("Korea Utara", "Jawa Timur").
DIRECTIONS = _words("utara selatan timur barat tengah tenggara barat daya laut")

# Function words that open sentences capitalised ("Jika Putin ...", "Menurut Pagung ...").
FUNCTION_WORDS = _words(
    """
    jika dalam menurut namun tetapi sementara setelah sebelum saat ketika bagi untuk kepada dengan oleh
    dan atau karena meski walaupun bahkan apalagi hal ini itu kata ujar sedangkan seperti para pada di ke
    dari sejak hingga selain tanpa bersama antara tentang terhadap melalui maka jadi lalu kemudian pun
    juga bahwa yang tak tidak bagaimana apakah mengapa kini
    """
)

# Particles inside names ("Abdurrahman bin Ali", "Ludwig van Beethoven").
NAME_PARTICLES = _words("bin binti van von de der del della da dos du la le al el ibn")

# Weekday and month names that a tagger may glue to a name ("Kremlin Selasa").
DATE_WORDS = _words(
    """
    senin selasa rabu kamis jumat sabtu minggu januari februari maret april mei juni juli agustus
    september oktober november desember
    """
)
