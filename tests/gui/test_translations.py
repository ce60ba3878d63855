"""The Chinese catalogue is complete and shipped as compiled: every string of the window
and every validation message has a translation, and the packaged .qm is the one its .ts
compiles to."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "update_translations.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_current_string_has_a_translation(tmp_path: Path, language: str) -> None:
    script = load_script()
    # Merge today's sources into a copy, so that a string added without a translation
    # shows up as unfinished even when nobody ran the update script.
    copy = tmp_path / f"crmdesk_{language}.ts"
    shutil.copyfile(script.ts_file(language), copy)
    script.collect(copy, language)

    assert script.untranslated(copy) == []


def test_the_shipped_catalogue_is_compiled_from_its_source() -> None:
    assert load_script().stale_catalogues() == []


def test_validation_templates_are_found_in_the_source() -> None:
    templates = load_script().problem_templates()

    assert "This field is required." in templates
    assert "At most {max_length} characters." in templates
