"""Every write to the ledger's records goes through a named action (`gongkai.ledger.actions`).

`action` marks an action: it runs in one transaction and is the only place where a ledger row may
be saved or deleted. A guard on every ledger model refuses a save or a delete anywhere else: the
admin site's default save, a form's `save()`, a stray `objects.create`. (A queryset's `update()`
sends no signal: `tests/ledger/test_writes.py` holds the code outside the actions free of those.)
`seeding()` opens the door for setting a site up from nothing: the tests' fixtures.

Not guarded, each for its reason (`UNGUARDED`): the people-and-roles table the site administrator
keeps in the admin site, and the outbox the notifier writes after an action's commit. (Letter
templates are edited through `letter_template_save`/`letter_template_reset`, audited there.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ParamSpec, TypeVar

from django.apps import apps
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import pre_delete, pre_save

from gongkai.errors import GongkaiError

P = ParamSpec("P")
R = TypeVar("R")

_inside: ContextVar[int] = ContextVar("gongkai_ledger_action", default=0)

UNGUARDED = {
    "Membership": "人员和角色由系统管理员在管理后台维护",
    "OutboxMessage": "通知发件箱由通知程序在操作提交后写入",
}


class WriteOutsideAction(GongkaiError):
    code = "write_outside_action"


def action(fn: Callable[P, R]) -> Callable[P, R]:
    """Mark `fn` as a named action: atomic, and allowed to write ledger rows."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        token = _inside.set(_inside.get() + 1)
        try:
            with transaction.atomic():
                return fn(*args, **kwargs)
        finally:
            _inside.reset(token)

    return wrapper


@contextmanager
def seeding() -> Iterator[None]:
    """Allow direct writes while a site is set up from nothing (tests' fixtures)."""
    token = _inside.set(_inside.get() + 1)
    try:
        yield
    finally:
        _inside.reset(token)


def _refuse(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if kwargs.get("raw") or _inside.get():
        return
    raise WriteOutsideAction(
        f"“{sender._meta.verbose_name}”只能通过台账的操作（gongkai.ledger.actions）修改，"
        "不能直接保存或删除"
    )


def guard_ledger_models() -> None:
    """Connect the guard to every ledger model but the `UNGUARDED` ones (at app start)."""
    for model in apps.get_app_config("ledger").get_models():
        if model.__name__ in UNGUARDED:
            continue
        pre_save.connect(_refuse, sender=model, dispatch_uid=f"guard-save-{model.__name__}")
        pre_delete.connect(_refuse, sender=model, dispatch_uid=f"guard-delete-{model.__name__}")
