"""What every tab and dialog is given: the services, the task runner and the settings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from crmdesk.services.workspace import Workspace
from crmdesk.ui.tasks import TaskRunner


@dataclass(frozen=True)
class UiContext:
    workspace: Workspace
    tasks: TaskRunner
    settings: QSettings
