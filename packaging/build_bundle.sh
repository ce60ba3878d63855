#!/usr/bin/env bash
# Build the one-folder bundle dist/crmdesk/ with PyInstaller and prove that it starts:
# the bundle's own --smoke-test migrates a temporary database and paints the main window
# offscreen. Uses the Python of the current environment ($PYTHON, else python3) and
# writes only to build/ and dist/ in the repository.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
cd "$ROOT"
# Importing the app during analysis must not leave __pycache__ folders in src/.
export PYTHONDONTWRITEBYTECODE=1

if ! "$PYTHON" -m PyInstaller --version >/dev/null 2>&1; then
    echo "installing PyInstaller into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
    "$PYTHON" -m pip install --quiet "pyinstaller>=6.6"
fi

"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build packaging/crmdesk.spec

echo "smoke test of the bundle:"
if ! QT_QPA_PLATFORM=offscreen dist/crmdesk/crmdesk --smoke-test; then
    echo "the bundle failed its smoke test" >&2
    exit 1
fi
echo "bundle: dist/crmdesk/ ($(du -sh dist/crmdesk | cut -f1))"
