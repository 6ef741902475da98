"""Old binary office files (.doc, .wps, .et, .xls: OLE2 compound files) → converted by LibreOffice
(`soffice --headless --convert-to docx|xlsx`) and read by the Word or Excel reader.

The file is recognised by its magic bytes (D0 CF 11 E0 …) and told apart by the streams it holds
(「WordDocument」 for Word and WPS text, 「Workbook」/「Book」 for Excel and WPS sheets), or by
its name. LibreOffice runs in a temporary directory with a profile of its own (so it neither
touches nor waits for a user's running office), within `Limits.max_seconds`; its whole process
group is killed when time runs out. Without LibreOffice, one Chinese error says how to convert.

An uploaded file must not make the server fetch URLs (a linked image made LibreOffice send
OPTIONS, HEAD and GET to any address the file names: a blind SSRF). So LibreOffice has no network
at all: it runs in a network namespace of its own (`unshare --net` as root, `unshare -rn` — a user
namespace too — as anyone else), where no address outside it can be reached; and its profile
sends every URL through a proxy that does not exist, so linked content is never fetched even
where no namespace can be made (then the document's notes say so).
"""

from __future__ import annotations

import functools
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
#: Ways to run a program without network, most direct first: a network namespace (needs root or
#: CAP_SYS_ADMIN), or a user namespace holding one (for anyone, where the kernel allows it).
_SANDBOXES = (("unshare", "--net"), ("unshare", "--user", "--map-root-user", "--net"))
#: LibreOffice's profile: every URL goes through a proxy at a closed port (9, discard), so no
#: linked image or object is fetched; images linked from documents are blocked too.
_NO_NETWORK = {
    ("/org.openoffice.Inet/Settings", "ooInetProxyType"): "2",  # manual proxies
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyName"): "127.0.0.1",
    ("/org.openoffice.Inet/Settings", "ooInetHTTPProxyPort"): "9",
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyName"): "127.0.0.1",
    ("/org.openoffice.Inet/Settings", "ooInetHTTPSProxyPort"): "9",
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyName"): "127.0.0.1",
    ("/org.openoffice.Inet/Settings", "ooInetFTPProxyPort"): "9",
    ("/org.openoffice.Inet/Settings", "ooInetNoProxy"): "",
    ("/org.openoffice.Office.Common/Security/Scripting", "BlockUntrustedRefererLinks"): "true",
}


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
    if not sandbox():
        document.notes.insert(
            1,
            "本机无法为 LibreOffice 建立隔离的网络环境（unshare 不可用），"
            "转换时仅靠其配置禁止访问网络",
        )
    return document


@functools.cache
def sandbox() -> tuple[str, ...]:
    """The command prefix that runs a program without network here, or () when none works."""
    for prefix in _SANDBOXES:
        if shutil.which(prefix[0]) is None:
            continue
        try:
            done = subprocess.run(
                [*prefix, "true"], capture_output=True, timeout=10, stdin=subprocess.DEVNULL
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if done.returncode == 0:
            return prefix
    return ()


def _profile(directory: Path) -> None:
    """A LibreOffice profile that fetches nothing from the network (see `_NO_NETWORK`)."""
    items = "".join(
        f'<item oor:path="{path}"><prop oor:name="{prop}" oor:op="fuse">'
        f"<value>{value}</value></prop></item>\n"
        for (path, prop), value in _NO_NETWORK.items()
    )
    user = directory / "user"
    user.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        f"{items}</oor:items>\n",
        encoding="utf-8",
    )


def convert(
    data: bytes, name: str, target: str, program: str, seconds: float, *, isolated: bool = True
) -> bytes:
    """The file converted to `target` by LibreOffice, within `seconds`; without network (in a
    network namespace unless not `isolated`, and by its profile in any case)."""
    with tempfile.TemporaryDirectory(prefix="gongkai-soffice-") as tmp:
        work = Path(tmp)
        source = work / ("in.doc" if target == "docx" else "in.xls")
        source.write_bytes(data)
        _profile(work / "profile")
        command = [
            *(sandbox() if isolated else ()),
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
