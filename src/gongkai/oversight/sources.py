"""What a batch import reads: every file of a directory (recursively) or of a ZIP archive.

A ZIP is checked before anything is extracted: names that climb out of the archive (「../」, an
absolute path) are refused one by one, and an archive whose members would expand beyond the limits
(total size, compression ratio — a 「zip bomb」) is refused whole. Members are read in the workers,
straight from the archive, never written to disk.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gongkai.errors import InputError
from gongkai.oversight.reading import Item

#: Files that are never reports: system litter of archivers and file managers, and the manifest
#: `gongkai corpus generate` writes next to a generated corpus.
_LITTER = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")
_TOP_LEVEL = ("manifest.json",)


@dataclass(frozen=True)
class ZipLimits:
    max_members: int = 100_000
    max_total_bytes: int = 4_000_000_000  # everything unpacked
    max_member_bytes: int = 50_000_000
    max_ratio: float = 200.0  # unpacked / packed, per member (text compresses ~10×)


@dataclass
class Sources:
    items: list[Item]
    refused: list[tuple[str, str]]  # (name, reason in Chinese)


def collect(source: str | Path, limits: ZipLimits = ZipLimits()) -> Sources:
    path = Path(source)
    if path.is_dir():
        return _directory(path)
    if not path.exists():
        raise InputError(f"找不到 {path}")
    if zipfile.is_zipfile(path):
        return _archive(path, limits)
    raise InputError(f"{path.name} 既不是目录也不是 ZIP 压缩包")


def _litter(name: str) -> bool:
    parts = PurePosixPath(name).parts
    if name in _TOP_LEVEL:
        return True
    return any(name.startswith(x) or x in parts for x in _LITTER) or any(
        p.startswith(".") and p not in (".", "..") for p in parts
    )


def _directory(root: Path) -> Sources:
    items = [
        Item(str(p.relative_to(root)), str(p), size=p.stat().st_size)
        for p in sorted(root.rglob("*"))
        if p.is_file() and not _litter(str(p.relative_to(root)))
    ]
    return Sources(items, [])


def _archive(path: Path, limits: ZipLimits) -> Sources:
    try:
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
    except (zipfile.BadZipFile, OSError) as exc:
        raise InputError(f"{path.name} 不是有效的 ZIP 压缩包：{exc}") from None
    if len(members) > limits.max_members:
        raise InputError(f"{path.name} 含 {len(members)} 个文件，超过上限 {limits.max_members}")
    total = sum(m.file_size for m in members)
    if total > limits.max_total_bytes:
        raise InputError(
            f"{path.name} 解压后共 {total} 字节，超过上限 {limits.max_total_bytes} 字节，已拒绝"
        )
    items: list[Item] = []
    refused: list[tuple[str, str]] = []
    for member in members:
        name = member.filename
        if _litter(name):
            continue
        if reason := _member_problem(member, limits):
            refused.append((name, reason))
        else:
            items.append(Item(name, name, archive=str(path), size=member.file_size))
    return Sources(items, refused)


def _member_problem(member: zipfile.ZipInfo, limits: ZipLimits) -> str | None:
    name = member.filename.replace("\\", "/")
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or (len(name) > 1 and name[1] == ":"):
        return "文件名指向压缩包以外的位置，已拒绝"
    if member.flag_bits & 0x1:
        return "文件已加密，无法读取"
    if member.file_size > limits.max_member_bytes:
        return f"解压后 {member.file_size} 字节，超过单个文件上限 {limits.max_member_bytes} 字节"
    if member.file_size > 1_000_000 and member.file_size > limits.max_ratio * max(
        member.compress_size, 1
    ):
        return "压缩比异常（疑似压缩炸弹），已拒绝"
    return None
