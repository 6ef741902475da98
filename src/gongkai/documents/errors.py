"""The documents' errors: members of the `GongkaiError` family, each with a stable `code`."""

from __future__ import annotations

from gongkai.errors import GongkaiError

INSTALL_HINT = (
    "（Debian/Ubuntu：以 root 身份运行 scripts/system-packages.sh，或 apt-get install {packages}）"
)


class DocumentError(GongkaiError):
    """A document that cannot be built as asked: a table whose header does not add up, …"""

    code = "document"


class SystemPackageMissing(DocumentError):
    """A system library or font the PDF writer needs is not installed."""

    code = "system_package_missing"

    def __init__(self, message: str, *packages: str) -> None:
        hint = INSTALL_HINT.format(packages=" ".join(packages))
        super().__init__(f"{message}{hint}", packages=list(packages))
        self.packages = packages


class CjkFontMissing(SystemPackageMissing):
    """No font on this machine can draw Chinese: a PDF would show empty boxes instead of text."""

    code = "cjk_font_missing"

    def __init__(self) -> None:
        super().__init__(
            "本机没有可显示中文的字体，无法生成 PDF（否则文字会显示为空白方框）。"
            "请安装中文字体软件包 fonts-noto-cjk",
            "fonts-noto-cjk",
        )
