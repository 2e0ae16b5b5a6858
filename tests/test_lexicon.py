"""The word lists of ringkas.lexicon: lower-case single words, and each stage's list built on the
shared core it is documented to share."""

from __future__ import annotations

import importlib

import pytest

from ringkas.lexicon import calendar, function_words, names, organisations, places, speech, titles, word_set

MODULES = ("calendar", "function_words", "names", "organisations", "people", "places", "speech", "titles")


def _word_lists():
    for module_name in MODULES:
        module = importlib.import_module(f"ringkas.lexicon.{module_name}")
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, frozenset):
                yield f"{module_name}.{name}", value


def test_word_set_splits_on_any_whitespace():
    assert word_set(" kata\n  ujar\tkata ") == frozenset({"kata", "ujar"})
    assert word_set("") == frozenset()


@pytest.mark.parametrize(("name", "words"), list(_word_lists()))
def test_every_list_holds_lower_case_words_without_spaces(name, words):
    assert words, name
    bad = sorted(w for w in words if w != w.lower() or not w.strip() or " " in w)
    assert not bad, f"{name}: {bad}"


def test_stage_lists_keep_their_shared_core():
    assert titles.TITLES <= titles.ROLE_HEADS and titles.TITLES <= titles.SPEAKER_TITLES
    assert titles.SCHOLARLY_HONORIFICS <= titles.HONORIFICS
    assert titles.JURISDICTIONS <= titles.JURISDICTION_TITLES & titles.SPEAKER_JURISDICTION_TITLES
    assert speech.SAY_STEMS <= speech.SPEECH_VERBS & speech.SAY_AFTER_QUOTE
    only_indirect = speech.SAY_INDIRECT - speech.SAY_ACTIVE
    assert only_indirect == {"memperkirakan", "membenarkan"}
    assert names.PARTICLES <= names.NAME_PARTICLES & names.SPEAKER_NAME_PARTICLES
    assert organisations.INSTITUTION_HEADS <= organisations.ORG_HEADS & organisations.SPEAKER_ORG_HEADS
    assert places.COUNTRIES_AND_PROVINCES <= places.PLACES & places.AFFILIATION_WORDS
    assert function_words.ROLE_STOPS <= function_words.PHRASE_STOPS
    assert calendar.WEEKDAY_NAMES <= function_words.COMPLEMENT_OPENERS


def test_calendar_words_agree_with_the_date_tables():
    assert calendar.WEEKDAY_NAMES.issubset(calendar.WEEKDAYS)
    assert calendar.MONTH_NAMES.issubset(calendar.MONTHS)
    assert sorted({calendar.MONTHS[m] for m in calendar.MONTH_NAMES}) == list(range(1, 13))
