"""The one window of crmdesk: menus, toolbar, the four everyday tabs and a status bar.

The window wires the tabs together (a customer opened in the list shows in the profile)
through their signals and public methods; it never touches a tab's inner widgets.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSizePolicy,
    QTabWidget,
    QToolBar,
    QWidget,
)

import crmdesk
from crmdesk.domain.customers import CustomerFilter
from crmdesk.domain.enums import FollowUpKind, LifecycleStage
from crmdesk.domain.errors import CrmError
from crmdesk.domain.import_fields import ImportEntity
from crmdesk.ui import export_actions
from crmdesk.ui.context import UiContext
from crmdesk.ui.dialogs.care_settings_dialog import edit_care_settings
from crmdesk.ui.dialogs.complaint_dialog import open_complaint
from crmdesk.ui.dialogs.follow_up_dialog import schedule_follow_up
from crmdesk.ui.dialogs.import_history_dialog import show_import_history
from crmdesk.ui.dialogs.import_wizard import run_import_wizard
from crmdesk.ui.dialogs.import_wizard_common import entity_name
from crmdesk.ui.dialogs.interaction_dialog import log_interaction
from crmdesk.ui.dialogs.settings_dialog import SettingsDialog
from crmdesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog, plain_text
from crmdesk.ui.messages import error_text
from crmdesk.ui.tabs.complaints_tab import ComplaintsTab
from crmdesk.ui.tabs.customers_tab import CustomersTab
from crmdesk.ui.tabs.dashboard_tab import DashboardTab
from crmdesk.ui.tabs.follow_ups_tab import FollowUpsTab
from crmdesk.ui.tabs.profile_tab import ProfileTab
from crmdesk.ui.value_upkeep import ValueUpkeep

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
DEFAULT_SIZE = (1100, 720)


class MainWindow(QMainWindow):
    language_changed = Signal()  # the user chose another language in Settings

    def __init__(self, context: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("crmdesk"))
        self.customers = CustomersTab(context)
        self.profile = ProfileTab(context)
        self.follow_ups = FollowUpsTab(context)
        self.complaints = ComplaintsTab(context)
        self.dashboard = DashboardTab(context)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.customers, self.tr("Customers", "tab: the list of all customers"))
        self.tabs.addTab(self.profile, self.tr("Profile", "tab: the full record of one customer"))
        self.tabs.addTab(
            self.follow_ups, self.tr("Follow-ups", "tab: calendar of planned calls and visits")
        )
        self.tabs.addTab(
            self.complaints, self.tr("Complaints", "tab: handling of customer complaints")
        )
        self.tabs.addTab(
            self.dashboard, self.tr("Dashboard", "tab: customer value figures and charts")
        )
        self.setCentralWidget(self.tabs)
        self.dashboard.customers_requested.connect(self.show_customers)
        self.value_upkeep = ValueUpkeep(context, self.dashboard.recompute, self)
        for tab in (self.customers, self.profile, self.follow_ups, self.complaints):
            tab.customer_activated.connect(self.open_profile)
        self._build_actions()
        self._build_status_bar(context.workspace.database.location)
        context.tasks.error.connect(self._show_error)
        context.tasks.busy_changed.connect(self._busy.setVisible)
        self._restore_geometry()

    # --- what the actions do ------------------------------------------------------------

    def open_profile(self, customer_id: uuid.UUID) -> None:
        if self.profile.current_customer_id() != customer_id and not self.profile.confirm_leave():
            return
        self.profile.show_customer(customer_id)
        self.tabs.setCurrentWidget(self.profile)

    def new_customer(self) -> None:
        if not self.profile.confirm_leave():
            return
        self.profile.new_customer()
        self.tabs.setCurrentWidget(self.profile)

    def find_customers(self) -> None:
        self.tabs.setCurrentWidget(self.customers)
        self.customers.focus_search()

    def show_customers(self, criteria: CustomerFilter) -> None:
        """The customer list filtered by `criteria` (drill-down from elsewhere)."""
        self.customers.apply_filter(criteria)
        self.tabs.setCurrentWidget(self.customers)

    def show_follow_ups_on(self, day: date) -> None:
        self.follow_ups.show_day(day)
        self.tabs.setCurrentWidget(self.follow_ups)

    def show_declining_customers(self) -> None:
        """The customers in decline (退化期), ready for rescue follow-ups."""
        self.show_customers(CustomerFilter(lifecycle_stages=frozenset({LifecycleStage.DECLINE})))

    def schedule_rescue(self) -> None:
        chosen = self._chosen_customers()
        if chosen:
            schedule_follow_up(
                self.context, self, chosen, kind=FollowUpKind.RESCUE, title=self.tr("Rescue call")
            )

    def recompute_value(self) -> None:
        self.tabs.setCurrentWidget(self.dashboard)
        self.dashboard.recompute()

    def log_interaction(self) -> None:
        chosen = self._chosen_customers()
        if chosen:
            log_interaction(self.context, self, chosen[0])

    def schedule_follow_up(self) -> None:
        # With nobody chosen the dialog asks for the customer itself.
        chosen = self._chosen_customers(required=False)
        if chosen is not None:
            schedule_follow_up(self.context, self, chosen)

    def open_complaint(self) -> None:
        chosen = self._chosen_customers(required=False)
        if chosen is not None:
            open_complaint(self.context, self, chosen[0] if chosen else None)

    def import_file(self) -> None:
        run_import_wizard(self.context, self)

    def show_import_history(self) -> None:
        show_import_history(self.context, self)

    def export_shown(self) -> None:
        """Export what the current tab shows: its filter, sort and columns."""
        current = self.tabs.currentWidget()
        if current is self.customers:
            export_actions.export_customers_shown(self.context, self, self.customers.shown_query())
        elif current is self.follow_ups:
            self.follow_ups.export_shown()
        elif current is self.dashboard:
            self.dashboard.export_report()
        elif current is self.complaints:
            sort_by, descending = self.complaints.shown_sort()
            export_actions.export_complaints(
                self.context, self, self.complaints.criteria(), sort_by, descending
            )

    def export_report(self) -> None:
        export_actions.export_report(self.context, self)

    def save_import_template(self, entity: ImportEntity) -> None:
        export_actions.save_import_template(self.context, self, entity)

    def _enable_export(self) -> None:
        # A single profile has nothing to export as a table.
        self.export_action.setEnabled(self.tabs.currentWidget() is not self.profile)

    def _chosen_customers(self, *, required: bool = True) -> list[uuid.UUID] | None:
        """The customers the user is looking at in the current tab: the selected rows of
        the customer list, else the customer of the profile, follow-up or complaint.
        None: the customer list refused its selection (and said why)."""
        current = self.tabs.currentWidget()
        if current is self.customers:
            chosen = self.customers.chosen_customer_ids()
            if chosen is None:
                return None
        else:
            if not isinstance(current, ProfileTab | FollowUpsTab | ComplaintsTab):
                current = self.profile  # the dashboard has no customer of its own
            customer_id = current.current_customer_id()
            chosen = [customer_id] if customer_id else []
        if not chosen and required:
            QMessageBox.information(
                self,
                self.tr("No customer chosen"),
                self.tr("Select a customer in the list or open one's profile first."),
            )
        return chosen

    # --- menus, toolbar, status bar -----------------------------------------------------

    def _build_actions(self) -> None:
        new_customer = self._action(
            self.tr("&New customer…"), self.new_customer, QKeySequence.StandardKey.New
        )
        find = self._action(
            self.tr("&Find customers"), self.find_customers, QKeySequence.StandardKey.Find
        )
        log_call = self._action(self.tr("&Log an interaction…"), self.log_interaction, "Ctrl+L")
        schedule = self._action(
            self.tr("&Schedule a follow-up…"), self.schedule_follow_up, "Ctrl+K"
        )
        complaint = self._action(self.tr("Open a &complaint…"), self.open_complaint)
        declining = self._action(self.tr("&Declining customers"), self.show_declining_customers)
        rescue = self._action(self.tr("Schedule &rescue follow-ups…"), self.schedule_rescue)
        recompute = self._action(self.tr("&Recompute customer value"), self.recompute_value)
        value_settings = self._action(
            self.tr("Customer &value settings…"),
            lambda: self.dashboard.edit_settings(),
        )
        care_settings = self._action(
            self.tr("&Care settings…"), lambda: edit_care_settings(self.context, self)
        )
        settings = self._action(
            self.tr("&Settings…"), self._open_settings, QKeySequence.StandardKey.Preferences
        )
        settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        shortcuts = self._action(
            self.tr("&Keyboard shortcuts"),
            self._show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )
        about = self._action(self.tr("&About crmdesk"), self._show_about)
        about.setMenuRole(QAction.MenuRole.AboutRole)

        import_file = self._action(self.tr("&Import…"), self.import_file, "Ctrl+I")
        history = self._action(self.tr("Import &history…"), self.show_import_history)
        self.export_action = self._action(self.tr("&Export…"), self.export_shown, "Ctrl+E")
        report = self._action(self.tr("Export &report…"), self.export_report)
        self.tabs.currentChanged.connect(self._enable_export)

        self.file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.file_menu.addAction(new_customer)
        self.file_menu.addSeparator()
        for action in (import_file, history):
            self.file_menu.addAction(action)
        templates = self.file_menu.addMenu(self.tr("Import &templates"))
        for entity in ImportEntity:
            templates.addAction(
                self._action(entity_name(entity), partial(self.save_import_template, entity))
            )
        self.file_menu.addSeparator()
        for action in (self.export_action, report):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(settings)
        self.file_menu.addSeparator()
        self.file_menu.addAction(quit_action)
        customer_menu = self.menuBar().addMenu(self.tr("&Customer"))
        for action in (find, log_call, schedule, complaint):
            customer_menu.addAction(action)
        customer_menu.addSeparator()
        customer_menu.addAction(declining)
        customer_menu.addAction(rescue)
        value_menu = self.menuBar().addMenu(self.tr("&Value"))
        for action in (recompute, value_settings, care_settings):
            value_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(shortcuts)
        help_menu.addAction(about)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (new_customer, find, log_call, schedule, complaint):
            # A toolbar button shows no accelerator; Qt would keep the "(&N)" of Chinese.
            action.setIconText(plain_text(action.text()))
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self.shortcut_actions = (
            new_customer,
            find,
            log_call,
            schedule,
            settings,
            shortcuts,
            quit_action,
        )

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_status_bar(self, location: str) -> None:
        counts = QLabel()
        self.customers.status_text_changed.connect(counts.setText)
        self._busy = QProgressBar()
        self._busy.setRange(0, 0)
        self._busy.setMaximumWidth(120)
        self._busy.setTextVisible(False)
        self._busy.setToolTip(self.tr("Working…"))
        self._busy.hide()
        database = QLabel(self.tr("Database: {location}").format(location=location))
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        database.setToolTip(location)
        # A long path must not make the window wider; it is cut and the tooltip has it all.
        database.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.statusBar().addWidget(counts)
        self.statusBar().addWidget(database, 1)
        self.statusBar().addPermanentWidget(self._busy)

    # --- dialogs ------------------------------------------------------------------------

    def _show_error(self, error: CrmError) -> None:
        QMessageBox.warning(self, self.tr("crmdesk"), error_text(error))

    def _open_settings(self) -> None:
        dialog = SettingsDialog(self.context.settings, self)
        if dialog.exec() and dialog.language_changed:
            self.language_changed.emit()

    def _show_shortcuts(self) -> None:
        ShortcutsDialog(self.shortcut_actions, self).exec()

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About crmdesk"),
            self.tr(
                "crmdesk {version}\n\nAn offline-first desktop CRM for small sales teams."
            ).format(version=crmdesk.__version__),
        )

    # --- remembered layout --------------------------------------------------------------

    def _restore_geometry(self) -> None:
        settings = self.context.settings
        saved = settings.value(GEOMETRY_KEY)
        if not (isinstance(saved, QByteArray) and self.restoreGeometry(saved)):
            self.resize(*DEFAULT_SIZE)
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.profile.confirm_leave():
            event.ignore()
            return
        settings = self.context.settings
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        for tab in (self.customers, self.follow_ups, self.complaints):
            tab.save_layout()
        super().closeEvent(event)
