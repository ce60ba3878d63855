"""Every stored enumeration value has an English and a Chinese name, and either name (or
the stored value) reads back as that value, as an imported cell would hold it."""

from __future__ import annotations

from enum import StrEnum

import pytest

from crmdesk.domain import enums
from crmdesk.domain.enums import (
    ComplaintSeverity,
    CustomerLevel,
    LifecycleStage,
    PointsReason,
    SourceChannel,
)
from crmdesk.domain.labels import Language, label, labels_of, parse_label

ALL_ENUMS = [
    value
    for value in vars(enums).values()
    if isinstance(value, type) and issubclass(value, StrEnum) and value is not StrEnum
]


@pytest.mark.parametrize("enum", ALL_ENUMS, ids=lambda enum: enum.__name__)
def test_every_value_has_distinct_names_that_read_back(enum: type[StrEnum]) -> None:
    for language in Language:
        names = [name for _member, name in labels_of(enum, language)]
        assert len(set(names)) == len(names), f"{enum.__name__} has two values named alike"
        for member, name in labels_of(enum, language):
            assert parse_label(enum, name) is member
    for member in enum:
        assert parse_label(enum, member.value) is member


def test_chinese_names_are_chinese() -> None:
    assert label(LifecycleStage.DECLINE, Language.CHINESE) == "退化期"
    assert label(LifecycleStage.DECLINE, Language.ENGLISH) == "Decline"


def test_reading_ignores_case_width_and_spacing() -> None:
    assert parse_label(SourceChannel, "Cold Call") is SourceChannel.COLD_CALL
    assert parse_label(SourceChannel, "cold_call") is SourceChannel.COLD_CALL
    assert parse_label(CustomerLevel, "ＶＩＰ") is CustomerLevel.VIP
    assert parse_label(ComplaintSeverity, " 紧急 ") is ComplaintSeverity.CRITICAL


def test_unknown_names_read_as_nothing() -> None:
    assert parse_label(LifecycleStage, "成熟期") is None
    assert parse_label(LifecycleStage, "") is None


def test_values_shared_by_two_enumerations_keep_their_own_names() -> None:
    assert label(SourceChannel.REFERRAL, Language.CHINESE) == "客户推荐"
    assert label(PointsReason.REFERRAL, Language.CHINESE) == "推荐奖励"
    assert parse_label(SourceChannel, "客户推荐") is SourceChannel.REFERRAL
