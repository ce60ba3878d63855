"""Enumerations, stored by their stable English value; the UI translates the labels."""

from enum import StrEnum


class CustomerKind(StrEnum):
    COMPANY = "company"
    PERSON = "person"


class CustomerLevel(StrEnum):
    VIP = "vip"
    KEY = "key"
    NORMAL = "normal"
    POTENTIAL = "potential"


class LifecycleStage(StrEnum):
    """考察期 → 形成期 → 稳定期 → 退化期 → 流失."""

    EXPLORATION = "exploration"
    FORMATION = "formation"
    STABILITY = "stability"
    DECLINE = "decline"
    LOST = "lost"


class SourceChannel(StrEnum):
    REFERRAL = "referral"
    EXHIBITION = "exhibition"
    WEBSITE = "website"
    COLD_CALL = "cold_call"
    ADVERTISING = "advertising"
    SOCIAL_MEDIA = "social_media"
    WALK_IN = "walk_in"
    PARTNER = "partner"
    OTHER = "other"


class InteractionKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    WECHAT = "wechat"
    EMAIL = "email"
    MEETING = "meeting"
    OTHER = "other"


class FollowUpKind(StrEnum):
    CALLBACK = "callback"  # 回访
    VISIT = "visit"
    CARE = "care"  # 客户关怀: birthdays, holidays
    RESCUE = "rescue"  # 挽救: a declining relationship
    OTHER = "other"


class FollowUpStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class ComplaintStatus(StrEnum):
    NEW = "new"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"


class ComplaintSeverity(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"


class ComplaintCategory(StrEnum):
    PRODUCT_QUALITY = "product_quality"
    DELIVERY = "delivery"
    SERVICE = "service"
    BILLING = "billing"
    OTHER = "other"


class OrderStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"
    CANCELLED = "cancelled"


class SurveyKind(StrEnum):
    CSAT = "csat"  # 1–5
    NPS = "nps"  # 0–10


class PointsReason(StrEnum):
    PURCHASE = "purchase"
    REFERRAL = "referral"
    ADJUSTMENT = "adjustment"
    REDEMPTION = "redemption"
    EXPIRY = "expiry"


class ValueSegment(StrEnum):
    """The eight RFM value segments (DESIGN.md §7): each axis above or below the mean."""

    IMPORTANT_VALUE = "important_value"  # R↑ F↑ M↑
    IMPORTANT_DEVELOP = "important_develop"  # R↑ F↓ M↑
    IMPORTANT_KEEP = "important_keep"  # R↓ F↑ M↑
    IMPORTANT_RETAIN = "important_retain"  # R↓ F↓ M↑
    GENERAL_VALUE = "general_value"  # R↑ F↑ M↓
    GENERAL_DEVELOP = "general_develop"  # R↑ F↓ M↓
    GENERAL_KEEP = "general_keep"  # R↓ F↑ M↓
    GENERAL_RETAIN = "general_retain"  # R↓ F↓ M↓


class Grade(StrEnum):
    """The scorecard's letter: A from 80 points, B from 60, C from 40, D below."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"


class ScoreComponent(StrEnum):
    PURCHASE_POWER = "purchase_power"
    PAYMENT_TIMELINESS = "payment_timeliness"
    COMPLAINT_RATE = "complaint_rate"
    SERVICE_COST = "service_cost"
    LOYALTY = "loyalty"


class ReferenceDateMode(StrEnum):
    """Which day the RFM window ends on."""

    TODAY = "today"
    CHOSEN = "chosen"  # a date the user picked
    LAST_ORDER = "last_order"  # the last order in the data, for an imported history
