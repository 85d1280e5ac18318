"""Qt Linguist translations. Catalogues are ``ui/i18n/<component>_<lang>.ts`` (committed) built to ``.qm``
by ``make i18n`` (lrelease). Components: ``agent``, ``coach``, ``supervisor``.

Update a catalogue after changing ``tr()`` strings (translations already made are kept)::

    .venv/bin/pylupdate6 --no-obsolete --exclude 'coaching*' ui/agent -ts ui/i18n/agent_sv.ts

Qt's own strings (context menus of text fields, standard buttons) come from Qt's ``qtbase_<lang>.qm`` where Qt
ships one. ``PseudoTranslator`` lengthens every string by 40 % to find text that would not fit.
"""

from __future__ import annotations

import math
from pathlib import Path

from PyQt6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

LANGUAGES = ("sv", "nb", "fi", "en")
I18N_DIR = Path(__file__).resolve().parent
_installed: list[QTranslator] = []
_current = "en"
# The locale behind each UI language: number formats follow the language the agent reads, not the OS.
LOCALE_NAMES = {"sv": "sv_SE", "nb": "nb_NO", "fi": "fi_FI", "en": "en_GB"}


def resolve_language(setting: str = "auto") -> str:
    """``auto`` follows the system locale; Norwegian (no, nn) maps to Bokmål; anything else to English."""
    if setting and setting != "auto":
        return setting if setting in LANGUAGES else "en"
    name = QLocale.system().name().split("_")[0].lower()
    if name in ("no", "nn"):
        name = "nb"
    return name if name in LANGUAGES else "en"


def install_translators(language: str = "auto") -> str:
    """Replace the installed translators with every catalogue for ``language``; returns the language used.

    Installing or removing a translator makes Qt send ``LanguageChange`` to every widget, which is how a live
    language switch reaches widgets that retranslate themselves.
    """
    global _current
    app = QCoreApplication.instance()
    lang = resolve_language(language)
    _current = lang
    for tr in _installed:
        if app is not None:
            app.removeTranslator(tr)
    _installed.clear()
    if lang == "en" or app is None:
        return lang
    catalogues = sorted(I18N_DIR.glob(f"*_{lang}.qm"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = Path(qt_dir) / f"qtbase_{lang}.qm"
    if qtbase.is_file():
        catalogues.append(qtbase)
    for qm in catalogues:
        tr = QTranslator()
        if tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
    return lang


def current_language() -> str:
    return _current


def locale(language: str | None = None) -> QLocale:
    """The QLocale of ``language`` (default: the UI language installed last)."""
    return QLocale(LOCALE_NAMES.get(language or _current, "en_GB"))


def fmt_int(n: int, language: str | None = None) -> str:
    """``12 345`` in sv/nb/fi, ``12,345`` in en."""
    return locale(language).toString(int(n))


def fmt_decimal(x: float, decimals: int = 1, language: str | None = None) -> str:
    """``0,80`` in sv/nb/fi, ``0.80`` in en."""
    return locale(language).toString(float(x), "f", decimals)


def fmt_percent(share: float, decimals: int = 0, language: str | None = None) -> str:
    """A share (0..1) as a percentage the language's way: ``23 %`` (no-break space) in sv/nb/fi, ``23%`` in
    en."""
    lang = language or _current
    number = fmt_decimal(100.0 * share, decimals, lang)
    return f"{number}%" if lang == "en" else f"{number}\u00a0%"


def available_catalogues(component: str) -> dict[str, Path]:
    """Built ``.qm`` files of one component, by language."""
    return {lang: p for lang in LANGUAGES if (p := I18N_DIR / f"{component}_{lang}.qm").is_file()}


class PseudoTranslator(QTranslator):
    """Every string 40 % longer (at least 3 characters), so text that would not fit shows up in tests."""

    def __init__(self, factor: float = 1.4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factor = factor

    def translate(
        self, context: str | None, source: str | None, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if not source:
            return source or ""
        extra = max(3, math.ceil(len(source) * (self.factor - 1.0)))
        return "[" + source + "·" * (extra - 2) + "]"

    def isEmpty(self) -> bool:
        return False


def install_pseudo(factor: float = 1.4) -> PseudoTranslator:
    """Install the pseudo-locale on top of the installed catalogues; ``install_translators`` removes it."""
    app = QCoreApplication.instance()
    tr = PseudoTranslator(factor)
    if app is not None:
        app.installTranslator(tr)
        _installed.append(tr)
    return tr
