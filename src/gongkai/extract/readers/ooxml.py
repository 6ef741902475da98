"""Checks on an Office Open XML package (a .docx or .xlsx is a zip of XML parts) before any
library parses it: zip bombs, too many parts, a missing main part, and XML entity expansion."""

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


def check_package(data: bytes, name: str, limits: Limits, *, main_part: str, kind: str) -> None:
    """Refuse `data` unless it is a sound package holding `main_part`; `kind` names the format
    in the message (「Word」, 「Excel」)."""
    invalid = f"{name} 不是有效的 {kind} 文件"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise InputError(f"{name} 解压后过大，可能是恶意文件（{len(members)} 个部件）")
            total = sum(m.file_size for m in members)
            bomb = any(
                m.file_size > RATIO_FROM and m.file_size > MAX_RATIO * max(m.compress_size, 1)
                for m in members
            )
            if total > limits.max_unpacked_bytes or bomb:
                raise InputError(
                    f"{name} 解压后过大，可能是恶意文件"
                    f"（{total} 字节，上限 {limits.max_unpacked_bytes} 字节）"
                )
            if main_part not in archive.namelist():
                raise InputError(f"{invalid}（缺少 {main_part}）")
            for member in members:
                if member.filename.lower().endswith((".xml", ".rels")):
                    _check_xml(archive.read(member), name, member.filename)
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


def _check_xml(part: bytes, name: str, member: str) -> None:
    probe = part.decode("utf-16").encode() if part.startswith((b"\xff\xfe", b"\xfe\xff")) else part
    if b"<!DOCTYPE" in probe or b"<!ENTITY" in probe:
        raise InputError(
            f"{name} 的 {member} 含有 DOCTYPE/ENTITY 声明（可用于实体展开攻击），拒绝读取"
        )
