"""Roles from appositions: "Presiden Rusia Vladimir Putin", "pakar ekonomi Budi Hartono",
"Dewi Lestari, juru bicara Kementerian Kesehatan, ...", "Ajudan Gubernur Jawa Barat,
Rudi Hermawan ...". Works on one sentence's tokens and the person spans found in it."""

from __future__ import annotations

from ..lexicon import word_set
from ..lexicon.function_words import FUNCTION_WORDS
from ..lexicon.people import PRONOUNS, ROLE_LEAD_INS
from ..lexicon.speech import SPEECH_VERBS
from ..lexicon.titles import HONORIFICS, ROLE_HEADS

Token = tuple[str, int, int]  # word, start, end (characters in the sentence)

# Words that end an apposition after a name: conjunctions, relative pronouns, and verbs.
_STOP = word_set("dan yang bahwa ketika saat sedangkan namun tetapi karena juga pun telah sudah akan")
_VERB_PREFIXES = ("me", "ber", "ter", "di")
_MAX_ROLE_TOKENS = 10
# A word right before a name that makes the name the other end of a relation: "kuasa hukum Hasto"
# is Hasto's lawyer, "putra Ahmad Dhani" his son, "ajudan Prabowo" his aide; the phrase is the role
# of someone else (named after a comma, or not at all), never of the name it stands before; so
# is "kasus X" or "perkara X": "hakim atas perkara X" is the judge of X's case, not X's role.
_RELATION_WORDS = word_set(
    "putra putri anak istri suami ayah ayahanda ibunda adik kakak cucu mertua menantu kekasih pacar tunangan ajudan"
    " stafsus kasus perkara"
)
# "staf khusus X" is X's special staff, as "stafsus X" (a staffer's own name comes after the office,
# "Staf Khusus Presiden, Nama"): in the real stream and IndoSum every name right after it is the boss.
_STAFF = word_set("staf staff")
_COUNSEL = word_set("kuasa penasihat")


def _is_verb(word: str) -> bool:
    lower = word.lower()
    return word.islower() and len(lower) > 5 and lower.startswith(_VERB_PREFIXES) and lower not in ROLE_HEADS


def _join(text: str, tokens: list[Token], a: int, b: int) -> str:
    return text[tokens[a][1] : tokens[b - 1][2]]


def role_before(text: str, tokens: list[Token], start: int, persons: list[tuple[int, int]]) -> str | None:
    """A title phrase right before the name, back to its first role word ("Presiden Rusia",
    "Juru Bicara Kremlin", "pakar Rusia", "pengamat ekonomi"); it stops at punctuation, verbs,
    function words and other names."""
    end = start
    # Honorifics between a role and the name belong to neither: "Rektor [Prof. Dr.] Budi".
    while end > 0 and (
        tokens[end - 1][0].lower() in HONORIFICS
        or (tokens[end - 1][0] == "." and end > 1 and tokens[end - 2][0].lower() in HONORIFICS)
    ):
        end -= 1
    if end > 0 and _relation_before(tokens, end):
        return None
    j = end - 1
    first_role = None
    while j >= 0 and end - j <= _MAX_ROLE_TOKENS:
        word = tokens[j][0]
        lower = word.lower()
        if lower in ROLE_HEADS:
            first_role = j
        elif (
            not (word[:1].isalnum() or word == "-")
            or lower in SPEECH_VERBS
            or lower in FUNCTION_WORDS
            or _is_verb(word)
        ):
            break
        if any(a <= j < b for a, b in persons):
            break  # another person's name: "Kepala Asisten Kim Jong Un, ..." is handled below
        j -= 1
    if first_role is None:
        return _role_of_preceding_apposition(text, tokens, start)
    return _join(text, tokens, first_role, end)


def _relation_before(tokens: list[Token], end: int) -> bool:
    """Whether the word right before token ``end`` ties the name to someone else: "kuasa hukum X",
    "putra X" (a relation word further back, "putra sulung X", is left to the role phrase)."""
    last = tokens[end - 1][0].lower()
    if last in _RELATION_WORDS:
        return True
    before = tokens[end - 2][0].lower() if end > 1 else ""
    return (last == "hukum" and before in _COUNSEL) or (last == "khusus" and before in _STAFF)


def _role_of_preceding_apposition(text: str, tokens: list[Token], start: int) -> str | None:
    """ "Kepala Asisten Kim Jong Un, Kim Chang Son": a clause-initial role phrase, a comma, the name."""
    if start < 2 or tokens[start - 1][0] != ",":
        return None
    j = start - 2
    while j >= 0 and tokens[j][0] not in {",", ".", ";", ":", '"', "“", "”"} and start - j <= _MAX_ROLE_TOKENS + 2:
        j -= 1
    first = j + 1
    if first >= start - 1 or tokens[first][0].lower() not in ROLE_HEADS:
        return None
    # "Jaksa penuntut umum mencecar teman kuliah Hasto, Cecep Hidayat": a clause, whose object is
    # the apposition; the role is what follows its last verb
    # ("pejabat MA yang juga dikenal makelar kasus, X": a relative clause ends the role instead)
    end = start - 1
    verbs = [
        k
        for k in range(first + 1, end)
        if _is_verb(tokens[k][0]) and tokens[k][0].lower() not in FUNCTION_WORDS | PRONOUNS  # not "mereka"
    ]
    if verbs:
        relative = [k for k in range(first + 1, verbs[0]) if tokens[k][0].lower() == "yang"]
        if relative:
            end = relative[0]
        else:
            first = verbs[-1] + 1
            if first >= end or tokens[first][0].lower() in FUNCTION_WORDS:
                return None
    return _join(text, tokens, first, end)


def role_after(text: str, tokens: list[Token], end: int) -> str | None:
    """ ", seorang profesor di Curtin University di Perth," after the name: from the role word
    to the next comma, full stop, conjunction or verb."""
    if end >= len(tokens) or tokens[end][0] != ",":
        return None
    j = end + 1
    while j < len(tokens) and tokens[j][0].lower() in ROLE_LEAD_INS:
        j += 1
    if j >= len(tokens) or tokens[j][0].lower() not in ROLE_HEADS:
        return None
    first = j
    while j < len(tokens) and j - first < _MAX_ROLE_TOKENS:
        word = tokens[j][0]
        if word in {",", ".", ";", ":", "(", '"', "“", "”"} or word.lower() in _STOP or _is_verb(word):
            break
        j += 1
    return _join(text, tokens, first, j) if j > first else None


def find_role(text: str, tokens: list[Token], span: tuple[int, int], persons: list[tuple[int, int]]) -> str | None:
    """The role of the person whose name covers tokens ``span`` (first, last + 1)."""
    start, end = span
    # "Kepala Asisten Kim Jong Un, Kim Chang Son": Kim Jong Un is part of the next name's role.
    if end + 1 < len(tokens) and tokens[end][0] == "," and any(a == end + 1 for a, _ in persons):
        return role_after(text, tokens, end)
    return role_before(text, tokens, start, persons) or role_after(text, tokens, end)
