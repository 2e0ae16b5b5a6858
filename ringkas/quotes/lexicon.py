"""Words that mark speech in Indonesian news: verbs of saying, speaker titles and pronouns.

Lower-case throughout; matching is case-insensitive. Lists are general Indonesian journalism
vocabulary (the inverted "…," kata X form, the active "X mengatakan" form, "menurut X"),
not the wording of any one corpus.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of ``words``."""
    return frozenset(words.split())


# Bare stems used after a quote: '"…," kata X', '"…," ujarnya', '"…," tambah dia'.
SAY_AFTER_QUOTE = word_set(
    """
    kata ujar ucap ungkap terang jelas tutur tegas sebut imbuh tambah papar lanjut urai beber
    tandas pungkas seru pinta tanya jawab balas timpal sahut sambung kilah dalih klaim cetus
    tukas kelakar canda keluh sindir tulis tegur ingat harap nilai bilang pesan ajak imbau kenang
    aku akui bantah tampik sangkal tutup simpul
    """
)

# Active (and a few ber-) forms: 'X mengatakan, "…"', 'X menambahkan bahwa …'.
SAY_ACTIVE = word_set(
    """
    mengatakan berkata menyatakan mengucapkan mengungkapkan menerangkan menjelaskan menuturkan
    menegaskan menyebut menyebutkan menambahkan memaparkan melanjutkan menguraikan membeberkan
    menandaskan memungkasi berseru bertanya menanyakan menjawab membalas menimpali menyahut
    menyambung berkilah berdalih mengklaim mengakui mengaku berkelakar bercanda mengeluh
    mengeluhkan menyindir menulis menegur mengingatkan menilai berpendapat menyampaikan
    mengemukakan mengutarakan menekankan mengimbuhkan bilang mengimbau menyimpulkan
    memperingatkan mengumumkan membantah menyangkal menampik memastikan menuding menuduh
    berujar bertutur berucap berpesan berjanji menyerukan
    """
)

# The narrower set that makes an unquoted sentence reported speech ('X mengatakan bahwa …').
# Verbs of feeling or planning ("berharap", "berjanji") and of asking are left out: what follows
# them is not a statement the speaker made.
SAY_INDIRECT = word_set(
    """
    mengatakan berkata menyatakan mengungkapkan menerangkan menjelaskan menuturkan menegaskan
    menyebut menyebutkan menambahkan memaparkan membeberkan menandaskan mengklaim mengakui
    mengaku menilai berpendapat menyampaikan mengemukakan mengutarakan menekankan mengimbuhkan
    menyimpulkan memperingatkan mengumumkan membantah menyangkal menampik memastikan menuding
    menuduh berujar bertutur mengingatkan berjanji memperkirakan membenarkan
    """
)

# Verbs that report speech only when a clause follows them: "memastikan stok aman" and
# "memastikan bahwa …" are statements, "memastikan kemenangan" is a deed.
SAY_OR_DO = word_set("memastikan mengumumkan membenarkan")

# Passive forms: '"…," demikian disampaikan X', 'Hal itu dikatakan oleh X'.
SAY_PASSIVE = word_set(
    """
    dikatakan disampaikan diungkapkan diterangkan dijelaskan dituturkan ditegaskan disebutkan
    dipaparkan diucapkan ditulis dikemukakan diutarakan ditandaskan dibeberkan ditambahkan
    dinyatakan
    """
)

PRONOUNS = word_set("ia dia beliau mereka ibu bapak")

# Words that open an adverbial clause or a connective before the subject of a sentence.
CLAUSE_OPENERS = word_set(
    """
    dalam di pada saat ketika setelah sebelum usai seusai sesudah selama sejak untuk bagi terkait
    soal mengenai tentang atas meski meskipun walau walaupun karena sebab jika apabila bila kalau
    sementara sedangkan namun tetapi tapi akan adapun selain menurut dengan tanpa lewat melalui
    sebelumnya kemudian lalu jadi bahkan oleh sebagai demi hingga sampai ketika kini sekarang
    kemarin hari dari ke
    """
)

# Connectives dropped from the start of a subject ("Namun Budi mengatakan …").
CONNECTIVES = word_set("namun tetapi tapi dan lalu kemudian sementara itu pun sedangkan bahkan adapun")

# Nouns that head a description of an unnamed speaker ("seorang pejabat Rusia").
QUANTIFIERS = ("salah seorang", "salah satu", "seorang", "sejumlah", "beberapa", "para", "sebagian")

# Title and office words that precede a name ("Juru Bicara Istana Budi Hartono"); capitalised
# in text, they are not part of the name.
TITLE_WORDS = word_set(
    """
    presiden wakil wapres menteri menko menlu menhan menkeu mendagri ketua kepala juru bicara jubir
    direktur dirut gubernur wagub bupati wabup wali walikota wawali camat lurah kades sekretaris
    sekjen jenderal komisaris kapolri kapolda kapolres kapolsek kasat kabid kasubdit kadis kapuspen
    kabareskrim dirreskrimum dirreskrimsus panglima pangdam danrem dandim komandan kasad kasal kasau
    jaksa hakim ketua anggota pimpinan pemimpin perdana raja ratu pangeran sultan senator
    profesor prof dr drs dra ir h hj kh ustaz ustadz habib kiai romo pastor pendeta uskup paus
    pengamat pakar peneliti analis dosen guru besar ekonom ahli advokat pengacara kuasa hukum
    pelatih kapten manajer bos ceo cfo founder pendiri staf khusus stafsus deputi asisten kepala
    plt pj plh kabag kasubag koordinator humas kasi kanit panit pelaksana tugas harian
    tertinggi agung utama umum senior mantan eks calon capres cawapres caleg penyidik kompol akbp
    ajun kombes irjen komjen brigjen mayjen letjen jenderal kolonel letkol mayor kapten letnan
    serda sertu serka bripka briptu bripda aiptu aipda ipda iptu akp laksamana marsekal
    gelandang penyerang bek kiper striker pemain atlet pebulu tangkis petenis pembalap
    manager director head chief officer president vice executive spokesperson secretary chairman
    pol mr mrs ms sir lord penasihat penasehat wakil sekda sekjen kadis kabiro karo kasubbag kapusdatin
    """
)

