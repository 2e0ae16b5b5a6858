"""A story's core by the link model: weakly attached articles stay in the story, out of its summary."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from ringkas.clustering.cores import WEAK_LINK, linked_core, story_links, weak_members
from ringkas.clustering.links import LinkModel
from ringkas.clustering.stream import Arrival, StoryStream, StreamParams
from ringkas.errors import InputError
from ringkas.lengths import LengthSpec
from ringkas.models import Article, Document
from ringkas.sentences import SentenceSplitter
from ringkas.stories import build_story
from ringkas.summarizing import LearnedSummarizer
from ringkas.tokens import Tokenizer

FIXTURE = Path(__file__).parent / "fixtures" / "clustering" / "events.jsonl"


def test_the_core_is_the_largest_group_linked_through_one_another() -> None:
    link = np.array(
        [
            [1.0, 0.9, 0.2, 0.1],
            [0.9, 1.0, 0.95, 0.3],  # 0 and 2 hold together through 1
            [0.2, 0.95, 1.0, 0.86],  # 3 hangs on 2 by a link just under the cut
            [0.1, 0.3, 0.86, 1.0],
        ]
    )
    assert linked_core(link, 0.87) == {0, 1, 2}
    assert linked_core(link, 0.85) == {0, 1, 2, 3}
    assert linked_core(link, 0.99) == {0}  # all apart: the earliest article's group on a tie


def test_a_tie_keeps_the_founders_group() -> None:
    link = np.array([[1, 0.6, 0.1, 0.1], [0.6, 1, 0.1, 0.1], [0.1, 0.1, 1, 0.95], [0.1, 0.1, 0.95, 1]])
    assert linked_core(link, 0.5) == {0, 1}
    assert linked_core(link, 0.9) == {2, 3}  # the larger group, whoever founded the story
    assert linked_core(np.zeros((0, 0))) == frozenset()
    assert linked_core(np.ones((1, 1))) == {0}


def arrival(article_id: str, vector: list[float], day: int, duplicate_of: str | None = None) -> Arrival:
    v = np.asarray(vector, dtype=np.float32)
    return Arrival(
        article_id,
        None if duplicate_of else v / np.linalg.norm(v),
        terms=("banjir", "bandang", "lembah", article_id),
        language="id",
        day=day,
        duplicate_of=duplicate_of,
    )


def stream_with(probability: float) -> StoryStream:
    """Four articles (one a copy) that every pair of the model links with ``probability``."""
    model = LinkModel.constant(probability)
    stream = StoryStream(3, StreamParams(threshold=0.5, model=model))
    day = date(2025, 5, 2).toordinal()
    stream.extend(
        [
            arrival("a", [1, 0, 0], day),
            arrival("b", [1, 0.05, 0], day),
            arrival("c", [1, 0, 0.05], day + 1),
            arrival("c-copy", [1, 0, 0.05], day + 1, duplicate_of="c"),
        ]
    )
    return stream


def test_articles_on_weak_links_are_weak_and_a_copy_follows_its_original() -> None:
    weak = stream_with(0.6)
    (group,) = weak.groups()  # average link 0.6 >= 0.5: one story
    assert set(group) == {"a", "b", "c", "c-copy"}
    nodes, link = story_links(weak, group)
    assert len(nodes) == 3 and np.allclose(link[~np.eye(3, dtype=bool)], 0.6)
    assert weak_members(weak, group) == {"b", "c", "c-copy"}  # the founder's article is the core
    assert weak_members(weak, group, cut=0.55) == frozenset()
    strong = stream_with(0.95)
    assert weak_members(strong, strong.groups()[0]) == frozenset()


def test_no_link_model_no_weak_members() -> None:
    stream = StoryStream(3, StreamParams())
    stream.extend([arrival("a", [1, 0, 0], 1), arrival("b", [1, 0.01, 0], 1)])
    assert weak_members(stream, ("a", "b")) == frozenset()


def test_cluster_cores_are_the_clusterings_stories(engine) -> None:  # type: ignore[no-untyped-def]
    articles = [a for a in engine.read([str(FIXTURE)]) if not isinstance(a, InputError)]
    documents = engine.analyse(articles)
    clusterer = engine.clusterer()
    cores = clusterer.cluster_cores(documents)
    assert [list(c.members) for c in cores] == clusterer.cluster(documents)
    assert all(c.weak <= set(c.members) and len(c.weak) < len(c.members) for c in cores)
    assert 0.5 < WEAK_LINK < 1.0


# An invented story: a flash flood in the Lembah Hijau valley, told by three outlets in their words.
SPLITTER = SentenceSplitter()


def doc(article_id: str, outlet: str, title: str, text: str) -> Document:
    article = Article(id=article_id, title=title, text=text, outlet=outlet, language="id", published=date(2025, 5, 2))
    return Document(article=article, sentences=SPLITTER.split(text, article_id))


FLOOD = [
    doc(
        "w1",
        "Kabar Lembah",
        "Banjir Bandang Terjang Lembah Hijau, 40 Rumah Terendam",
        "Banjir bandang menerjang Desa Lembah Hijau pada Jumat malam setelah hujan deras turun enam jam.\n"
        "Sebanyak 40 rumah di Desa Lembah Hijau terendam lumpur setinggi satu meter.\n"
        "Warga mengungsi ke balai desa dan masjid terdekat.",
    ),
    doc(
        "w2",
        "Suara Hulu",
        "40 Rumah di Lembah Hijau Terendam Lumpur Usai Banjir Bandang",
        "Sebanyak 40 rumah di Desa Lembah Hijau terendam lumpur setinggi satu meter akibat banjir bandang.\n"
        "Tim SAR gabungan mengevakuasi 120 warga dengan perahu karet.\n"
        "Kepala desa meminta bantuan selimut dan makanan siap saji.",
    ),
    doc(
        "w3",
        "Pos Timur",
        "Harga Cabai di Pasar Lembah Hijau Naik",
        "Harga cabai rawit di Pasar Lembah Hijau naik menjadi Rp 80.000 per kilogram pekan ini.\n"
        "Pedagang menyebut pasokan dari petani berkurang karena hujan.\n"
        "Pembeli mulai mengurangi belanja cabai.",
    ),
]


def test_a_weak_article_gives_no_summary_sentence_but_stays_in_the_story() -> None:
    tokenizer = Tokenizer()
    summarizer = LearnedSummarizer(tokenizer)
    whole = build_story(FLOOD, summarizer, tokenizer, LengthSpec.parse("5"), 0.35)
    assert {"w2", "w3"} <= {s.article_id for s in whole.summary}  # without a core, the chili prices get in
    story = build_story(FLOOD, summarizer, tokenizer, LengthSpec.parse("5"), 0.35, weak={"w3"})
    assert story.article_ids == ("w1", "w2", "w3")
    assert story.summary and all(s.article_id != "w3" and "cabai" not in s.text for s in story.summary)
    # nor the headline: titled by w2 as a whole, the story is titled by another article with w2 weak
    assert whole.headline == FLOOD[1].article.title
    titled = build_story(FLOOD, summarizer, tokenizer, LengthSpec.parse("5"), 0.35, weak={"w2"})
    assert titled.headline != FLOOD[1].article.title


def test_a_weak_article_is_still_cited_for_a_fact_it_reports() -> None:
    tokenizer = Tokenizer()
    story = build_story(FLOOD, LearnedSummarizer(tokenizer), tokenizer, LengthSpec.parse("5"), 0.35, weak={"w2"})
    assert all(s.article_id != "w2" for s in story.summary)
    houses = [s for s in story.summary if "40 rumah" in s.text]  # w1's sentence, which w2 also reports
    assert houses and [c.article_id for c in houses[0].citations] == ["w1", "w2"]


def test_every_article_weak_still_gives_a_summary() -> None:
    tokenizer = Tokenizer()
    story = build_story(
        FLOOD[:2], LearnedSummarizer(tokenizer), tokenizer, LengthSpec.parse("3"), 0.35, weak={"w1", "w2"}
    )
    assert story.summary  # nothing left to prefer: the whole story is summarized
