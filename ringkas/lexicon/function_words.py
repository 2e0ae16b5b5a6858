"""Function words: prepositions, conjunctions and connectives, read where a phrase starts or
stops (a clause opener is not a name, a circumstance ends a speaker phrase, a summary sentence
does not end on "dan")."""

from __future__ import annotations

from . import word_set
from .calendar import WEEKDAY_NAMES

# Prepositions and conjunctions that open a clause ("Jika ...", "Menurut ...", "Setelah ...").
CLAUSE_LINKS = word_set(
    """
    jika dalam menurut namun tetapi sementara setelah sebelum saat ketika bagi untuk dengan oleh
    karena walaupun bahkan di ke dari sejak hingga selain tanpa melalui jadi lalu kemudian kini
    meski tentang pada sedangkan
    """
)

# Function words that open sentences capitalised, for the name tagger ("Jika Putin ...",
# "Menurut Pagung ...").
FUNCTION_WORDS = CLAUSE_LINKS | word_set(
    """
    kepada dan atau apalagi hal ini itu kata ujar seperti para bersama antara terhadap maka pun
    juga bahwa yang tak tidak bagaimana apakah mengapa
    """
)

# Words that open an adverbial clause or a connective before the subject of a sentence, for the
# speaker reader.
CLAUSE_OPENERS = CLAUSE_LINKS | word_set(
    """
    usai seusai sesudah selama terkait soal mengenai atas meskipun walau sebab apabila bila kalau
    tapi akan adapun lewat sebelumnya sampai sekarang kemarin hari demi sebagai
    """
)

# Connectives dropped from the start of a subject ("Namun Budi mengatakan …").
CONNECTIVES = word_set("namun tetapi tapi dan lalu kemudian sementara itu pun sedangkan bahkan adapun")

# Words that open the circumstance of a statement (where, when, to whom): "kepada wartawan",
# "usai rapat", "Selasa".
CIRCUMSTANCE_OPENERS = WEEKDAY_NAMES | word_set(
    "dalam saat ketika kepada pada usai seusai melalui lewat via sembari sambil seraya kemarin"
)

# Where a role phrase stops: the circumstance of the statement follows.
ROLE_STOPS = CIRCUMSTANCE_OPENERS | word_set("setelah sebelum sebagaimana seperti menurut")

# Words that end a speaker phrase: what follows is the circumstance, not the speaker.
PHRASE_STOPS = ROLE_STOPS | word_set("di dengan untuk terkait soal mengenai tentang dari yang hari")

# Words after a verb of saying that open its circumstance, not what was said.
COMPLEMENT_OPENERS = CIRCUMSTANCE_OPENERS | word_set("di dengan bahwa")

# Words a finished Indonesian or English sentence does not end with.
OPEN_ENDINGS = word_set(
    "dan atau yang dengan untuk di ke dari pada dalam oleh bahwa serta karena agar para sang "
    "the a an and or of to in on at for with by from that"
)
