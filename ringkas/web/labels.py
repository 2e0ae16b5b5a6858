"""Labels: the words of the daily tool's pages in Indonesian and English.

The language comes from the setting ``ui_language`` (``ringkas serve --ui-language``) when it is
``id`` or ``en``, else from the browser's ``Accept-Language``; Indonesian is the default.
"""

from __future__ import annotations

LANGUAGES = ("id", "en")

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "order": "Urutan",
        "order_coverage": "Terbesar",
        "order_newest": "Terbaru",
        "order_relevance": "Paling cocok",
        "min_outlets": "Minimal media",
        "outlets": "media",
        "media_groups": "grup media",
        "score": "skor liputan",
        "new": "baru",
        "follow_search": "Ikuti pencarian ini",
        "follows": "Ikuti",
        "follows_title": "Pencarian yang diikuti",
        "no_follows": "Belum ada pencarian yang diikuti. Cari di daftar cerita, lalu tekan “Ikuti pencarian ini”.",
        "feed": "Umpan Atom",
        "unfollow": "Berhenti mengikuti",
        "changes": "Perubahan",
        "changes_since": "perubahan sejak kunjungan terakhir",
        "changes_since_time": "perubahan sejak",
        "no_changes": "Belum ada perubahan sejak cerita ini dibuat.",
        "previous": "Sebelumnya",
        "next": "Berikutnya",
        "thread": "Rangkaian cerita",
        "thread_timeline": "Linimasa rangkaian",
        "story_opens": "cerita dimulai",
        "stories_named": "Cerita yang menyebut",
        "quotes": "Kutipan",
        "roles": "Peran",
        "also_known": "Juga disebut",
        "person": "Tokoh",
        "organisation": "Organisasi",
        "place": "Tempat",
        "mentions": "sebutan",
        "shared": "sama-sama menyebut",
        "story_opened": "cerita dibuka",
        "article_joined": "artikel bergabung",
        "article_left": "artikel keluar",
        "summary_added": "kalimat ringkasan baru",
        "summary_replaced": "kalimat ringkasan diganti",
        "summary_removed": "kalimat ringkasan dihapus",
        "quote_added": "kutipan baru",
        "timeline_added": "linimasa baru",
        "figure_revised": "angka direvisi",
        "headline_changed": "judul berubah",
        "was": "sebelumnya",
        "loosely_related": "Terkait longgar",
        "loosely_related_help": "Hanya terkait longgar dengan cerita: ringkasan tidak mengambil kalimat darinya.",
    },
    "en": {
        "order": "Order",
        "order_coverage": "Biggest",
        "order_newest": "Newest",
        "order_relevance": "Best match",
        "min_outlets": "At least outlets",
        "outlets": "outlets",
        "media_groups": "media groups",
        "score": "coverage score",
        "new": "new",
        "follow_search": "Follow this search",
        "follows": "Follows",
        "follows_title": "Followed searches",
        "no_follows": "No followed searches yet. Search the story list, then press “Follow this search”.",
        "feed": "Atom feed",
        "unfollow": "Unfollow",
        "changes": "Changes",
        "changes_since": "changes since your last visit",
        "changes_since_time": "changes since",
        "no_changes": "No changes since this story was opened.",
        "previous": "Previous",
        "next": "Next",
        "thread": "Story thread",
        "thread_timeline": "Thread timeline",
        "story_opens": "story opens",
        "stories_named": "Stories naming",
        "quotes": "Quotes",
        "roles": "Roles",
        "also_known": "Also named",
        "person": "Person",
        "organisation": "Organisation",
        "place": "Place",
        "mentions": "mentions",
        "shared": "shared names",
        "story_opened": "story opened",
        "article_joined": "article joined",
        "article_left": "article left",
        "summary_added": "new summary sentence",
        "summary_replaced": "summary sentence replaced",
        "summary_removed": "summary sentence removed",
        "quote_added": "new quote",
        "timeline_added": "new timeline entry",
        "figure_revised": "figure revised",
        "headline_changed": "headline changed",
        "was": "was",
        "loosely_related": "Loosely related",
        "loosely_related_help": "Only loosely related to the story: the summary takes no sentence from it.",
    },
}


def choose_language(setting: str | None, accept_language: str | None) -> str:
    """``id`` or ``en``: the setting when it names one, else the browser's first supported choice."""
    if setting in LANGUAGES:
        return setting
    choices = []
    for n, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        language = tag.strip().lower().split("-")[0]
        if language in LANGUAGES and q > 0:
            choices.append((-q, n, language))
    return min(choices)[2] if choices else "id"


def labels_for(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["id"])
