"""What the customer search index holds, and how a typed query is turned into a match.

Everything is reduced to space-separated tokens that SQLite's unicode61 tokenizer keeps
as they are, so that prefix queries on tokens give the behaviour users expect:

* each Chinese character is its own token, so a fragment of any length is a phrase
  query ("科技" finds 某某科技有限公司);
* a Chinese name also gets pinyin tokens starting at every character, in full and as
  initials ("zhangsan", "zs", "san", "s"), so `zs`, `zhangs` and `keji` all match as
  prefixes; a leading surname with a special reading (单 shan, 曾 zeng …) is spelled
  both ways;
* the digits of a phone number are stored as all of their suffixes, so a prefix query
  on them finds digits anywhere in the number ("8000" finds 13812348000).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

# Characters whose reading as a surname differs from the everyday reading that
# pypinyin gives out of context.
SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "解": "xie",
    "仇": "qiu",
    "区": "ou",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "覃": "qin",
    "尉": "yu",
    "乐": "yue",
    "缪": "miao",
    "繁": "po",
    "员": "yun",
    "召": "shao",
    "种": "chong",
    "翟": "zhai",
    "谌": "chen",
    "阚": "kan",
    "隗": "wei",
}

# Enough pinyin after a starting character to type a fragment of a long company name.
MAX_PINYIN_SYLLABLES = 12
MIN_PHONE_SUFFIX = 3

_CJK_RANGES = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2EBEF),
)
# Letters and digits of any script; everything else separates words.
_WORD = re.compile(r"[^\W_]+")
# Accents are dropped from Latin letters only (Zoë → zoe); in other scripts a mark can
# change the letter itself (й is not и).
_LAST_LATIN = 0x024F


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _CJK_RANGES)


def fold(text: str) -> str:
    """Full-width to half-width, compatibility forms to plain, lower case, no accents on
    Latin letters."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).lower())
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and ord(kept[-1]) <= _LAST_LATIN:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def text_tokens(text: str) -> list[str]:
    """Words of letters and digits, and each Chinese character on its own."""
    tokens: list[str] = []
    for run in _runs(fold(text)):
        if is_cjk(run[0]):
            tokens.extend(run)
        else:
            tokens.extend(_WORD.findall(run))
    return tokens


def _runs(text: str) -> Iterator[str]:
    """Split into maximal runs of Chinese characters and of everything else."""
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or is_cjk(text[i]) != is_cjk(text[start]):
            if text[start:i]:
                yield text[start:i]
            start = i


def pinyin_syllables(text: str) -> list[str]:
    """The everyday pinyin of the Chinese characters in `text`, read in context."""
    syllables: list[str] = []
    for run in _runs(fold(text)):
        if is_cjk(run[0]):
            syllables.extend(s.lower() for s in lazy_pinyin(run))
    return syllables


def name_readings(name: str) -> list[list[str]]:
    """The ways a name can be read: the everyday one, plus a surname reading if any."""
    everyday = pinyin_syllables(name)
    if not everyday:
        return []
    readings = [everyday]
    first = fold(name).strip()[:1]
    surname = SURNAME_READINGS.get(first)
    if surname and surname != everyday[0]:
        readings.append([surname, *everyday[1:]])
    return readings


def pinyin_tokens(name: str) -> list[str]:
    tokens: list[str] = []
    for index, reading in enumerate(name_readings(name)):
        # A surname reading differs only in the first syllable: only its start is new.
        starts = range(len(reading)) if index == 0 else range(1)
        for start in starts:
            tail = reading[start : start + MAX_PINYIN_SYLLABLES]
            tokens.append("".join(tail))
            tokens.append("".join(s[0] for s in tail))
    return tokens


def sort_key(name: str) -> str:
    """The name spelled for sorting: Chinese runs as full pinyin, other runs as typed,
    then the initials ("abc kejiyouxiangongsi akjyxgs" for ABC科技有限公司)."""
    words: list[str] = []
    initials: list[str] = []
    for run in _runs(fold(name).strip()):
        if is_cjk(run[0]):
            syllables = [s.lower() for s in lazy_pinyin(run)]
            words.append("".join(syllables))
            initials.extend(s[0] for s in syllables)
        else:
            latin = _WORD.findall(run)
            words.extend(latin)
            initials.extend(w[0] for w in latin)
    return f"{' '.join(words)} {''.join(initials)}".strip()


def phone_tokens(phone: str) -> list[str]:
    digits = "".join(ch for ch in fold(phone) if ch.isdigit())
    if len(digits) <= MIN_PHONE_SUFFIX:
        return [digits] if digits else []
    return [digits[i:] for i in range(len(digits) - MIN_PHONE_SUFFIX + 1)]


@dataclass(frozen=True)
class SearchSubject:
    """The searchable facts of one customer."""

    code: str
    names: list[str]  # the customer's name first, then its contacts' names
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    other_words: list[str] = field(default_factory=list)  # WeChat ids …


def search_document(subject: SearchSubject) -> str:
    tokens: list[str] = []
    tokens.extend(text_tokens(subject.code))
    tokens.append(_compact(subject.code))
    for name in subject.names:
        tokens.extend(text_tokens(name))
        tokens.extend(pinyin_tokens(name))
    for phone in subject.phones:
        tokens.extend(phone_tokens(phone))
    for text in (*subject.emails, *subject.other_words):
        tokens.extend(text_tokens(text))
    # No de-duplication: phrase queries rely on the order of the name's characters.
    return " ".join(t for t in tokens if t)


@dataclass(frozen=True)
class Phrase:
    """Tokens that must stand next to each other in a document, in this order."""

    tokens: tuple[str, ...]
    prefix: bool  # the last token may be the start of a longer one


def query_terms(query: str) -> list[list[Phrase]]:
    """Each typed word as the phrases it may match (any of them); all words must match."""
    terms = [_word_phrases(word) for word in query.split()]
    return [term for term in terms if term]


def _word_phrases(word: str) -> list[Phrase]:
    tokens = text_tokens(word)
    if not tokens:
        return []
    phrases = [Phrase(tuple(tokens), prefix=not is_cjk(tokens[-1][0]))]
    if len(tokens) > 1 and not any(is_cjk(ch) for ch in word):
        # "138-1234-8000" or "KH-7Q3F-12": also try it without the separators.
        phrases.append(Phrase((_compact(word),), prefix=True))
    return phrases


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression for the query; None if it has nothing searchable."""
    rendered = [[_fts_phrase(p) for p in term] for term in query_terms(query)]
    parts = [alts[0] if len(alts) == 1 else f"({' OR '.join(alts)})" for alts in rendered]
    return " AND ".join(parts) if parts else None


def _fts_phrase(phrase: Phrase) -> str:
    # Tokens hold only letters and digits, so quoting them is enough to keep anything a
    # user types from being read as FTS5 syntax.
    return f'"{" ".join(phrase.tokens)}"' + (" *" if phrase.prefix else "")


def like_patterns(query: str) -> list[list[str]]:
    """The same query as LIKE patterns over `' ' || document || ' '`, for engines
    without FTS5: each inner list holds the alternatives for one typed word."""
    return [
        [f"% {' '.join(p.tokens)}{'' if p.prefix else ' '}%" for p in term]
        for term in query_terms(query)
    ]


def _compact(text: str) -> str:
    return "".join(_WORD.findall(fold(text)))
