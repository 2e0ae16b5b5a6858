"""The CRF's feature rows of a sentence, built from per-word parts kept between sentences.

``sentence_features`` spells every feature as a string and the CRF looks each one up: most of
the name tagger's time on real news. Most features depend on one word only (itself, or a
neighbour at a given offset), so ``FeatureRows`` looks a word's parts up once and joins them per
sentence: the same rows in the same order as ``LinearChainCRF.emissions`` of
``sentence_features``, so the same scores.
"""

from __future__ import annotations

from .features import Clusters, Dictionary, _token_features

_CACHE_LIMIT = 100_000  # words whose parts are kept (about 60 MB at the limit)
_OFFSETS = (-2, -1, 1, 2)

# A word's parts: the zero row and its own features before the capitalisation block, its cluster
# features, its features after them; as a neighbour at each offset: cluster features (offsets -1, 1) and
# word features (offsets -3..3).
_Parts = tuple[list[int], list[int], list[int], dict[int, list[int]], dict[int, list[int]], str]


class FeatureRows:
    """Row numbers (into the CRF's padded weights: 0 is the zero row) of each word's known features."""

    def __init__(self, index: dict[str, int], clusters: Clusters, dictionary: Dictionary) -> None:
        self.index = index
        self.clusters = clusters
        self.dictionary = dictionary
        self._parts: dict[str, _Parts] = {}
        self._contexts: dict[tuple[bool, bool, bool, bool, bool], list[int]] = {}
        self._tails: dict[tuple[str, bool, bool], list[int]] = {}
        self._pads = {offset: self._rows([f"pad{offset}"]) for offset in _OFFSETS}

    def _rows(self, features: list[str]) -> list[int]:
        index = self.index
        return [r + 1 for r in map(index.get, features) if r is not None]

    def _word(self, word: str) -> _Parts:
        found = self._parts.get(word)
        if found is not None:
            return found
        lower, shape, flags = _token_features(word)
        own = [
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
        ids, pieces = self.clusters.of(word)
        grouped = [f"c{k}={c}" for k, c in enumerate(ids)]
        grouped.append(f"np={min(pieces, 4)}")
        after = []
        if word.isupper() and len(word) > 1:
            after.append("allcaps")
        if any(ch.isdigit() for ch in word):
            after.append("digit")
        after.extend("g=" + f for f in flags)
        as_cluster = {offset: self._rows([f"c{k}@{offset}={c}" for k, c in enumerate(ids[:2])]) for offset in (-1, 1)}
        as_word: dict[int, list[int]] = {}
        for offset in _OFFSETS:
            features = [f"w{offset}={lower}", f"sh{offset}={shape}"]
            features.extend(f"g{offset}={f}" for f in flags)
            if abs(offset) == 1:
                features.append(f"s3{offset}={lower[-3:]}")
            as_word[offset] = self._rows(features)
        for offset in (-3, 3):
            as_word[offset] = self._rows([f"w{offset}={lower}"])
        parts = ([0, *self._rows(["b", *own])], self._rows(grouped), self._rows(after), as_cluster, as_word, shape)
        if len(self._parts) >= _CACHE_LIMIT:
            self._parts.clear()
        self._parts[word] = parts
        return parts

    def _context(self, key: tuple[bool, bool, bool, bool, bool]) -> list[int]:
        """Rows of the capitalisation features of a word: (capitalised, not first, previous
        capitalised, not last, next capitalised); a handful of keys, each looked up once."""
        found = self._contexts.get(key)
        if found is None:
            capitalised, inner, previous, before_end, following = key
            context = []
            if capitalised:
                context.append("cap")
                if inner:
                    context.append("cap_mid")
                    if not previous:
                        context.append("cap_first")
                if before_end and not following:
                    context.append("cap_last")
            found = self._contexts[key] = self._rows(context)
        return found

    def _tail(self, key: tuple[str, bool, bool]) -> list[int]:
        """Rows of a word's dictionary match and sentence-boundary features: (match, first, last)."""
        found = self._tails.get(key)
        if found is None:
            match, first, last = key
            tail = []
            if match:
                tail.append("dict=" + match)
            if first:
                tail.append("BOS")
            if last:
                tail.append("EOS")
            found = self._tails[key] = self._rows(tail)
        return found

    def sentence(self, words: list[str], known: list[str] | None = None) -> tuple[list[int], list[int]]:
        """(rows, offsets): every token's rows, led by the zero row, and where each token starts;
        ``known`` is the dictionary's ``matches`` of the words when the caller has them."""
        index = self.index
        parts = [self._word(w) for w in words]
        if known is None:
            known = self.dictionary.matches(words)
        n = len(words)
        caps = [w[:1].isupper() for w in words]
        padded = [False, *caps, False]
        lowers = [w.lower() for w in words]
        pads = self._pads
        rows: list[int] = []
        offsets: list[int] = []
        extend = rows.extend
        for i in range(n):
            own, grouped, after, _, _, shape = parts[i]
            offsets.append(len(rows))
            extend(own)
            extend(self._context((caps[i], i > 0, padded[i], i + 1 < n, padded[i + 2])))
            extend(grouped)
            if i > 0:
                extend(parts[i - 1][3][-1])
            if i + 1 < n:
                extend(parts[i + 1][3][1])
            extend(after)
            extend(self._tail((known[i], i == 0, i == n - 1)))
            for offset in _OFFSETS:
                j = i + offset
                extend(parts[j][4][offset] if 0 <= j < n else pads[offset])
            if i >= 3:
                extend(parts[i - 3][4][-3])
            if i + 3 < n:
                extend(parts[i + 3][4][3])
            if i > 0:
                r = index.get(f"w-1|sh={lowers[i - 1]}|{shape}")
                if r is not None:
                    rows.append(r + 1)
            if i + 1 < n:
                r = index.get(f"sh|w+1={shape}|{lowers[i + 1]}")
                if r is not None:
                    rows.append(r + 1)
        return rows, offsets
