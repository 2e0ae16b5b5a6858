"""Tokens and CRF features for the name tagger. The training script and the tagger both use
these functions, so a model always sees features made the way it was trained on."""

from __future__ import annotations

import re
from typing import Protocol

from ..lexicon.names import GIVEN_NAMES
from ..lexicon.organisations import ORG_HEADS
from ..lexicon.places import PLACE_HEADS, PLACES
from ..lexicon.speech import SPEECH_VERBS
from ..lexicon.titles import ROLE_HEADS


class Clusters(Protocol):
    def of(self, word: str) -> tuple[tuple[int, ...], int]: ...


class Dictionary(Protocol):
    def matches(self, words: list[str]) -> list[str]: ...


# Words and single punctuation marks, as in the NERGrit training data ("Kim Jong - un").
TOKEN = re.compile(r"\w+|[^\w\s]")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every word and punctuation mark of ``text``."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def _shape(word: str) -> str:
    """Collapsed character classes: 'Kim' -> 'Xx', 'DGAP' -> 'X', '2019' -> 'd', 'M.Si' -> 'X.Xx'."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            kind = "X"
        elif ch.islower():
            kind = "x"
        elif ch.isdigit():
            kind = "d"
        else:
            kind = ch
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)


# The word lists a token's features name it in (feature names fixed: the shipped model reads them).
LEXICONS = (
    ("role", ROLE_HEADS),
    ("org", ORG_HEADS),
    ("placehead", PLACE_HEADS),
    ("place", PLACES),
    ("given", GIVEN_NAMES),
    ("speech", SPEECH_VERBS),
)


def _lexicon_flags(lower: str) -> list[str]:
    return [flag for flag, words in LEXICONS if lower in words]


def _token_features(word: str) -> tuple[str, str, list[str]]:
    lower = word.lower()
    return lower, _shape(word), _lexicon_flags(lower)


def sentence_features(
    words: list[str], clusters: Clusters | None = None, dictionary: Dictionary | None = None
) -> list[list[str]]:
    """One list of string features per token (python-crfsuite's item format): the word, its
    shape and affixes, word lists, cluster ids, dictionary matches, and the same for its
    neighbours."""
    info = [_token_features(w) for w in words]
    groups = [clusters.of(w) for w in words] if clusters is not None else None
    known = dictionary.matches(words) if dictionary is not None else None
    out = []
    n = len(words)
    for i, word in enumerate(words):
        lower, shape, flags = info[i]
        features = [
            "b",
            "w=" + lower,
            "sh=" + shape,
            "s4=" + lower[-4:],
            "s3=" + lower[-3:],
            "s2=" + lower[-2:],
            "p4=" + lower[:4],
            "p3=" + lower[:3],
            "p2=" + lower[:2],
            "len=" + str(min(len(word), 8)),
        ]
        if word[:1].isupper():
            features.append("cap")
            if i > 0:
                features.append("cap_mid")
                if not words[i - 1][:1].isupper():
                    features.append("cap_first")
            if i + 1 < n and not words[i + 1][:1].isupper():
                features.append("cap_last")
        if groups is not None:
            ids, pieces = groups[i]
            features.extend(f"c{k}={c}" for k, c in enumerate(ids))
            features.append(f"np={min(pieces, 4)}")
            for offset in (-1, 1):
                if 0 <= i + offset < n:
                    features.extend(f"c{k}@{offset}={c}" for k, c in enumerate(groups[i + offset][0][:2]))
        if word.isupper() and len(word) > 1:
            features.append("allcaps")
        if any(ch.isdigit() for ch in word):
            features.append("digit")
        features.extend("g=" + f for f in flags)
        if known is not None and known[i]:
            features.append("dict=" + known[i])
        if i == 0:
            features.append("BOS")
        if i == n - 1:
            features.append("EOS")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < n:
                other_lower, other_shape, other_flags = info[j]
                features.append(f"w{offset}={other_lower}")
                features.append(f"sh{offset}={other_shape}")
                features.extend(f"g{offset}={f}" for f in other_flags)
                if abs(offset) == 1:
                    features.append(f"s3{offset}={other_lower[-3:]}")
            else:
                features.append(f"pad{offset}")
        for offset in (-3, 3):
            if 0 <= i + offset < n:
                features.append(f"w{offset}={info[i + offset][0]}")
        if i > 0:
            features.append(f"w-1|sh={info[i - 1][0]}|{shape}")
        if i + 1 < n:
            features.append(f"sh|w+1={shape}|{info[i + 1][0]}")
        out.append(features)
    return out
