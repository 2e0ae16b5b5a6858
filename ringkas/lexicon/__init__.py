"""Indonesian word lists, in one place for every stage that reads words: titles and offices
(``titles``), people and pronouns (``people``), names (``names``), organisations
(``organisations``), places (``places``), verbs of saying (``speech``), function words
(``function_words``) and calendar words (``calendar``). Lower-case throughout.

Where two stages need nearly the same list, the module keeps the shared core once and each
stage's list is that core plus what only that stage reads, so the stages keep their own
behaviour while a word added to the core reaches both. The lists are general Indonesian
news vocabulary, written for ringkas, not the wording of any one corpus.
"""

from __future__ import annotations


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words``, as a frozen set."""
    return frozenset(words.split())
