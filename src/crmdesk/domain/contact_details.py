"""Phone numbers, e-mail addresses and WeChat ids: cleaned to one stored form, or refused.

Stored (canonical) forms, whatever the user typed:

* Chinese mobile: the 11 digits, ``13812345678`` (from ``+86 138-1234-5678``,
  ``0086 13812345678``, full-width digits …);
* Chinese landline: area code with its leading 0, a dash, the local number, and a dash
  before an extension if there is one: ``010-12345678``, ``0755-1234567-123`` (from
  ``(010)12345678``, ``+86 10 1234 5678``, ``0755 1234567 转123`` …);
* Chinese nationwide service numbers: ``400-123-4567``, ``800-123-4567``;
* any other country: ``+`` and the E.164 digits, ``+442079460958`` (from
  ``+44 20 7946 0958`` or ``0044 20 7946 0958``); extensions are not kept for these;
* e-mail: trimmed and lower-cased;
* WeChat: an id as typed (6–20 letters, digits, ``_`` or ``-``, starting with a letter),
  or a mobile number, which WeChat also finds people by, in its mobile form.

Birthdays of customers and contacts are checked here too.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from crmdesk.domain.errors import problem_template
from crmdesk.domain.validation import Problems

PHONE_PROBLEM = problem_template(
    "Not a valid phone number. Use a mobile number (11 digits), a landline with area code "
    "(010-12345678) or an international number starting with +."
)
EMAIL_PROBLEM = problem_template(
    "Not a valid e-mail address. It should look like name@example.com."
)
WECHAT_PROBLEM = problem_template(
    "Not a valid WeChat id. Use 6 to 20 letters, digits, _ or -, starting with a letter, "
    "or a mobile number."
)
EMAIL_MAX_LENGTH = 200
EARLIEST_BIRTHDAY = date(1900, 1, 1)

_MOBILE = re.compile(r"1[3-9]\d{9}")
_SERVICE = re.compile(r"[48]00\d{7}")
# Beijing (010) and the 02x cities have 8-digit local numbers; the other area codes
# have four digits and 7- or 8-digit local numbers.
_LANDLINE = re.compile(
    r"(?P<area>010|02\d)(?P<local>[1-9]\d{7})|(?P<area4>0[3-9]\d\d)(?P<local4>[1-9]\d{6,7})"
)
_EXTENSION_WORD = re.compile(r"\s*(?:转|分机|ext\.?|x|#)\s*(?P<ext>\d{1,6})$", re.IGNORECASE)
_PHONE_CHARACTERS = re.compile(r"\+?[\d\s\-–—.()/]+")
_GROUP = re.compile(r"\d+")
_INTERNATIONAL_PREFIX = re.compile(r"^(?:\+|00)")
_CHINA = "86"
_E164_DIGITS = range(8, 16)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_WECHAT_ID = re.compile(r"[a-zA-Z][-_a-zA-Z0-9]{5,19}")


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    LANDLINE = "landline"
    SERVICE = "service"  # 400/800 numbers
    INTERNATIONAL = "international"


@dataclass(frozen=True)
class PhoneNumber:
    canonical: str
    kind: PhoneKind


def parse_phone(text: str) -> PhoneNumber | None:
    """The stored form of a phone number, or None when it is not one."""
    folded = unicodedata.normalize("NFKC", text).strip()
    extension: str | None = None
    word = _EXTENSION_WORD.search(folded)
    if word:
        extension = word.group("ext")
        folded = folded[: word.start()]
    if not _PHONE_CHARACTERS.fullmatch(folded):
        return None
    if _INTERNATIONAL_PREFIX.match(folded):
        return _from_international(folded, extension)
    groups = _GROUP.findall(folded)
    digits = "".join(groups)
    if len(digits) == 13 and digits.startswith(_CHINA) and _MOBILE.fullmatch(digits[2:]):
        return PhoneNumber(digits[2:], PhoneKind.MOBILE)
    return _domestic(digits, groups, extension)


def normalise_phone(text: str) -> str | None:
    """The stored form of a phone number, or None."""
    phone = parse_phone(text)
    return phone.canonical if phone else None


def _from_international(folded: str, extension: str | None) -> PhoneNumber | None:
    # "+44 (0)20 …": the bracketed trunk 0 is dialled only from inside the country.
    groups = _GROUP.findall(folded.replace("(0)", ""))
    digits = "".join(groups).removeprefix("00")
    if not digits.startswith(_CHINA):
        return _international(digits) if extension is None else None
    domestic = digits.removeprefix(_CHINA)
    # "+86 10 12345678" drops the trunk 0 that the domestic form of a landline keeps.
    return _domestic(domestic, [domestic], extension) or _domestic(
        "0" + domestic, [domestic], extension
    )


def _domestic(digits: str, groups: list[str], extension: str | None) -> PhoneNumber | None:
    if extension is None:
        if _MOBILE.fullmatch(digits):
            return PhoneNumber(digits, PhoneKind.MOBILE)
        if _SERVICE.fullmatch(digits):
            return PhoneNumber(f"{digits[:3]}-{digits[3:6]}-{digits[6:]}", PhoneKind.SERVICE)
    landline = _landline(digits, extension)
    if landline is None and extension is None and len(groups) > 2 and len(groups[-1]) <= 6:
        # "0755-1234567-123": a last group that does not fit the number is its extension.
        landline = _landline(digits.removesuffix(groups[-1]), groups[-1])
    return landline


def _landline(digits: str, extension: str | None) -> PhoneNumber | None:
    match = _LANDLINE.fullmatch(digits)
    if match is None:
        return None
    area = match.group("area") or match.group("area4")
    canonical = f"{area}-{match.group('local') or match.group('local4')}"
    if extension:
        canonical = f"{canonical}-{extension}"
    return PhoneNumber(canonical, PhoneKind.LANDLINE)


def _international(digits: str) -> PhoneNumber | None:
    if len(digits) not in _E164_DIGITS or digits.startswith("0"):
        return None
    return PhoneNumber(f"+{digits}", PhoneKind.INTERNATIONAL)


def normalise_email(text: str) -> str | None:
    """The stored form of an e-mail address, or None when it does not look like one."""
    address = unicodedata.normalize("NFKC", text).strip().lower()
    if len(address) > EMAIL_MAX_LENGTH or not _EMAIL.fullmatch(address) or ".." in address:
        return None
    return address


def normalise_wechat(text: str) -> str | None:
    """The stored form of a WeChat id (or the mobile number standing for one), or None."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if _WECHAT_ID.fullmatch(folded):
        return folded
    phone = parse_phone(folded)
    return phone.canonical if phone and phone.kind is PhoneKind.MOBILE else None


def check_phone(problems: Problems, field_name: str, value: str | None) -> str | None:
    """The stored form of an optional phone number; blank gives None, bad input a problem."""
    return _check(problems, field_name, value, normalise_phone, PHONE_PROBLEM)


def check_email(problems: Problems, field_name: str, value: str | None) -> str | None:
    return _check(problems, field_name, value, normalise_email, EMAIL_PROBLEM)


def check_wechat(problems: Problems, field_name: str, value: str | None) -> str | None:
    return _check(problems, field_name, value, normalise_wechat, WECHAT_PROBLEM)


def _check(
    problems: Problems,
    field_name: str,
    value: str | None,
    normalise: Callable[[str], str | None],
    template: str,
) -> str | None:
    if not (value or "").strip():
        return None
    cleaned = normalise(value or "")
    if cleaned is None:
        problems.add(field_name, template)
    return cleaned


def check_birthday(problems: Problems, field_name: str, value: date | None, today: date) -> None:
    """A birthday is not in the future and not before 1900 (a typo, not a customer)."""
    problems.date_in_range(field_name, value, earliest=EARLIEST_BIRTHDAY, latest=today)
