"""Phone numbers, e-mail addresses and WeChat ids as users type them, and what is stored."""

from __future__ import annotations

from datetime import date

import pytest

from crmdesk.domain.contact_details import (
    EMAIL_PROBLEM,
    PHONE_PROBLEM,
    WECHAT_PROBLEM,
    PhoneKind,
    check_birthday,
    check_email,
    check_phone,
    check_wechat,
    normalise_email,
    normalise_wechat,
    parse_phone,
)
from crmdesk.domain.errors import ValidationError
from crmdesk.domain.validation import Problems


@pytest.mark.parametrize(
    ("typed", "stored", "kind"),
    [
        ("13812345678", "13812345678", PhoneKind.MOBILE),
        ("138 1234 5678", "13812345678", PhoneKind.MOBILE),
        ("138-1234-5678", "13812345678", PhoneKind.MOBILE),
        ("+86 138 1234 5678", "13812345678", PhoneKind.MOBILE),
        ("0086-13812345678", "13812345678", PhoneKind.MOBILE),
        ("8613812345678", "13812345678", PhoneKind.MOBILE),
        ("１３８１２３４５６７８", "13812345678", PhoneKind.MOBILE),
        ("010-12345678", "010-12345678", PhoneKind.LANDLINE),
        ("01012345678", "010-12345678", PhoneKind.LANDLINE),
        ("(021)12345678", "021-12345678", PhoneKind.LANDLINE),
        ("（０２１）１２３４ ５６７８", "021-12345678", PhoneKind.LANDLINE),
        ("0755-1234567", "0755-1234567", PhoneKind.LANDLINE),
        ("0755 8888 6666", "0755-88886666", PhoneKind.LANDLINE),
        ("+86 10 1234 5678", "010-12345678", PhoneKind.LANDLINE),
        ("010-12345678转123", "010-12345678-123", PhoneKind.LANDLINE),
        ("010-12345678 ext. 123", "010-12345678-123", PhoneKind.LANDLINE),
        ("0755-1234567-123", "0755-1234567-123", PhoneKind.LANDLINE),
        ("400-820-8820", "400-820-8820", PhoneKind.SERVICE),
        ("+44 20 7946 0958", "+442079460958", PhoneKind.INTERNATIONAL),
        ("+44 (0)20 7946 0958", "+442079460958", PhoneKind.INTERNATIONAL),
        ("0044 20 7946 0958", "+442079460958", PhoneKind.INTERNATIONAL),
        ("+1 (415) 555-2671", "+14155552671", PhoneKind.INTERNATIONAL),
    ],
)
def test_phone_numbers_are_stored_in_one_form(typed: str, stored: str, kind: PhoneKind) -> None:
    phone = parse_phone(typed)
    assert phone is not None
    assert (phone.canonical, phone.kind) == (stored, kind)


@pytest.mark.parametrize(
    "typed",
    [
        "12812345678",  # no mobile network starts with 12
        "1381234567",  # one digit short
        "138123456789",  # one digit too many
        "12345678",  # landline without area code
        "010-1234567",  # Beijing numbers have 8 digits
        "0755-123456",
        "+44 12",  # too short for any country
        "+1234567890123456",  # longer than E.164 allows
        "+44 20 7946 0958 ext 12",  # extensions are kept for Chinese landlines only
        "13812345678 转 12",
        "138-abcd-5678",
        "电话",
        "+",
    ],
)
def test_what_is_not_a_phone_number_is_refused(typed: str) -> None:
    assert parse_phone(typed) is None


def test_a_bad_phone_is_reported_on_its_own_field_with_a_plain_message() -> None:
    problems = Problems()
    assert check_phone(problems, "phone", "123") is None
    assert check_phone(problems, "phone_alt", "+86 138 1234 5678") == "13812345678"
    assert check_phone(problems, "fax", "   ") is None
    with pytest.raises(ValidationError) as refused:
        problems.raise_if_any()
    assert refused.value.problems.keys() == {"phone"}
    assert refused.value.message_for("phone") == PHONE_PROBLEM
    assert "landline with area code (010-12345678)" in PHONE_PROBLEM


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Zhang.San@Example.COM", "zhang.san@example.com"),
        ("  li@qq.com ", "li@qq.com"),
        ("wang＠163.com", "wang@163.com"),
        ("a+b@mail.example.cn", "a+b@mail.example.cn"),
    ],
)
def test_email_is_trimmed_and_lower_cased(typed: str, stored: str) -> None:
    assert normalise_email(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["zhang", "zhang@", "@qq.com", "zhang@qq", "zhang san@qq.com", "a@@qq.com", "a@qq..com"],
)
def test_what_is_not_an_email_is_refused(typed: str) -> None:
    assert normalise_email(typed) is None
    problems = Problems()
    check_email(problems, "email", typed)
    with pytest.raises(ValidationError) as refused:
        problems.raise_if_any()
    assert refused.value.message_for("email") == EMAIL_PROBLEM


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("wxid_zhang-3", "wxid_zhang-3"),
        (" ZhangSan88 ", "ZhangSan88"),
        ("138 1234 5678", "13812345678"),
    ],
)
def test_wechat_accepts_ids_and_mobile_numbers(typed: str, stored: str) -> None:
    assert normalise_wechat(typed) == stored


@pytest.mark.parametrize("typed", ["abc", "8zhangsan", "zhang san", "a" * 21, "010-12345678"])
def test_what_is_not_a_wechat_id_is_refused(typed: str) -> None:
    problems = Problems()
    assert check_wechat(problems, "wechat", typed) is None
    with pytest.raises(ValidationError) as refused:
        problems.raise_if_any()
    assert refused.value.message_for("wechat") == WECHAT_PROBLEM


@pytest.mark.parametrize(
    ("birthday", "accepted"),
    [
        (date(1900, 1, 1), True),
        (date(2024, 6, 1), True),
        (date(1899, 12, 31), False),
        (date(2024, 6, 2), False),
    ],
)
def test_birthdays_lie_between_1900_and_today(birthday: date, accepted: bool) -> None:
    problems = Problems()
    check_birthday(problems, "birthday", birthday, today=date(2024, 6, 1))
    if accepted:
        problems.raise_if_any()
    else:
        with pytest.raises(ValidationError, match="birthday"):
            problems.raise_if_any()
