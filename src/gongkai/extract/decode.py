"""Document bytes → text. UTF-8 (with or without BOM), UTF-16 with a BOM, GBK and GB18030.

A file that is empty, binary (a PDF, a Word file, an image) or in no encoding gongkai knows is an
`InputError` with a Chinese message; nothing is guessed from undecodable bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.errors import InputError

#: Formats people hand in by mistake, by their first bytes.
_MAGIC = (
    (b"%PDF", "PDF 文件"),
    (b"PK\x03\x04", "压缩包（不是 Word 文件）"),
    (b"\xd0\xcf\x11\xe0", "Word（.doc）或 Excel（.xls）文件"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"{\\rtf", "RTF 文件"),
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
#: Control characters that never occur in a text document (tab, newlines and form feed are fine).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    size: int  # bytes


def decode(data: bytes, *, name: str = "文件") -> Decoded:
    """The text of a document; `InputError` when there is none to read."""
    if not data.strip():
        raise InputError(f"{name} 是空文件，没有可读取的内容")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name} 是{what}，请先转换为纯文本或 Markdown 再读取")
    text, encoding = _decode(data, name)
    if _looks_binary(text):
        raise InputError(f"{name} 不是文本文件（含有大量控制字符），无法读取")
    if not text.strip():
        raise InputError(f"{name} 是空文件，没有可读取的内容")
    return Decoded(text, encoding, len(data))


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(f"{name} 以 {encoding} 标记开头，但内容无法按该编码解码") from None
    if b"\x00" in data:
        raise InputError(f"{name} 不是文本文件（含有空字节），无法读取")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise InputError(f"{name} 的编码无法识别（支持 UTF-8、GBK、GB18030）")


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)
