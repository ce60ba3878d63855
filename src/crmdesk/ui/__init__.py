"""Everything Qt: the main window, its tabs, item models, dialogs and the task runner."""
