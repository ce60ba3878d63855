"""Refresh the translation sources and the compiled catalogues.

    python scripts/update_translations.py          # after changing strings in ui/ or app.py
    python scripts/update_translations.py --check  # exit 1 if the .qm is stale (tests use it)

1. `pyside6-lupdate` collects every tr()/translate() string of `src/crmdesk/ui/` and
   `app.py` into `resources/translations/crmdesk_<lang>.ts`, keeping translations made.
   Validation messages are English templates made outside ui/ without Qt; they are found
   in the source (see `problem_templates`) and added in context "problems".
2. `pyside6-lrelease` compiles each .ts into `src/crmdesk/ui/translations/*.qm`, which
   ships inside the package.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "crmdesk"
SOURCES = ROOT / "resources" / "translations"
COMPILED = PACKAGE / "ui" / "translations"
# English is the source language; its catalogue holds only the plural forms ("%n day(s)"
# → "1 day" / "3 days").
LANGUAGES = ("zh_CN", "en")
_PLURALS_ONLY = {"en"}


def tool(name: str) -> str:
    """The PySide6 tool next to this Python, so that the venv's copy is used."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found; install PySide6-Essentials")
    return found


def python_sources() -> list[str]:
    files = [*sorted((PACKAGE / "ui").rglob("*.py")), PACKAGE / "app.py"]
    return [str(path) for path in files]


# Calls whose first string argument is a problem template (`problem_template` marks one kept
# in a constant), and `Problems.add(field, template)`.
_TEMPLATE_CALLS = {"Problem": 0, "RecurrenceRuleError": 0, "problem_template": 0, "add": 1}
_TEMPLATE_LAYERS = ("domain", "services", "db", "io", "commands")


def problem_templates() -> list[str]:
    """Every literal validation template outside ui/: the first argument of Problem(...),
    the template of `problems.add(field, template)`, and strings assigned to a name that
    contains "template"."""
    found: set[str] = set()
    for layer in _TEMPLATE_LAYERS:
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                found.update(_templates_in(node))
    return sorted(found)


def _templates_in(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        position = _TEMPLATE_CALLS.get(name)
        if position is not None and len(node.args) > position:
            argument = node.args[position]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                return [argument.value]
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
        names = [target.id for target in node.targets if isinstance(target, ast.Name)]
        if any("template" in name for name in names) and isinstance(node.value.value, str):
            return [node.value.value]
    return []


def _templates_as_source(folder: Path) -> Path:
    """A Python file lupdate can read, naming each template in context "problems"."""
    path = folder / "problem_templates.py"
    lines = [f'QT_TRANSLATE_NOOP("problems", {template!r})' for template in problem_templates()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ts_file(language: str) -> Path:
    return SOURCES / f"crmdesk_{language}.ts"


def compile_ts(source: Path, target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], check=True
    )


def collect(target: Path, language: str) -> None:
    """Merge every current source string into the .ts file `target` (lupdate keeps the
    translations it already holds and drops strings that are gone)."""
    with tempfile.TemporaryDirectory() as folder:
        templates = _templates_as_source(Path(folder))
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-silent",
                "-no-obsolete",
                "-locations",
                "none",
                *(["-pluralonly"] if language in _PLURALS_ONLY else []),
                "-target-language",
                language,
                *python_sources(),
                str(templates),
                "-ts",
                str(target),
            ],
            check=True,
        )


def untranslated(ts_path: Path) -> list[str]:
    """Source texts of `ts_path` without a finished translation."""
    missing = []
    for message in ElementTree.parse(ts_path).getroot().iter("message"):
        translation = message.find("translation")
        numerus = [] if translation is None else translation.findall("numerusform")
        texts = (
            [form.text for form in numerus]
            if numerus
            else [None if translation is None else translation.text]
        )
        unfinished = translation is None or translation.get("type") == "unfinished"
        if unfinished or not all(texts):
            missing.append(message.findtext("source") or "")
    return missing


def update() -> None:
    SOURCES.mkdir(parents=True, exist_ok=True)
    COMPILED.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        collect(ts_file(language), language)
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
