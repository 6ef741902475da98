"""Letter templates an agency's administrator may edit, with `string.Template` semantics:
`${name}` (or `$name`) is replaced by a fact, `$$` is a dollar sign, and nothing else is code — no
attribute access, no expressions. An edited template is checked before it is used."""

from __future__ import annotations

import string
from dataclasses import dataclass

from gongkai.letters.errors import TemplateError
from gongkai.letters.kinds import LetterKind
from gongkai.letters.placeholders import PLACEHOLDERS, listing
from gongkai.letters.texts_answers import ANSWERS
from gongkai.letters.texts_procedure import PROCEDURE

DEFAULT_BODIES: dict[LetterKind, str] = {**ANSWERS, **PROCEDURE}
assert DEFAULT_BODIES.keys() == set(LetterKind)


@dataclass(frozen=True)
class LetterTemplate:
    """A title and a body; each non-blank line of the body is one paragraph."""

    title: str
    body: str

    def placeholders(self) -> frozenset[str]:
        """The placeholders the template uses, after checking it."""
        return check_template(self.title) | check_template(self.body)

    @property
    def has_remedy(self) -> bool:
        return "remedy" in self.placeholders()


def default_template(kind: LetterKind) -> LetterTemplate:
    return LetterTemplate(kind.default_title, DEFAULT_BODIES[kind])


def check_template(text: str) -> frozenset[str]:
    """The placeholders in `text`, or a `TemplateError` naming what is wrong and what is valid."""
    template = string.Template(text)
    if not template.is_valid():
        raise TemplateError(
            "模板中的「$」用法不正确：占位符应写成 ${名称}，要写美元符号本身请写成 $$。"
            f"可用的占位符：{listing()}"
        )
    names = frozenset(template.get_identifiers())
    unknown = sorted(names - PLACEHOLDERS.keys())
    if unknown:
        shown = "、".join(f"${{{name}}}" for name in unknown)
        raise TemplateError(
            f"模板中有未知的占位符：{shown}。可用的占位符：{listing()}",
            unknown=unknown,
            valid=list(PLACEHOLDERS),
        )
    return names


def as_template(kind: LetterKind, template: LetterTemplate | str | None) -> LetterTemplate:
    """The template to use: the default, an edited body under the default title, or a whole one."""
    if template is None:
        return default_template(kind)
    if isinstance(template, str):
        return LetterTemplate(kind.default_title, template)
    return template
