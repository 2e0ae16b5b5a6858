"""Noise rules: which lines of scraped news are not article text, and why.

Each rule names its reason (``related-link``, ``advertisement``, ``video-prompt``,
``photo-credit``, ``byline``, ``share-prompt``, ``boilerplate``); a rule only fires on the
shapes such lines take (short, a fixed opening, no sentence that goes on), so that a body
sentence that merely mentions a photo, a video or an advert is never taken for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.interface import INTERFACE_WORDS

_WORD = re.compile(r"\w+", re.UNICODE)
# A line that ends like a sentence (or a quote, or a parenthesis closing one).
SENTENCE_END = re.compile(r"[.!?\"'\u201d\u2019)\]]\s*$")
# Prose punctuation at the end of a line: what labels, captions and credits lack.
PROSE_END = re.compile(r"[.!?\"'\u201d\u2019:;]\s*$")

AGENCIES = frozenset(
    {
        *("reuters", "afp", "ap", "antara", "kcna", "yonhap", "xinhua", "epa", "getty images", "getty"),
        *("anadolu", "shutterstock", "istockphoto", "bloomberg", "kyodo", "tass", "ria novosti", "dpa"),
        *("bernama", "sputnik", "efe", "ansa", "ap photo", "afp photo", "reuters photo", "antara foto"),
        *("pool", "handout", "istimewa", "ist", "dok pribadi", "dokumentasi pribadi", "net", "freepik", "unsplash"),
        *("pexels", "pixabay", "canva", "humas", "wikimedia commons", "wikipedia"),
    }
)
_AGENCY_NAMES = "|".join(sorted((re.escape(a) for a in AGENCIES if " " not in a and len(a) > 2), key=len, reverse=True))


@dataclass(frozen=True)
class Rule:
    """Lines matching ``pattern`` with at most ``max_words`` words are noise for ``reason``."""

    reason: str
    pattern: re.Pattern[str]
    max_words: int = 40
    # Also require that the line does not end like a sentence (a header or label, not prose).
    unpunctuated: bool = False


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


_OPEN = r"^[\s\[\(\-\u2013\u2014\u2022*>#|\u00bb\u203a:]*"  # bullets, brackets and arrows before a label

RULES: tuple[Rule, ...] = (
    # "Baca juga: ...", "BACA JUGA", "Simak juga:", "Lihat juga:", "[Baca: ...]"
    Rule(
        "related-link",
        _rx(
            _OPEN + r"(?:baca|simak|lihat|cek|read)\s*(?:juga|pula|selengkapnya|lainnya|also|more)\b"
            r"|" + _OPEN + r"baca\s*:"
            r"|" + _OPEN + r"(?:baca|simak|lihat)\s+(?:berita|artikel)\s+(?:lain(?:nya)?|terkait|selengkapnya)\b"
            r"|" + _OPEN + r"(?:pilihan\s+editor|also\s+read|related|klik\s+untuk\s+baca)\s*:"
            # "Baca berita selengkapnyadi sini." with the link's words glued on
            r"|" + _OPEN + r"(?:baca|simak|lihat|cek)\s+(?:(?:berita|artikel|informasi|ulasan|kisah)(?:nya)?\s+)?"
            r"(?:selengkapnya|lengkapnya)"
        ),
        max_words=45,
    ),
    # "Simak penjelasan lengkapnya di bawah ini." and paging prompts: short, pointing elsewhere
    Rule(
        "boilerplate",
        _rx(
            _OPEN + r"(?:simak|baca|lihat|cek|ikuti)\b[^.!?]{0,80}?(?:di\s*bawah\s+ini|di\s*halaman\s+(?:selanjutnya"
            r"|berikutnya|berikut))\W*$"
        ),
        max_words=14,
    ),
    # "Berita Terkait", "Artikel terkait:", "Topik pilihan" as headers of link boxes
    Rule(
        "related-link",
        _rx(
            _OPEN + r"(?:berita|artikel|topik|tautan|link|konten|related|foto|galeri|gallery|infografis)\s+"
            r"(?:terkait|lainnya|lain|pilihan|populer|terpopuler|rekomendasi|menarik|news|articles?|stories)\b"
            r"|" + _OPEN + r"(?:see\s+also|read\s+next|baca\s+berikutnya)\b"
        ),
        max_words=15,
        unpunctuated=True,
    ),
    # the same label closed by a colon, introducing the list under it: "FOTO TERKAIT:", "Berita lainnya:"
    Rule(
        "related-link",
        _rx(
            _OPEN + r"(?:berita|artikel|topik|tautan|link|konten|related|foto|galeri|gallery|infografis)\s+"
            r"(?:terkait|lainnya|lain|pilihan|populer|terpopuler|rekomendasi|menarik|news|articles?|stories)\s*:\s*$"
        ),
        max_words=4,
    ),
    Rule(
        "advertisement",
        _rx(
            r"^[\W_]*(?:(?:advertisements?|advertisment|advertorial|iklan|ads?|sponsored|"
            r"konten\s+(?:ber)?sponsor|scroll\s+(?:to|untuk)\s+(?:continue|resume|melanjutkan|lanjut)"
            r"(?:\s+(?:with\s+)?(?:content|reading|membaca|baca))?|(?:lanjutkan|lanjut)\s+(?:membaca|baca)"
            r"|continue\s+reading(?:\s+below)?|(?:artikel|konten|content|story)\s+(?:berlanjut|lanjut|continues?)"
            r"(?:\s+(?:di\s+bawah|setelah|below|after))?(?:\s+(?:iklan|ini|this\s+ad(?:vertisement)?))?)[\W_]*)+$"
            r"|^[\W_]*(?:iklan|advertisement|sponsored)\s*:"
        ),
        max_words=20,
    ),
    # Embedded social posts as scrapers flatten them: Instagram's caption line (English or
    # Indonesian), a tweet's "pic.twitter.com" link or its "-- Name (@handle) June 20, 2025" signature.
    Rule(
        "social-embed",
        _rx(
            r"^\W*(?:view\s+this\s+post\s+on\s+(?:instagram|tiktok|threads)|lihat\s+(?:postingan|kiriman|unggahan)\s+ini"
            r"\s+di\s+(?:instagram|tiktok|threads)|(?:a\s+)?post\s+shared\s+by\b|sebuah\s+(?:kiriman|postingan|unggahan)"
            r"\s+(?:yang\s+)?dibagikan\s+oleh\b)"
            r"|\bpic\.twitter\.com/\w+"
            r"|^\s*\[\s*gambas\s*:\s*(?:instagram|twitter|x|tiktok|facebook|threads|youtube)\b[^\]]*\]\s*$"
            r"|[\u2014\u2013-]\s*[^()\n]{1,60}\(\s*@\w{1,30}\s*\)\s+(?:\w+\s+\d{1,2},|\d{1,2}\s+\w+)\s+\d{4}\s*$"
            r"|^\s*(?:@[\w.]+\s*)?(?:(?:original\s+sound|suara\s+asli)\s*[-\u2013]|\u266c)"
        ),
        max_words=60,
    ),
    # "Saksikan terus sinetron X di SCTV.", "Streaming keseruannya dengan klik di sini.": a call to
    # watch, short, with a pointer (here, on a channel, live, every day) rather than a story.
    Rule(
        "video-prompt",
        re.compile(
            r"^[\s\[\(\-\u2022*>]*(?:(?i:saksikan|tonton|nonton(?!\s+bareng)|jangan\s+lewatkan)\b"
            r"(?=.*?(?:(?i:di\s*sini|klik|hanya\s+di|eksklusif\s+di|gratis|terus|sekarang|setiap\s+hari|live|"
            r"siaran\s+langsung|streaming|selengkapnya)|di\s*[A-Z][A-Za-z]*[A-Z+][\w+]*\W*$))"
            r"|(?i:(?:live\s+)?streaming)\b(?=.{0,80}?(?i:di\s*sini|klik)))"
        ),
        max_words=30,
    ),
    # "Saksikan video pilihan berikut ini:", "Simak video berikut", "[Gambas:Video CNN]"
    Rule(
        "video-prompt",
        _rx(
            _OPEN + r"(?:saksikan|tonton|nonton)\s+(?:juga|pula)\b"
            r"|" + _OPEN + r"(?:saksikan|tonton|simak|lihat|putar|play|watch)\s+(?:juga\s+|pula\s+)?"
            r"(?:video|vidio|live\s+streaming|siaran\s+langsung|tayangan|cuplikan)\b"
            r"|^\s*\[\s*gambas\s*:[^\]]*\]\s*$|^\s*\[video\]"
            r"|^\s*(?:video|vidio)\s*(?:pilihan|terkait|terpopuler|terbaru|rekomendasi|unggulan|menarik)?\s*[:\-]?\s*$"
            r"|^\s*(?:video|vidio)\s*:"
        ),
        max_words=25,
    ),
    # "Foto: ...", "Ilustrasi/...", "ANTARA FOTO/...", "Dok. Humas Polda", "Instagram/@akun"
    Rule(
        "photo-credit",
        _rx(
            _OPEN + r"(?:foto|photo|ilustrasi|illustration|sumber\s+(?:foto|gambar)|image|gambar|dok\.?|dokumentasi"
            r"|kredit\s+foto|photo\s+credit|credit|grafis|infografis|infografik|tangkapan\s+layar|screenshot"
            r"|capture|keterangan\s+foto|caption)\s*[:/|]"
            r"|^[\s\(\[]*[A-Z]+\s+(?:FOTO|PHOTO)\s*/"
            r"|^[\s\(\[]*(?:instagram|twitter|x|tiktok|youtube|facebook)\s*[/:]\s*@?\w+"
            r"|[\(\[]\s*(?:[\w.]+\s+)?(?:foto|photo)\s*[:/][^\)\]]{1,80}[\)\]]\s*$"
            # a caption closed by its credit: "... (JDP/Anita Kusuma)", "... Foto: Warta/Yosef Manurung"
            r"|[\(\[]\s*[A-Z][\w.]{1,20}\s*/\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+\s*[\)\]]\s*$"
            r"|\b(?:foto|photo)\s*:\s*[\w.]+\s*/\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s*$"
        ),
        max_words=45,
    ),
    # A caption glued to its credit, as scrapers join the credit line and the caption: "Dok. Polres
    # KotaSuasana ...", "WARTA.com/NAMASuasana ...", "REUTERS/Nama Caption", "pexels.comIlustrasi ...",
    # "Merk2000Ilustrasi ...", or a caption closed by a bare agency "... Senin (10/2) (AFP)".
    Rule(
        "photo-credit",
        re.compile(
            r"^[\s\(\[]*(?i:dok\.|dok\s+(?=[A-Z])|dokumentasi\s*/)"
            rf"|^[\s\(\[]*(?:{_AGENCY_NAMES.upper()}|[A-Z][A-Za-z0-9-]*\.(?:com|co\.id|id|net|org|tv))(?:\s+(?:FOTO|PHOTO))?"
            r"\s*/\s*[A-Z@]"
            r"|^\s*[a-z0-9-]+\.(?:com|co\.id|id|net|org)(?=[A-Z])"
            r"|^\S*?[a-z0-9](?:Ilustrasi|ILUSTRASI|Foto|FOTO)\b|^[^.!?]{0,60}?[a-z0-9](?:Ilustrasi|ILUSTRASI)\b"
            r"|^[A-Z][\w.' -]{1,40}/\s*[\w-]+(?:\.[\w-]+)*\.(?:com|co\.id|id|net)(?=[A-Z\s])"
            rf"|[^.!?\"\u201d\u2019\s]\s*\(\s*(?:{_AGENCY_NAMES.upper()}|Getty Images)(?:\s*/[^()]{{1,40}})?\s*\)\s*$"
        ),
        # Captions in ../shared's stream.jsonl run to 27 words; the two longer lines that open with
        # a credit (34 and 52 words) carry the next paragraph glued after the caption: text to keep.
        max_words=30,
    ),
    # "REUTERS/Kim Kyung-Hoon", "Alexander Nemenov / Polandia melalui Reuters", "Dok. Istimewa"
    Rule(
        "photo-credit",
        _rx(
            rf"^[\s\(\[]*(?:{_AGENCY_NAMES})\s*(?:photo\s*)?/\s*\w"
            rf"|\b(?:melalui|via|lewat|for|untuk|from)\s+(?:{_AGENCY_NAMES}|getty\s+images)\s*[\)\]]?\.?\s*$"
            rf"|/\s*(?:{_AGENCY_NAMES}|getty\s+images)\s*[\)\]]?\.?\s*$"
            r"|^[\s\(\[]*dok(?:\.|umentasi)\s*\w[\w\s./-]*[\)\]]?$"
            r"|^\s*(?:ilustrasi|illustration)\b"
        ),
        max_words=12,
        unpunctuated=True,
    ),
    Rule(
        "byline",
        _rx(
            _OPEN + r"(?:sumber|penulis|editor|reporter|pewarta|redaktur|penyunting|kontributor|koresponden|source"
            r"|writer|author|oleh|by|editing|fotografer|videografer|produser|narator|laporan|written\s+by"
            r"|ditulis\s+oleh|diterbitkan\s+oleh)\s*:"
            r"|^\s*laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis)\b"
            r"|^[\s\(\[]*[a-z][a-z\d]{1,5}(?:\s*/\s*[a-z][a-z\d]{1,5})*\s*[\)\]]\s*$"
            r"|^\s*\(\s*\*+\s*\)\s*$"
            r"|^\W*(?:tim\s+)?redaksi\W*$"
        ),
        max_words=20,
    ),
    # An editor's or reporter's name alone in parentheses, as outlets close an article: "(Budi Santoso)"
    Rule("byline", re.compile(r"^\s*\(\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*\)\s*$"), max_words=5),
    # "Oleh Budi Santoso" or "By Jane Doe" alone on a line
    Rule("byline", re.compile(r"^\s*(?:[Oo]leh|[Bb]y)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s*$"), max_words=5),
    Rule(
        "share-prompt",
        _rx(
            _OPEN + r"(?:(?:bagikan|share|tweet)(?=\s*[:|]|\s*$|\s+(?:artikel|berita|tulisan|konten|link|tautan|ini"
            r"|this|article|on|ke|via|di|melalui))|salin\s+(?:link|tautan)|copy\s+link|ikuti\s+(?:kami|kanal|saluran|akun"
            r"|update|channel|instagram|twitter|tiktok|youtube|whatsapp|google\s+news|berita\s+\S+\s+di)"
            r"|follow\s+(?:us|kami|berita|akun|channel|instagram)|dapatkan\s+(?:update|berita|informasi|notifikasi"
            r"|kabar|info)|subscribe|berlangganan|daftar\s+newsletter|klik\s+(?:di\s*sini|link|tautan|untuk|banner)"
            r"|(?:download|unduh)\s+(?:aplikasi|app)|gabung\s+(?:ke\s+|di\s+)?(?:grup|kanal|channel|saluran)"
            r"|(?:mari\s+)?bergabung\s+(?:di|ke|dengan)\s+(?:grup|kanal|channel|saluran)|simak\s+breaking\s+news"
            # "Bergabung dengan Warta.com dan nikmati ...": an outlet's own sign-up call
            r"|(?:mari\s+)?(?:bergabung|gabung|berlangganan|langganan)\s+(?:di|ke|dengan)\s+[\w-]+\.(?:com|co\.id|id|net)"
            r"|pilih\s+saluran\s+andalanmu|jangan\s+lupa\s+(?:ikuti|follow|subscribe|like|klik)"
            r"|(?:ayo|yuk)\s+(?:ikuti|follow|gabung|subscribe))\b"
            # within the line's first sentence: a paragraph with a prompt glued to its end is text
            # "..., bisa diklik di sini." (a gambling link with the same call is spam, judged later)
            r"|^(?!.*(?:slot|gacor|togel|judi|toto|link\s+alternatif))[^.!?]{0,120}(?:klik|tautan|link)\s*(?:di\s*)?sini\W*$"
            r"|^[^.!?]{0,60}?\b(?:ikuti|follow|gabung|bergabung|klik|simak|dapatkan|pantau)\b.{0,80}"
            r"\b(?:google\s+news|whatsapp\s+channel|saluran\s+whatsapp|channel\s+whatsapp|grup\s+telegram"
            r"|kanal\s+telegram|channel\s+telegram)\b"
            # "Update berita terbaru setiap hari di WhatsApp Channel kami": the call opens the line
            r"|^\W*(?:update|info)\s+(?:berita|informasi|kabar)\b.{0,80}\b(?:whatsapp|telegram|google\s+news)\b"
            # a share or like counter standing alone: "0 SHARE", "17 Shares"
            r"|^\s*\d[\d.,]*\s*[kKrb]{0,2}\s*(?:shares?|likes?|dibagikan)\W*$"
        ),
        max_words=45,
    ),
    Rule(
        "boilerplate",
        _rx(
            r"^[\W_]*(?:copyright|hak\s+cipta|\u00a9|\(c\)\s*\d{4})|\ball\s+rights\s+reserved\b"
            r"|\bhak\s+cipta\s+dilindungi\b"
            # "Artikel ini telah tayang di Warta.com dengan judul ..." closing a syndicated article
            # "... telah tayang di", "... sudah lebih dulu di", "... pertama kali terbit", "... telah naik di"
            r"|^\s*(?:sebagian\s+)?(?:artikel|berita|tulisan|konten)\s+ini\s+(?:(?:telah|sudah|pernah|lebih|dulu"
            r"|dahulu|pertama|kali)\s+)*(?:tayang|terbit|dimuat|diterbitkan|ditayangkan|dipublikasikan|naik|di)\b"
            r"|^\W*disclaimer\s*:"
            # "Dilarang mengambil dan/atau menayangkan ulang ... tanpa seizin redaksi."
            r"|^\W*dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|menayangkan|memperbanyak|menyebarluaskan)"
            r"\b.{0,200}\b(?:se)?izin\b"
            r"|^\s*(?:tags?|topik|kata\s+kunci|keywords?|kategori|label|rubrik)\s*:"
            r"|^[\d\s\u00ab\u00bb<>|\u2039\u203a]*(?:halaman|page)\s*(?:selanjutnya|berikutnya|sebelumnya"
            r"|\d+\s*(?:dari|of)\s*\d+|:?\s*(?:\d+\s*)+)[\W\d]*$"
            r"|^[\d\s\u00ab\u00bb<>|\u2039\u203a]*(?:selanjutnya|sebelumnya|berikutnya|next|prev(?:ious)?)"
            r"[\d\s\u00ab\u00bb<>|\u2039\u203a]*$"
            r"|^\s*(?:\d+\s+)?(?:komentar|tulis\s+komentar|berikan\s+komentar|kirim\s+komentar|comments?)"
            r"\s*(?:\(\d+\))?[\W_]*$"
            r"|^\s*(?:loading|memuat)\W*$"
            # a press release's contact label with its address, phone or nothing after it
            r"|^\W*(?:kontak|contact|narahubung|hubungi|informasi\s+lebih\s+lanjut|info\s+lebih\s+lanjut)"
            r"(?:\s+(?:person|media|kami|us|pers|humas))?\s*:\s*(?:$|.{0,80}?(?:@|https?://|www\.|\+?\d[\d\s().-]{6,}))"
            # an address alone on its line
            r"|^\s*(?:https?://|www\.)\S+\s*$"
            r"|^\s*(?:pilihan\s+redaksi|editor'?s?\s+picks?|terpopuler|trending|berita\s+terkini|terkini"
            r"|populer|most\s+popular)[\W_]*$"
        ),
        max_words=30,
    ),
)

# A call to follow the outlet on another platform, with what marks it as the outlet's own ("kami",
# "lainnya", "terbaru", "di sini"): "Baca artikel menarik lainnya di Google News", "Update terus
# informasi terbaru di WhatsApp Channel kami"; not "... membagikan video itu di WhatsApp".
_PLATFORM = _rx(
    r"\b(?:google\s+news|(?:whatsapp|telegram)\s+channel|(?:channel|saluran|kanal)\s+(?:whatsapp|telegram))\b"
)
_PLATFORM_CALL = _rx(r"\b(?:kami|lain(?:nya)?|terbaru|terkini|terupdate|pilihan|menarik|hanya\s+di|di\s*sini)\b")
PLATFORM_CALL_WORDS = 16
# A note that a machine wrote or helped write the text: "Artikel ini dibuat dengan bantuan AI".
_MACHINE_NOTE = _rx(
    r"^\W*(?:catatan(?:\s+redaksi)?\s*:\s*)?(?:(?:artikel|berita|konten|ringkasan|tulisan|teks)\s+){1,2}ini\s+"
    r"(?:\w+\s+){0,2}?(?:dibuat|ditulis|disusun|dihasilkan|diringkas|dibantu|diterjemahkan)\b"
    r".{0,80}\b(?:ai|kecerdasan\s+buatan|artificial\s+intelligence|mesin)\b"
)
# "Gulir ke bawah untuk melanjutkan membaca": the page's prompt past an advert.
_SCROLL_PROMPT = _rx(r"^\W*(?:gulir|scroll|geser)\s+(?:ke\s+)?bawah\b")
_HASHTAGS = re.compile(r"^\s*(?:#[^\W_][\w-]*[\s,]*)+$")
_LETTER_WORDS = re.compile(r"[^\W\d_]+")
# A page control or widget header is a few words at most ("Muat Lebih Banyak", "Pilihan Untuk Anda").
INTERFACE_LINE_WORDS = 6


def _page_furniture(line: str, words: int) -> str | None:
    """The reason a line is part of the page around the article rather than its text, or None:
    a short unpunctuated line of interface words only, a line of hashtags, a platform call, a
    machine-writing note, a scroll prompt."""
    if words <= INTERFACE_LINE_WORDS and not PROSE_END.search(line.rstrip(".… ") or "."):
        letters = _LETTER_WORDS.findall(line.lower())
        if letters and all(w in INTERFACE_WORDS for w in letters):
            return "boilerplate"
    if _HASHTAGS.match(line):
        return "boilerplate"
    if words <= PLATFORM_CALL_WORDS and _PLATFORM.search(line) and _PLATFORM_CALL.search(line):
        return "share-prompt"
    if words <= 30 and _MACHINE_NOTE.search(line):
        return "boilerplate"
    if words <= 12 and _SCROLL_PROMPT.search(line):
        return "advertisement"
    return None


# Noise inside a line: removed from it, the rest of the line stays.
INLINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "(Baca juga: ...)" and "[Baca juga: ...]" inside a paragraph (kompas.com style)
    ("related-link", _rx(r"\s*\[\s*(?:baca|simak|lihat)(?:\s+(?:juga|pula))?\s*:[^\]]{0,300}\]")),
    ("related-link", _rx(r"\s*\(\s*(?:baca|simak|lihat)(?:\s+(?:juga|pula))?\s*:(?:[^()]|\([^()]*\)){0,300}\)")),
    # "... kata dia. Baca juga: Judul Lain" glued to a paragraph's end
    ("related-link", re.compile(r"(?<=[.!?\"\u201d])\s+(?:BACA JUGA|Baca [Jj]uga|Simak [Jj]uga)\s*:.{0,300}$")),
    # "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT" flattened into a paragraph (upper case only)
    ("advertisement", re.compile(r"\s*\b(?:ADVERTISEMENT|SCROLL TO (?:CONTINUE WITH|RESUME) CONTENT)\b")),
    # "... kata dia.Ikuti WhatsApp Channel Warta" glued to a paragraph's end
    (
        "share-prompt",
        re.compile(
            r"(?<=[.!?\"\u201d\u2019])\s*(?:Ikuti|IKUTI|Follow|Gabung|Simak|Dapatkan|Pantau)\b[^.!?]{0,80}?"
            r"(?i:whatsapp|telegram|google\s+news)\b[^.!?]{0,40}[.!]?\s*$"
        ),
    ),
    # a photo credit "(REUTERS/Kim Kyung-Hoon)" closing a caption or paragraph
    ("photo-credit", re.compile(rf"\s*[\(\[]\s*(?:{_AGENCY_NAMES.upper()})(?:\s+PHOTO)?\s*/[^\)\]]{{1,60}}[\)\]]\s*$")),
    # reporter and editor initials "(den/asa)" closing the last paragraph
    ("byline", re.compile(r"(?<=[.!?\"\u201d])\s*\(\s*[A-Za-z][a-z ]{1,24}(?:/[a-z]{2,8})+\s*\)\s*$")),
    ("byline", re.compile(r"(?<=[.!?\"\u201d])\s*[\(\[]\s*[a-z]{2,5}\s*[\)\]]\s*$")),
)


# A related-link label standing alone: the linked headline(s) follow on the next lines.
BARE_LINK_LABEL = _rx(
    _OPEN + r"(?:(?:baca|simak|lihat)(?:\s+(?:juga|pula))?|(?:berita|artikel)\s+(?:terkait|lainnya))\s*:?\s*$"
)


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def normalize_line(text: str) -> str:
    return " ".join(words_of(text))


def line_noise(line: str) -> str | None:
    """The reason a body line is noise by its own shape, or None (context rules come later)."""
    stripped = line.strip()
    words = len(stripped.split())
    key = normalize_line(stripped)
    if key in AGENCIES:
        return "photo-credit"
    for rule in RULES:
        if words > rule.max_words or (rule.unpunctuated and PROSE_END.search(stripped)):
            continue
        if rule.pattern.search(stripped):
            return rule.reason
    if "|" in stripped and words <= 25 and re.search(r"\b(?:editor|penulis|reporter)\b", stripped, re.IGNORECASE):
        return "byline"
    return _page_furniture(stripped, words)


def remove_inline(line: str) -> tuple[str, list[tuple[str, str]]]:
    """The line without noise embedded in it, and each removed piece with its reason."""
    removed: list[tuple[str, str]] = []
    lowered = line.lower()
    if not (
        "(" in line
        or "[" in line
        or "ADVERTISEMENT" in line
        or "SCROLL TO" in line
        or "juga" in lowered
        or any(app in lowered for app in ("whatsapp", "telegram", "google news"))
    ):
        return line.strip(), removed
    for reason, pattern in INLINE_RULES:
        found = [m.group(0).strip() for m in pattern.finditer(line)]
        if found:
            removed.extend((text, reason) for text in found)
            line = pattern.sub("", line)
    return line.strip(), removed
