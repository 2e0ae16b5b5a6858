"""Passages: the pass over an article's quotes in reading order that gives pronouns and
unattributed quotes their speaker, and leaves out paraphrase beside a speaker's own words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .speakers import ANAPHOR, NAMED, ORGANISATION, PRONOUN, UNNAMED, Speaker

# Reported speech this many paragraphs or fewer from the same speaker's direct quote is a paraphrase.
PARAPHRASE_DISTANCE = 1


@dataclass
class Said:
    """A quote being built: where it is, what it says, and who said it (so far)."""

    start: int
    end: int
    text: str
    direct: bool
    sentence: int
    last_sentence: int
    speaker: Speaker | None
    explicit: bool  # named by its own attribution, not carried over from the previous quote
    paragraph: int = 0
    credited: bool = False  # reported speech credited by the next sentence ("Hal itu disampaikan X")
    subject_only: bool = False  # not speech: a person the sentence is about, for later pronouns
    open_ended: bool = False  # a quote left open at its paragraph's end: the next paragraph goes on with it
    confidence: float = 0.0  # how sure the speaker is; set by ``resolve_pronouns``

    @property
    def mixed(self) -> bool:
        """Reported speech that carries the speaker's own words in quotation marks."""
        return not self.direct and any(mark in self.text for mark in '"“”«»')


# Confidence of an attribution by how its speaker was found (0-1). Set by hand on the order of
# the fixtures' per-way precision (tests/fixtures/facts: names in the attribution are all right,
# pronouns nearly all, speakers carried into an unattributed quote or a later paragraph least).
NAMED_HERE = 0.95  # a name (or an institution) in the quote's own attribution
DESCRIBED_HERE = 0.85  # a description that is its own speaker ("seorang pejabat Rusia")
PRONOUN_NEAR = 0.8  # "ujarnya" after the previous speaker in the same or the previous paragraph
CARRIED_NEAR = 0.7  # an unattributed quote in the previous speaker's paragraph or the next
CARRIED_FAR = 0.5  # a pronoun or unattributed quote whose speaker was last named further back
# Attributions below this confidence stay out of a story page's "who said what" (the export keeps
# them with their confidence): speakers carried far and descriptions matched only by nearness.
SHOWN_CONFIDENCE = 0.6
# A speaker found another way, for a description: see antecedents.py.
Resolver = Callable[[Speaker, "Said"], "tuple[Speaker, float] | None"]


def resolve_pronouns(said: list[Said], resolver: Resolver | None = None) -> list[Said]:
    """Give pronouns, descriptions like "pakar tersebut" and unattributed quotes the previous
    speaker, or the person ``resolver`` finds for a description or an office, and give each
    attribution its confidence."""
    out: list[Said] = []
    last: Speaker | None = None
    other: Speaker | None = None  # the speaker named before ``last``: the other side of a dialogue
    asked = False  # ``last`` has just put a question to someone ("Saudara saksi, pernah ...?")
    last_paragraph = -1
    for n, item in enumerate(said):
        speaker = item.speaker
        if speaker is not None and resolver is not None and speaker.kind in (ANAPHOR, UNNAMED):
            found = resolver(speaker, item)
            if found is not None:
                speaker, item.confidence = found
                item.speaker = speaker
                if item.explicit:
                    last, last_paragraph = speaker, item.paragraph
                if not item.subject_only:
                    out.append(item)
                continue
        if speaker is None and item.open_ended:
            # A quote running over paragraphs is attributed where it ends: take the speaker of
            # the quote that carries it on into the next paragraph.
            following = next((q for q in said[n + 1 :] if not q.subject_only), None)
            if following is not None and _carries_on(item, following):
                speaker = item.speaker = following.speaker
        if speaker is None or speaker.needs_antecedent:
            near = item.paragraph - last_paragraph <= 1
            if last is None:
                if speaker is None or speaker.kind == PRONOUN:
                    continue  # nobody to give it to
                speaker = Speaker(speaker.name, UNNAMED, speaker.role)
                item.confidence = DESCRIBED_HERE
            elif speaker is None:
                speaker = last
                item.confidence = CARRIED_NEAR if near else CARRIED_FAR
            elif speaker.kind == ANAPHOR and set(last.name.lower().split()) <= set(speaker.name.lower().split()):
                # "istri Budi Santoso itu" after Budi Santoso spoke: someone else, described
                speaker = Speaker(speaker.name, UNNAMED, speaker.role)
                item.confidence = DESCRIBED_HERE
            elif speaker.kind == PRONOUN and asked and other is not None:
                # "…?" tanya pengacara. "…," ungkap dia: the one who was asked answers
                speaker = other
                item.confidence = PRONOUN_NEAR if near else CARRIED_FAR
            else:
                speaker = last
                item.confidence = PRONOUN_NEAR if near else CARRIED_FAR
            item.speaker = speaker
            if not item.subject_only:
                last_paragraph = item.paragraph  # the passage goes on: a quote paragraph after a quote paragraph
        else:
            item.confidence = NAMED_HERE if speaker.kind in (NAMED, ORGANISATION) else DESCRIBED_HERE
            if item.explicit:
                if last is not None and last.name != speaker.name:
                    other = last
                last, last_paragraph = speaker, item.paragraph
        if not item.subject_only:
            asked = item.direct and item.speaker == last and _asks_someone(item.text)
            out.append(item)
    return out


# A question put to the person addressed (a witness, an interviewee), not a rhetorical one.
_ADDRESSED = frozenset({"saudara", "anda", "kamu", "sdr"})


def _asks_someone(text: str) -> bool:
    """A direct quote that asks the person it addresses: "Saudara saksi, pernah …?"."""
    words = {w.strip(".,;:!?\"'“”").lower() for w in text.split()}
    return text.rstrip(" \"'”’").endswith("?") and bool(words & _ADDRESSED)


def _carries_on(item: Said, following: Said) -> bool:
    """Whether ``following`` goes on with the open-ended quote ``item`` and names its speaker."""
    named = following.speaker is not None and not following.speaker.needs_antecedent
    return following.direct and following.paragraph == item.paragraph + 1 and following.explicit and named


def drop_paraphrases(said: list[Said], names: dict[str, str]) -> list[Said]:
    """Leave out reported speech that sits beside the same speaker's own quoted words.

    There the paraphrase introduces, links or sums up the direct quotes ("Sutrisno menambahkan
    bahwa …" between two of Sutrisno's quotes); the quotes are the record of what was said. Reported
    speech with quoted words in it, or credited by name ("Hal itu disampaikan X"), is kept, and
    so is every statement of a speaker the passage does not quote directly.
    """

    def who(item: Said) -> str:
        assert item.speaker is not None
        return names.get(item.speaker.name, item.speaker.name)

    quoted: dict[str, set[int]] = {}
    for item in said:
        if item.direct:
            quoted.setdefault(who(item), set()).add(item.paragraph)
    out = []
    for item in said:
        if not item.direct and not item.mixed and not item.credited:
            nearby = quoted.get(who(item), set())
            if any(abs(item.paragraph - p) <= PARAPHRASE_DISTANCE for p in nearby):
                continue
        out.append(item)
    return out
