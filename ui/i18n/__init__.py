"""Qt Linguist translations. Catalogues are ``ui/i18n/<component>_<lang>.ts`` (committed) built to ``.qm``
by ``make i18n`` (lrelease). Components: ``agent``, ``coach``, ``supervisor``.
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtCore import QCoreApplication, QLocale, QTranslator

LANGUAGES = ("sv", "nb", "fi", "en")
I18N_DIR = Path(__file__).resolve().parent
_installed: list[QTranslator] = []


def resolve_language(setting: str = "auto") -> str:
    """``auto`` follows the system locale; Norwegian (no, nn) maps to Bokmål; anything else falls back to English."""
    if setting and setting != "auto":
        return setting if setting in LANGUAGES else "en"
    name = QLocale.system().name().split("_")[0].lower()
    if name in ("no", "nn"):
        name = "nb"
    return name if name in LANGUAGES else "en"


def install_translators(language: str = "auto") -> str:
    """Replace the installed translators with every catalogue for ``language``; returns the language used."""
    app = QCoreApplication.instance()
    lang = resolve_language(language)
    for tr in _installed:
        if app is not None:
            app.removeTranslator(tr)
    _installed.clear()
    if lang == "en" or app is None:
        return lang
    for qm in sorted(I18N_DIR.glob(f"*_{lang}.qm")):
        tr = QTranslator()
        if tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
    return lang
