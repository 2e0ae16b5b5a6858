"""Speakers: read a speaker phrase ("Juru Bicara Istana Budi Hartono kepada wartawan",
"Andi Bakri, seorang profesor di …", "seorang pejabat kementerian", "dia") into a ``Speaker``.

The name is the phrase's last run of capitalised words once titles, offices and places are
taken off its front (or the name set off by commas after a role); a person analysis's name
tagger found in the phrase speaks when those words give no name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import word_set
from ..lexicon.function_words import CLAUSE_OPENERS, CONNECTIVES, PHRASE_STOPS, ROLE_STOPS
from ..lexicon.names import NAME_PREFIXES, SPEAKER_NAME_PARTICLES
from ..lexicon.organisations import ORG_WORDS, SPEAKER_ORG_HEADS
from ..lexicon.people import NON_PERSON_HEADS, PERSON_NOUNS, PRONOUNS, QUANTIFIERS, ROLE_LEAD_INS
from ..lexicon.places import AFFILIATION_WORDS
from ..lexicon.titles import SPEAKER_JURISDICTION_TITLES, SPEAKER_TITLES
from ..models import Mention

NAMED = "named"  # a person's name
UNNAMED = "unnamed"  # a description of a person not named ("seorang pejabat Rusia", "warga")
ORGANISATION = "organisation"  # an institution speaking ("Kementerian Kesehatan")
PRONOUN = "pronoun"  # "ia", "dia", the "-nya" of "ujarnya": the previous speaker
ANAPHOR = "anaphor"  # "pakar tersebut", "pria itu": the previous speaker, described

_STRIP = " \t,.;:\"'“”‘’()[]—–-"
_WORD = re.compile(r"\S+")
_TRAILING_ADVERBS = word_set(
    """
    juga pun kemudian lalu lantas sempat telah sudah pernah bahkan kembali akan masih justru malah
    sendiri hanya pula pun tak tidak belum turut ikut secara terpisah langsung
    singkat tegas lirih pelan santai serius lantang datar
    """
)
# Heads of a description that points back to a person named before ("pria 47 tahun itu",
# "orang nomor satu di Bener Meriah tersebut", "sang menteri").
_DESCRIPTION_HEADS = word_set("orang sosok pria lelaki perempuan wanita sang politikus politisi mantan")
# A description of a person longer than this is a clause.
MAX_DESCRIPTION_WORDS = 10
_VERBISH = re.compile(r"^(?:me|ber|ter|di)[a-z]{3,}$")
# Verb prefixes inside a description: "warga yang melihat" is a clause, "seorang diplomat" is not.
_VERB_INSIDE = re.compile(r"^(?:mem|men|meng|meny|me[lrwy]|ber|ter)[a-z]{3,}$")
_DEMONSTRATIVES = frozenset(("tersebut", "itu", "ini"))
# A speaker phrase longer than this is a clause ("Kepala Dinas Pekerjaan Umum Sumber Daya Air
# Provinsi Jawa Timur Bagus Santoso" is 12).
MAX_PHRASE_WORDS = 16
_AGE = re.compile(r"\s*\(\d{1,3}(?:\s*tahun)?\)")
# Longer runs of name-like words are an office or place followed by a name.
MAX_NAME_WORDS = 3
# Where a subject may trail off before its verb: a relative clause or the circumstance ("Budi
# dalam konferensi pers, Jumat, mengatakan …"); any other stop ("Pertemuan seperti itu …")
# means the words before the verb are a clause, not a speaker.
_SUBJECT_STOPS = word_set("yang di dalam saat ketika usai seusai setelah sebelum kepada melalui lewat via sembari")
# Nouns for what a source said ("Menurut keterangan penyidik"): the speaker follows them.
_STATEMENT_NOUNS = word_set("keterangan penjelasan pengakuan pernyataan catatan")
_ROMAN = re.compile(r"^[IVX]{1,4}$")


@dataclass(frozen=True)
class Speaker:
    """Who spoke, as read from one phrase; ``kind`` is one of the module constants."""

    name: str
    kind: str
    role: str | None = None

    @property
    def needs_antecedent(self) -> bool:
        return self.kind in (PRONOUN, ANAPHOR)


def _tokens(text: str) -> list[tuple[str, int]]:
    return [(m.group(), m.start()) for m in _WORD.finditer(text)]


def _bare(token: str) -> str:
    return token.strip(_STRIP).lower()


def _is_capitalised(token: str) -> bool:
    bare = token.strip(_STRIP)
    return bool(bare) and bare[0].isupper()


def _is_brand(token: str) -> bool:
    """An acronym or a name with capitals inside ("BSSN", "KantongKu"): an institution or company."""
    bare = token.strip(_STRIP)
    return _is_acronym(bare) or (
        bool(bare) and bare[0].isupper() and any(ch.isupper() for ch in bare[1:]) and "-" not in bare
    )


def looks_like_organisation(name: str) -> bool:
    """Whether a speaker's name is an institution's ("Kejaksaan Negeri Dumai", "BSSN", "KantongKu")."""
    words = name.split()
    return bool(words) and (
        _bare(words[0]) in SPEAKER_ORG_HEADS
        or _bare(words[-1]) in ORG_WORDS
        or (len(words) == 1 and _is_brand(words[0]))
    )


def _is_acronym(token: str) -> bool:
    bare = token.strip(_STRIP).replace("-", "")
    return len(bare) >= 2 and bare.isalpha() and bare.isupper()


# A phrase opening with these is where or how something was said, not a role: "Chairul, di
# Pengadilan Negeri Jakarta Pusat, ..." (inside a role they stay: "guru besar di Universitas X").
_NOT_ROLE_OPENERS = word_set("di dengan untuk")


def _clean_role(words: Sequence[str]) -> str | None:
    if words and _bare(words[0]) in _NOT_ROLE_OPENERS:
        return None
    out: list[str] = []
    for word in words:
        if _bare(word) in ROLE_STOPS or word.startswith("("):
            if out and word.startswith("(") and _is_acronym(word):
                out.append(word)  # "(DGAP)"
                continue
            break
        out.append(word)
    text = " ".join(out).strip(_STRIP.replace("(", "").replace(")", ""))
    lowered = text.lower()
    for quantifier in QUANTIFIERS:
        if lowered.startswith(quantifier + " "):
            text = text[len(quantifier) + 1 :]
            break
    text = text.strip(" ,")
    return text or None


class SpeakerReader:
    """Reads speaker phrases of one document; holds its person and organisation mentions."""

    def __init__(
        self,
        mentions: Sequence[Mention] = (),
        common_words: frozenset[str] = frozenset(),
        places: frozenset[str] = frozenset(),
        proper: frozenset[str] = frozenset(),
    ) -> None:
        self._mentions = sorted((m for m in mentions if m.start >= 0), key=lambda m: m.start)
        # Words the article also writes in lower case: at a sentence start they are not names.
        self._common = common_words
        # Capitalised words the article uses as places ("di Sumbawa"): not the start of a name.
        self._places = places
        # Words the article capitalises inside a sentence: proper nouns, not sentence openers.
        self._proper = proper
        # What ``_name_word`` and ``name_in`` said of a word or run: the article asks again and again
        # (every capitalised run, in each of the two passes over its speakers).
        self._name_words: dict[str, bool] = {}
        self._names_in: dict[tuple[str, ...], str | None] = {}

    def _mention_in(self, start: int, end: int, kind: str) -> Mention | None:
        for mention in self._mentions:
            if mention.kind == kind and mention.start >= start and mention.end <= end:
                return mention
        return None

    # -- a phrase that names the speaker -----------------------------------------------

    def read(self, phrase: str, offset: int, *, subject: bool = False) -> Speaker | None:
        """The speaker of ``phrase`` (which sits at ``offset`` of the article text).

        A ``subject`` (the words before a verb) must be a speaker phrase to its end; a phrase
        after a verb may trail off into the circumstance ("kepada wartawan di Jakarta")."""
        phrase = _AGE.sub(lambda m: " " * len(m.group()), phrase)  # "Yohana (27)": same offsets
        stripped = phrase.lstrip(_STRIP)
        offset += len(phrase) - len(stripped)
        phrase = stripped.rstrip(_STRIP)
        if not phrase:
            return None
        head, comma, appositive = phrase.partition(",")
        words = head.split()
        if words and _bare(words[0]) in CONNECTIVES and len(words) > 1:
            skip = head.index(words[1])
            phrase, head, offset, words = phrase[skip:], head[skip:], offset + skip, words[1:]
        if comma:
            named = self._apposed_name(words, appositive, subject)
            if named is not None:
                return named
        first = _bare(words[0]) if words else ""
        if len(words) == 1 and first in PRONOUNS:
            return Speaker(first, PRONOUN)
        described = _pointing_back(words)
        if described is not None:
            return described
        if first in _STATEMENT_NOUNS and len(words) > 1 and _bare(words[1]) not in NON_PERSON_HEADS:
            return self.read(phrase[phrase.index(words[1]) :], offset + phrase.index(words[1]), subject=subject)
        if first in NON_PERSON_HEADS:
            return None
        tokens = _tokens(head)
        # Cut the head where its circumstance or relative clause starts.
        cut = len(tokens)
        for n, (token, _start) in enumerate(tokens):
            if n > 0 and (_bare(token) in PHRASE_STOPS or (not subject and _clause_verb(token))):
                cut = n
                break
        extra_role: list[str] = []
        # "kata X kepada wartawan di Kejagung, Jaksel, ...": what follows the comma belongs to the
        # circumstance, not to X
        circumstance = cut < len(tokens)
        if cut < len(tokens):
            stop = _bare(tokens[cut][0])
            if stop == "dari":
                extra_role = [t for t, _ in tokens[cut:]]
            elif subject and stop not in _SUBJECT_STOPS:
                return None
        tokens = tokens[:cut]
        while len(tokens) > 1 and _bare(tokens[-1][0]) in _TRAILING_ADVERBS:
            tokens.pop()
        if not tokens:
            return None
        apposition = None
        opener = appositive.split()[0] if appositive.split() else "yang"
        # "X, menyusul Y ...": a clause after the name, not its role
        if comma and not circumstance and _bare(opener) not in ("yang", "kini", "saat") and not _clause_verb(opener):
            apposition = _clean_role(appositive.split())
        speaker = self._read_tokens(tokens, apposition, extra_role)
        if speaker is None:  # "seorang relawan dari Purwokerto" stays unnamed whatever a tagger says
            return self._tagged_person(phrase, offset, head, apposition)
        return speaker

    def _tagged_person(self, phrase: str, offset: int, head: str, apposition: str | None) -> Speaker | None:
        """The person the name tagger found in a phrase whose own words gave no name, when the
        phrase is only that name with its role before it ("Kepala Puskesmas Sukajadi Rina")."""
        mention = self._mention_in(offset, offset + len(head), "PERSON")
        if mention is None:
            return None
        name = self.name_in(mention.text.split())
        before = phrase[: mention.start - offset].split()
        after = phrase[mention.end - offset : len(head)].strip(_STRIP)
        roles = SPEAKER_TITLES | PERSON_NOUNS | {"dari", "di", "seorang", "salah", "satu"}
        if name is None or after or (before and _bare(before[0]) in SPEAKER_ORG_HEADS):
            return None
        if any(not _is_capitalised(w) and _bare(w) not in roles for w in before):
            return None
        return Speaker(name, NAMED, mention.role or apposition)

    def _read_tokens(self, tokens: list[tuple[str, int]], apposition: str | None, extra: list[str]) -> Speaker | None:
        words = [t for t, _ in tokens]
        lowered = " ".join(_bare(w) for w in words)
        if len(words) > MAX_PHRASE_WORDS:
            return None
        if any(lowered == q or lowered.startswith(q + " ") for q in QUANTIFIERS):
            return self._description(words, UNNAMED)
        if _bare(words[-1]) in _DEMONSTRATIVES:
            return self._description(words, ANAPHOR)
        # The last run of capitalised words holds the name.
        run_end = len(words)
        while run_end > 0 and not _is_capitalised(words[run_end - 1]):
            run_end -= 1
        if run_end == 0:
            return self._description(words, UNNAMED)
        if run_end == 1 and _bare(words[0]) in SPEAKER_TITLES and len(words) <= 3:
            return self._description(words, UNNAMED)  # "Kepala dinas": an office opening a sentence
        if any(not _is_capitalised(w) for w in words[run_end:]):
            return None  # lower-case words after the name: a clause, not a speaker phrase
        run_start = run_end - 1
        while run_start > 0 and (
            _is_capitalised(words[run_start - 1]) or _bare(words[run_start - 1]) in SPEAKER_NAME_PARTICLES
        ):
            run_start -= 1
        prefix = words[:run_start]
        office = bool(prefix) and (_bare(prefix[0]).rstrip(".") in SPEAKER_TITLES or _bare(prefix[0]) in PERSON_NOUNS)
        if any(_bare(w) == "dan" for w in prefix) and not office:
            return None  # "Budi dan Ani": two speakers ("dan" inside an office name is fine)
        if any(_VERBISH.match(_bare(w)) for w in prefix if not _is_capitalised(w)):
            return None
        run = words[run_start:run_end]
        if self._organisation(words, run):
            return Speaker(" ".join(words).strip(_STRIP), ORGANISATION)
        name_start = self._name_start(run)
        name = run[name_start:]
        role_words = prefix + run[:name_start]
        if not name and (_bare(words[0]) in SPEAKER_ORG_HEADS or (len(words) == 1 and _is_brand(words[0]))):
            return Speaker(" ".join(words).strip(_STRIP), ORGANISATION)
        if not name or (len(name) == 1 and (_bare(name[0]) in self._common or _bare(name[0]) in PERSON_NOUNS)):
            return self._description(words, UNNAMED)
        role = apposition or _clean_role(role_words + extra)
        return Speaker(" ".join(name).strip(_STRIP), NAMED, role)

    def _apposed_name(self, head: list[str], appositive: str, subject: bool) -> Speaker | None:
        """'Penasihat hukum Herman, Fadli Rahman, …': a role, then the speaker's name set off by commas."""
        names = appositive.split(",")[0].split()
        while names and _bare(names[0]).rstrip(".") in SPEAKER_TITLES and names[0].endswith("."):
            names = names[1:]  # "dr. Andika Wirawan"
        chunk = " ".join(names).strip(_STRIP)
        names = chunk.split()
        if not (1 <= len(names) <= 4 and all(_is_capitalised(w) for w in names) and self._name_word(names[0])):
            return None
        if not head:
            return None
        first = _bare(head[0]).rstrip(".")
        first = first[:-3] if first.endswith("nya") else first  # "Pelatihnya"
        quantified = any(" ".join(_bare(w) for w in head).startswith(q + " ") for q in QUANTIFIERS)
        role_first = first in SPEAKER_TITLES or first in PERSON_NOUNS
        if not (role_first or quantified or not _is_capitalised(head[0])):
            return None
        if not (role_first or quantified) and any(
            _clause_verb(w) or _bare(w) in CLAUSE_OPENERS or _bare(w) in _DEMONSTRATIVES for w in head
        ):
            return None  # "kekhawatiran itu mereda setelah Presiden AS, Donald Trump, ...": a clause, no role
        in_head = [w for w in head[1:] if _is_capitalised(w) and self._name_word(w)]
        # Before a verb the apposition is closed by a comma: 'Ketua Kelompok Tani Sido Makmur, Suyatno, menyambut'.
        # After a verb, a head that names someone already makes the apposition a place or a date,
        # unless what it names is an institution ("Analis Phintraco Sekuritas, Ratna Lim").
        if len(in_head) > 1 and not subject and _bare(head[-1]) not in ORG_WORDS:
            return None
        return Speaker(chunk, NAMED, _clean_role(head))

    def name_in(self, words: Sequence[str]) -> str | None:
        """The person's name at the end of a capitalised run ("Kepala BPBD Kabupaten Lingga Rudi
        Hartono" -> "Rudi Hartono"), or None when the run holds no name."""
        key = tuple(words)
        if key not in self._names_in:
            self._names_in[key] = " ".join(words[self._name_start(words) :]).strip(_STRIP) or None
        return self._names_in[key]

    def _name_start(self, run: Sequence[str]) -> int:
        """Where the name starts in a capitalised run: the longest tail of name words, at most
        ``MAX_NAME_WORDS`` long (titles, offices and places come before a name, not after)."""
        start = len(run)
        while start > 0 and len(run) - start < MAX_NAME_WORDS and self._name_word(run[start - 1]):
            start -= 1
        # A fourth name word only right after a title: "Kombes Pol Ade Ary Syam Indradi".
        if start > 1 and self._name_word(run[start - 1]) and _bare(run[start - 2]).rstrip(".") in SPEAKER_TITLES:
            start -= 1
        if start == len(run) and len(run) > 1 and self._name_word(run[-2]) and _bare(run[-1]) not in AFFILIATION_WORDS:
            start = len(run) - 1  # a surname that is also a title word: "Lutfi Hakim"
            while start > 0 and len(run) - start < MAX_NAME_WORDS and self._name_word(run[start - 1]):
                start -= 1
        if start > 0 and run[start - 1] in ("I", "Ni") and start < len(run) and _bare(run[start]) in NAME_PREFIXES:
            start -= 1  # "I Wayan", "Ni Luh": Balinese names, not a numeral
        jurisdiction = start > 0 and _bare(run[start - 1]) in SPEAKER_JURISDICTION_TITLES
        if jurisdiction and len(run) - start >= MAX_NAME_WORDS and _bare(run[start]) not in NAME_PREFIXES:
            start += 1  # "Camat Sukamaju Budi Santoso": the office's place comes first
        return start

    def _name_word(self, word: str) -> bool:
        """Whether a capitalised word can start a person's name (not a title, office, place,
        acronym, brand, number or clause opener)."""
        found = self._name_words.get(word)
        if found is None:
            found = self._name_words[word] = self._is_name_word(word)
        return found

    def _is_name_word(self, word: str) -> bool:
        bare = _bare(word)
        core = word.strip(_STRIP)
        return not (
            bare.rstrip(".") in SPEAKER_TITLES
            or bare in AFFILIATION_WORDS
            or bare in CLAUSE_OPENERS
            or bare in ROLE_STOPS
            or bare in self._places
            or _is_acronym(word)
            or _ROMAN.match(core)
            or any(ch.isdigit() for ch in core)
            or any(ch.isupper() for ch in core[1:].replace("-", " ").split(" ")[0])  # "KantongKu"
            or bool(re.search(r"-[A-Z]", core))  # "Cimanuk-Cisanggarung"
        )

    @staticmethod
    def _organisation(words: list[str], run: list[str]) -> bool:
        """An institution speaking: its name ends in an institution word or an acronym."""
        last = run[-1] if run else words[-1]
        return (
            all(_is_acronym(w) for w in words)
            or (last.startswith("(") and _is_acronym(last))
            or _bare(last) in ORG_WORDS
        )

    @staticmethod
    def _description(words: list[str], kind: str) -> Speaker | None:
        """An unnamed speaker: a quantified noun phrase or a noun that names people."""
        bare = [_bare(w) for w in words]
        quantified = any(" ".join(bare).startswith(q + " ") for q in QUANTIFIERS)
        head = bare[0]
        for quantifier in QUANTIFIERS:
            if " ".join(bare).startswith(quantifier + " "):
                head = bare[len(quantifier.split())]
                break
        if len(words) > 6 or any(
            _VERB_INSIDE.match(w) and w not in PERSON_NOUNS and w not in _DEMONSTRATIVES for w in bare[1:]
        ):
            return None
        if not quantified and kind != ANAPHOR and head not in PERSON_NOUNS and head not in SPEAKER_TITLES:
            return None
        text = " ".join(words).strip(_STRIP)
        if text[:1].isupper() and not _is_capitalised(words[1] if len(words) > 1 else ""):
            text = text[0].lower() + text[1:]
        return Speaker(text, kind, None)

    # -- the subject of a sentence before its verb of saying ---------------------------

    def read_subject(self, text: str, offset: int) -> Speaker | None:
        """The speaker of '<clause>, <subject>, <apposition>' that comes before a verb."""
        chunks: list[tuple[str, int]] = []
        position = 0
        for piece in text.split(","):
            chunks.append((piece, offset + position))
            position += len(piece) + 1
        for n, (chunk, start) in enumerate(chunks):
            words = chunk.split()
            while words and _bare(words[0]) in CONNECTIVES:
                words = words[1:]
            if not words:
                continue
            if _is_clause(words):
                continue
            named_last = self._name_after_role(chunks[n:])
            if named_last is not None:
                return named_last
            rest = ",".join(c for c, _ in chunks[n:])
            speaker = self.read(rest, start, subject=True)
            if speaker is None and n + 1 < len(chunks) and chunks[n + 1][0].strip():
                continue  # "kekhawatiran itu mereda setelah Presiden AS, Donald Trump, ...": the subject comes later
            apposed = n + 1 < len(chunks) or "(" in chunk
            one_word = speaker is not None and speaker.kind == NAMED and " " not in speaker.name
            if one_word and speaker is not None and speaker.name not in self._proper:
                if not apposed:
                    return None  # "Keduanya", "Pertemuan": capitalised only because a sentence starts there
                after, at = chunks[n + 1] if n + 1 < len(chunks) else ("", start)
                if not _role_opens(after) or self._names_someone(after, at):
                    # "Sebaliknya, untuk ...", "Terpisah, Kapolsek Budi Santoso ...": an adverb set
                    # off by a comma, with no role or a role and a name of its own after it
                    continue
            return speaker
        return None

    def _names_someone(self, phrase: str, offset: int) -> bool:
        """Whether a phrase reads as a speaker of two or more name words ("Kapolsek Budi Santoso")."""
        speaker = self.read(phrase, offset, subject=True)
        return speaker is not None and speaker.kind == NAMED and " " in speaker.name

    def _name_after_role(self, chunks: list[tuple[str, int]]) -> Speaker | None:
        """'Area Manager Communication, Relations & CSR Pertamina, Tjahyo Indrawan,' before a
        verb: a role that itself has commas, then the name as the last part."""
        parts = [(c, s) for c, s in chunks if c.strip()]
        if len(parts) < 3:
            return None  # 'ROLE, NAME' alone is read as an apposition already
        last = parts[-1][0].strip(_STRIP).split()
        first = _bare(parts[0][0].split()[0])
        if not (1 <= len(last) <= MAX_NAME_WORDS + 1) or not all(
            _is_capitalised(w) and self._name_word(w) for w in last
        ):
            return None
        if (
            first not in SPEAKER_TITLES
            and first not in PERSON_NOUNS
            and not any(_bare(w) in SPEAKER_TITLES for c, _ in parts[:-1] for w in c.split())
        ):
            return None
        # the role opens at its first title: "Merespons AS, pemimpin Hizbullah, Naim Qassem" is
        # a clause, then the role
        opening = next(
            (k for k, (c, _) in enumerate(parts[:-1]) if c.split() and _role_opens(c)),
            0,
        )
        role = _clean_role(",".join(c for c, _ in parts[opening:-1]).split())
        return Speaker(" ".join(last), NAMED, role)


