"""Antecedents: the person a description or an office stands for ("pelatih 44 tahun itu",
"Ketua DPP PSB itu", "tegas gubernur"), among the people the article names before it.

The nearest compatible antecedent wins. A person whose role words or age agree with the
reference comes first; otherwise a description ("pria itu") goes to the nearest person named as a
sentence's subject or speaker. Names inside what was said, and names after a verb or a
preposition (the person a statement is about: "menyebut Hendra", "kepada Gubernur"), are not
antecedents. A sex cue ("perempuan", "Bu") that disagrees rules a person out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..lexicon import word_set
from ..lexicon.people import PERSON_NOUNS
from ..lexicon.speech import SAY_ACTIVE, SAY_AFTER_QUOTE
from ..lexicon.titles import SPEAKER_TITLES
from ..models import Document
from .passages import Said
from .speakers import ANAPHOR, NAMED, UNNAMED, Speaker, SpeakerReader

_WORD = re.compile(r"[\w'’-]+")
_MALE = word_set("pria lelaki laki-laki bapak pak ayah kakek suami putra")
_FEMALE = word_set("perempuan wanita ibu bu nenek istri putri gadis srikandi")
_AGE_REF = re.compile(r"\b(\d{1,3})\s*tahun\b")
_AGE_AFTER = re.compile(r"^\s*(?:\((\d{1,3})(?:\s*tahun)?\)|,\s*(\d{1,3})\s*tahun\b)")
# Words before a name that make it the object of a statement or deed, not its subject.
_OBJECT_MARKERS = word_set(
    "kepada dengan soal tentang terhadap untuk bagi atas mengenai sebagai dan atau bersama melawan antara"
)
_SAYER_MARKERS = SAY_AFTER_QUOTE | word_set("menurut oleh")
_VERB_FORM = re.compile(r"^(?:mem|men|meng|meny|me[lrwy]|ber|ter|di)[a-z]{3,}$")
_ROLE_LINKS = word_set("dan di dari asal")
_FUNCTION_WORDS = word_set("itu ini tersebut yang di dari ke dan asal berusia tahun nomor satu sang si orang")
# Window of words before a name read as its role ("Kepala Dinas Kesehatan Sikka, dr. Maria ...").
ROLE_WINDOW = 8
# How far back (in paragraphs) a description with no role or age cue looks for its person.
NEAR_PARAGRAPHS = 2
# Confidence of each way of finding the person (see QuoteExtractor for the rest of the scale).
BY_CUE = 0.85
BY_NEAREST = 0.65


@dataclass
class _Person:
    name: str
    roles: set[str] = field(default_factory=set)
    age: int | None = None
    sex: str | None = None


@dataclass(frozen=True)
class _Occurrence:
    position: int
    paragraph: int
    person: str
    subject: bool


@dataclass(frozen=True)
class Reference:
    """What a description says of its person: role words, age and sex."""

    roles: frozenset[str]
    age: int | None
    sex: str | None
    office: bool  # it names an office ("gubernur", "kepala dinas"): it may stand alone for its holder


def read_reference(description: str) -> Reference:
    words = description.split()
    bare = [w.strip(",.;:()\"'“”").lower() for w in words]
    roles = {
        b
        for w, b in zip(words, bare, strict=True)
        if b
        and b not in _FUNCTION_WORDS
        and b not in _MALE
        and b not in _FEMALE
        and (b in SPEAKER_TITLES or b in PERSON_NOUNS or (w[:1].isupper() and not b.isdigit()))
    }
    age = _AGE_REF.search(description)
    sex = "m" if _MALE & set(bare) else "f" if _FEMALE & set(bare) else None
    return Reference(frozenset(roles), int(age.group(1)) if age else None, sex, bool(roles & SPEAKER_TITLES))


class Antecedents:
    """The people an article names, where, and what it says of them; built once per document."""

    def __init__(self, document: Document, said: Sequence[Said], reader: SpeakerReader, names: dict[str, str]) -> None:
        text = document.article.text
        self._text = text
        spans = sorted((q.start, q.end) for q in said if q.end > q.start)
        paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        people: dict[str, _Person] = {}
        for mention in document.mentions:
            if mention.kind == "PERSON" and mention.start >= 0:
                name = reader.name_in(mention.text.split())
                if name and all(w[:1].isupper() for w in name.split()):
                    people.setdefault(names.get(name, name), _Person(names.get(name, name)))
        for item in said:
            if item.speaker is not None and item.speaker.kind == NAMED:
                name = names.get(item.speaker.name, item.speaker.name)
                person = people.setdefault(name, _Person(name))
                if item.speaker.role:
                    person.roles.update(w.lower().strip(",.") for w in item.speaker.role.split())
        self._people = _merge_short_forms(people)
        self._occurrences: list[_Occurrence] = []
        forms = _forms(self._people)
        if not forms:
            return
        pattern = re.compile(r"\b(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b")
        for match in pattern.finditer(text):
            person = self._people[forms[match.group()]]
            self._profile(person, match.start(), match.end())
            paragraph = sum(1 for s in paragraph_starts if s <= match.start()) - 1
            # A name inside what was said is what the statement is about: never the nearest
            # subject, though its role or age may still match a description.
            said_about = any(start <= match.start() < end for start, end in spans)
            subject = not said_about and self._is_subject(match.start())
            self._occurrences.append(_Occurrence(match.start(), paragraph, person.name, subject))

    def _profile(self, person: _Person, start: int, end: int) -> None:
        """Role words, age and sex the text gives beside one occurrence of a person's name."""
        line_start = max(self._text.rfind("\n", 0, start), self._text.rfind(". ", 0, start)) + 1
        words: list[str] = []
        for word in reversed(_WORD.findall(self._text[line_start:start])[-ROLE_WINDOW:]):
            bare = word.lower()
            if not (word[:1].isupper() or bare in SPEAKER_TITLES or bare in PERSON_NOUNS or bare in _ROLE_LINKS):
                break  # "Majelis hakim menyatakan Herman": the verb ends the role
            words.append(bare)
        person.roles.update(words)
        if "dr" in words:
            person.roles.add("dokter")
        if words and words[-1] in ("pak", "bapak"):
            person.sex = person.sex or "m"
        elif words and words[-1] in ("bu", "ibu"):
            person.sex = person.sex or "f"
        age = _AGE_AFTER.match(self._text[end : end + 24])
        if age and person.age is None:
            person.age = int(age.group(1) or age.group(2))

    def _is_subject(self, start: int) -> bool:
        """Whether a name stands as a subject or speaker: no verb or preposition right before its
        role words ("menyebut Hendra", "kepada Gubernur Jambi Rizal" are objects)."""
        line_start = max(self._text.rfind("\n", 0, start), self._text.rfind(". ", 0, start)) + 1
        clause_start = max(line_start, self._text.rfind(",", line_start, start) + 1)
        for word in reversed(_WORD.findall(self._text[clause_start:start])):
            bare = word.lower()
            if word[:1].isupper() or bare in SPEAKER_TITLES or bare.isdigit():
                continue
            if bare in _SAYER_MARKERS or bare in SAY_ACTIVE:
                return True
            return not (bare in _OBJECT_MARKERS or _VERB_FORM.match(bare))
        return True

    def resolve(self, speaker: Speaker, position: int, paragraph: int) -> tuple[Speaker, float] | None:
        """The named person a description or office at ``position`` stands for, with a confidence,
        or None when no person fits (the caller keeps the description)."""
        reference = read_reference(speaker.name)
        # a person the description itself names is not whom it stands for ("istri Budi itu" is not
        # Budi; "pelantun Sang Dewi itu" is the singer, not a song the tagger took for a person)
        described = set(speaker.name.lower().split())
        before = [
            o for o in self._occurrences if o.position < position and not set(o.person.lower().split()) <= described
        ]
        fitting = [o for o in before if self._fits(self._people[o.person], reference)]
        cued = [o for o in fitting if self._cued(self._people[o.person], reference)]
        if cued:
            return self._speaker(cued[-1], speaker), BY_CUE
        if speaker.kind != ANAPHOR:
            return None  # an office alone ("kata gubernur") needs its holder named with that office
        near = [o for o in fitting if o.subject and paragraph - o.paragraph <= NEAR_PARAGRAPHS]
        if near:
            return self._speaker(near[-1], speaker), BY_NEAREST
        return None

    def _speaker(self, occurrence: _Occurrence, reference: Speaker) -> Speaker:
        return Speaker(occurrence.person, NAMED, reference.role)

    @staticmethod
    def _fits(person: _Person, reference: Reference) -> bool:
        if reference.age is not None and person.age is not None and reference.age != person.age:
            return False
        return not (reference.sex and person.sex and reference.sex != person.sex)

    @staticmethod
    def _cued(person: _Person, reference: Reference) -> bool:
        if reference.age is not None and reference.age == person.age:
            return True
        offices = reference.roles & SPEAKER_TITLES
        return bool(offices) and reference.roles <= person.roles


