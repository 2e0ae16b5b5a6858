"""Attribution: what was said in one article, and by whom.

Direct quotes are the quoted stretches that stand as speech: attributed before ('X
mengatakan, "…"', 'Menurut X, "…"') or after ('"…," kata X', '"…," X, seorang …, mengatakan'),
or standing alone as a sentence, which continues the previous speaker. Reported speech is a
sentence 'X mengatakan (bahwa) …', 'Menurut X, …', '…, kata X.' or a sentence credited by the
next one ('Hal itu disampaikan X'). Pronouns ("ujarnya", "ia", "pakar tersebut") take the
previous speaker.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import word_set
from ..lexicon.function_words import COMPLEMENT_OPENERS, CONNECTIVES
from ..lexicon.speech import SAY_ACTIVE, SAY_AFTER_QUOTE, SAY_INDIRECT, SAY_OR_DO, SAY_PASSIVE
from ..models import Document, Quote, Sentence
from .antecedents import Antecedents, is_office
from .marks import QuoteMarks, find_quote_marks
from .names import full_names
from .passages import Said, drop_paraphrases, resolve_pronouns
from .speakers import ANAPHOR, NAMED, ORGANISATION, PRONOUN, UNNAMED, Speaker, SpeakerReader

_TOKEN = re.compile(r"\S+")
_PUNCT = " \t,.;:!?\"'“”‘’()[]—–-•*"
_LEAD_INTROS = frozenset(("kata", "ujar", "menurut", "tutur", "ucap"))
_DEMONSTRATIVES = frozenset(("itu", "ini", "tersebut"))
QUANTIFIER_WORDS = frozenset(("seorang", "salah", "sejumlah", "beberapa", "para", "sebagian"))
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")
# A capitalised word after these is a place ("di Sumbawa", "Kabupaten Lingga").
_PLACE_MARKER = re.compile(
    r"\b(?:di|ke|Kabupaten|Kab\.|Kota|Kecamatan|Kec\.|Provinsi|Desa|Kelurahan|Pulau|Kampung|Dusun|Sungai)"
    r"\s+([A-Z][\w'’-]*)"
)
# "Kementerian Komunikasi dan Informatika (Kominfo)": a short form defined for an institution.
_DEFINED = re.compile(r"[A-Z][\w-]*\s+\(([A-Z][\w-]+)\)")
_CONCURRING = re.compile(
    r"^(?:senada|serupa|hal (?:senada|serupa|yang sama)|pendapat (?:senada|serupa)|pernyataan (?:senada|serupa))"
    r",?\s+(?:juga\s+)?(?:di(?:sampaikan|ungkapkan|katakan|kemukakan|utarakan))\s+(?:oleh\s+)?",
    re.IGNORECASE,
)
# Reported speech needs something said: at least this many words after the verb.
MIN_REPORTED_WORDS = 3
# A verb of saying further into the sentence than this has a clause, not a speaker, before it.
MAX_SUBJECT_WORDS = 24


def _tokens(text: str, offset: int = 0) -> list[tuple[str, int]]:
    return [(m.group(), m.start() + offset) for m in _TOKEN.finditer(text)]


def _bare(token: str) -> str:
    return token.strip(_PUNCT).lower()


def _words(tokens: Sequence[tuple[str, int]]) -> list[tuple[str, int]]:
    return [(t, s) for t, s in tokens if _bare(t)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((offset, offset + len(line)))
        offset += len(line) + 1
    return out


def _clean_quote(text: str) -> str:
    return text.strip().rstrip(",").strip()


class QuoteExtractor:
    """Finds the quotes of one document at a time (it holds no per-document state).

    ``paraphrases=True`` keeps reported speech that sits beside the same speaker's direct
    quotes too (see ``_drop_paraphrases``)."""

    def __init__(self, *, paraphrases: bool = False) -> None:
        self.paraphrases = paraphrases

    def extract(self, document: Document) -> tuple[Quote, ...]:
        text = document.article.text
        sentences = document.sentences
        if not sentences:
            return ()
        common = frozenset(_LOWER_WORD.findall(text))
        places = {m.group(1).lower() for m in _PLACE_MARKER.finditer(text)}
        places.update(m.group(1).lower() for m in _DEFINED.finditer(text))
        places.update(str(document.article.metadata.get("place") or "").lower().split())
        inside = (w.strip(_PUNCT) for s in sentences for w in s.text.split()[1:])
        proper = frozenset(w for w in inside if w[:1].isupper())
        reader = SpeakerReader(document.mentions, common, frozenset(places), proper)
        starts = [s.start for s in sentences]
        said = self._direct(text, sentences, starts, reader)
        said += self._reported(text, sentences, said, reader)
        said.sort(key=lambda q: q.start)
        names = full_names(document, said, reader)
        antecedents = Antecedents(document, said, reader, names)

        def resolver(speaker: Speaker, item: Said) -> tuple[Speaker, float] | None:
            if speaker.kind == ANAPHOR or is_office(speaker):
                return antecedents.resolve(speaker, item.start, item.paragraph)
            return None

        said = resolve_pronouns(said, resolver)
        names = full_names(document, said, reader)
        roles: dict[str, str] = {}
        for item in said:
            assert item.speaker is not None
            name = names.get(item.speaker.name, item.speaker.name)
            if item.speaker.role and name not in roles:
                roles[name] = item.speaker.role
        if not self.paraphrases:
            said = drop_paraphrases(said, names)
        out = []
        for item in said:
            assert item.speaker is not None
            name = names.get(item.speaker.name, item.speaker.name)
            out.append(
                Quote(
                    speaker=name,
                    text=item.text,
                    article_id=document.id,
                    direct=item.direct,
                    role=item.speaker.role or roles.get(name),
                    sentence_index=item.sentence,
                    start=item.start,
                    end=item.end,
                    confidence=item.confidence,
                )
            )
        return tuple(out)

    # -- direct quotes -----------------------------------------------------------------

    def _direct(self, text: str, sentences: Sequence[Sentence], starts: list[int], reader: SpeakerReader) -> list[Said]:
        out: list[Said] = []
        for p_start, p_end in _paragraphs(text):
            marks = list(find_quote_marks(text, p_start, p_end))
            previous: Said | None = None
            for n in range(len(marks)):
                item = self._one_direct(text, sentences, starts, marks, n, reader, previous)
                if item is not None:
                    out.append(item)
                    previous = item
        return out

    def _one_direct(
        self,
        text: str,
        sentences: Sequence[Sentence],
        starts: list[int],
        marks: list[QuoteMarks],
        n: int,
        reader: SpeakerReader,
        previous: Said | None,
    ) -> Said | None:
        mark = marks[n]
        opening = _sentence_at(sentences, starts, mark.open)
        closing = _sentence_at(sentences, starts, max(mark.close - (0 if mark.closed else 1), mark.open))
        lead_start = sentences[opening].start
        if n > 0 and marks[n - 1].close >= lead_start:
            lead_start = marks[n - 1].close + 1
        lead_start = min(lead_start, mark.open)
        tail_end = sentences[closing].end
        if n + 1 < len(marks) and marks[n + 1].open < tail_end:
            tail_end = marks[n + 1].open
        inner = _clean_quote(text[mark.inner_start : mark.inner_end])
        if not any(ch.isalpha() for ch in inner):
            return None
        tail_kind, tail_speaker = ("blank", None)
        if mark.closed:
            tail_kind, tail_speaker = self._after(text[mark.close + 1 : tail_end], mark.close + 1, reader)
        lead_kind, lead_speaker = self._before(text[lead_start : mark.open], lead_start, reader)
        speaker = tail_speaker or lead_speaker
        if speaker is None:
            if tail_kind != "blank" or lead_kind != "blank":
                if lead_kind == "blank" and tail_kind == "attribution":
                    return None  # an attribution we could not read: better no quote than a wrong one
                if not (previous is not None and lead_kind == "attribution" and previous.speaker):
                    return None  # quoted words inside a sentence: a term, a title, a fragment
                speaker = previous.speaker  # '"A," kata X, "B."'
            elif len(inner.split()) < 3:
                return None
        return Said(
            start=mark.inner_start,
            end=mark.inner_end,
            text=inner,
            direct=True,
            sentence=sentences[opening].index,
            last_sentence=sentences[closing].index,
            speaker=speaker,
            explicit=speaker is not None,
            paragraph=sentences[opening].paragraph,
            open_ended=not mark.closed,
        )

    def _after(self, tail: str, offset: int, reader: SpeakerReader) -> tuple[str, Speaker | None]:
        """Read the words after a closing quote: blank, an attribution, or more of the sentence."""
        tokens = _words(_tokens(tail, offset))
        if not tokens:
            return "blank", None
        first = _bare(tokens[0][0])
        if first in ("demikian", "begitu") and len(tokens) > 1:
            tokens = tokens[1:]
            first = _bare(tokens[0][0])
        rest_at = tokens[1][1] if len(tokens) > 1 else offset + len(tail)
        rest = tail[rest_at - offset :]
        if first in SAY_AFTER_QUOTE or first == "menurut":
            return "attribution", reader.read(rest, rest_at)
        if first.endswith("nya") and first[:-3] in SAY_AFTER_QUOTE:
            return "attribution", Speaker("nya", PRONOUN)
        if first in SAY_PASSIVE:
            if len(tokens) > 1 and _bare(tokens[1][0]) == "oleh":
                rest_at = tokens[2][1] if len(tokens) > 2 else offset + len(tail)
                rest = tail[rest_at - offset :]
            return "attribution", reader.read(rest, rest_at)
        for k, (token, start) in enumerate(tokens[:MAX_SUBJECT_WORDS]):
            if k > 0 and _bare(token) in SAY_ACTIVE:
                return "attribution", reader.read_subject(tail[: start - offset], offset)
        return "content", None

    def _before(self, lead: str, offset: int, reader: SpeakerReader) -> tuple[str, Speaker | None]:
        """Read the words before an opening quote: blank, an introduction, or a sentence it is part of."""
        body = lead.rstrip()
        tokens = _words(_tokens(body, offset))
        if not tokens:
            return "blank", None
        while tokens and _bare(tokens[0][0]) in CONNECTIVES:
            tokens = tokens[1:]
        if not tokens:
            return "blank", None
        ends_open = body.endswith((",", ":"))
        first = _bare(tokens[0][0])
        if first in _LEAD_INTROS and len(tokens) > 1 and ends_open:
            start = tokens[1][1]
            return "attribution", reader.read(body[start - offset :], start)
        for k in range(len(tokens) - 1, 0, -1):
            if _bare(tokens[k][0]) not in SAY_ACTIVE:
                continue
            after = [_bare(t) for t, _ in tokens[k + 1 :]]
            manner = ends_open and len(after) <= 2 and "bahwa" not in after  # 'X menjawab singkat, "…"'
            if after and after[0] not in COMPLEMENT_OPENERS and not manner:
                return "content", None  # 'X mengatakan Y harus "…"': quoted words inside reported speech
            if "bahwa" in after and after.index("bahwa") != len(after) - 1:
                return "content", None
            if len(after) > 12 or k > MAX_SUBJECT_WORDS:
                return "content", None
            return "attribution", reader.read_subject(body[: tokens[k][1] - offset], offset)
        if body.endswith(":") and len(tokens) <= 8:
            speaker = reader.read_subject(body[:-1], offset)
            if speaker is not None and speaker.kind in (NAMED, UNNAMED):
                return "attribution", speaker
        return "content", None

    # -- reported speech ---------------------------------------------------------------

    def _reported(
        self, text: str, sentences: Sequence[Sentence], direct: list[Said], reader: SpeakerReader
    ) -> list[Said]:
        covered: set[int] = set()
        by_last: dict[int, Said] = {}
        for item in direct:
            covered.update(range(item.sentence, item.last_sentence + 1))
            by_last[item.last_sentence] = item
        out: list[Said] = []
        for sentence in sentences:
            if sentence.index in covered:
                continue
            tokens = _words(_tokens(sentence.text, sentence.start))  # read once, by each rule below
            bare = [_bare(t) for t, _ in tokens]
            credited = self._credit(sentence, reader, tokens, bare)
            if credited is not None:
                earlier = sentence.index - 1
                if earlier in by_last:
                    by_last[earlier].speaker = credited
                    by_last[earlier].explicit = True
                elif earlier >= 0 and earlier not in covered:
                    prior = sentences[earlier]
                    out = [q for q in out if q.sentence != earlier]
                    out.append(
                        Said(
                            prior.start,
                            prior.end,
                            prior.text.rstrip("."),
                            False,
                            earlier,
                            earlier,
                            credited,
                            True,
                            prior.paragraph,
                            True,
                        )
                    )
                continue
            found = self._reported_in(sentence, reader, tokens, bare)
            if found is not None:
                speaker, start, end = found
                words = _clean_quote(text[start:end]).rstrip(".").strip()
                item = Said(start, end, words, False, sentence.index, sentence.index, speaker, True, sentence.paragraph)
                # Too short to be a statement ("mengatakan hal itu"), it still names who speaks next.
                item.subject_only = len(words.split()) < MIN_REPORTED_WORDS
                out.append(item)
                continue
            person = self._concurring(sentence, reader) or self._subject_of(sentence, reader, tokens, bare)
            if person is not None:
                marker = Said(
                    sentence.start,
                    sentence.start,
                    "",
                    False,
                    sentence.index,
                    sentence.index,
                    person,
                    True,
                    sentence.paragraph,
                )
                marker.subject_only = True
                out.append(marker)
        return out

    def _concurring(self, sentence: Sentence, reader: SpeakerReader) -> Speaker | None:
        """'Senada disampaikan X.' / 'Hal serupa diungkapkan X.': X speaks next, in agreement."""
        match = _CONCURRING.match(sentence.text)
        if match is None:
            return None
        speaker = reader.read(sentence.text[match.end() :], sentence.start + match.end())
        return speaker if speaker is not None and speaker.kind in (NAMED, UNNAMED) else None

    def _subject_of(
        self, sentence: Sentence, reader: SpeakerReader, tokens: list[tuple[str, int]], bare: list[str]
    ) -> Speaker | None:
        """The person a sentence is about when it names one as its subject ("Di Ngawi, ketua
        kelompok tani, Suyatno, menyambut …"): the antecedent of a later "ia" or "ujarnya"."""
        for (token, start), word in zip(tokens[:MAX_SUBJECT_WORDS], bare, strict=False):
            if token[0].islower() and (_VERB_FORM.match(word) or word in _AUXILIARIES):
                speaker = reader.read_subject(sentence.text[: start - sentence.start], sentence.start)
                if speaker is None:
                    return None
                subject = sentence.text[: start - sentence.start]
                if speaker.kind == NAMED and (" " in speaker.name or "," in subject or "(" in subject):
                    return speaker
                if speaker.kind == UNNAMED and speaker.name.split()[0] in QUANTIFIER_WORDS:
                    return speaker
                return None
        return None

    def _credit(
        self, sentence: Sentence, reader: SpeakerReader, tokens: list[tuple[str, int]], bare: list[str]
    ) -> Speaker | None:
        """'Hal itu disampaikan (oleh) X …' / 'Demikian dikatakan X': X said the sentence before
        (``tokens``: its words and their offsets, ``bare`` the same words bare)."""
        k = 0
        if bare and bare[0] == "demikian":
            k = 1
        else:  # "Hal itu", "Pernyataan tersebut", "Rencana kunjungan itu": a short noun phrase pointing back
            k = next((n + 1 for n in range(1, min(len(bare), 4)) if bare[n] in _DEMONSTRATIVES), 0)
            if not k or k >= len(bare) or bare[k] not in SAY_PASSIVE:
                return None
        if k >= len(bare) or (bare[k] not in SAY_PASSIVE and not (k == 1 and bare[k] in SAY_AFTER_QUOTE)):
            return None
        k += 1
        if k < len(bare) and bare[k] == "oleh":
            k += 1
        if k >= len(tokens):
            return None
        start = tokens[k][1]
        speaker = reader.read(sentence.text[start - sentence.start :], start)
        return speaker if speaker is not None and speaker.kind != ORGANISATION else None

    def _reported_in(
        self, sentence: Sentence, reader: SpeakerReader, tokens: list[tuple[str, int]], bare: list[str]
    ) -> Reported | None:
        """(speaker, start, end of what was said) when the sentence is reported speech. A sentence
        opening with "Menurutnya" or "Menurut X" is read by that rule alone; any other tries the
        attribution set off by commas inside it, then at its end, then a subject before a verb of
        saying."""
        if len(tokens) < MIN_REPORTED_WORDS + 1:
            return None
        lead = 0
        while lead < len(bare) and bare[lead] in CONNECTIVES:
            lead += 1
        plain = _PlainSentence(sentence, tokens, bare, lead)
        if plain.opens_with(frozenset(("menurutnya",))):
            return _according_to_pronoun(plain)
        if plain.opens_with(_LEAD_INTROS) and lead + 1 < len(tokens):
            return _according_to_source(plain, reader)
        return (
            _attribution_inserted(plain, reader) or _attribution_at_end(plain, reader) or _subject_says(plain, reader)
        )


# What reported speech yields: the speaker, and where what was said starts and ends.
Reported = tuple[Speaker, int, int]


@dataclass(frozen=True)
class _PlainSentence:
    """A sentence as the reported-speech rules read it."""

    sentence: Sentence
    tokens: list[tuple[str, int]]  # its words, with their offsets in the article
    bare: list[str]  # the words lower-cased, without punctuation
    lead: int  # the first word after leading connectives ("Namun, menurut …")

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def base(self) -> int:
        return self.sentence.start

    def opens_with(self, words: frozenset[str]) -> bool:
        return self.lead < len(self.bare) and self.bare[self.lead] in words


def _according_to_pronoun(plain: _PlainSentence) -> Reported | None:
    """ "Menurutnya, …": the previous speaker said what follows the comma."""
    comma = plain.text.find(",", plain.tokens[plain.lead][1] - plain.base)
    if comma > 0:
        return Speaker("nya", PRONOUN), plain.base + comma + 1, plain.sentence.end
    return None


def _according_to_source(plain: _PlainSentence, reader: SpeakerReader) -> Reported | None:
    """ "Menurut X, …", "Kata X, …", "Menurut pengamat …, Nama, …": the source before the first
    comma, or a name set off between the first two, said what follows; a source that is not a
    person (an institution) makes no reported speech."""
    text, base = plain.text, plain.base
    phrase_at = plain.tokens[plain.lead + 1][1]
    commas = [m.start() for m in re.finditer(",", text) if m.start() > phrase_at - base]
    for first, second in zip(commas, [*commas[1:], -1], strict=False):
        # the phrase is closed by a comma, as a subject is by its verb
        apposed = reader.read(text[phrase_at - base : second], phrase_at, subject=True) if second > 0 else None
        if apposed is not None and apposed.kind == NAMED and second - first < 40:
            return apposed, base + second + 1, plain.sentence.end
        speaker = reader.read(text[phrase_at - base : first], phrase_at)
        if _person(speaker):
            assert speaker is not None
            return speaker, base + first + 1, plain.sentence.end
        break
    return None


def _attribution_inserted(plain: _PlainSentence, reader: SpeakerReader) -> Reported | None:
    """ "Polisi, kata dia, membuka posko …": the attribution set off by commas inside the
    sentence; what was said is the rest after it."""
    inserted = _INSERTED.match(plain.text)
    if inserted is None or len(inserted.group("rest").split()) < MIN_REPORTED_WORDS:
        return None
    speaker = reader.read(inserted.group("who"), plain.base + inserted.start("who"))
    if _person(speaker):
        assert speaker is not None
        return speaker, plain.base + inserted.start("rest"), plain.sentence.end
    return None


def _attribution_at_end(plain: _PlainSentence, reader: SpeakerReader) -> Reported | None:
    """ "…, kata X." / "…, menurut X.": a verb of saying after the last comma; what was said is
    the sentence before it."""
    text, base = plain.text, plain.base
    last_comma = text.rfind(",")
    if last_comma <= 0:
        return None
    after = _words(_tokens(text[last_comma + 1 :], base + last_comma + 1))
    if not (after and _bare(after[0][0]) in SAY_AFTER_QUOTE | {"menurut"} and len(after) > 1):
        return None
    phrase_at = after[1][1]
    speaker = reader.read(text[phrase_at - base :], phrase_at)
    if _person(speaker):
        assert speaker is not None
        return speaker, plain.tokens[plain.lead][1], base + last_comma
    return None


def _subject_says(plain: _PlainSentence, reader: SpeakerReader) -> Reported | None:
    """ "X mengatakan (kepada …) (bahwa) …": the first verb of reported speech within the first
    words, its subject the speaker. Institutions may speak here ("Kejaksaan menyatakan …");
    sources cited with "menurut" do not."""
    tokens, bare = plain.tokens, plain.bare
    for k in range(1, min(len(tokens), MAX_SUBJECT_WORDS)):
        if bare[k] not in SAY_INDIRECT:
            continue
        speaker = reader.read_subject(plain.text[: tokens[k][1] - plain.base], plain.base)
        if speaker is None:
            return None
        if bare[k] in SAY_OR_DO and not tokens[k][0].endswith(",") and not _clause(bare[k + 1 : k + 9]):
            return None  # "memastikan kemenangan": a deed; "memastikan stok aman" or "… bahwa …": a statement
        said = _what_was_said(plain, k + 1)
        if said is None:
            return None
        return speaker, tokens[said][1], plain.sentence.end
    return None


def _what_was_said(plain: _PlainSentence, said: int) -> int | None:
    """The first word of what was said after a verb of saying at ``said - 1``: past "bahwa", and
    past the circumstance ("kepada wartawan, Senin, …") up to "bahwa" or the next comma; None when
    nothing is left."""
    tokens, bare = plain.tokens, plain.bare
    if said < len(bare) and bare[said] in COMPLEMENT_OPENERS and bare[said] != "bahwa":
        window = bare[said : said + 14]
        if "bahwa" in window:
            said += window.index("bahwa")
        else:
            comma = plain.text.find(",", tokens[said][1] - plain.base)
            if comma < 0:
                return None
            said = next((j for j, (_, s) in enumerate(tokens) if s - plain.base > comma), len(tokens))
    if said < len(bare) and bare[said] == "bahwa":
        said += 1
    if said >= len(tokens):
        return None
    return said


_INSERTED = re.compile(
    r"^(?P<before>[^,\"“”]{2,80}),\s*(?:kata|ujar|tutur|ucap|menurut)\s+(?P<who>[^,\"“”]{2,60}),\s*(?P<rest>[^\"“”]+)$"
)
_CLAUSE_MARKERS = word_set("bahwa akan sudah telah masih bisa dapat harus tidak tak belum sedang tetap cukup aman siap")
_VERB_FORM = re.compile(r"^(?:mem|men|meng|meny|me[lrwy]|ber|ter|di)[a-z]{3,}$")


# Words that come between a subject and its verb ("Budi sudah tiba", "Warga masih menunggu").
_AUXILIARIES = word_set("sudah telah akan masih sedang tidak tak belum juga pun sempat kembali lalu kemudian")


def _clause(words: Sequence[str]) -> bool:
    """Whether words read as a clause (something said) rather than a noun phrase (something done)."""
    return any(w in _CLAUSE_MARKERS or (_VERB_FORM.match(w) and w not in _DEMONSTRATIVES) for w in words)


def _person(speaker: Speaker | None) -> bool:
    """Reported speech is credited to people (named, described, or referred back to)."""
    return speaker is not None and speaker.kind != ORGANISATION


def _sentence_at(sentences: Sequence[Sentence], starts: list[int], position: int) -> int:
    n = bisect.bisect_right(starts, position) - 1
    return max(n, 0)
