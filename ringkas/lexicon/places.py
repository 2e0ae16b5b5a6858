"""Words of place names: the heads that open them ("Desa", "Kabupaten"), compass words that end
them, and countries, regions and cities often in Indonesian news."""

from __future__ import annotations

from . import word_set
from .titles import OFFICE_QUALIFIERS

# Words that head a place's name: "Desa Sukamaju", "Kabupaten Garut", "Pulau Seram".
PLACE_HEADS = word_set(
    """
    desa kelurahan kecamatan kabupaten kota provinsi pulau gunung sungai danau laut selat teluk jalan jl
    kampung dusun dukuh bandara pelabuhan semenanjung tanjung benua kepulauan lembah bukit pantai
    """
)

# Place heads that open the place's name even in lower case ("pusat [kota Pati]", "[Provinsi]
# Sulawesi Tenggara"): in NERGrit train a "desa" right before a place is inside its name 52 times
# out of 53, "kecamatan" 32 of 36, "kota" 16 of 21, capitalised "Provinsi" 15 of 23.
NAME_OPENING_PLACE_HEADS = word_set(
    "desa dusun kelurahan kecamatan kabupaten kota provinsi distrik jalan jl kampung sungai pantai pulau gunung"
    " danau bukit"
)

# Countries, regions and Indonesian provinces in the news, as single lower-case words.
COUNTRIES_AND_PROVINCES = word_set(
    """
    indonesia malaysia singapura thailand vietnam filipina myanmar kamboja brunei timor jepang china
    tiongkok korea india pakistan afghanistan iran irak suriah arab saudi israel palestina mesir
    turki rusia ukraina jerman prancis perancis inggris italia spanyol belanda amerika kanada brasil
    australia afrika eropa asia qatar jakarta yogyakarta bali jawa sumatera kalimantan sulawesi
    papua aceh riau banten lampung bengkulu jambi maluku ntt ntb gorontalo as dki
    """
)

# Countries, regions and cities often in Indonesian news, as single lower-case words.
PLACES = COUNTRIES_AND_PROVINCES | word_set(
    """
    laos bangladesh afganistan yordania gaza portugal belgia swiss austria polandia swedia norwegia
    denmark finlandia yunani meksiko argentina chile selandia nigeria kenya kuwait yaman libya
    tunisia maroko aljazair sudan ethiopia venezuela kolombia peru kuba hongaria ceko rumania serbia
    kroasia bandung surabaya medan semarang makassar jogja sumatra manado palembang padang pekanbaru
    batam pontianak banjarmasin balikpapan samarinda kupang mataram denpasar jayapura ambon malang
    solo surakarta bogor depok tangerang bekasi cirebon tasikmalaya garut sukabumi cianjur karawang
    purwakarta subang serang cilegon magelang klaten kudus pati tegal pekalongan kediri blitar
    madiun jember banyuwangi sidoarjo gresik mojokerto pasuruan probolinggo lumajang madura sampang
    bangkalan pamekasan sumenep kendari palu mamuju manokwari sorong merauke ternate tidore bima
    sumbawa lombok flores moskow beijing tokyo seoul pyongyang washington london paris berlin hanoi
    bangkok manila kuala lumpur canberra sydney melbourne perth vladivostok dubai mekah makkah
    madinah kairo riyadh teheran baghdad damaskus ankara istanbul roma madrid amsterdam brussel
    jenewa wina hongkong taipei taiwan shanghai osaka singapore york california texas florida uea
    """
)

# Compass words that end place names ("Korea Utara", "Jawa Timur").
DIRECTIONS = word_set("utara selatan timur barat tengah tenggara barat daya laut")

# Capitalised words of offices, places and institutions that sit between a title and a name
# ("Menteri Keuangan Rina Wulandari", "Presiden Prancis Jean Moreau"). The speaker reader uses
# them only when analysis found no person mention to say where the name starts.
AFFILIATION_WORDS = (
    OFFICE_QUALIFIERS
    | COUNTRIES_AND_PROVINCES
    | word_set(
        """
        lingkungan hidup hubungan masyarakat operasional penanggulangan bencana daerah nasional
        kabupaten provinsi kota kecamatan desa kepolisian resor sektor satuan reserse kriminal lalu
        lintas dinas badan kementerian lembaga komisi dewan majelis mahkamah kejaksaan pengadilan tinggi
        istana kremlin gedung putih pbb nato asean uni balai wilayah sungai puskesmas rumah sakit hulu
        hilir raya pusat regional cabang unit serikat utara selatan leste emirat barat timur tengah ri
        jabar jateng jatim kepulauan bangka belitung diy nusa tenggara kepri sumut sumbar sumsel kalbar
        kalteng kalsel kaltim kaltara sulut sulteng sulsel sultra sulbar malut babel
        """
    )
)
