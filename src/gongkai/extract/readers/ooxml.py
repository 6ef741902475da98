"""Checks on an Office Open XML package (a .docx or .xlsx is a zip of XML parts) before any
library parses it: zip bombs, too many parts, too much XML, a missing main part, and XML entity
expansion. Sizes are counted as the parts inflate, never taken from the zip's declarations."""

from __future__ import annotations

import io
import zipfile
import zlib

from gongkai.errors import InputError
from gongkai.extract.readers import Limits

MAX_MEMBERS = 10_000
#: Beyond this expansion (uncompressed / compressed), a large member is taken for a zip bomb;
#: real Word and Excel XML compresses around 5–20×.
MAX_RATIO = 200
RATIO_FROM = 1_000_000  # bytes: small members may compress arbitrarily well
_STEP = 1 << 20


def check_package(data: bytes, name: str, limits: Limits, *, main_part: str, kind: str) -> None:
    """Refuse `data` unless it is a sound package holding `main_part`; `kind` names the format
    in the message (「Word」, 「Excel」). Every part is inflated here once, in steps, counting what
    it actually inflates to: the sizes a zip declares may lie."""
    invalid = f"{name} 不是有效的 {kind} 文件"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise InputError(f"{name} 解压后过大，可能是恶意文件（{len(members)} 个部件）")
            total = sum(m.file_size for m in members)
            if total > limits.max_unpacked_bytes or any(_bomb(m, m.file_size) for m in members):
                raise _too_large(name, total, limits.max_unpacked_bytes)
            if main_part not in archive.namelist():
                raise InputError(f"{invalid}（缺少 {main_part}）")
            _inflate_all(archive, name, limits)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
    ) as exc:
        raise InputError(f"{invalid}（压缩包已损坏：{exc}）") from None
    except RuntimeError:  # an encrypted member
        raise InputError(f"{invalid}（压缩包已加密）") from None
    except NotImplementedError:
        raise InputError(f"{invalid}（使用了不支持的压缩方式）") from None


def _inflate_all(archive: zipfile.ZipFile, name: str, limits: Limits) -> None:
    """Inflate every part in steps, counting the bytes (all parts, and the XML parts the parsers
    build from) against the limits; check each XML part's declarations."""
    unpacked = xml = 0
    for member in archive.infolist():
        is_xml = member.filename.lower().endswith((".xml", ".rels"))
        size, kept = 0, []
        with archive.open(member) as part:
            while chunk := part.read(_STEP):
                size += len(chunk)
                unpacked += len(chunk)
                if unpacked > limits.max_unpacked_bytes or _bomb(member, size):
                    raise _too_large(name, unpacked, limits.max_unpacked_bytes)
                if is_xml:
                    xml += len(chunk)
                    if xml > limits.max_xml_bytes:
                        raise InputError(
                            f"{name} 的 XML 内容过大（超过 {limits.max_xml_bytes} 字节），"
                            "不像是年度报告，可能是恶意文件"
                        )
                    kept.append(chunk)
        if is_xml:
            _check_xml(b"".join(kept), name, member.filename)


def _bomb(member: zipfile.ZipInfo, size: int) -> bool:
    """A large part inflating far beyond what Office XML does."""
    return size > RATIO_FROM and size > MAX_RATIO * max(member.compress_size, 1)


def _too_large(name: str, size: int, most: int) -> InputError:
    return InputError(f"{name} 解压后过大，可能是恶意文件（{size} 字节，上限 {most} 字节）")


def _check_xml(part: bytes, name: str, member: str) -> None:
    probe = part.decode("utf-16").encode() if part.startswith((b"\xff\xfe", b"\xfe\xff")) else part
    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
        raise InputError(
            f"{name} 的 {member} 含有 DOCTYPE/ENTITY 声明（可用于实体展开攻击），拒绝读取"
        )