# Heads of descriptions that are sources but not people ("menurut data BPS", "laporan media").
NON_PERSON_HEADS = word_set(
    """
    data laporan survei hasil situs laman akun dokumen catatan keterangan rilis pernyataan
    informasi kabar berita media kantor surat riset studi penelitian kajian analisis perhitungan
    hitungan pantauan temuan aturan undang-undang peraturan putusan keputusan sumber-sumber
    jadwal rencana perkiraan prakiraan statistik unggahan cuitan postingan video rekaman foto
    """
)

# Words that end a speaker phrase: what follows is the circumstance, not the speaker.
PHRASE_STOPS = word_set(
    """
    dalam saat ketika kepada di pada usai seusai setelah sebelum melalui lewat via sembari
    sambil seraya sebagaimana seperti menurut dengan untuk terkait soal mengenai tentang dari
    yang kemarin hari senin selasa rabu kamis jumat sabtu minggu
    """
)

# Capitalised words of offices, places and institutions that sit between a title and a name
# ("Menteri Keuangan Rina Wulandari", "Presiden Prancis Jean Moreau"). Only used when analysis
# found no person mention to say where the name starts.
AFFILIATION_WORDS = word_set(
    """
    keuangan luar dalam negeri pertahanan kesehatan pendidikan agama perhubungan sosial perdagangan
    perindustrian pertanian kelautan perikanan kehutanan lingkungan hidup hukum ham keamanan politik
    koordinator bidang umum hubungan masyarakat operasional penanggulangan bencana daerah nasional
    kabupaten provinsi kota kecamatan desa kepolisian resor sektor satuan reserse kriminal lalu lintas
    dinas badan kementerian lembaga komisi dewan majelis mahkamah kejaksaan pengadilan tinggi negeri
    istana kremlin gedung putih pbb nato asean uni eropa balai besar wilayah sungai puskesmas rumah sakit
    umum daerah hulu hilir raya pusat regional cabang unit
    indonesia rusia amerika serikat as china tiongkok jepang korea utara selatan inggris prancis
    perancis jerman india australia malaysia singapura thailand filipina vietnam arab saudi iran irak
    israel palestina ukraina turki mesir belanda italia spanyol kanada brasil myanmar kamboja brunei
    timor leste pakistan afghanistan suriah qatar emirat asia afrika barat timur tengah jakarta jawa
    sumatera kalimantan sulawesi papua bali ri dki jabar jateng jatim aceh riau kepulauan jambi
    bengkulu lampung bangka belitung banten yogyakarta diy nusa tenggara ntb ntt gorontalo maluku
    kepri sumut sumbar sumsel kalbar kalteng kalsel kaltim kaltara sulut sulteng sulsel sultra
    sulbar malut babel
    """
)

# Where a role phrase stops: the circumstance of the statement follows.
ROLE_STOPS = word_set(
    """
    dalam saat ketika kepada pada usai seusai setelah sebelum melalui lewat via sembari sambil
    seraya sebagaimana seperti menurut kemarin senin selasa rabu kamis jumat sabtu minggu
    """
)

# Common nouns that describe an unnamed speaker without a quantifier ("warga", "polisi").
PERSON_NOUNS = word_set(
    """
    pejabat sumber juru jubir warga saksi korban petugas polisi aparat pengamat analis ahli pakar
    peneliti dokter perawat bidan guru dosen siswa mahasiswa pedagang petani nelayan buruh pekerja
    karyawan pegawai sopir pengemudi penumpang pengunjung wisatawan relawan aktivis tokoh politisi
    politikus diplomat tentara prajurit anggota pengurus panitia penyidik jaksa hakim pengacara kuasa
    keluarga kerabat tetangga ibu ayah bapak istri suami anak kakak adik pria wanita perempuan
    laki-laki lelaki remaja ketua kepala direktur manajer pemilik pengelola penduduk ekonom investor
    pelaku tersangka terdakwa narasumber pemimpin ulama kiai ustaz pendeta menteri presiden
    gubernur bupati wali camat lurah komandan pelatih pemain atlet penyanyi artis nenek kakek
    """
)

# Words after a verb of saying that open its circumstance, not what was said.
COMPLEMENT_OPENERS = word_set(
    """
    kepada di dalam saat ketika usai seusai pada melalui lewat via sembari sambil seraya dengan
    bahwa kemarin senin selasa rabu kamis jumat sabtu minggu
    """
)

# First words of Indonesian names whose bearer goes by the next word ("Muhammad Rais" is
# "Rais"): a short form naming the second word does not mean the first is a place or office.
NAME_PREFIXES = word_set(
    """
    muhammad mohammad mohamad muhamad muhammed mochammad mochamad moh mhd achmad ahmad abdul abdur
    abd siti nur nurul sri i ni anak agung gusti made wayan nyoman ketut putu kadek komang dewa
    ida raden rr teuku cut tengku daeng la wa
    """
)

# Offices followed by the place they govern ("Camat Sukamaju", "Kapolres Garut") before the name.
JURISDICTION_TITLES = word_set(
    """
    camat lurah kades bupati wabup gubernur wagub walikota wawali kapolres kapolda kapolsek danrem
    dandim pangdam sekda kajari kajati kadis wali
    """
)
