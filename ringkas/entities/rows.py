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

# A word's parts: its own features before the capitalisation block, its cluster features, its
# features after them; as a neighbour at each offset: cluster features (offsets -1, 1) and
# word features (offsets -3..3).
_Parts = tuple[list[int], list[int], list[int], dict[int, list[int]], dict[int, list[int]], str]


class FeatureRows:
    """Row numbers (into the CRF's padded weights: 0 is the zero row) of each word's known features."""

    def __init__(self, index: dict[str, int], clusters: Clusters, dictionary: Dictionary) -> None:
        self.index = index
        self.clusters = clusters
        self.dictionary = dictionary
        self._parts: dict[str, _Parts] = {}

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
        parts = (self._rows(["b", *own]), self._rows(grouped), self._rows(after), as_cluster, as_word, shape)
        if len(self._parts) >= _CACHE_LIMIT:
            self._parts.clear()
        self._parts[word] = parts
        return parts

    def sentence(self, words: list[str]) -> tuple[list[int], list[int]]:
        """(rows, offsets): every token's rows, led by the zero row, and where each token starts."""
        index = self.index
        parts = [self._word(w) for w in words]
        lowers = [w.lower() for w in words]
        known = self.dictionary.matches(words)
        caps = [w[:1].isupper() for w in words]
        n = len(words)
        rows: list[int] = []
        offsets: list[int] = []
        for i in range(n):
            own, grouped, after, _, _, shape = parts[i]
            offsets.append(len(rows))
            rows.append(0)
            rows.extend(own)
            context = []
            if caps[i]:
                context.append("cap")
                if i > 0:
                    context.append("cap_mid")
                    if not caps[i - 1]:
                        context.append("cap_first")
                if i + 1 < n and not caps[i + 1]:
                    context.append("cap_last")
            rows.extend(self._rows(context))
            rows.extend(grouped)
            for offset in (-1, 1):
                if 0 <= i + offset < n:
                    rows.extend(parts[i + offset][3][offset])
            rows.extend(after)
            tail = []
            if known[i]:
                tail.append("dict=" + known[i])
            if i == 0:
                tail.append("BOS")
            if i == n - 1:
                tail.append("EOS")
            rows.extend(self._rows(tail))
            for offset in _OFFSETS:
                j = i + offset
                if 0 <= j < n:
                    rows.extend(parts[j][4][offset])
                else:
                    r = index.get(f"pad{offset}")
                    if r is not None:
                        rows.append(r + 1)
            for offset in (-3, 3):
                if 0 <= i + offset < n:
                    rows.extend(parts[i + offset][4][offset])
            pair = []
            if i > 0:
                pair.append(f"w-1|sh={lowers[i - 1]}|{shape}")
            if i + 1 < n:
                pair.append(f"sh|w+1={shape}|{lowers[i + 1]}")
            rows.extend(self._rows(pair))
        return rows, offsets
