"""The writers' errors, members of the `GongkaiError` family."""

from __future__ import annotations

from gongkai.errors import GongkaiError


class RenderError(GongkaiError):
    """A report that cannot be written in the national layout (e.g. a pre-2019 local format)."""

    code = "render"


class ProseError(GongkaiError):
    """A PROSE.md file that cannot be read or names a section that is not prose."""

    code = "prose"
