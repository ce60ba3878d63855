"""The first run on an empty database offers demo data, so that a new user sees the
program at work before typing in their own customers. Asked once per database file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from crmdesk.domain.errors import JobCancelledError
from crmdesk.services.demo import build_demo
from crmdesk.services.info import has_customers
from crmdesk.ui.changes import EVERYTHING
from crmdesk.ui.context import UiContext
from crmdesk.ui.tasks import JobControl

DEMO_CUSTOMERS = 500
OFFERED_KEY = "first_run/offered"


def offer_demo_data(context: UiContext, parent: QWidget) -> None:
    """Ask, once per database, whether to fill an empty database with demo data."""
    key = f"{OFFERED_KEY}/{context.workspace.database.location}"
    if context.settings.value(key, False, type=bool):
        return
    context.tasks.read(
        lambda: has_customers(context.workspace.database),
        lambda has_any: _ask(context, parent, key) if not has_any else None,
        owner=parent,
    )


def wants_demo_data(parent: QWidget) -> bool:
    """The question itself (tests answer it by replacing this function)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("first_run", "Welcome to crmdesk"))
    box.setText(QCoreApplication.translate("first_run", "This database has no customers yet."))
    box.setInformativeText(
        QCoreApplication.translate(
            "first_run",
            "Load demo customers with a history of orders, follow-ups and complaints to try "
            "crmdesk out, or start with an empty database for your own customers.",
        )
    )
    demo = box.addButton(
        QCoreApplication.translate("first_run", "Load demo data"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("first_run", "Start empty"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    return box.clickedButton() is demo


def _ask(context: UiContext, parent: QWidget, key: str) -> None:
    context.settings.setValue(key, True)
    if wants_demo_data(parent):
        load_demo_data(context, parent)


def load_demo_data(context: UiContext, parent: QWidget) -> None:
    """Build the demo in the background with a progress dialog; Cancel leaves it empty."""
    progress = QProgressDialog(
        QCoreApplication.translate("first_run", "Loading demo data…"),
        QCoreApplication.translate("first_run", "Cancel"),
        0,
        DEMO_CUSTOMERS,
        parent,
    )
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)

    def build(control: JobControl) -> None:
        def report(done: int, total: int) -> None:
            # Raising here unwinds build_demo, whose unit of work then rolls back.
            if control.cancelled:
                raise JobCancelledError()
            control.progress(done, total)

        build_demo(context.workspace.database, customers=DEMO_CUSTOMERS, progress=report)

    control = context.tasks.job(
        build,
        lambda _result: progress.close(),
        owner=progress,
        progress=lambda done, _total: progress.setValue(done),
        change=EVERYTHING,
        failed=lambda _error: progress.close(),
    )
    progress.canceled.connect(control.cancel)
    progress.show()
