"""Old binary office files (.doc, .wps, .et, .xls: OLE2 compound files) → converted by LibreOffice
(`soffice --headless --convert-to docx|xlsx`) and read by the Word or Excel reader.

The file is recognised by its magic bytes (D0 CF 11 E0 …) and told apart by the streams it holds
(「WordDocument」 for Word and WPS text, 「Workbook」/「Book」 for Excel and WPS sheets), or by
its name. LibreOffice runs in a temporary directory with a profile of its own (so it neither
touches nor waits for a user's running office), within `Limits.max_seconds`; its whole process
group is killed when time runs out. Without LibreOffice, one Chinese error says how to convert.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from gongkai.errors import InputError
from gongkai.extract.readers import READERS, Limits, ReadDocument

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_NAMES = (".doc", ".wps", ".dot", ".wpt")
_SHEET_NAMES = (".xls", ".et", ".xlt", ".ett")
_PROGRAMS = ("soffice", "libreoffice")
_LONGEST = 120.0  # seconds a conversion may take, whatever the limits say


def looks_like_legacy(data: bytes, name: str) -> bool:
    return data.startswith(_OLE2)


def _target(data: bytes, name: str) -> str | None:
    """ "docx" or "xlsx": what the file converts to; None when it is neither kind."""
    lowered = name.lower()
    if "WordDocument".encode("utf-16-le") in data or lowered.endswith(_WORD_NAMES):
        return "docx"
    if any(s.encode("utf-16-le") in data for s in ("Workbook", "Book")) or lowered.endswith(
        _SHEET_NAMES
    ):
        return "xlsx"
    return None


def soffice() -> str | None:
    """The LibreOffice program on PATH, if installed."""
    for program in _PROGRAMS:
        found = shutil.which(program)
        if found:
            return found
    return None


def read_legacy(data: bytes, name: str, limits: Limits) -> ReadDocument:
    if len(data) > limits.max_bytes:
        raise InputError(f"{name} 过大（{len(data)} 字节，上限 {limits.max_bytes} 字节）")
    target = _target(data, name)
    if target is None:
        raise InputError(f"{name} 是旧版 Office 复合文档，但既不是 Word 文档也不是表格，无法读取")
    kind = "Word/WPS 文字" if target == "docx" else "Excel/WPS 表格"
    program = soffice()
    if program is None:
        raise InputError(
            f"{name} 是旧版{kind}文件，读取需要 LibreOffice 转换，但未安装 LibreOffice；"
            f"请用 Word 或 WPS 打开后“另存为” .{target} 再读取，"
            f"或安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer-nogui "
            "libreoffice-calc-nogui）"
        )
    converted = convert(data, name, target, program, min(limits.max_seconds, _LONGEST))
    from gongkai.extract.readers.docx import read_docx
    from gongkai.extract.readers.xlsx import read_xlsx

    reader = read_docx if target == "docx" else read_xlsx
    document = reader(converted, f"{name}（转换后）", limits)
    document.notes.insert(0, f"{name} 为旧版{kind}文件，已由 LibreOffice 转换为 .{target} 后读取")
    return document


def convert(data: bytes, name: str, target: str, program: str, seconds: float) -> bytes:
    """The file converted to `target` by LibreOffice, within `seconds`."""
    with tempfile.TemporaryDirectory(prefix="gongkai-soffice-") as tmp:
        work = Path(tmp)
        source = work / ("in.doc" if target == "docx" else "in.xls")
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            target,
            "--outdir",
            str(work / "out"),
            str(source),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: soffice starts soffice.bin
            env={**os.environ, "HOME": str(work)},
        )
        try:
            errors, _ = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise InputError(f"{name} 转换超时（LibreOffice，上限 {seconds:g} 秒）") from None
        output = work / "out" / f"{source.stem}.{target}"
        if process.returncode != 0 or not output.exists():
            said = errors.decode("utf-8", "replace").strip().splitlines()
            why = said[-1] if said else f"退出码 {process.returncode}"
            raise InputError(f"{name} 已损坏或无法转换（LibreOffice：{why}）")
        return output.read_bytes()


READERS.append((looks_like_legacy, read_legacy))
