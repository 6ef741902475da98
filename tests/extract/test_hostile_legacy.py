"""An uploaded .doc linking an image at a URL must not make LibreOffice fetch it (a blind SSRF:
it sent OPTIONS, HEAD and GET to the address). A real listener on 127.0.0.1 counts connections
while gongkai reads the file: none, with the network namespace, and with the profile alone."""

from __future__ import annotations

import contextlib
import io
import socket
import subprocess
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from gongkai.errors import GongkaiError
from gongkai.extract import extract_file
from gongkai.extract.readers.legacy import convert, sandbox, soffice

_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
_PICTURE = (
    '<wp:inline><wp:extent cx="952500" cy="952500"/><wp:docPr id="1" name="p"/><a:graphic>'
    '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
    '<pic:nvPicPr><pic:cNvPr id="1" name="p"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
    '<a:blip r:link="rId9"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>'
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="952500" cy="952500"/></a:xfrm>'
    '<a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>'
)
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _linking_docx(url: str) -> bytes:
    """A Word file whose one image is linked (not embedded) from `url`."""
    document = (
        f"<w:document {_NS}><w:body>"
        "<w:p><w:r><w:t>2020年政府信息公开工作年度报告</w:t></w:r></w:p>"
        f"<w:p><w:r><w:drawing>{_PICTURE}</w:drawing></w:r></w:p></w:body></w:document>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        package.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
            f'Type="{_OFFICE}/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr("word/document.xml", document)
        package.writestr(
            "word/_rels/document.xml.rels",
            f'<Relationships xmlns="{_RELS}"><Relationship Id="rId9" Type="{_OFFICE}/image" '
            f'Target="{url}" TargetMode="External"/></Relationships>',
        )
    return out.getvalue()


class Listener:
    """A TCP server on 127.0.0.1 that answers 404 and remembers every request it got."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.requests: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.server.accept()
            except OSError:
                return
            with connection:
                connection.settimeout(5)
                try:
                    self.requests.append(connection.recv(1000))
                    connection.sendall(b"HTTP/1.0 404 Not Found\r\n\r\n")
                except OSError:
                    self.requests.append(b"")


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.server.close()


@pytest.fixture(scope="module")
def linking_doc(tmp_path_factory: pytest.TempPathFactory, listener: Listener) -> Path:
    """The .doc, made by LibreOffice itself from the linking Word file, in a network namespace
    (so that making it fetches nothing either)."""
    program = soffice()
    assert program is not None, "LibreOffice 未安装：请运行 scripts/system-packages.sh"
    tmp = tmp_path_factory.mktemp("ssrf")
    url = f"http://127.0.0.1:{listener.port}/linked.png"
    (tmp / "linked.docx").write_bytes(_linking_docx(url))
    command = [
        program,
        f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
        "--headless",
        "--convert-to",
        "doc",
        "--outdir",
        str(tmp),
        str(tmp / "linked.docx"),
    ]
    for namespace in (["unshare", "--net"], ["unshare", "-rn"]):
        if subprocess.run([*namespace, "true"], capture_output=True).returncode == 0:
            subprocess.run([*namespace, *command], check=True, capture_output=True, timeout=180)
            break
    doc = (tmp / "linked.doc").read_bytes()
    assert url.encode("utf-16-le") in doc or url.encode() in doc  # the link survived
    assert listener.requests == []
    return tmp / "linked.doc"


def _read(path: Path) -> None:
    with contextlib.suppress(GongkaiError):  # a one-paragraph file holds no report
        extract_file(path)


def test_reading_a_doc_that_links_an_image_fetches_nothing(
    linking_doc: Path, listener: Listener
) -> None:
    _read(linking_doc)
    time.sleep(0.5)
    assert listener.requests == []


def test_the_profile_alone_fetches_nothing(linking_doc: Path, listener: Listener) -> None:
    """Without the network namespace (a machine that cannot make one), the profile holds."""
    program = soffice()
    assert program is not None
    converted = convert(
        linking_doc.read_bytes(), "linked.doc", "docx", program, 180, isolated=False
    )
    assert converted.startswith(b"PK")
    time.sleep(0.5)
    assert listener.requests == []


def test_a_sandbox_is_found_here() -> None:
    """As root, a network namespace; as anyone else, one inside a user namespace."""
    assert sandbox()[:1] == ("unshare",) and "--net" in sandbox()
