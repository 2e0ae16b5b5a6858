"""Datelines, bylines and dates written in the text: what an article says about itself.

"Liputan6.com, Moskow -", "KONTAN.CO.ID - VLADIVOSTOK.", "JAKARTA, KOMPAS.com -",
"JAKARTA (ANTARA) -", "SINGAPURA:" and "Jakarta -" open the first paragraph of most
Indonesian (and Malay) news; the cleaner strips them and keeps outlet and place as metadata.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

_DASH = r"(?:-\s?-|-|[\u2013\u2014\u2012\u2015]{1,2})"
_DOMAIN = r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z]{2,}){1,2}"
# A place: one to four capitalised or upper-case words ("Banda Aceh", "KUALA LUMPUR", "Kota Batu").
_PLACE = r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}"
_CAPS_PLACE = r"[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+){0,3}"
# An outlet written as words: "CNN Indonesia", "CNBC Indonesia", "ANTARA", "Bernama".
_NAMED = r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}"
_DATE = r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?"
# What follows a dateline: the first sentence, starting with a capital, digit or quote.
_NEXT = r"(?=[A-Z0-9\"'\u201c\u2018(])"

# No place: a lower-case letter straight before a capital, a place glued to the next word
# ("JakartaGelandang Nathan Tjoe-A-On", which the glued-place pattern reads), or a site's name
# ("Liputan6.com").
_NO_PLACE = re.compile(r"[a-z][A-Z]|[a-z0-9]\.[a-z]{2,}")

_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"

_PATTERNS = (
    # Liputan6.com, Moskow -   /   TEMPO.CO, Jakarta -   /   REPUBLIKA.CO.ID, JAKARTA --
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>{_PLACE})\s*{_DASH}\s*{_NEXT}"),
    # Medcom.id, Jakarta: (a colon for the dash; the place plain words, not "JakartaFilmX:")
    re.compile(
        rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}|{_CAPS_PLACE}):\s+{_NEXT}"
    ),
    # KONTAN.CO.ID - VLADIVOSTOK.
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*{_DASH}\s*(?P<place>{_CAPS_PLACE})\s*[.,:]\s+{_NEXT}"),
    # JAKARTA, KOMPAS.com -   /   Jakarta, CNN Indonesia --   /   Jakarta, kumparan - (a brand
    # written in lower case: one word between the place's comma and the dash)
    re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_DOMAIN}|{_NAMED}|[a-z][a-z0-9]{{2,19}})\s*{_DASH}\s*{_NEXT}"),
    # MEDAN, Waspada.id: (the same with a colon for the dash: the outlet a domain)
    re.compile(rf"^(?P<place>{_PLACE})\s*,\s*(?P<outlet>{_DOMAIN}):\s+{_NEXT}"),
    # Jakarta, Selasa (17/6/2025) -: the place and the day of the report, no outlet
    re.compile(rf"^(?P<place>{_PLACE})\s*,\s*{_WEEKDAY}\s*\(\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?\)\s*{_DASH}\s*{_NEXT}"),
    # JAKARTA (ANTARA) -   /   Garut, Jawa Barat (ANTARA News) -   /   PUTRAJAYA, 17 Okt (Bernama) --
    re.compile(
        rf"^(?P<place>{_PLACE})(?:\s*,\s*{_PLACE})*\s*,?\s*(?:{_DATE}\s*)?"
        rf"\(\s*(?P<outlet>[A-Za-z][^()]{{1,30}}?)\s*\)\s*{_DASH}\s*{_NEXT}"
    ),
    # Liputan6.com, JakartaKejaksaan / Liputan6.com, Banda AcehPara / Liputan6.com, JakartaPT Pupuk: the
    # place glued to the first word where the scraper dropped the dash (evidence: a domain outlet, and
    # a capital straight after the place's small letters).
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}?)(?=[A-Z])"),
    # Suara.com -   /   KOMPAS.com --   /   MERDEKA.COM. (an outlet in capitals closed by a full stop)
    re.compile(rf"^(?P<outlet>{_DOMAIN})\s*{_DASH}\s*{_NEXT}"),
    re.compile(rf"^(?P<outlet>[A-Z0-9][A-Z0-9-]*(?:\.[A-Z]{{2,}}){{1,2}})\.\s+{_NEXT}"),
    # VIVA Bisnis -   /   ANTARA Jatim -: an outlet's name and its channel or bureau
    re.compile(rf"^(?P<outlet>[A-Za-z]+)\s+(?P<channel>[A-Z][a-z]+)\s*{_DASH}\s*{_NEXT}"),
    # SINGAPURA:   /   KUALA LUMPUR:
    re.compile(rf"^(?P<place>{_CAPS_PLACE})\s*:\s+{_NEXT}"),
    # JAKARTA-Penyidik / LOS ANGELES-Katy: a place in capitals glued to the first word by a bare
    # hyphen; not "ALIH-alih" or "COVID-19" (the next word opens with a capital) nor "KOTA-KOTA"
    re.compile(r"^(?P<place>[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2})-(?=[A-Z])(?!(?P=place)\b)"),
    # Jakarta -   /   JAKARTA -   /   JAKARTA –Menteri (a space on one side of the dash: not "COVID-19")
    re.compile(rf"^(?P<place>{_CAPS_PLACE}|[A-Z][a-z]+)(?:\s*{_DASH}\s+|\s+{_DASH}\s*){_NEXT}"),
)
# Names that open a dateline as the outlet, not the place ("ANTARA -", "VIVA -").
_OUTLET_WORDS = {"antara", "viva", "reuters", "afp", "ap", "bernama", "xinhua", "detikcom", "okezone", "tempo"}
# One-word outlet names ("Rimanews", "Jakpost", "Beritasatu"), told from places by their ending.
_OUTLET_SHAPE = re.compile(r"(?:news|post|pos|times|daily|online|tv|satu|net)$", re.IGNORECASE)
# Words that open sentences and would otherwise look like a one-word place before a dash.
_NOT_PLACES = {
    *("ia", "dia", "kami", "mereka", "namun", "tetapi", "sementara", "menurut", "selain", "kata", "ini", "itu"),
    *("update", "breaking", "catatan", "perhatian", "info", "infografis", "video", "foto", "editor", "penulis"),
    *("sumber", "reporter", "baca", "simak", "lihat", "berita", "artikel", "iklan", "note", "disclaimer"),
}

_TEXT_DATE = re.compile(
    r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)\s*[,(]\s*(\d{1,2})[/-](\d{1,2})[/-](\d{4}|\d{2})\)?"
)
_WIRE = re.compile(r"\bsumber\s*:\s*([^|]+)", re.IGNORECASE)
_PERSON_FIELD = re.compile(r"\b(penulis|reporter|pewarta|editor|redaktur|penyunting)\s*:\s*([^|]+)", re.IGNORECASE)


@dataclass(frozen=True)
class Dateline:
    text: str  # the prefix as written, e.g. "KONTAN.CO.ID - VLADIVOSTOK."
    end: int  # where the sentence after it starts
    outlet: str | None
    place: str | None


def match_dateline(
    line: str, *, context: str = "", min_rest: int = 20, is_word: Callable[[str], bool] | None = None
) -> Dateline | None:
    """The dateline that opens a line, when one does and a sentence follows it.

    A lone capitalised word before a dash ("Jakarta - ...") is taken for a place only when
    ``context`` (the article) also names it as one ("di Jakarta"): "Mercedes - Benz ..." is not.
    """
    for pattern in _PATTERNS:
        match = pattern.match(line)
        if not match or len(line) - match.end() < min_rest:
            continue
        groups = match.groupdict()
        outlet, place = groups.get("outlet"), groups.get("place")
        if groups.get("channel") and (outlet or "").lower() not in _OUTLET_WORDS:
            continue  # "Mercedes Benz - ...": only a known outlet's name opens a channel's dateline
        if pattern is _PATTERNS[-1] and place and not place.isupper():
            if _OUTLET_SHAPE.search(place):
                outlet, place = place, None  # "Rimanews -"
            elif not _named_as_place(place, context):
                continue
        if place and not outlet and place.lower() in _OUTLET_WORDS:
            outlet, place = place, None
        if place and _NO_PLACE.search(place):
            continue
        if place and place.split()[0].lower() in _NOT_PLACES:
            continue
        if place and outlet is None and (len(place) < 3 or _acronym(place)):
            continue  # "BPBD: ...", "KPK - ...": an agency speaking, not a place
        return Dateline(
            text=match.group(0).strip(),
            end=match.end(),
            outlet=outlet_name(outlet, is_word) if outlet else None,
            place=place_name(place) if place else None,
        )
    return None


def _acronym(name: str) -> bool:
    """A short upper-case word with at most one vowel (BPBD, KPK, PLN, TNI) names an agency."""
    return name.isupper() and " " not in name and len(name) <= 4 and sum(c in "AEIOU" for c in name) <= 1


def _named_as_place(word: str, context: str) -> bool:
    return bool(re.search(rf"\b(?:di|ke|dari|kota|kabupaten|provinsi|wilayah|warga)\s+{re.escape(word)}\b", context))


def outlet_name(raw: str, is_word: Callable[[str], bool] | None = None) -> str:
    """ "KONTAN.CO.ID" -> "Kontan", "KABARNUSANTARA.ID" -> "Kabar Nusantara" (when ``is_word``
    splits it into two words); names an outlet writes in mixed case stay as written."""
    raw = raw.strip()
    if "." in raw and raw.upper() == raw:
        label = raw.split(".")[0].lower()
        parts = split_words(label, is_word) if is_word else None
        return " ".join(p.capitalize() for p in parts) if parts else label.capitalize()
    return raw


def split_words(label: str, is_word: Callable[[str], bool]) -> list[str] | None:
    """``label`` as two words of four letters or more ("kabar" + "nusantara"), or None."""
    if not label.isalpha() or is_word(label):
        return None
    for i in range(4, len(label) - 3):
        if is_word(label[:i]) and is_word(label[i:]):
            return [label[:i], label[i:]]
    return None


def place_name(raw: str) -> str:
    """ "VLADIVOSTOK" -> "Vladivostok"; mixed-case places stay as written."""
    raw = raw.strip().rstrip(".,")
    return raw.title() if raw.upper() == raw else raw


def text_date(text: str) -> date | None:
    """The first "Rabu (30/5/2018)" style date in the text: Indonesian news dates its events so."""
    for match in _TEXT_DATE.finditer(text):
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            year += 2000
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


def byline_fields(byline: str) -> dict[str, str]:
    """Wire source and people named in a byline ("Sumber: Antara | Editor: Rina Wulandari")."""
    fields: dict[str, str] = {}
    wire = _WIRE.search(byline)
    if wire and wire.group(1).strip():
        fields["wire_source"] = wire.group(1).strip()
    for match in _PERSON_FIELD.finditer(byline):
        role = match.group(1).lower()
        key = "editor" if role in ("editor", "redaktur", "penyunting") else "author"
        if match.group(2).strip():
            fields.setdefault(key, match.group(2).strip())
    return fields
