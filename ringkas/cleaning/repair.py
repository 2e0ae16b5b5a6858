"""Text repair: split words that a scraper glued together where a link or tag was taken out.

"(Pemprov)Jawa Baratsegera", "pengguna diSuriahuntuk", "tersebut,harga", "ujarnya.Dia": the
scraper dropped the space around a link. Precision comes first: a correct word is never cut. A
split needs evidence: a bracket or punctuation glued to a word; a lower->upper case change after
a function word or a longer dictionary word (not brand shapes such as iPhone, YouTube,
detikNews, KemenPU), after a capitalised root only when the token is a one-off and the article
writes the name on its own or the name opens people's names (PresidenDonald; not MarlinBooking,
MatahariMall), after a place when the token is a one-off and a given name follows
(RusiaVladimir); or a name the article writes on
its own glued to a function word, a derived word or a long root (not Wismandari, Instagram,
Antidumping); capitals glued to such a word (PBSImenyiapkan, not BBMnya or DIberitakan); or a
number glued to a function or derived word (2025akan, not 60fps or 20detik); a lower-case word glued
to a function word that opens a clause (rumahyang, paripurnaterkait; not seringkali, kerjasama or
menyalahgunakan, which are words); two lower-case words glued once that the article also writes
side by side (hargasaham beside "harga saham"); a site the text names glued to the words around
it (olehLiputan6.compada); a linked name glued on both sides (udaraIsraelmenewaskan); two
capitalised words glued once that the article writes alone again and again (TimurKhofifah); a
phrase word glued once to a word the article writes alone (ataucomeback, comebackdengan). The cleaner
repairs each body line and the headline of scraped text; ``benchmarks/realworld_glued.py``
measures what is split, what is left and what is cut wrongly."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import cached_property

from ..lexicon.organisations import ORG_HEADS, ORG_NAMES, SPEAKER_ORG_HEADS
from ..lexicon.places import DIRECTIONS, PLACES
from ..lexicon.titles import SPEAKER_TITLES

# Tokens that are addresses, handles or markup keep their glue: "https://x.co/?a=B", "@dr.erta",
# "detik.com", "[Gambas:Video".
_UNTOUCHABLE = re.compile(
    r"://|www\.|@|#|^\[|\.(?:com|co|id|net|org|go|ac|tv|io|info|me|ly|html?|php)\b|\.[a-z]{2,4}/", re.IGNORECASE
)
# A site named in the text glued to the words around it, as a link's text often is: "oleh|Liputan6.com|pada",
# "dari|Kompas.com|berjudul", "transentertainment.com|maupun". Only a bare name of one label and ".com"
# (a path, "www." or a subdomain keep the whole token an address).
_SITE_GLUE = re.compile(
    r"(?P<pre>[A-Za-z]?[a-z]+(?=[A-Z]))?(?P<site>[A-Za-z0-9-]+\.com)(?P<post>[a-z]+)?(?P<end>[^\w/]*)"
)
_CLOSE_BRACKET = re.compile(r"(?<=\))(?=[A-Za-z]{2})")
# "Agung(Kejagung)", "Indonesia(Persero)"; not a plural mark ("article(s)"), "f(x)", a title's
# "Sp.A(K)" or a name's short form "Hargi(anto)": the bracket holds a capitalised word, an acronym
# or a number of two characters or more.
_OPEN_BRACKET = re.compile(r"(?<=[A-Za-z]{2})(?=\([A-Z0-9@\"'][^()\s]+\))")
# ",kata" / ";lalu" / "?Dia"; "1,5" and "Rp1,5juta" have a digit after the comma.
_COMMA = re.compile(r"(?<=[A-Za-z0-9]{2})([,;!?])(?=[A-Za-z]{2})")
# ".Dia" after a word of three letters or more, a number or a bracket ("2025.Rupiah",
# "(20/6/2025).Ia"): "Sp.N", "dr.Tirta", "S.H." and "a.n." stay.
_STOP = re.compile(r"(?:(?<=[a-z]{3})|(?<=[0-9)]))\.(?=[A-Z][a-z])")
# "juga:Harga"; "Gambas:Video" starts upper case and stays.
_COLON = re.compile(r"(?<=\b[a-z]{3})([a-z]*):(?=[A-Za-z]{2})")
# The splits at a mark, each with the characters it needs in the token.
_MARK_SPLITS = (
    (frozenset(")"), _CLOSE_BRACKET, " "),
    (frozenset("("), _OPEN_BRACKET, " "),
    (frozenset(",;!?"), _COMMA, r"\1 "),
    (frozenset("."), _STOP, ". "),
    (frozenset(":"), _COLON, r"\1: "),
)
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_ACRONYM_BEFORE_NAME = re.compile(r"([A-Z]{2,})(?=([A-Z][a-z]{2,}))")
# Organisations our lexicon knows by their acronym ("PDIP", "KPK", "PT"), lower-cased: evidence for
# that split where the article never writes the acronym alone ("Sekjen PDIPHasto Kristiyanto").
_KNOWN_ACRONYMS = ORG_HEADS | ORG_NAMES | SPEAKER_ORG_HEADS
# Every split above needs a capital or one of these marks in the token, or a digit before a
# letter: a token of lower-case letters, hyphens and numbers ("kata-kata", "2024") is left as it
# is without reading further.
_MAY_SPLIT = re.compile(r"[A-Z(),;!?:]|[0-9][a-z]")
# An acronym or a word in capitals glued to the lower-case word after it ("PBSImenyiapkan",
# "ODOLyang", "BERIKUTlima"): split when that word is one of its own (``_word_after_capitals``).
_CAPITALS_GLUE = re.compile(r"([A-Z]{2,})([a-z]{3,})")
_LETTERS = re.compile(r"[A-Za-z]+")
_EDGES = ".,;:!?()[]\"'\u201c\u201d\u2018\u2019"
_LOWER_RUN = re.compile(r"(?<![A-Za-z0-9])[a-z]{9,}(?![A-Za-z0-9])")
_WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
_FIRST_WORD = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])")
# A dictionary word on the left of a case change is glue evidence only if it is a function word
# ("di", "dari", "kepada") or at least this long: "detik" (detikNews, detikOto) and "mega"
# (MegaWatt) are brand prefixes. Tuned on the realworld stream (benchmarks/realworld_glued.py).
_MIN_CONTENT_WORD = 6
# Endings written onto a word ("Hasilnya", "Umumkan"), never words of their own.
_CLITICS = frozenset({"nya", "kan", "lah", "kah", "pun", "tah", "mu", "ku", "an", "i"})
# Words that also close Javanese and Indonesian names ("Sundari", "Wismandari", "Sahidjaya",
# "Dewiwati") and place names ("Pekanbaru", "Kotabaru", "Padangpanjang"): after a name they are as
# likely its last syllables as a glued word.
_NAME_ENDINGS = frozenset(
    {"dari", "sari", "wati", "jaya", "putra", "putri", "dewi", "ningsih", "ningrum", "kusuma"}
    | {"baru", "lama", "panjang", "besar", "kecil"}
)
# A glued word after a name is a function word of this many letters or more ("dan", "akan") or a
# derived word ("mengatakan", "kendaraan"); a bare root ("kota", "bisnis", "gram", "blog") is as
# likely the second half of a compound name ("Jakartakota", "Mikrobisnis", "Instagram").
_MIN_FUNCTION_WORD = 3
_MIN_DERIVED_WORD = 5
# A bare root after a name that is no word ("Trumpbicara") is glue from this length on: the roots
# that end compound names in the realworld stream and IndoSum are shorter ("gram", "blog", "kina").
_MIN_ROOT_AFTER_NAME = 6
# A lower-case token that is no word, made of a word of five letters or more and one of these
# function words ("rumahyang", "paripurnaterkait", "sahamhari" stays): words that open a clause or a
# phrase and never close a compound ("seringkali", "kerjasama", "menyalahgunakan" are words).
_CLAUSE_WORDS = frozenset(
    {"yang", "dengan", "tersebut", "karena", "adalah", "kepada", "berikut", "sebagai", "selama", "hingga"}
    | {"terkait", "untuk", "dalam", "menjadi", "bahwa", "namun", "tetapi", "sedangkan", "ketika", "setelah"}
)
_CLAUSE_ENDINGS = tuple(_CLAUSE_WORDS)
_VERB_PREFIXES = ("me", "be", "di", "te")
# Words that go on after a subject or object: glued after a known name the article never writes
# alone, they are the evidence of a cut ("Subianto|dan", "Israel|terhadap"); not "lain" or "toh",
# which end names and words ("Chamberlain", "Bobotoh").
_AFTER_NAME = _CLAUSE_WORDS | frozenset(
    {"akan", "dan", "telah", "sudah", "tidak", "juga", "masih", "terhadap", "saat", "belum", "sedang"}
    | {"pada", "bersama", "serta", "atau", "sebelum", "usai", "mengatakan", "menyatakan"}
    | {"sempat", "bakal", "segera", "tengah", "kemudian", "lalu", "langsung", "kembali", "bisa", "dapat", "harus"}
)
_MIN_HEAD_WORD = 5
# Function words that open a phrase before a word ("atau|saham", "bahwa|kasus"); Sastrawi's list
# also holds words that open compounds ("kerja|sama", "sering|kali", "memberi|tahu").
_PHRASE_OPENERS = _AFTER_NAME | frozenset(
    {"dari", "oleh", "bagi", "atas", "agar", "seperti", "maupun", "antara", "melalui", "menuju", "tentang"}
    | {"mengenai", "tanpa", "sejak", "khususnya", "yaitu", "yakni", "merupakan", "jika", "apabila", "mana"}
    | {"mengapa", "bagaimana", "apakah", "melainkan", "misal", "mungkin", "lebih", "sangat", "semua"}
)
# Lower-case runs of more letters than this may be two words glued; the first of two words the
# article also writes side by side has at least _MIN_HEAD_PAIR letters ("harga|saham", not "di|a").
_MIN_LOWER_RUN = 8
_MIN_HEAD_PAIR = 4
# Bound forms that Indonesian spelling writes joined to the word after them ("antarpasangan",
# "pascapanen", "multimedia"), however often an article also writes them apart.
_BOUND_FORMS = frozenset(
    {"antar", "pasca", "multi", "semi", "anti", "ultra", "super", "infra", "intra", "inter", "ekstra"}
    | {"kontra", "trans", "tuna", "mega", "mikro", "makro", "pseudo", "poli", "mono", "panca", "catur"}
)
# Short words that follow a name but also end names ("Hendi", "Suhardi"): split off only a name the
# article writes alone at least twice.
_SHORT_AFTER_NAME = frozenset({"di"})
# Two capitalised words glued once are cut when the article writes each alone this often
# ("Timur|Khofifah", "Golkar|Bahlil"); a brand's halves are written alone less ("AirAsia").
_TWO_NAMES = 2
# Two words the article writes side by side are split where glued when together at least this
# long: "Prabowo|Subianto", "Bank|Mandiri"; a short brand keeps its shape ("TikTok", "LaLiga").
_MIN_SPACED_PAIR = 7


class GlueRepair:
    """Repairs the lines of one article; the names it writes on their own are evidence."""

    def __init__(
        self,
        is_word: Callable[[str], bool],
        function_words: Iterable[str] = (),
        context: str = "",
        is_derived: Callable[[str], bool] | None = None,
        is_given_name: Callable[[str], bool] | None = None,
        is_known_name: Callable[[str], bool] | None = None,
    ) -> None:
        self.is_word = is_word
        self.function_words = frozenset(function_words)
        # A word built on a root with affixes ("kendaraan", "dilansir"), not a root ("kota") or a
        # loan the stemmer cuts ("cinema"); without it only function words count as glue evidence.
        self.is_derived = is_derived or (lambda _word: False)
        # A lower-case word that opens people's names ("donald", "pramono"): the name a title or a
        # place is glued to when the article never writes it on its own ("PresidenDonald Trump").
        self.is_given_name = is_given_name or (lambda _word: False)
        # A lower-case word that is part of a known name ("subianto", "israel"): where a page glues
        # every mention of a name to the next word (names are links), a word that goes on after a
        # name or a verb after it is the evidence ("Subianto|dan", "Subianto|bertemu"), as the
        # article never writes the name alone.
        self.is_known_name = is_known_name or (lambda _word: False)
        # Capitalised words the article writes on their own ("Ronaldo"): a name glued to the next
        # lower-case word ("Ronaldomengirimkan") is split only when the name is one of these.
        self.names = Counter(m.group(0) for m in _WORD.finditer(context))
        # Every run of letters the article writes: a token written more than once is a word of its
        # own ("MarlinBooking", "KompasOtomotif"), as glue is a one-off.
        self.runs = Counter(_LETTERS.findall(context))
        self.context = context

    def __call__(self, text: str) -> tuple[str, int]:
        return self.repair(text)

    @cached_property
    def pairs(self) -> Counter[tuple[str, str]]:
        """Pairs of words the article writes side by side ("Prabowo Subianto"): the same pair glued
        ("PrabowoSubianto", however often a page repeats it) is the article's own glue. Counted
        when first asked (most articles never ask)."""
        words = [w.strip(_EDGES) for w in self.context.split()]
        return Counter(itertools.pairwise(words))

    def repair(self, text: str) -> tuple[str, int]:
        """The line with glued words split, and how many splits were made."""
        total = 0
        tokens = text.split(" ")
        for n, token in enumerate(tokens):
            if len(token) < 4:
                continue
            # the cheap checks first: most tokens are plain words; an address keeps its glue
            if ".com" in token:
                fixed, count = self._site_glue(token)
            elif _MAY_SPLIT.search(token):
                if is_untouchable(token):
                    continue
                fixed, count = self.repair_token(token)
                if len(fixed) > _MIN_LOWER_RUN:  # "hargasaham," once the comma is read
                    fixed = _LOWER_RUN.sub(self._lower_run, fixed)
                    count = fixed.count(" ")
            elif len(token) > _MIN_LOWER_RUN:
                if is_untouchable(token):
                    continue
                fixed = _LOWER_RUN.sub(self._lower_run, token)
                count = fixed.count(" ")
            else:
                continue
            if count:
                tokens[n], total = fixed, total + count
        return (" ".join(tokens), total) if total else (text, 0)

    def _site_glue(self, token: str) -> tuple[str, int]:
        """A site's name split from the words glued to it: the word before must be a function word
        or a derived word, the one after a word that ".com" and it do not make."""
        site = _SITE_GLUE.fullmatch(token)
        if site is None:
            return token, 0
        pre, post = site.group("pre") or "", site.group("post") or ""
        pieces = [site.group("site")]
        # "oleh|Kompas.com", "dilansir|CNNIndonesia.com", "Berikut|Liputan6.com": a function word
        # or a derived word before it. A root may open the site's own name ("blokTuban.com",
        # "StarWars.com"), as a letter ("iCloud.com") or a function word ("KapanLagi.com",
        # "MauBelajarApa.com") may before a capital.
        lowered = pre.lower()
        name = _LETTERS.match(site.group("site"))
        opener = (pre.islower() and lowered in self.function_words) or self.is_derived(lowered)
        if len(pre) > 1 and opener and not (name and name.group(0).lower() in self.function_words):
            pieces.insert(0, pre)
        else:
            pieces[0] = pre + pieces[0]
        if post and self._known_word(post) and not self._known_word("com" + post):
            pieces.append(post + site.group("end"))
        else:
            pieces[-1] += post + site.group("end")
        return " ".join(pieces), len(pieces) - 1

    def _known_word(self, word: str) -> bool:
        return word in self.function_words or self.is_word(word) or self.is_derived(word)

    def repair_token(self, token: str) -> tuple[str, int]:
        count = 0
        for mark, pattern, replacement in _MARK_SPLITS:
            if mark.intersection(token):  # each split needs its mark in the token
                token, n = pattern.subn(replacement, token)
                count += n
        pieces = token.split(" ")
        for i, piece in enumerate(pieces):
            split, n = self._split_letters(piece)
            if n:
                pieces[i], count = split, count + n
        return " ".join(pieces), count

    def _split_letters(self, piece: str) -> tuple[str, int]:
        out: list[str] = []
        last = 0
        count = 0
        for run in _LETTERS.finditer(piece):
            if run.start() and piece[run.start() - 1].isdigit() and self._after_number(run.group(0)):
                # "2025akan", "5yang": a number glued to the word after it
                out.append(piece[last : run.start()])
                last = run.start()
                count += 1
            cuts = self.cuts(run.group(0))
            for cut in cuts:
                out.append(piece[last : run.start() + cut])
                last = run.start() + cut
            count += len(cuts)
        if not count:
            return piece, 0
        out.append(piece[last:])
        return " ".join(out), count

    def cuts(self, letters: str) -> list[int]:
        """Where a run of letters is two or more glued words."""
        cuts: list[int] = []
        start = 0
        once = self.runs[letters] <= 1
        acronym = _ACRONYM_BEFORE_NAME.match(letters)
        known = acronym is not None and (self.runs[acronym.group(1)] or acronym.group(1).lower() in _KNOWN_ACRONYMS)
        if acronym and once and known and self.names[acronym.group(2)]:
            # "PBSI|Eng Hian", "KPK|Asep": an acronym (written alone or known) and a name the article writes alone
            start = acronym.end(1)
            cuts.append(start)
        for change in _CASE_CHANGE.finditer(letters):
            at = change.start()
            cut = self._case_cut(letters, start, at, once) or (once and self._word_before_name(letters, start, at))
            if cut:
                cuts.append(cut)
                start = cut
                continue
            # A name glued to a word that opens a clause, glued to the next name: "Ghazali|dan|Alyssa"
            # (the middle word is the evidence, whether or not the page repeats the line).
            inner = self._name_glue(letters[start:at])
            right = letters[at:]
            if inner and len(right) >= (2 if right.isupper() else 3) and right.lower() not in _CLITICS:
                cuts += [start + inner, at]
                start = at
            elif once and self._two_names(letters, start, at):
                cuts.append(at)
                start = at
        # Capitals glued to the next lower-case word ("PBSImenyiapkan", "Peserta|DPLKmemiliki"),
        # or a name glued to it ("Ronaldomengirimkan", "Iranmenyusul").
        tail = letters[start:]
        cut = self._capitals_glue(tail) or self._name_glue(tail)
        if cut:
            cuts.append(start + cut)
        return cuts

    def _case_cut(self, letters: str, start: int, at: int, once: bool) -> int:
        """Where to cut ``letters[start:]`` at its lower->upper change ``at``, or 0."""
        left, right = letters[start:at], letters[at:]
        word = _FIRST_WORD.match(right)
        if word is not None and self._written_apart(left, word.group(0)):
            return at  # "Prabowo|Subianto"
        if word is not None and once and self._place_before_name(left, word.group(0)):
            return at  # "Rusia|Vladimir", "Jakarta|Pramono": a place glued to the name after it
        if word is not None and once and self._given_before_name(left, word.group(0)):
            return at  # "Vladimir|Putin" where the article never writes the two apart
        if word is None or not self._case_glue(left, right):
            return 0
        if left[0].isupper() and not self.is_derived(left.lower()) and left.lower() not in self.function_words:
            # "Kabupaten|Tulungagung", not "Matahari|Mall" or "Marlin|Booking": a capitalised root
            # glued to a name is a brand shape unless the token is a one-off and the article
            # writes the name on its own ("Jakarta" of "KhususJakartajuga" too). A capitalised
            # derived or function word ("DilansirAFP", "KepadaRepublika") opens a sentence.
            name = word.group(0)
            alone = self.runs[name] if name.isupper() else self.names[name] or self._name_glue(name)
            # a known given name is evidence too ("Presiden|Donald"), a brand's second half is none
            return at if once and (alone or self.is_given_name(name.lower())) else 0
        # "di|detikJabar", not "didetik|Jabar": a part of the left word and the right word make a
        # token the article writes on its own.
        end = at + len(word.group(0))
        for k in range(start + 1, at - 2):
            if self.runs[letters[k:end]]:
                return k if letters[start:k] in self.function_words else 0
        return at

    def _word_before_name(self, letters: str, start: int, at: int) -> int:
        """``at`` where a lower-case word is glued to a name the article writes alone, the name
        closing the token or glued to a word itself ("udara|Israel|menyasar", "wilayah|Gaza"), or 0."""
        left, right = letters[start:at], letters[at:]
        if len(left) < 3 or not left.islower() or not (left in self.function_words or self.is_word(left)):
            return 0
        inner = self._name_glue(right)
        if not inner and len(left) < _MIN_CONTENT_WORD and left not in self.function_words:
            return 0  # a short root opens brands' names ("detikJabar", "kanalTekno") unless glue follows
        name = right[:inner] if inner else right
        return at if name[1:].islower() and self.names[name] else 0

    def _two_names(self, letters: str, start: int, at: int) -> int:
        """``at`` where two capitalised words the article writes alone are glued once
        ("Munich|Vincent", "Telkom|Makassar"), or 0."""
        left, word = letters[start:at], _FIRST_WORD.match(letters, at)
        if word is None or not left[1:].islower() or not left[:1].isupper() or word.group(0).isupper():
            return 0
        return at if self.names[left] >= _TWO_NAMES and self.names[word.group(0)] >= _TWO_NAMES else 0

    def _written_apart(self, left: str, right: str) -> bool:
        """Whether the article writes the two words side by side at least as often as glued
        ("Prabowo Subianto"; not "MarlinBooking", a brand written apart once, nor short brands such
        as "TikTok")."""
        if len(left) + len(right) < _MIN_SPACED_PAIR or not self.pairs[left, right]:
            return False
        return self.pairs[left, right] >= self.context.count(left + right)

    def _place_before_name(self, left: str, name: str) -> bool:
        """A capitalised place ("Rusia", "Utara" of "Korea Utara") and a given name after it."""
        head = left.lower()
        return left[1:].islower() and (head in PLACES or head in DIRECTIONS) and self.is_given_name(name.lower())

    def _given_before_name(self, left: str, name: str) -> bool:
        """A given name ("Prabowo", "Vladimir") glued to a word of a known name ("Subianto",
        "Putin"); not a brand of two common words ("BlackRock": "Black" opens no one's name)."""
        return (
            left[1:].islower()
            and name[1:].islower()
            and self.is_given_name(left.lower())
            and self.is_known_name(name.lower())
        )

    def _case_glue(self, left: str, right: str) -> bool:
        """``left`` + ``right`` split at a lower->upper change: "di|Iran", "Kabupaten|Tulungagung"."""
        head = left.lower()
        if len(left) < 2 or not (left.islower() or left[1:].islower()):
            return False  # "i|Phone", "Mc|Donald", "Kemen|PU" (an upper-case run before it)
        if right.lower() in _CLITICS:
            return False  # "kepadaNya": the capital is reverence, not a new word
        if len(right) < (2 if right.isupper() else 3):
            # "pernikahanAl", "dilansirAl": a name's two-letter opening ("Al Hilal") after a
            # function or derived word; any other short capitalised tail stays ("mengeNa")
            return len(right) == 2 and left.islower() and (head in self.function_words or self.is_derived(head))
        if left.islower() and head in self.function_words:
            return True  # "diIran", "dariWebMD" (not "YouTube": the word must be lower case)
        # a dictionary word, or an office the titles list knows ("Mendikbudristek|Nadiem", "Kapuspenkum|Kejagung")
        return len(head) >= _MIN_CONTENT_WORD and (self.is_word(head) or head in SPEAKER_TITLES)

    def _name_glue(self, run: str) -> int:
        """Where a capitalised name ends and a lower-case dictionary word starts, or 0."""
        if len(run) < 7 or not run[0].isupper() or not run[1:].islower() or self.names[run] > 1:
            return 0  # a word the article writes more than once ("Kalimantan") is one word
        lowered = run.lower()
        if not any(self.names[run[:at]] or self.is_known_name(lowered[:at]) for at in range(4, len(run) - 1)):
            return 0  # no name the article writes on its own or a known name opens it
        if self.is_word(lowered) or self.is_known_name(lowered):
            return 0  # "Menurut", "Keputusan": a word, whatever "Men" or "Kep." the article also has
        known = 0  # the longest known name's cut, taken when no name the article writes alone cuts
        for at in range(4, len(run) - 1):
            name, word = run[:at], run[at:]
            if word == "pun" and self.names[name] and not self.is_word(name.lower()):
                return at  # "Makarimpun": "pun" is written apart after a name (not "Apapun", "Meskipun")
            if word in _CLITICS or name.lower() in self.function_words or word in _NAME_ENDINGS:
                continue  # "Kali" opens sentences ("Kali ini"): a function word is no evidence of a name
            if not self.names[name]:
                # a known name the article never writes alone: a word that goes on after a subject
                # or object, or a verb ("Subianto|bertemu"), must follow it
                if self.is_known_name(name.lower()) and (word in _AFTER_NAME or self._verb(word)):
                    known = at
                continue
            # A name that is also a word ("Banjar", "Anti", "Mikro") has a function or derived word
            # after it, and a long one ("Baratsegera"), not "Banjarmasin", "Antidumping" or
            # "Mikrobisnis"; a name that is no word may have a long root after it ("Trumpbicara").
            if self.is_word(name.lower()):
                if self._opens_clause(word) and (len(word) >= 6 or word in self.function_words):
                    return at
            elif self._opens_clause(word) or (len(word) >= _MIN_ROOT_AFTER_NAME and self.is_word(word)):
                return at
            elif word in _SHORT_AFTER_NAME and self.names[name] >= 2:
                return at  # "Putin|di Istana": a name the article writes alone again and again
        return known

    def _verb(self, word: str) -> bool:
        """A verb built on a root with a verbal prefix: "bertemu", "mengatakan", "dijadwalkan"."""
        return len(word) >= _MIN_ROOT_AFTER_NAME and word.startswith(_VERB_PREFIXES) and self.is_derived(word)

    def _lower_run(self, match: re.Match[str]) -> str:
        run = match.group(0)
        cut = self.lower_cut(run)
        return f"{run[:cut]} {run[cut:]}" if cut else run

    def lower_cut(self, run: str) -> int:
        """Where a run of lower-case letters is two glued words ("rumah|yang", "harga|saham"), or 0."""
        if len(run) <= _MIN_LOWER_RUN or not run.islower():
            return 0
        return (
            (self._clause_word_glue(run) if run.endswith(_CLAUSE_ENDINGS) else 0)
            or self._spaced_pair(run)
            or self._function_word_glue(run)
        )

    def _function_word_glue(self, run: str) -> int:
        """A function word glued to a word the article writes alone, once, the whole no word:
        "akan|comeback", "comeback|dengan", "dengan|provider"."""
        if self.runs[run] > 1:
            return 0
        for at in range(_MIN_FUNCTION_WORD, len(run) - _MIN_HEAD_PAIR + 1):
            left, right = run[:at], run[at:]
            # (the whole is looked up last: the look-up stems it)
            if left in _PHRASE_OPENERS and self.runs[right]:
                return 0 if self._known_word(run) else at
            if right in _AFTER_NAME and self.runs[left] and len(left) >= _MIN_HEAD_PAIR:
                # a word that goes on after a subject ("dengan", "akan"), not "sama" or "kali"; not
                # a misspelt suffix ("menanamakan" for "menanamkan")
                return 0 if self.is_word(left + right[1:]) or self._known_word(run) else at
        return 0

    def _spaced_pair(self, run: str) -> int:
        """Two words the article writes side by side, glued once ("fluktuasi harga" and
        "fluktuasiharga"), when the whole is no word: not a misspelt word ("mengakusisi"), which
        the article does not write apart, nor a compound it writes joined again ("kerjasama")."""
        if self.runs[run] > 1:
            return 0
        cut, most = 0, 0
        for at in range(_MIN_HEAD_PAIR, len(run) - 2):
            left, right = run[:at], run[at:]
            spaced = self.pairs[left, right] + self.pairs[left.capitalize(), right]  # or opening a sentence
            if spaced > most and left not in _BOUND_FORMS:
                cut, most = at, spaced
        return 0 if not cut or self._known_word(run) else cut

    def _clause_word_glue(self, run: str) -> int:
        """A word glued to the function word after it, both lower case ("rumah|yang")."""
        for word in _CLAUSE_WORDS:
            head = run[: -len(word)]
            if run.endswith(word) and len(head) >= _MIN_HEAD_WORD:
                if self.is_word(run) or self.is_derived(run) or not (self.is_word(head) or self.is_derived(head)):
                    return 0
                return len(head)
        return 0

    def _capitals_glue(self, run: str) -> int:
        """Where capitals end and a lower-case word starts, or 0: "PBSI|menyiapkan"; not "BBMnya"
        (a clitic is no word), "DIberitakan" (a word typed with its first letters in capitals) or
        "PEMUTUSANHubungan" and "SARManggarai", where the last capital opens a word or a name."""
        capitals = _CAPITALS_GLUE.fullmatch(run)
        if (
            capitals is None
            or capitals.group(2) in _CLITICS
            or not self._word_after_capitals(capitals.group(2))
            or self.is_word(run.lower())
            or self._capitalised_word(capitals.group(1)[-1] + capitals.group(2))
        ):
            return 0
        return len(capitals.group(1))

    def _word_after_capitals(self, word: str) -> bool:
        """A lower-case word glued after capitals that is a word of its own: one that opens a clause
        or a long root ("JAKARTA|kembali"). No capitals end in such a word, so unlike a glued name it
        needs no one-off: a scraped page may repeat a glued line."""
        return self._opens_clause(word) or (len(word) >= _MIN_ROOT_AFTER_NAME and self.is_word(word))

    def _capitalised_word(self, word: str) -> bool:
        """A capitalised word the article writes on its own, or a dictionary word."""
        return bool(self.names[word]) or self.is_word(word.lower())

    def _after_number(self, word: str) -> bool:
        """A lower-case word glued after a number that is a word of its own: "akan", "yang",
        "menjadi"; not a unit or a root ("2nd", "60fps", "20detik", "7model", "3milyar")."""
        return word.islower() and word not in _CLITICS and self._opens_clause(word)

    def _opens_clause(self, word: str) -> bool:
        """A word that goes on after a name: "dan", "akan", "mengatakan", not "kota" or "gram"."""
        if word in self.function_words:
            return len(word) >= _MIN_FUNCTION_WORD
        return len(word) >= _MIN_DERIVED_WORD and self.is_derived(word)


def is_untouchable(token: str) -> bool:
    """An address, handle or markup token, whose glue is its own."""
    return bool(_UNTOUCHABLE.search(token))


def function_words() -> frozenset[str]:
    """Indonesian function words (Sastrawi's stopword list): "di", "dari", "yang", "kepada"."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words())
