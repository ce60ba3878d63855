"""The task runner: work runs off the GUI thread, results and errors come back to it, a
write announces what it changed, and a gone widget is not called back."""

from __future__ import annotations

import threading
import uuid

import shiboken6
from gui_helpers import wait_for_tasks
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from crmdesk.domain.customers import CustomerDraft
from crmdesk.domain.errors import JobCancelledError, NotFoundError, ValidationError
from crmdesk.domain.reps import RepDraft
from crmdesk.ui.changes import Change, Topic
from crmdesk.ui.context import UiContext
from crmdesk.ui.tasks import JobControl
from crmdesk.ui.widgets.choice_combos import RepCombo


def test_a_write_runs_off_the_gui_thread_and_announces_its_change(
    qtbot: QtBot, context: UiContext
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    threads: list[threading.Thread] = []
    results = []
    changes: list[Change] = []
    context.tasks.changed.connect(changes.append)

    def create() -> object:
        threads.append(threading.current_thread())
        return context.workspace.customers.create(CustomerDraft(name="张三科技"))

    context.tasks.write(
        create,
        lambda record: results.append((threading.current_thread(), record)),
        owner=owner,
        change=lambda record: Change.of(Topic.CUSTOMERS, customers=[record.id]),
    )
    wait_for_tasks(qtbot, context)
    assert threads[0] is not threading.main_thread()
    called_on, record = results[0]
    assert called_on is threading.main_thread()
    assert changes == [Change.of(Topic.CUSTOMERS, customers=[record.id])]


def test_refused_input_reaches_the_failure_handler_and_changes_nothing(
    qtbot: QtBot, context: UiContext
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    errors = []
    changes: list[Change] = []
    context.tasks.changed.connect(changes.append)
    context.tasks.write(
        lambda: context.workspace.customers.create(CustomerDraft(name="  ")),
        lambda _record: None,
        owner=owner,
        change=Change.of(Topic.CUSTOMERS),
        failed=errors.append,
    )
    wait_for_tasks(qtbot, context)
    assert isinstance(errors[0], ValidationError) and "name" in errors[0].problems
    assert changes == []


def test_an_unhandled_expected_error_is_announced_for_the_window(
    qtbot: QtBot, context: UiContext
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)

    with qtbot.waitSignal(context.tasks.error) as announced:
        context.tasks.read(
            lambda: context.workspace.customers.get(uuid.uuid4()), lambda _r: None, owner=owner
        )
    assert isinstance(announced.args[0], NotFoundError)


def test_a_closed_widget_is_not_called_back(qtbot: QtBot, context: UiContext) -> None:
    owner = QWidget()
    called = []
    release = threading.Event()
    context.tasks.read(lambda: release.wait(5), called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner))
    release.set()
    wait_for_tasks(qtbot, context)
    assert called == []


def test_a_job_reports_progress_and_can_be_cancelled(qtbot: QtBot, context: UiContext) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    seen: list[tuple[int, int]] = []
    errors = []
    started = threading.Event()

    def job(control: JobControl) -> None:
        control.progress(1, 10)
        started.set()
        while not control.cancelled:
            threading.Event().wait(0.01)
        raise JobCancelledError()

    control = context.tasks.job(
        job,
        lambda _r: None,
        owner=owner,
        progress=lambda d, t: seen.append((d, t)),
        change=None,
        failed=errors.append,
    )
    assert started.wait(5)
    control.cancel()
    wait_for_tasks(qtbot, context)
    assert seen == [(1, 10)]
    assert isinstance(errors[0], JobCancelledError)


def test_the_rep_combo_lists_reps_and_keeps_a_choice_made_before_they_arrived(
    qtbot: QtBot, context: UiContext
) -> None:
    rep = context.workspace.reps.create(RepDraft(name="李娜"))
    combo = RepCombo(context, empty_text="Nobody")
    qtbot.addWidget(combo)
    combo.set_value(rep.id)
    with qtbot.waitSignal(combo.loaded):
        pass
    assert [combo.itemText(i) for i in range(combo.count())] == ["Nobody", "李娜"]
    assert combo.current_value() == rep.id


def _alive(widget: QWidget) -> bool:
    return shiboken6.isValid(widget)


def test_always_is_called_after_every_outcome_and_a_bug_is_still_raised(
    qtbot: QtBot, context: UiContext
) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    calls: list[str] = []

    def broken() -> object:
        raise RuntimeError("a bug")

    tasks = context.tasks
    tasks.read(
        lambda: 1,
        lambda _r: calls.append("done"),
        owner=owner,
        always=lambda: calls.append("always"),
    )
    wait_for_tasks(qtbot, context)
    with qtbot.capture_exceptions() as raised:
        tasks.read(
            broken,
            lambda _r: calls.append("done"),
            owner=owner,
            always=lambda: calls.append("always"),
        )
        wait_for_tasks(qtbot, context)
    assert calls == ["done", "always", "always"]
    assert [str(error) for _, error, _ in raised] == ["a bug"]
