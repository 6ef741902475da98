"""The letters' errors: members of the `GongkaiError` family, each with a stable `code`."""

from __future__ import annotations

from gongkai.errors import GongkaiError


class LetterError(GongkaiError):
    """A letter that cannot be written from the facts given."""

    code = "letter"


class TemplateError(LetterError):
    """An edited template that cannot be used: an unknown placeholder or a stray `$`."""

    code = "letter_template"


class MissingFacts(LetterError):
    """The template asks for facts the application does not have yet."""

    code = "letter_missing_facts"