def is_office(speaker: Speaker) -> bool:
    """An unnamed speaker that is an office alone ("gubernur", "Kepala dinas"), not a
    quantified description ("seorang pejabat")."""
    if speaker.kind != UNNAMED:
        return False
    first = speaker.name.split()[0].lower() if speaker.name.split() else ""
    return first in SPEAKER_TITLES and first not in PERSON_NOUNS - SPEAKER_TITLES and len(speaker.name.split()) <= 4


def _merge_short_forms(people: dict[str, _Person]) -> dict[str, _Person]:
    """One person per full name: "Agus" joins "Agus Salim Lubis" when only one name holds it."""
    out: dict[str, _Person] = {}
    names = sorted(people, key=lambda n: -len(n.split()))
    for name in names:
        words = set(name.lower().split())
        wider = [o for o in out if words <= set(o.lower().split())]
        if len(wider) == 1:
            out[wider[0]].roles.update(people[name].roles)
        elif not wider:
            out[name] = people[name]
    return out


def _forms(people: dict[str, _Person]) -> dict[str, str]:
    """Each way the text may write a person (the full name, each name word of three letters or
    more that no other person shares) mapped to the person."""
    owners: dict[str, set[str]] = {}
    for name in people:
        owners.setdefault(name, set()).add(name)
        for word in name.split():
            if len(word) >= 3 and word.lower() not in SPEAKER_TITLES:
                owners.setdefault(word, set()).add(name)
    return {form: next(iter(names)) for form, names in owners.items() if len(names) == 1}
