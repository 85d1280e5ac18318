"""Accessibility helpers: announce a change to assistive technology, and WCAG contrast arithmetic.

Why ctypes: a screen reader only speaks a change on a widget that does not have the focus (and Lugn's widgets
never have it) when the application sends an *announcement* (Qt's ``QAccessibleAnnouncementEvent``, Qt >= 6.8:
AT-SPI ``Announcement`` on Linux, a UIA notification on Windows), the equivalent of an ARIA live region. PyQt6
does not wrap ``QAccessible`` at all, so :func:`announce` builds the event in memory and hands it to
``QAccessible::updateAccessibility`` in QtGui. The event classes have inline constructors, so their layout is
part of Qt 6's binary interface; the enum values are read from ``QAccessible``'s own meta-object, not
hard-coded. Anything unexpected (another Qt, another ABI, a missing symbol) turns the announcement off and
logs why; the accessible name and description, which Qt itself reports as changed, are always set."""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from collections import deque
from dataclasses import dataclass
from typing import Any

from PyQt6.QtCore import QPoint, QRect
from PyQt6.QtGui import QColor, QImage, QPalette
from PyQt6.QtWidgets import QAbstractButton, QLabel, QWidget

log = logging.getLogger(__name__)


# -- WCAG 2.x contrast ---------------------------------------------------------------------------------------
def relative_luminance(c: QColor) -> float:
    def chan(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * chan(c.redF()) + 0.7152 * chan(c.greenF()) + 0.0722 * chan(c.blueF())


def blend(fg: QColor, bg: QColor) -> QColor:
    """``fg`` drawn with its alpha over an opaque ``bg``."""
    a = fg.alphaF()
    return QColor.fromRgbF(
        fg.redF() * a + bg.redF() * (1 - a),
        fg.greenF() * a + bg.greenF() * (1 - a),
        fg.blueF() * a + bg.blueF() * (1 - a),
    )


def contrast_ratio(fg: QColor, bg: QColor) -> float:
    """WCAG contrast ratio of text ``fg`` on ``bg`` (1..21); AA asks >= 4.5 for normal text."""
    la, lb = relative_luminance(blend(fg, bg)), relative_luminance(bg)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)


def dominant_colour(img: QImage, r: QRect, step: int = 2) -> QColor:
    """The most frequent colour (in coarse bins, so a gradient counts as one) inside ``r`` of ``img``, borders
    left out: the background behind a text."""
    r = _inner(img, r)
    bins: dict[int, list[int]] = {}
    for y in range(r.top(), r.bottom() + 1, step):
        for x in range(r.left(), r.right() + 1, step):
            px = img.pixel(x, y)
            if (px >> 24) & 0xFF < 250 and img.hasAlphaChannel():
                continue
            key = ((px >> 19) & 0x1F) << 10 | ((px >> 11) & 0x1F) << 5 | ((px >> 3) & 0x1F)
            bins.setdefault(key, []).append(px & 0xFFFFFF)
    if not bins:
        return QColor(0, 0, 0)
    members = max(bins.values(), key=len)
    n = len(members)
    return QColor(
        sum((p >> 16) & 0xFF for p in members) // n,
        sum((p >> 8) & 0xFF for p in members) // n,
        sum(p & 0xFF for p in members) // n,
    )


def _inner(img: QImage, r: QRect) -> QRect:
    inset = max(2, min(r.width(), r.height()) // 6)
    return r.adjusted(inset, inset, -inset, -inset).intersected(img.rect())


def _present(img: QImage, r: QRect, colour: QColor, tol: int = 45) -> bool:
    """Is ``colour`` (near enough) drawn anywhere inside ``r``? Text drawn in its palette colour is."""
    target = (colour.red(), colour.green(), colour.blue())
    r = _inner(img, r)
    for y in range(r.top(), r.bottom() + 1):
        for x in range(r.left(), r.right() + 1):
            px = img.pixel(x, y)
            rgb = ((px >> 16) & 0xFF, (px >> 8) & 0xFF, px & 0xFF)
            if sum(abs(a - b) for a, b in zip(rgb, target, strict=True)) <= tol:
                return True
    return False


def _drawn_text_colour(img: QImage, r: QRect, bg: QColor) -> QColor:
    """The pixel inside ``r`` (borders left out) that differs most from ``bg``: the glyph strokes' core."""
    best, best_d = bg, -1
    r = _inner(img, r)
    for y in range(r.top(), r.bottom() + 1):
        for x in range(r.left(), r.right() + 1):
            c = QColor.fromRgb(img.pixel(x, y) & 0xFFFFFF)
            d = abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue())
            if d > best_d:
                best, best_d = c, d
    return best


def text_contrasts(root: QWidget) -> list[tuple[str, str, float]]:
    """(widget, text, ratio) for every visible, enabled label and button under ``root`` with text: the text
    colour from its palette (where style sheets put it), the background as actually drawn (``root`` rendered).
    Disabled controls are left out, as WCAG leaves out inactive components."""
    img = root.grab().toImage()
    dpr = img.devicePixelRatio()
    out = []
    widgets: list[QWidget] = [
        w for w in root.findChildren(QWidget) if isinstance(w, QLabel | QAbstractButton)
    ]
    for w in widgets:
        text = w.text() if isinstance(w, QLabel | QAbstractButton) else ""
        if not text or not w.isVisibleTo(root) or not w.isEnabled() or w.width() < 2:
            continue
        if root.isVisible() and w.visibleRegion().boundingRect().size() != w.size():
            continue  # scrolled (partly) out of view: not in the picture; measure its own container instead
        fg = w.palette().color(QPalette.ColorGroup.Active, w.foregroundRole())
        top_left = w.mapTo(root, QPoint(0, 0))
        r = QRect(
            round(top_left.x() * dpr),
            round(top_left.y() * dpr),
            round(w.width() * dpr),
            round(w.height() * dpr),
        )
        bg = dominant_colour(img, r)
        if not _present(img, r, fg):  # a state the palette does not hold (a checked button's colours)
            fg = _drawn_text_colour(img, r, bg)
        name = w.objectName() or type(w).__name__
        out.append((name, text, round(contrast_ratio(fg, bg), 2)))
    return out


