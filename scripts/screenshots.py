"""Render crmdesk's screens offscreen to PNG files under docs/screenshots/.

Run from anywhere: `python scripts/screenshots.py`. Each screen is shown on a new migrated
database in a temporary folder, so the pictures never depend on the user's own data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
WINDOW_SIZE = (960, 600)


def main() -> int:
    # Before Qt is imported, so that no display is needed.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from crmdesk.app import create_application, scratch_main_window

    create_application()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / "main-window-empty.png"
    with scratch_main_window() as (window, _outcome):
        window.resize(*WINDOW_SIZE)
        window.show()
        if not window.grab().save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
