"""Record a customer's answer to a satisfaction survey: CSAT (1–5) or NPS (0–10), when it
was given, a comment, and the closed complaint it followed, if any."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.domain.complaints import ComplaintRecord
from crmdesk.domain.enums import SurveyKind
from crmdesk.domain.errors import Problem
from crmdesk.domain.surveys import SCORE_RANGES, SurveyDraft
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.saving_dialog import SavingDialog, run_dialog
from crmdesk.ui.widgets.choice_combos import EnumCombo
from crmdesk.ui.widgets.questions import ask_yes_no

COMMENT_HEIGHT = 80
SCORE_BUTTON_WIDTH = 34
# The chosen score must stand out at a glance, whatever the style draws for "checked".
CHOSEN_STYLE = "QPushButton:checked { background: #1565c0; color: white; font-weight: bold; }"


class ScorePicker(QWidget):
    """One button per score of the chosen kind's scale, and what its two ends mean."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[int, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(2)
        for score in SCORE_RANGES[SurveyKind.NPS]:  # the wider scale holds every score
            button = QPushButton(str(score))
            button.setCheckable(True)
            button.setFixedWidth(SCORE_BUTTON_WIDTH)
            button.setStyleSheet(CHOSEN_STYLE)
            self.group.addButton(button, score)
            self.buttons[score] = button
            row.addWidget(button)
        row.addStretch(1)
        self.scale = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.scale)
        self.set_kind(SurveyKind.CSAT)

    def set_kind(self, kind: SurveyKind) -> None:
        """Offer the scores of `kind`; a chosen score outside its scale is forgotten."""
        scores = SCORE_RANGES[kind]
        chosen = self.score()
        if chosen is not None and chosen not in scores:
            self.group.setExclusive(False)
            self.buttons[chosen].setChecked(False)
            self.group.setExclusive(True)
        for score, button in self.buttons.items():
            button.setVisible(score in scores)
        if kind is SurveyKind.CSAT:
            self.scale.setText(self.tr("1 = very dissatisfied, 5 = very satisfied"))
        else:
            self.scale.setText(
                self.tr("How likely to recommend us: 0 = not at all, 10 = extremely likely")
            )

    def score(self) -> int | None:
        chosen = self.group.checkedId()
        return None if chosen < 0 else chosen

    def set_score(self, score: int) -> None:
        self.buttons[score].setChecked(True)


class SurveyDialog(SavingDialog):
    def __init__(
        self,
        context: UiContext,
        customer_id: uuid.UUID,
        parent: QWidget | None = None,
        *,
        complaint: ComplaintRecord | None = None,
    ) -> None:
        super().__init__(context, parent)
        self._customer_id = customer_id
        self._complaint = complaint
        self.setWindowTitle(self.tr("Record a satisfaction survey"))
        self.kind = EnumCombo(SurveyKind)
        self.score = ScorePicker()
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.responded_at = QDateTimeEdit()
        self.responded_at.setCalendarPopup(True)
        now = context.workspace.clock().astimezone()
        self.responded_at.setDateTime(
            QDateTime(now.year, now.month, now.day, now.hour, now.minute, 0)
        )
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(COMMENT_HEIGHT)
        self.comment.setPlaceholderText(self.tr("What the customer said, in their words"))
        self.add_field(self.tr("Question"), "kind", self.kind)
        self.add_field(self.tr("Score"), "score", self.score)
        self.add_field(self.tr("Answered"), "responded_at", self.responded_at)
        if complaint is not None:
            linked = QLabel(
                self.tr("{number} · {title}").format(number=complaint.number, title=complaint.title)
            )
            linked.setWordWrap(True)
            self.add_field(self.tr("After complaint"), "complaint_id", linked)
            if complaint.satisfaction is not None:
                self.score.set_score(complaint.satisfaction)
        self.add_field(self.tr("Comment"), "comment", self.comment)
        self.setMinimumWidth(500)

    def save(self) -> None:
        score = self.score.score()
        if score is None:
            self.refuse({"score": Problem("Choose the customer's score.")})
            return
        chosen = self.responded_at.dateTime()
        day, time = chosen.date(), chosen.time()
        local = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        draft = SurveyDraft(
            customer_id=self._customer_id,
            kind=self.kind.current_value() or SurveyKind.CSAT,
            score=score,
            # The edit shows the computer's local time; stored instants are UTC.
            responded_at=local.astimezone().astimezone(UTC),
            comment=self.comment.toPlainText() or None,
            complaint_id=self._complaint.id if self._complaint is not None else None,
        )
        surveys = self.context.workspace.surveys
        self.write(
            lambda: surveys.record(draft),
            Change.of(Topic.SURVEYS, customers=[self._customer_id]),
        )

    def _kind_changed(self) -> None:
        self.score.set_kind(self.kind.current_value() or SurveyKind.CSAT)


def record_survey(
    context: UiContext,
    parent: QWidget | None,
    customer_id: uuid.UUID,
    *,
    complaint: ComplaintRecord | None = None,
) -> bool:
    """Ask for the customer's answer and record it; True when it was saved."""
    return run_dialog(SurveyDialog(context, customer_id, parent, complaint=complaint))


def ask_to_record_satisfaction(parent: QWidget, complaint_number: str) -> bool:
    """Whether to record the customer's satisfaction with how a complaint was handled,
    now that it is closed (tests replace this function to answer it)."""
    return ask_yes_no(
        parent,
        QCoreApplication.translate("SurveyDialog", "Satisfaction survey"),
        QCoreApplication.translate(
            "SurveyDialog",
            "Complaint {number} is closed. Record the customer's satisfaction now?",
        ).format(number=complaint_number),
    )


def offer_survey(context: UiContext, parent: QWidget, closed: ComplaintRecord) -> bool:
    """After a complaint was closed: offer to record a survey linked to it, its CSAT
    score filled in from the satisfaction given when closing. True when one was saved."""
    if not ask_to_record_satisfaction(parent, closed.number):
        return False
    return record_survey(context, parent, closed.customer_id, complaint=closed)
