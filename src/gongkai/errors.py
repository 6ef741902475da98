"""The one error family of gongkai.

Every error a person can cause (a bad file, a wrong argument) is a `GongkaiError` with a stable
`code`, a message in Chinese for people, and the data behind it for machines. The CLI turns it into
one clear line and exit status 2; the web turns it into an error page or a JSON error. Anything else
that escapes is a bug in gongkai, not in the input.
"""

from __future__ import annotations

from typing import Any


class GongkaiError(Exception):
    """An error in the input or the request, explained in Chinese."""

    code = "error"

    def __init__(self, message: str, *, path: str | None = None, **data: Any) -> None:
        self.message = message
        self.path = path
        self.data = data
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.path}：{self.message}" if self.path else self.message

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.path:
            out["path"] = self.path
        if self.data:
            out["data"] = self.data
        return out


class FormatError(GongkaiError):
    """A report file breaks the `gongkai.annual-report/1` format."""

    code = "format"


class InputError(GongkaiError):
    """A file cannot be read at all: missing, empty, binary, undecodable, too large."""

    code = "input"


class ExtractionError(GongkaiError):
    """A document was read but holds no annual report gongkai can recognise."""

    code = "extraction"
