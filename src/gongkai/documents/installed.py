"""Which fonts this machine has, asked of fontconfig (the library Pango and WeasyPrint use).

`chinese_families()` lists the families that can draw Simplified Chinese; `require_chinese_font()`
raises `CjkFontMissing` when there is none, so that no PDF of empty boxes is ever written.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache

from gongkai.documents.errors import CjkFontMissing, SystemPackageMissing


class _FontSet(ctypes.Structure):
    _fields_ = (
        ("nfont", ctypes.c_int),
        ("sfont", ctypes.c_int),
        ("fonts", ctypes.POINTER(ctypes.c_void_p)),
    )


def _library() -> ctypes.CDLL:
    name = ctypes.util.find_library("fontconfig") or "libfontconfig.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        raise SystemPackageMissing(
            "找不到字体配置库 fontconfig，无法生成 PDF。请安装 libpangoft2-1.0-0（含 fontconfig）",
            "libpangoft2-1.0-0",
        ) from None
    lib.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    lib.FcNameParse.restype = ctypes.c_void_p
    lib.FcNameParse.argtypes = (ctypes.c_char_p,)
    lib.FcObjectSetBuild.restype = ctypes.c_void_p
    lib.FcFontList.restype = ctypes.POINTER(_FontSet)
    lib.FcFontList.argtypes = (ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)
    lib.FcPatternGetString.restype = ctypes.c_int
    lib.FcPatternGetString.argtypes = (
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_char_p),
    )
    for destroy in (
        "FcFontSetDestroy",
        "FcObjectSetDestroy",
        "FcPatternDestroy",
        "FcConfigDestroy",
    ):
        getattr(lib, destroy).argtypes = (ctypes.c_void_p,)
    return lib


@cache
def families(pattern: str = ":") -> frozenset[str]:
    """Every family name (in every language fontconfig knows it by) of the fonts matching
    `pattern`, a fontconfig pattern such as ":lang=zh-cn". Cached: fonts installed while the
    process runs are seen by the next process."""
    lib = _library()
    config = lib.FcInitLoadConfigAndFonts()
    query = lib.FcNameParse(pattern.encode())
    objects = lib.FcObjectSetBuild(b"family", None)
    found = lib.FcFontList(config, query, objects)
    names: set[str] = set()
    try:
        if found:
            for i in range(found.contents.nfont):
                font = found.contents.fonts[i]
                n, value = 0, ctypes.c_char_p()
                while lib.FcPatternGetString(font, b"family", n, ctypes.byref(value)) == 0:
                    if value.value:
                        names.add(value.value.decode("utf-8", "replace"))
                    n += 1
    finally:
        if found:
            lib.FcFontSetDestroy(found)
        lib.FcObjectSetDestroy(objects)
        lib.FcPatternDestroy(query)
        lib.FcConfigDestroy(config)
    return frozenset(names)


def chinese_families() -> frozenset[str]:
    """The families that can draw Simplified Chinese."""
    return families(":lang=zh-cn")


def require_chinese_font() -> frozenset[str]:
    """The Chinese families, or `CjkFontMissing` when there is none."""
    found = chinese_families()
    if not found:
        raise CjkFontMissing()
    return found
