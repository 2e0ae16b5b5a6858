"""Words of organisations' names: the heads that open them ("Kementerian", "Partai", "PT"), the
tails that end them ("FC", "Inc") and bodies named by one word ("Kremlin", "BMKG")."""

from __future__ import annotations

from . import word_set

# Heads of Indonesian institutions every stage reads as an organisation: ministries, councils,
# courts, prosecutors, police, parliament, parties, firms, universities and foundations.
INSTITUTION_HEADS = word_set(
    """
    kementerian badan dinas partai pt universitas komisi dewan majelis mahkamah kejaksaan kejati kejari
    kepolisian polda polres polsek polri perusahaan lembaga yayasan organisasi pemkot pemkab pemprov dpr
    dprd mpr kpk
    """
)

# Heads of organisations that no reading takes for a place or a person: ministries by acronym,
# election bodies, associations, and their English names.
ORGANISATION_ONLY = INSTITUTION_HEADS | word_set(
    """
    kemenkes kemendagri kemenlu kemenkeu kemendikbud cv institut bank asosiasi ikatan persatuan federasi
    kpu bawaslu bumn university institute ministry association foundation company agency
    """
)

# Words that head an organisation's name for the name tagger: "Kementerian Luar Negeri",
# "Partai Golkar", "PT", and schools, hospitals and offices.
ORG_HEADS = ORGANISATION_ONLY | word_set(
    """
    tbk sekolah sma smp sd smk sman smpn madrasah pesantren pengadilan tni serikat klub fc united kantor
    pemerintah kbri kedutaan konsulat rs rsud museum markas inc corp ltd group grup college council
    airlines airways news kremlin pbb nato asean uni
    """
)

# Organisation heads that make a name an organisation whatever the tagger said ("[Kementerian
# Perhubungan]", not a place; "Direktur Utama [Bank Mandiri]", not a person). Not schools, offices,
# hospitals or museums, which NERGrit mostly annotates as places (train: "sma" opens 46 places
# and 28 organisations).
ORG_ONLY_HEADS = ORGANISATION_ONLY | word_set(
    "kemenag kemenhan politeknik akademi polresta polrestabes kodam korem kodim koperasi"
)

# Words that end an organisation's name ("Hamburger SV", "Musica Records", "James Last
# Orchestra"); in NERGrit train a name ending in one is an organisation 48 times out of 49.
ORG_TAILS = word_set(
    """
    fc sv cf ac united inc corp ltd company corporation entertainment records pictures foundation
    association group grup news tbk orchestra airlines airways
    """
)

# Organisations named by one word, which may stand before a person ("Kremlin Dmitry Peskov",
# "Ketua Umum PDIP Megawati Soekarnoputri") and are organisations wherever they stand ("Menurut
# BMKG, ..."): institutions and parties of Indonesian news and international bodies.
ORG_NAMES = word_set(
    """
    kremlin pbb nato asean kpk kpu bawaslu dpr dprd dpd mpr tni polri bnpb bpbd bmkg bps bpk bpom ojk lipi
    brin bnn bnpt basarnas bareskrim densus kejagung golkar pdip gerindra nasdem pkb pks ppp hanura perindo
    unesco unicef imf opec fifa uefa
    """
)

# Heads that make a speaker an institution ("Kementerian Kesehatan mengatakan ..."), for the
# speaker reader: with the palace, embassies, hospitals and disaster agencies.
SPEAKER_ORG_HEADS = INSTITUTION_HEADS | word_set(
    """
    pemerintah pengadilan kantor istana kodam korem kodim rumah sakit rs kedutaan kedubes konsulat
    kejagung tni bpbd bnpb basarnas puskesmas
    """
)

# Words anywhere in a name that make it an institution ("Korea Central News Agency").
ORG_WORDS = word_set(
    """
    agency news university universitas institute institut council corporation company group bank
    ministry department office party committee foundation association federation union kantor
    kementerian badan dinas lembaga komisi dewan majelis mahkamah partai perusahaan yayasan
    organisasi asosiasi federasi persatuan perhimpunan ikatan himpunan koalisi aliansi
    sekuritas securities
    """
)