_LEAD_INS = ROLE_LEAD_INS | word_set("para yang juga adalah merupakan")


def _role_opens(phrase: str) -> bool:
    """Whether a phrase set off by commas opens with a role: "ketua RT", "seorang warga"."""
    words = [_bare(w) for w in phrase.split()]
    while words and words[0] in _LEAD_INS:
        words = words[1:]
    return bool(words) and (words[0].rstrip(".") in SPEAKER_TITLES or words[0] in PERSON_NOUNS)


def _clause_verb(token: str) -> bool:
    """A lower-case verb after a speaker's name: the circumstance of the statement ('kata X
    menanggapi …'), not part of the speaker phrase."""
    bare = _bare(token)
    return (
        not _is_capitalised(token)
        and bool(_VERB_INSIDE.match(bare))
        and bare not in PERSON_NOUNS | _DEMONSTRATIVES | _TRAILING_ADVERBS
    )


def _pointing_back(words: Sequence[str]) -> Speaker | None:
    """A description closed by a demonstrative that points back to a person ("pelatih 44 tahun
    itu", "pria yang berjualan sayur itu", "bupati perempuan pertama di Grobogan itu"), read
    whole: its role words, age and sex find the person (quotes/antecedents.py)."""
    words = list(words)
    while len(words) > 1 and _bare(words[-1]) in _TRAILING_ADVERBS:
        words.pop()
    if not 2 <= len(words) <= MAX_DESCRIPTION_WORDS or _bare(words[-1]) not in _DEMONSTRATIVES:
        return None
    head = _bare(words[0])
    if head not in PERSON_NOUNS and head not in SPEAKER_TITLES and head not in _DESCRIPTION_HEADS:
        return None
    if any(_bare(w) in _DEMONSTRATIVES for w in words[:-1]):
        return None  # "pria itu di lokasi itu": a clause
    text = " ".join(words).strip(_STRIP)
    return Speaker(text[0].lower() + text[1:] if not _is_acronym(words[0]) else text, ANAPHOR)


def _is_clause(words: list[str]) -> bool:
    """An adverbial clause or participle before the subject ("Dalam pidatonya", "Menanggapi hal itu")."""
    first = _bare(words[0])
    if first in CLAUSE_OPENERS:
        return True
    second = words[1] if len(words) > 1 else ""
    return bool(_VERBISH.match(first)) and bool(second) and not _is_capitalised(second)
