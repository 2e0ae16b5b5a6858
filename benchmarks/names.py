"""Names: entity-level F1 on NERGrit test, ringkas beside a capitalisation baseline, and the
seed people (every gold person found, aliases merged into one entity).

    python benchmarks/names.py [--errors N]

NERGrit (``../shared/data/ner/nergrit/test_preprocess.txt``, 209 sentences) is scored the CoNLL
way: a predicted entity counts when its tokens and its kind (PERSON, ORGANISATION, PLACE) equal
a gold one. ringkas runs its tagger on the gold tokens: the CRF alone, the CRF with the network's
vote, and both with the rules of ``NameTagger.find`` on the detokenized sentence, mapped back to
tokens. The baseline tags
every run of capitalised words that does not start the sentence, with the kind a gazetteer
head word suggests (PERSON otherwise).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NERGRIT = SHARED / "data" / "ner" / "nergrit"
SEEDS_WITH_DATES = SHARED / "gold" / "seeds-with-dates.jsonl"
SEEDS_GOLD = SHARED / "gold" / "seeds.json"
sys.path.insert(0, str(ROOT))  # benchmarks.dates, when run as a script


@dataclass(frozen=True)
class TaggedSentence:
    words: tuple[str, ...]
    tags: tuple[str, ...]


def read_conll(path: Path, tag_map: dict[str, str] | None = None) -> Iterator[TaggedSentence]:
    """Sentences of a ``token<TAB>tag`` file; ``tag_map`` renames entity kinds (others become O)."""
    words: list[str] = []
    tags: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                if words:
                    yield TaggedSentence(tuple(words), tuple(tags))
                words, tags = [], []
                continue
            word, _, tag = line.partition("\t")
            if tag_map is not None and tag != "O":
                kind = tag_map.get(tag[2:])
                tag = f"{tag[:2]}{kind}" if kind else "O"
            words.append(word)
            tags.append(tag or "O")
    if words:
        yield TaggedSentence(tuple(words), tuple(tags))


Span = tuple[int, int, str]  # first token, last token + 1, kind


@dataclass
class EntityScores:
    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def add(self, words: tuple[str, ...], gold: list[Span], predicted: list[Span]) -> None:
        gold_set, predicted_set = set(gold), set(predicted)
        for _a, _b, kind in predicted_set & gold_set:
            self.tp[kind] = self.tp.get(kind, 0) + 1
        for a, b, kind in predicted_set - gold_set:
            self.fp[kind] = self.fp.get(kind, 0) + 1
            self.errors.append(f"extra  {kind:12} {' '.join(words[a:b])}")
        for a, b, kind in gold_set - predicted_set:
            self.fn[kind] = self.fn.get(kind, 0) + 1
            self.errors.append(f"missed {kind:12} {' '.join(words[a:b])}")

    def f1(self, kind: str | None = None) -> float:
        kinds = [kind] if kind else sorted(set(self.tp) | set(self.fp) | set(self.fn))
        tp = sum(self.tp.get(k, 0) for k in kinds)
        fp = sum(self.fp.get(k, 0) for k in kinds)
        fn = sum(self.fn.get(k, 0) for k in kinds)
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    def precision(self) -> float:
        tp, fp = sum(self.tp.values()), sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else 0.0

    def recall(self) -> float:
        tp, fn = sum(self.tp.values()), sum(self.fn.values())
        return tp / (tp + fn) if tp + fn else 0.0


# A system maps a sentence's words to entity spans (first token, last token + 1, kind).
System = Callable[[tuple[str, ...]], list[tuple[int, int, str]]]


def score(system: System, sentences: list[TaggedSentence]) -> tuple[EntityScores, float]:
    from ringkas.entities.tagger import bio_spans

    scores = EntityScores()
    seconds = 0.0
    for sentence in sentences:
        started = time.perf_counter()
        predicted = system(sentence.words)
        seconds += time.perf_counter() - started
        scores.add(sentence.words, bio_spans(list(sentence.tags)), predicted)
    return scores, seconds


def crf_system(model_path: Path | None = None, network_weight: float | None = None) -> System:
    """The tagger's decoding without the span rules: CRF and network, or with
    ``network_weight=0`` the CRF alone."""
    from ringkas.entities.tagger import NETWORK_WEIGHT, NameTagger, bio_spans

    weight = NETWORK_WEIGHT if network_weight is None else network_weight
    tagger = NameTagger(model_path, network_weight=weight)
    return lambda words: bio_spans(tagger.tag_words(list(words)))


def tagger_system(model_path: Path | None = None) -> System:
    """``NameTagger.find`` (CRF and rules) on the sentence joined with spaces."""
    from ringkas.entities.tagger import NameTagger

    tagger = NameTagger(model_path)

    def run(words: tuple[str, ...]) -> list[tuple[int, int, str]]:
        text = " ".join(words)
        starts, ends, offset = {}, {}, 0
        for i, word in enumerate(words):
            starts[offset] = i
            ends[offset + len(word)] = i + 1
            offset += len(word) + 1
        return [
            (starts[s.start], ends[s.end], s.kind) for s in tagger.find(text) if s.start in starts and s.end in ends
        ]

    return run


def capitalisation_baseline(words: tuple[str, ...]) -> list[tuple[int, int, str]]:
    from ringkas.lexicon.organisations import ORG_HEADS
    from ringkas.lexicon.places import PLACE_HEADS, PLACES

    out = []
    i = 1
    while i < len(words):
        if words[i][:1].isupper():
            j = i
            while j < len(words) and words[j][:1].isupper():
                j += 1
            lowered = [w.lower() for w in words[i:j]]
            if lowered[0] in ORG_HEADS:
                kind = "ORGANISATION"
            elif lowered[0] in PLACE_HEADS or all(w in PLACES for w in lowered):
                kind = "PLACE"
            else:
                kind = "PERSON"
            out.append((i, j, kind))
            i = j
        else:
            i += 1
    return out


@dataclass(frozen=True)
class PersonCheck:
    name: str
    story: str
    entity: str | None  # the ringkas entity holding the name, None when not found
    aliases_found: tuple[str, ...]
    aliases_missing: tuple[str, ...]
    split_over: int  # how many ringkas PERSON entities hold one of this person's names


def check_seed_people(seeds_with_dates: Path = SEEDS_WITH_DATES, gold_path: Path = SEEDS_GOLD) -> list[PersonCheck]:
    """For each gold person: analyse the articles of each gold story, merge their entities, and
    look for the gold name and aliases. A gold alias counts when it equals a name or alias of
    the entity, with leading role words ("Presiden Putin", "Menlu Lavrov") allowed."""
    from benchmarks.dates import analyse_seeds
    from ringkas.entities import merge_entities
    from ringkas.lexicon.titles import ROLE_HEADS

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    documents = analyse_seeds(seeds_with_dates)

    def key(name: str) -> str:
        return " ".join(name.replace("-", " ").lower().split())

    def bare(name: str) -> str:
        words = key(name).split()
        while len(words) > 1 and words[0] in ROLE_HEADS:
            words = words[1:]
        return " ".join(words)

    checks = []
    for event in gold["stories"]["events"]:
        story_docs = [documents[a] for a in event["articles"] if a in documents]
        story_text = "\n".join(d.article.text for d in story_docs)
        people = [e for e in merge_entities(story_docs) if e.kind == "PERSON"]
        for person in gold["people"]:
            if person["name"] not in story_text and key(person["name"]) not in key(story_text):
                continue  # this person is not named in this story
            names = [person["name"], *person["aliases"]]
            present = [n for n in names if _stands_alone(n, names, story_text)]
            holders = []
            for entity in people:
                surfaces = {key(s) for s in (entity.name, *entity.aliases)}
                if any(key(n) in surfaces or bare(n) in surfaces for n in present):
                    holders.append(entity)
            best = max(holders, key=lambda e: e.mentions, default=None)
            found, missing = [], []
            for n in present:
                surfaces = {key(s) for s in (best.name, *best.aliases)} if best else set()
                (found if key(n) in surfaces or bare(n) in surfaces else missing).append(n)
            checks.append(
                PersonCheck(
                    person["name"],
                    event["id"],
                    best.name if best else None,
                    tuple(found),
                    tuple(missing),
                    len(holders),
                )
            )
    return checks


def _stands_alone(name: str, names: list[str], text: str) -> bool:
    """Whether ``name`` occurs as a word sequence outside every longer name of the same person
    ("Peskov" alone, not only inside "Dmitry Peskov")."""
    import re

    longer = [n for n in names if len(n) > len(name) and name in n]
    covered = [(m.start(), m.end()) for n in longer for m in re.finditer(re.escape(n), text)]
    for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
        if not any(a <= match.start() and match.end() <= b for a, b in covered):
            return True
    return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print the first N errors of ringkas")
    parser.add_argument("--split", default="test", choices=["train", "valid", "test"])
    args = parser.parse_args(argv)
    path = NERGRIT / f"{args.split}_preprocess.txt"
    if not path.exists():
        print(f"{path} is absent: this benchmark needs ../shared beside the checkout", file=sys.stderr)
        return 2
    sentences = list(read_conll(path))
    results = [
        ("ringkas NameTagger.find", *score(tagger_system(), sentences)),
        ("ringkas CRF + network", *score(crf_system(), sentences)),
        ("ringkas CRF alone", *score(crf_system(network_weight=0.0), sentences)),
        ("capitalised runs + gazetteer", *score(capitalisation_baseline, sentences)),
    ]
    print(f"NERGrit {args.split}: {len(sentences)} sentences, entity-level (exact span and kind)")
    header = f"{'system':30} {'P':>6} {'R':>6} {'F1':>6} {'PER':>6} {'ORG':>6} {'PLACE':>6} {'ms/sent':>8}"
    print(header)
    print("-" * len(header))
    for name, scores, seconds in results:
        print(
            f"{name:30} {scores.precision():6.3f} {scores.recall():6.3f} {scores.f1():6.3f}"
            f" {scores.f1('PERSON'):6.3f} {scores.f1('ORGANISATION'):6.3f} {scores.f1('PLACE'):6.3f}"
            f" {1000 * seconds / len(sentences):8.3f}"
        )
    for line in results[0][1].errors[: args.errors]:
        print(line)
    if SEEDS_GOLD.exists():
        checks = check_seed_people()
        good = sum(c.entity is not None and not c.aliases_missing and c.split_over == 1 for c in checks)
        print(f"\nSeed people: {good}/{len(checks)} (person, story) pairs found with every alias in one entity")
        for c in checks:
            ok = c.entity is not None and not c.aliases_missing and c.split_over == 1
            print(
                f"  {'ok ' if ok else 'BAD'} {c.name:16} {c.story:26} entity={c.entity!s:18}"
                f" aliases={list(c.aliases_found)} missing={list(c.aliases_missing)} entities={c.split_over}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