# -- announcements -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Api:
    update: Any  # QAccessible::updateAccessibility(QAccessibleEvent*)
    vtable: int  # address of QAccessibleAnnouncementEvent's virtual table (past offset-to-top and RTTI)
    announcement: int  # QAccessible::Announcement
    polite: int
    assertive: int


class _QArrayDataPointer(ctypes.Structure):  # QString's only member in Qt 6
    _fields_ = [("d", ctypes.c_void_p), ("ptr", ctypes.c_void_p), ("size", ctypes.c_ssize_t)]


class _AnnouncementEvent(ctypes.Structure):
    """QAccessibleEvent {vptr; Event m_type; QObject *m_object; union {int m_child; Id m_uniqueId;}} then
    QAccessibleAnnouncementEvent {QString m_message; AnnouncementPoliteness m_politeness}."""

    _fields_ = [
        ("vptr", ctypes.c_void_p),
        ("type", ctypes.c_int),
        ("object", ctypes.c_void_p),
        ("child", ctypes.c_int),
        ("message", _QArrayDataPointer),
        ("politeness", ctypes.c_int),
    ]


_api: _Api | None = None
_api_tried = False
_keep: deque[tuple[Any, Any]] = deque(maxlen=64)  # the text buffers stay alive while a bridge may copy them
announcements_sent = 0


def _qt_gui_library() -> ctypes.CDLL:
    import PyQt6

    base = os.path.join(os.path.dirname(PyQt6.__file__), "Qt6")
    if sys.platform == "win32":
        return ctypes.CDLL(os.path.join(base, "bin", "Qt6Gui.dll"))
    return ctypes.CDLL(os.path.join(base, "lib", "libQt6Gui.so.6"), mode=ctypes.RTLD_GLOBAL)


def _enum_values(lib: ctypes.CDLL, name: str, keys: tuple[str, ...]) -> dict[str, int]:
    from PyQt6 import sip
    from PyQt6.QtCore import QMetaObject

    mo_addr = ctypes.addressof(ctypes.c_char.in_dll(lib, "_ZN11QAccessible16staticMetaObjectE"))
    mo: Any = sip.wrapinstance(mo_addr, QMetaObject)  # type: ignore[arg-type]
    for i in range(mo.enumeratorCount()):
        e = mo.enumerator(i)
        if e.name() == name:
            out = {e.key(j): e.value(j) for j in range(e.keyCount())}
            return {k: out[k] for k in keys}
    raise LookupError(f"QAccessible::{name} not found")


def _load() -> _Api | None:
    global _api, _api_tried
    if _api_tried:
        return _api
    _api_tried = True
    if sys.platform == "win32" or os.environ.get("LUGN_NO_ANNOUNCE"):
        log.info("accessibility announcements: not on this platform; names and descriptions only")
        return None
    try:
        lib = _qt_gui_library()
        update = lib["_ZN11QAccessible19updateAccessibilityEP16QAccessibleEvent"]
        update.argtypes, update.restype = [ctypes.c_void_p], None
        vt = ctypes.addressof(ctypes.c_char.in_dll(lib, "_ZTV28QAccessibleAnnouncementEvent"))
        ev = _enum_values(lib, "Event", ("Announcement",))
        pol = _enum_values(lib, "AnnouncementPoliteness", ("Polite", "Assertive"))
        _api = _Api(
            update,
            vt + 2 * ctypes.sizeof(ctypes.c_void_p),
            ev["Announcement"],
            pol["Polite"],
            pol["Assertive"],
        )
    except (OSError, AttributeError, LookupError, ValueError, ImportError) as exc:  # KeyError: Qt < 6.8
        log.info("accessibility announcements unavailable (%s); names and descriptions only", exc)
        _api = None
    return _api


def announcements_available() -> bool:
    return _load() is not None


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> bool:
    """Tell assistive technology ``text`` about ``widget`` without moving the focus. True if sent."""
    global announcements_sent
    api = _load()
    if api is None or not text:
        return False
    from PyQt6 import sip

    data = text.encode("utf-16-le")  # QString holds UTF-16
    raw = ctypes.create_string_buffer(data + b"\0\0")
    ev = _AnnouncementEvent()
    ev.vptr = api.vtable
    ev.type = api.announcement
    ev.object = sip.unwrapinstance(widget)  # type: ignore[func-returns-value]
    ev.child = -1
    # A QString over our own UTF-16 buffer (no d-pointer: Qt treats it as raw, unowned data and never frees
    # it)
    ev.message = _QArrayDataPointer(None, ctypes.addressof(raw), len(data) // 2)
    ev.politeness = api.assertive if assertive else api.polite
    _keep.append((raw, ev))
    api.update(ctypes.byref(ev))
    announcements_sent += 1
    return True
