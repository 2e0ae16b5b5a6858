"""Words of personal names: common given names, the first names whose bearer goes by the next
word, and the particles inside names ("bin", "van")."""

from __future__ import annotations

from . import word_set

# Devotional first names: the bearer of "Muhammad Rais" or "Siti Aminah" goes by the next word.
DEVOTIONAL_NAMES = word_set("muhammad mohammad mohamad muhamad achmad ahmad abdul siti nur nurul sri")

# Given names common in Indonesian and international news.
GIVEN_NAMES = DEVOTIONAL_NAMES | word_set(
    """
    agus budi joko bambang dedi dedy eko hadi hari heru iwan joni rudi slamet dewi ani wati yuni
    rina ratna putri ayu indah fitri wahyu yusuf ali hasan husein ibrahim ismail umar usman zainal
    rizal arief arif andi anton dian dwi tri fajar hendra irwan yudi teguh susilo ganjar anies
    prabowo sandiaga megawati jusuf gita retno john james michael david robert william richard
    thomas charles george donald joseph mark paul peter kevin chris brian sarah maria anna elizabeth
    jennifer emma vladimir sergei sergey dmitry dmitri alexey alexei alexander artyom ivan nikolai
    mikhail boris kim park lee choi moon jong xi li wang zhang
    """
)

# First words of Indonesian names whose bearer goes by the next word ("Muhammad Rais" is
# "Rais", "I Made Sudana" is "Sudana"): a short form naming the second word does not mean the
# first is a place or office.
NAME_PREFIXES = DEVOTIONAL_NAMES | word_set(
    """
    muhammed mochammad mochamad moh mhd abdur abd i ni anak agung gusti made wayan nyoman ketut putu
    kadek komang dewa ida raden rr teuku cut tengku daeng la wa
    """
)

# Particles inside names ("Abdurrahman bin Ali", "Ludwig van Beethoven").
PARTICLES = word_set("bin binti van von de der da dos du la le al el ibn")

# The name tagger's particles, with the Italian and Spanish "del", "della".
NAME_PARTICLES = PARTICLES | word_set("del della")

# The speaker reader's particles, with "abu" ("Abu Bakar") and the Dutch "den".
SPEAKER_NAME_PARTICLES = PARTICLES | word_set("abu den")
