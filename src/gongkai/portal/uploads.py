"""Identity documents uploaded with an online application: checked by content (not by name),
bounded in size and number, stored outside the web root under random names."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from gongkai.errors import InputError

MAX_BYTES = 5 * 1024 * 1024
MAX_FILES = 3
#: Accepted types, recognised by their first bytes.
SIGNATURES = {
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "application/pdf": (b"%PDF-",),
}


@dataclass(frozen=True)
class CheckedFile:
    original_name: str
    content_type: str
    data: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def check_upload(name: str, data: bytes) -> CheckedFile:
    """The file if it is a JPEG, PNG or PDF of at most 5 MB; InputError in Chinese otherwise."""
    shown = Path(name).name[:100] or "未命名文件"
    if not data:
        raise InputError(f"文件“{shown}”是空的")
    if len(data) > MAX_BYTES:
        raise InputError(f"文件“{shown}”超过 5 MB，请压缩后再上传")
    for content_type, prefixes in SIGNATURES.items():
        if data.startswith(prefixes):
            return CheckedFile(shown, content_type, data)
    raise InputError(f"文件“{shown}”不是 JPG、PNG 或 PDF 格式，请上传身份证明的照片或扫描件")


def upload_dir() -> Path:
    path = Path(settings.GONGKAI_UPLOAD_DIR)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def store(file: CheckedFile) -> str:
    """Write the file under a random name; return that name."""
    stored = uuid.uuid4().hex
    target = upload_dir() / stored
    with open(target, "xb") as out:
        out.write(file.data)
    target.chmod(0o600)
    return stored


def path_of(stored_name: str) -> Path:
    if not stored_name.isalnum():
        raise InputError("附件名称无效")
    return upload_dir() / stored_name
