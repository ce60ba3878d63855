"""Which language the window speaks, and loading its translations.

crmdesk's own translations are compiled `.qm` files inside the package (built from
`resources/translations/*.ts`), read through importlib.resources so that a checkout, a
wheel and the PyInstaller bundle load them alike. Qt's own (standard buttons and dialogs)
come from the Qt installation that PySide6 ships.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from crmdesk.domain.labels import Language

LANGUAGE_KEY = "ui/language"  # "" follows the system
_QT_CATALOGS = ("qtbase",)

_current = Language.ENGLISH
_installed: list[QTranslator] = []


def chosen_language(settings: QSettings) -> Language | None:
    """The language picked in Settings; None to follow the system."""
    value = settings.value(LANGUAGE_KEY, "")
    try:
        return Language(str(value)) if value else None
    except ValueError:
        return None


def system_language() -> Language:
    """Chinese when the system speaks Chinese, English otherwise."""
    if QLocale.system().language() == QLocale.Language.Chinese:
        return Language.CHINESE
    return Language.ENGLISH


def current_language() -> Language:
    """The language installed last; labels and formats follow it."""
    return _current


def install_language(language: Language) -> None:
    """Replace the application's translators and default locale with `language`'s."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install_language needs a QCoreApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language is Language.CHINESE:
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        _installed.extend(_qt_translators(locale))
        _installed.append(_crmdesk_translator(language))
    else:
        system = QLocale.system()
        locale = system if system.language() == QLocale.Language.English else QLocale("en_US")
        # English is the source language; its catalogue only holds plural forms.
        _installed.append(_crmdesk_translator(language))
    for translator in _installed:
        app.installTranslator(translator)
    QLocale.setDefault(locale)
    _current = language


def translation_file_name(language: Language) -> str:
    return f"crmdesk_{language.value}.qm"


class _CatalogTranslator(QTranslator):
    """A translator that keeps the bytes it was loaded from: Qt reads them in place."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data
        if not self.load(self._data):
            raise RuntimeError("a compiled translation could not be loaded")


def _crmdesk_translator(language: Language) -> QTranslator:
    data = (
        resources.files("crmdesk.ui.translations")
        .joinpath(translation_file_name(language))
        .read_bytes()
    )
    return _CatalogTranslator(data)


def _qt_translators(locale: QLocale) -> list[QTranslator]:
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = []
    for catalog in _QT_CATALOGS:
        translator = QTranslator()
        # Missing Qt catalogs only leave standard buttons in English; not worth failing for.
        if translator.load(locale, catalog, "_", folder):
            found.append(translator)
    return found
