"""Verbs of saying in Indonesian news: the bare stems after a quote ('"…," kata X'), the active
forms ('X mengatakan, "…"'), the passive forms ('dikatakan oleh X') and the narrower sets that
make a sentence reported speech."""

from __future__ import annotations

from . import word_set

# Bare stems after a quotation that every stage reads: '"…," kata X', '"…," tambah dia'.
SAY_STEMS = word_set(
    """
    kata ujar ucap ungkap terang jelas tutur tegas sebut imbuh tambah papar lanjut urai beber
    tandas pungkas seru tanya jawab balas timpal sambung tukas
    """
)

# For the name tagger: the capitalised words after one name a speaker ("kata Pagung", "ujar
# Muraviev", "menurut Budi").
SPEECH_VERBS = SAY_STEMS | word_set("katanya ujarnya menurut")

# For the speaker reader, all the stems used after a quote: '"…," kata X', '"…," ujarnya'.
SAY_AFTER_QUOTE = SAY_STEMS | word_set(
    """
    pinta sahut kilah dalih klaim cetus kelakar canda keluh sindir tulis tegur ingat harap nilai
    bilang pesan ajak imbau kenang aku akui bantah tampik sangkal tutup simpul
    """
)

# Active (and ber-) verbs that report a statement: 'X mengatakan bahwa …'.
SAY_STATEMENT = word_set(
    """
    mengatakan berkata menyatakan mengungkapkan menerangkan menjelaskan menuturkan menegaskan
    menyebut menyebutkan menambahkan memaparkan membeberkan menandaskan mengklaim mengakui
    mengaku menilai berpendapat menyampaikan mengemukakan mengutarakan menekankan mengimbuhkan
    menyimpulkan memperingatkan mengumumkan membantah menyangkal menampik memastikan menuding
    menuduh berujar bertutur mengingatkan berjanji
    """
)

# Active (and a few ber-) forms before or around a quote: 'X mengatakan, "…"', 'X menambahkan
# bahwa …', with the verbs of asking, answering and joking.
SAY_ACTIVE = SAY_STATEMENT | word_set(
    """
    mengucapkan melanjutkan menguraikan memungkasi berseru bertanya menanyakan menjawab membalas
    menimpali menyahut menyambung berkilah berdalih berkelakar bercanda mengeluh mengeluhkan
    menyindir menulis menegur bilang mengimbau berucap berpesan menyerukan
    """
)

# The set that makes an unquoted sentence reported speech ('X mengatakan bahwa …'). Verbs of
# asking, answering and feeling are left out: what follows them is not a statement the speaker
# made.
SAY_INDIRECT = SAY_STATEMENT | word_set("memperkirakan membenarkan")

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
