"""Happenings: what one dated sentence reports, as a timeline entry reads it.

``describe_happening`` cuts a sentence to its core (who did what, where): the attribution
("Menurut dia, …", "X mengatakan …", "…, kata X.") and quoted words are taken off, a pronoun
subject becomes the person the article named before, and long sentences stop at a clause
boundary. ``happening_kind`` tells what happened from what is planned or forecast and from
background well before the story.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import word_set
from ..lexicon.speech import SAY_AFTER_QUOTE
from ..models import Document
from ..quotes.speakers import SpeakerReader

MAX_WORDS = 24
# Fewer content words than this left once the attribution and quotes are off: no happening.
MIN_WORDS = 4
# A date whose span ends this long before the story's first article is background, not the
# story's own days (news stories run days or weeks; what is months older is context).
BACKGROUND_DAYS = 90

EVENT, PLAN, BACKGROUND = "event", "plan", "background"

# Words that make a sentence a plan or a forecast rather than a report of what happened.
PLAN_WORDS = word_set(
    """
    akan bakal hendak dijadwalkan direncanakan rencananya berencana merencanakan diperkirakan
    diprediksi diprakirakan diproyeksikan berpeluang berpotensi ditargetkan targetnya menargetkan
    mendatang depan
    """
)
# Verbs of saying whose object is the happening ("X mengatakan banjir datang pukul 02.00").
_SAYING = word_set(
    """
    mengatakan menyatakan menjelaskan menyebutkan menyebut mengungkapkan menuturkan menegaskan
    menambahkan memaparkan menerangkan berkata mengemukakan menyampaikan
    """
)
_PRONOUNS = word_set("ia dia beliau")
_PLURAL_PRONOUNS = word_set("mereka keduanya ketiganya")
_FIRST_PERSON = word_set("saya aku kami kita")
_QUOTES = '"“”«»'
_QUOTED = re.compile(r"[\"“«][^\"”»]*[\"”»]")
_ACCORDING = re.compile(r"^\W*(?:menurut\w*|kata\w*|ujar\w*)\b[^,]{0,80},\s*", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:namun|tetapi|sementara itu|selain itu|adapun|kemudian|lalu|sedangkan|bahkan),?\s+", re.IGNORECASE
)
_WEEKDAY_DATE = re.compile(
    r",?\s*(?:(?i:pada|sejak|mulai|hingga|sampai)\s+)?(?:hari\s+)?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)"
    r"\s*\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)(?:\s+(?:pagi|siang|sore|petang|malam|dini\s?hari)\b)?,?",
)
_NUMERIC_DATE = re.compile(r"\s*\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)")
_WORD = re.compile(r"[\w'’-]+")
# A conjunction or preposition left before the end once its date is taken out ("berlangsung dan.").
_DANGLING = re.compile(r"\s+(?:dan|atau|pada|sejak|hingga|sampai|mulai|serta|tanggal)([.,;]?)$", re.IGNORECASE)


def describe_happening(document: Document, sentence_index: int) -> str | None:
    """The core of a dated sentence, or None when it holds no happening of its own (a quote,
    a sentence that is only an attribution, a pronoun with no person named before)."""
    sentence = document.sentences[sentence_index]
    text = sentence.text.strip()
    if text[:1] in _QUOTES or _unclosed_quote(text):
        return None  # a sentence of a quotation
    text = _QUOTED.sub(" ", text)
    text = _strip_attribution(text)
    text = _WEEKDAY_DATE.sub("", text)
    text = _NUMERIC_DATE.sub("", text)
    text = _LEADING.sub("", text.strip(" ,;:-—"))
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = _DANGLING.sub(r"\1", text)
    words = text.split()
    if not words:
        return None
    first = words[0].lower().strip(",")
    if first in _FIRST_PERSON:
        return None  # someone's own words without their quote marks
    if first in _PLURAL_PRONOUNS:
        return None  # "Mereka …": a group the article named in other words; no subject to show
    if first in _PRONOUNS:
        person = _person_before(document, sentence.start)
        if person is None:
            return None
        words = [person, *words[1:]]
    if len([w for w in words if _WORD.search(w)]) < MIN_WORDS:
        return None
    return _shorten(words)


def happening_kind(text: str, value: str, published: date | None, story_start: date | None) -> str:
    """EVENT, PLAN or BACKGROUND for a happening dated ``value`` (ISO day, month, year or
    range) in an article published on ``published`` of a story that began on ``story_start``."""
    start, end = span_of(value)
    if story_start is not None and end is not None and end < story_start - timedelta(days=BACKGROUND_DAYS):
        return BACKGROUND
    if story_start is not None and value.isdigit() and int(value) < story_start.year:
        return BACKGROUND  # "tahun lalu": a year before the story's, a comparison or a precedent
    words = {w.lower() for w in _WORD.findall(text)}
    if words & PLAN_WORDS:
        return PLAN
    if published is not None and start is not None and start > published:
        return PLAN  # dated after the article that reports it: not yet happened
    return EVENT


def span_of(value: str) -> tuple[date | None, date | None]:
    """First and last day of an ISO date, month, year or range."""
    first, _, last = value.partition("/")
    return _bound(first, start=True), _bound(last or first, start=False)


def _bound(value: str, *, start: bool) -> date | None:
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) >= 3:
            return date(year, int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2 and parts[1].isdigit():
            month = int(parts[1])
            if start:
                return date(year, month, 1)
            return (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
        return date(year, 1, 1) if start else date(year, 12, 31)
    except ValueError:
        return None


def _unclosed_quote(text: str) -> bool:
    """A sentence that ends a quotation begun in an earlier sentence ('… lagi," kata Hendro.')."""
    marks = [ch for ch in text if ch in _QUOTES]
    return len(marks) % 2 == 1


def _strip_attribution(text: str) -> str:
    """The happening without who told it: 'Menurut X, …', 'X mengatakan (bahwa) …', '…, kata X.'."""
    text = _ACCORDING.sub("", text.strip())
    words = text.split()
    for k, word in enumerate(words[:14]):
        if k and word.lower().strip(",") in _SAYING:
            rest = words[k + 1 :]
            if rest and rest[0].lower() == "bahwa":
                rest = rest[1:]
            if len(rest) >= MIN_WORDS:
                text = " ".join(rest)
            break
    tail = text.rfind(",")
    if tail > 0:
        after = text[tail + 1 :].split()
        verb = after[0].lower().rstrip(".") if after else ""
        if verb in SAY_AFTER_QUOTE or verb == "menurut" or (verb.endswith("nya") and verb[:-3] in SAY_AFTER_QUOTE):
            text = text[:tail]
    return text.strip()


def _person_before(document: Document, position: int) -> str | None:
    """The person the article named last before ``position`` (a pronoun's antecedent)."""
    names = [m for m in document.mentions if m.kind == "PERSON" and 0 <= m.start < position]
    if not names:
        return None
    last = max(names, key=lambda m: m.start)
    full = [m.text for m in names if last.text in m.text and " " in m.text]
    places = frozenset(w.lower() for m in document.mentions if m.kind == "PLACE" for w in m.text.split())
    name = SpeakerReader(places=places).name_in((min(full, key=len) if full else last.text).split())
    return name or None


def _shorten(words: list[str]) -> str:
    """At most ``MAX_WORDS`` words, cut at the last clause boundary when there is one."""
    if len(words) > MAX_WORDS:
        cut = max((n for n in range(MAX_WORDS // 2, MAX_WORDS) if words[n - 1].endswith((",", ";"))), default=0)
        words = words[:cut] if cut else [*words[:MAX_WORDS]]
        words[-1] = words[-1].rstrip(",;:")
        words.append("…")
    text = " ".join(words).strip()
    return text[:1].upper() + text[1:]
