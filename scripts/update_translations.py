"""Refresh the translation sources and the compiled catalogues.

    python scripts/update_translations.py          # after changing strings in ui/ or app.py
    python scripts/update_translations.py --check  # exit 1 if the .qm is stale (tests use it)

1. `pyside6-lupdate` collects every tr()/translate() string of `src/crmdesk/ui/` and
   `app.py` into `resources/translations/crmdesk_<lang>.ts`, keeping translations made.
2. `pyside6-lrelease` compiles each .ts into `src/crmdesk/ui/translations/*.qm`, which
   ships inside the package.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "crmdesk"
SOURCES = ROOT / "resources" / "translations"
COMPILED = PACKAGE / "ui" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """The PySide6 tool next to this Python, so that the venv's copy is used."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def python_sources() -> list[str]:
    files = sorted((PACKAGE / "ui").rglob("*.py")) + [PACKAGE / "app.py"]
    return [str(path) for path in files]


def ts_file(language: str) -> Path:
    return SOURCES / f"crmdesk_{language}.ts"


def compile_ts(source: Path, target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], check=True
    )


def update() -> None:
    SOURCES.mkdir(parents=True, exist_ok=True)
    COMPILED.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                *python_sources(),
                "-ts",
                str(ts_file(language)),
            ],
            check=True,
        )
        compile_ts(ts_file(language), COMPILED / f"crmdesk_{language}.qm")


def stale_catalogues() -> list[str]:
    """Compiled catalogues that differ from what their .ts compiles to now."""
    stale = []
    with tempfile.TemporaryDirectory() as folder:
        for language in LANGUAGES:
            fresh = Path(folder) / f"{language}.qm"
            compile_ts(ts_file(language), fresh)
            shipped = COMPILED / f"crmdesk_{language}.qm"
            if not shipped.exists() or shipped.read_bytes() != fresh.read_bytes():
                stale.append(str(shipped))
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the .qm files")
    args = parser.parse_args()
    if args.check:
        stale = stale_catalogues()
        for path in stale:
            print(f"stale: {path} (run scripts/update_translations.py)")
        return 1 if stale else 0
    update()
    return 0


if __name__ == "__main__":
    sys.exit(main())
