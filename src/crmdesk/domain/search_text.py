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

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from pypinyin import Style
from pypinyin.converter import UltimateConverter
from pypinyin.core import Pinyin

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

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef"
_CJK_CHAR = re.compile(f"[{_CJK}]")
# Maximal runs of Chinese characters and of everything else, in order.
_RUN = re.compile(f"[{_CJK}]+|[^{_CJK}]+")
# Letters and digits of any script; everything else separates words.
_WORD = re.compile(r"[^\W_]+")
# Accents are dropped from Latin letters only (Zoë → zoe); in other scripts a mark can
# change the letter itself (й is not и).
_LAST_LATIN = 0x024F


# Names spelled lately: a bulk write asks for a name's sort key and then for its search
# document, and both come from one spelling.
_SPELLED_NAMES = 1024
# Words read into pinyin so far. Reading a word is the slow part of spelling a name, and
# names share their surnames, places and trade words; pypinyin's dictionary bounds it.
_READ_WORDS = 1 << 16
# What pypinyin does with characters it has no reading for.
_Errors = Callable[[str], str] | str


def is_cjk(char: str) -> bool:
    return _CJK_CHAR.match(char) is not None


def fold(text: str) -> str:
    """Full-width to half-width, compatibility forms to plain, lower case, no accents on
    Latin letters."""
    if text.isascii():
        return text.lower()  # what the normal forms below leave of ASCII
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).lower())
    if not any(map(unicodedata.combining, decomposed)):
        return unicodedata.normalize("NFC", decomposed)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and ord(kept[-1]) <= _LAST_LATIN:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def text_tokens(text: str) -> list[str]:
    """Words of letters and digits, and each Chinese character on its own."""
    tokens: list[str] = []
    for run in _RUN.findall(fold(text)):
        if is_cjk(run[0]):
            tokens.extend(run)
        else:
            tokens.extend(_WORD.findall(run))
    return tokens


class _RememberingConverter(UltimateConverter):
    """The converter `pypinyin.lazy_pinyin` uses, remembering what each word reads as."""

    def convert(
        self,
        words: str,
        style: Style,
        heteronym: bool,
        errors: _Errors,
        strict: bool = True,
        **kwargs: Any,
    ) -> list[list[str]]:
        if kwargs:
            return super().convert(words, style, heteronym, errors, strict, **kwargs)
        return self._read(words, style, heteronym, errors, strict)

    @functools.lru_cache(maxsize=_READ_WORDS)  # noqa: B019 - one converter lives forever
    def _read(
        self, words: str, style: Style, heteronym: bool, errors: _Errors, strict: bool
    ) -> list[list[str]]:
        # The lists handed out are shared: pypinyin only reads them.
        return super().convert(words, style, heteronym, errors, strict)


_PINYIN = Pinyin(_RememberingConverter())


def _read_run(run: str) -> list[str]:
    """The everyday pinyin of a run of Chinese characters, read in context."""
    return [s.lower() for s in _PINYIN.lazy_pinyin(run)]


def pinyin_syllables(text: str) -> list[str]:
    """The everyday pinyin of the Chinese characters in `text`, read in context."""
    syllables: list[str] = []
    for run in _RUN.findall(fold(text)):
        if is_cjk(run[0]):
            syllables.extend(_read_run(run))
    return syllables


def name_readings(name: str) -> list[list[str]]:
    """The ways a name can be read: the everyday one, plus a surname reading if any."""
    return _readings(fold(name), pinyin_syllables(name))


def _readings(folded: str, everyday: list[str]) -> list[list[str]]:
    if not everyday:
        return []
    readings = [everyday]
    surname = SURNAME_READINGS.get(folded.strip()[:1])
    if surname and surname != everyday[0]:
        readings.append([surname, *everyday[1:]])
    return readings


def pinyin_tokens(name: str) -> list[str]:
    return _pinyin_tokens(name_readings(name))


def _pinyin_tokens(readings: list[list[str]]) -> list[str]:
    tokens: list[str] = []
    for index, reading in enumerate(readings):
        # Each token is a slice of the whole spelling (and of the initials) from a start
        # syllable to at most MAX_PINYIN_SYLLABLES later.
        spelled = "".join(reading)
        initials = "".join(s[0] for s in reading)
        ends = list(accumulate(map(len, reading), initial=0))
        # A surname reading differs only in the first syllable: only its start is new.
        starts = range(len(reading)) if index == 0 else range(1)
        for start in starts:
            stop = min(start + MAX_PINYIN_SYLLABLES, len(reading))
            tokens.append(spelled[ends[start] : ends[stop]])
            tokens.append(initials[start:stop])
    return tokens


@dataclass(frozen=True, slots=True)
class SpelledName:
    """A name as a search document holds it and as the customer list sorts it."""

    tokens: tuple[str, ...]  # text_tokens(name) then pinyin_tokens(name)
    sort_key: str


@functools.lru_cache(maxsize=_SPELLED_NAMES)
def spell_name(name: str) -> SpelledName:
    """The tokens and sort key of a name, from one reading of its pinyin."""
    folded = fold(name)
    tokens: list[str] = []
    syllables: list[str] = []
    words: list[str] = []
    initials: list[str] = []
    for run in _RUN.findall(folded):
        if is_cjk(run[0]):
            tokens.extend(run)
            read = _read_run(run)
            syllables.extend(read)
            words.append("".join(read))
            initials.extend(s[0] for s in read)
        else:
            latin = _WORD.findall(run)
            tokens.extend(latin)
            words.extend(latin)
            initials.extend(w[0] for w in latin)
    tokens.extend(_pinyin_tokens(_readings(folded, syllables)))
    return SpelledName(tuple(tokens), f"{' '.join(words)} {''.join(initials)}".strip())


def sort_key(name: str) -> str:
    """The name spelled for sorting: Chinese runs as full pinyin, other runs as typed,
    then the initials ("abc kejiyouxiangongsi akjyxgs" for ABC科技有限公司)."""
    return spell_name(name).sort_key


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
        tokens.extend(spell_name(name).tokens)
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
