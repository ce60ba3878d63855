"""What every stored enumeration value is called, in English and in Simplified Chinese.

One table serves the window, the Excel templates, imports (a cell may hold either label
or the stored value) and exports, with or without Qt; this is why these labels live here
and not in the Qt translation files.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import TypeVar

from crmdesk.domain.enums import (
    ComplaintCategory,
    ComplaintSeverity,
    ComplaintStatus,
    CustomerKind,
    CustomerLevel,
    FollowUpKind,
    FollowUpStatus,
    Grade,
    InteractionKind,
    LifecycleStage,
    OrderStatus,
    PointsReason,
    ReferenceDateMode,
    ScoreComponent,
    SourceChannel,
    SurveyKind,
    ValueSegment,
)
from crmdesk.domain.loyalty import CouponStatus
from crmdesk.domain.search_text import fold

E = TypeVar("E", bound=StrEnum)


class Language(StrEnum):
    ENGLISH = "en"
    CHINESE = "zh_CN"


# (English, 中文) for each value.
# Keyed by type and value: members of different enumerations may share a value
# (SourceChannel.REFERRAL and PointsReason.REFERRAL are both "referral") and StrEnum
# members equal to the same string hash alike.
_LABELS: Mapping[tuple[type[StrEnum], str], tuple[str, str]] = MappingProxyType(
    {
        (CustomerKind, CustomerKind.COMPANY): ("Company", "企业"),
        (CustomerKind, CustomerKind.PERSON): ("Person", "个人"),
        (CustomerLevel, CustomerLevel.VIP): ("VIP", "VIP客户"),
        (CustomerLevel, CustomerLevel.KEY): ("Key", "重点客户"),
        (CustomerLevel, CustomerLevel.NORMAL): ("Normal", "普通客户"),
        (CustomerLevel, CustomerLevel.POTENTIAL): ("Potential", "潜在客户"),
        (LifecycleStage, LifecycleStage.EXPLORATION): ("Exploration", "考察期"),
        (LifecycleStage, LifecycleStage.FORMATION): ("Formation", "形成期"),
        (LifecycleStage, LifecycleStage.STABILITY): ("Stability", "稳定期"),
        (LifecycleStage, LifecycleStage.DECLINE): ("Decline", "退化期"),
        (LifecycleStage, LifecycleStage.LOST): ("Lost", "流失"),
        (SourceChannel, SourceChannel.REFERRAL): ("Referral", "客户推荐"),
        (SourceChannel, SourceChannel.EXHIBITION): ("Exhibition", "展会"),
        (SourceChannel, SourceChannel.WEBSITE): ("Website", "网站"),
        (SourceChannel, SourceChannel.COLD_CALL): ("Cold call", "电话开发"),
        (SourceChannel, SourceChannel.ADVERTISING): ("Advertising", "广告"),
        (SourceChannel, SourceChannel.SOCIAL_MEDIA): ("Social media", "社交媒体"),
        (SourceChannel, SourceChannel.WALK_IN): ("Walk-in", "上门"),
        (SourceChannel, SourceChannel.PARTNER): ("Partner", "合作伙伴"),
        (SourceChannel, SourceChannel.OTHER): ("Other", "其他"),
        (InteractionKind, InteractionKind.CALL): ("Call", "电话"),
        (InteractionKind, InteractionKind.VISIT): ("Visit", "拜访"),
        (InteractionKind, InteractionKind.WECHAT): ("WeChat", "微信"),
        (InteractionKind, InteractionKind.EMAIL): ("E-mail", "邮件"),
        (InteractionKind, InteractionKind.MEETING): ("Meeting", "会议"),
        (InteractionKind, InteractionKind.OTHER): ("Other", "其他"),
        (FollowUpKind, FollowUpKind.CALLBACK): ("Callback", "回访"),
        (FollowUpKind, FollowUpKind.VISIT): ("Visit", "拜访"),
        (FollowUpKind, FollowUpKind.CARE): ("Care", "关怀"),
        (FollowUpKind, FollowUpKind.RESCUE): ("Rescue", "挽救回访"),
        (FollowUpKind, FollowUpKind.OTHER): ("Other", "其他"),
        (FollowUpStatus, FollowUpStatus.PLANNED): ("Planned", "待跟进"),
        (FollowUpStatus, FollowUpStatus.DONE): ("Done", "已完成"),
        (FollowUpStatus, FollowUpStatus.CANCELLED): ("Cancelled", "已取消"),
        (ComplaintStatus, ComplaintStatus.NEW): ("New", "新投诉"),
        (ComplaintStatus, ComplaintStatus.ACKNOWLEDGED): ("Acknowledged", "已受理"),
        (ComplaintStatus, ComplaintStatus.IN_PROGRESS): ("In progress", "处理中"),
        (ComplaintStatus, ComplaintStatus.RESOLVED): ("Resolved", "已解决"),
        (ComplaintStatus, ComplaintStatus.CLOSED): ("Closed", "已关闭"),
        (ComplaintSeverity, ComplaintSeverity.LOW): ("Low", "低"),
        (ComplaintSeverity, ComplaintSeverity.MEDIUM): ("Medium", "中"),
        (ComplaintSeverity, ComplaintSeverity.HIGH): ("High", "高"),
        (ComplaintSeverity, ComplaintSeverity.CRITICAL): ("Critical", "紧急"),
        (ComplaintCategory, ComplaintCategory.PRODUCT_QUALITY): ("Product quality", "产品质量"),
        (ComplaintCategory, ComplaintCategory.DELIVERY): ("Delivery", "物流配送"),
        (ComplaintCategory, ComplaintCategory.SERVICE): ("Service", "服务态度"),
        (ComplaintCategory, ComplaintCategory.BILLING): ("Billing", "账务结算"),
        (ComplaintCategory, ComplaintCategory.OTHER): ("Other", "其他"),
        (OrderStatus, OrderStatus.OPEN): ("Open", "未付款"),
        (OrderStatus, OrderStatus.PAID): ("Paid", "已付款"),
        (OrderStatus, OrderStatus.CANCELLED): ("Cancelled", "已取消"),
        (SurveyKind, SurveyKind.CSAT): ("Satisfaction (CSAT)", "满意度（CSAT）"),
        (SurveyKind, SurveyKind.NPS): ("Recommendation (NPS)", "推荐度（NPS）"),
        (PointsReason, PointsReason.PURCHASE): ("Purchase", "消费积分"),
        (PointsReason, PointsReason.REFERRAL): ("Referral", "推荐奖励"),
        (PointsReason, PointsReason.ADJUSTMENT): ("Adjustment", "手工调整"),
        (PointsReason, PointsReason.REDEMPTION): ("Redemption", "积分兑换"),
        (PointsReason, PointsReason.EXPIRY): ("Expiry", "积分过期"),
        (ValueSegment, ValueSegment.IMPORTANT_VALUE): ("High value", "重要价值客户"),
        (ValueSegment, ValueSegment.IMPORTANT_DEVELOP): ("High value to develop", "重要发展客户"),
        (ValueSegment, ValueSegment.IMPORTANT_KEEP): ("High value to keep", "重要保持客户"),
        (ValueSegment, ValueSegment.IMPORTANT_RETAIN): ("High value to win back", "重要挽留客户"),
        (ValueSegment, ValueSegment.GENERAL_VALUE): ("Regular value", "一般价值客户"),
        (ValueSegment, ValueSegment.GENERAL_DEVELOP): ("Regular to develop", "一般发展客户"),
        (ValueSegment, ValueSegment.GENERAL_KEEP): ("Regular to keep", "一般保持客户"),
        (ValueSegment, ValueSegment.GENERAL_RETAIN): ("Regular to win back", "一般挽留客户"),
        (Grade, Grade.A): ("A", "A"),
        (Grade, Grade.B): ("B", "B"),
        (Grade, Grade.C): ("C", "C"),
        (Grade, Grade.D): ("D", "D"),
        (ScoreComponent, ScoreComponent.PURCHASE_POWER): ("Purchase power", "购买力"),
        (ScoreComponent, ScoreComponent.PAYMENT_TIMELINESS): ("Payment timeliness", "回款及时性"),
        (ScoreComponent, ScoreComponent.COMPLAINT_RATE): ("Complaint rate", "投诉率"),
        (ScoreComponent, ScoreComponent.SERVICE_COST): ("Service cost", "服务成本"),
        (ScoreComponent, ScoreComponent.LOYALTY): ("Loyalty", "忠诚度"),
        (ReferenceDateMode, ReferenceDateMode.TODAY): ("Today", "今天"),
        (ReferenceDateMode, ReferenceDateMode.CHOSEN): ("A date I choose", "指定日期"),
        (ReferenceDateMode, ReferenceDateMode.LAST_ORDER): (
            "The last order in the data",
            "数据中最后一笔订单",
        ),
        (CouponStatus, CouponStatus.ACTIVE): ("Active", "可使用"),
        (CouponStatus, CouponStatus.REDEEMED): ("Redeemed", "已使用"),
        (CouponStatus, CouponStatus.EXPIRED): ("Expired", "已过期"),
    }
)


def label(value: StrEnum, language: Language) -> str:
    """The name of `value` in `language`."""
    english, chinese = _LABELS[(type(value), value)]
    return chinese if language is Language.CHINESE else english


def labels_of(enum: type[E], language: Language) -> list[tuple[E, str]]:
    """Every value of `enum` with its name, in declaration order (for drop-down lists)."""
    return [(member, label(member, language)) for member in enum]


def parse_label(enum: type[E], text: str) -> E | None:
    """The value of `enum` that `text` names: its stored value or its English or Chinese
    label, ignoring case, spacing and width; None when it names none of them."""
    wanted = _folded(text)
    for member in enum:
        english, chinese = _LABELS[(enum, member)]
        if wanted in (_folded(member.value), _folded(english), _folded(chinese)):
            return member
    return None


def _folded(text: str) -> str:
    return "".join(fold(text).replace("_", " ").split())
