"""Personas for the ledger tests: a clerk, a head of office, an administrator, a supervisor of the
city above, and a clerk of a neighbouring agency who must never see this agency's data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from gongkai.application.applicant import ApplicantKind
from gongkai.clock import Channel
from gongkai.ledger import actions
from gongkai.ledger.actions.proactive import proactive_table
from gongkai.ledger.models import (
    Agency,
    Application,
    Membership,
    ProactiveCount,
    Role,
    YearLock,
)
from gongkai.ledger.writes import seeding

#: A well-formed 统一社会信用代码 (GB 32100 check character 9).
ORGANISATION_CODE = "91110101MA01ABCD19"


@dataclass
class World:
    city: Agency
    agency: Agency
    other: Agency
    clerk: Any
    head: Any
    admin: Any
    supervisor: Any
    stranger: Any  # a clerk of `other`

    def register(self, received_on: date = date(2025, 9, 28), **kwargs: Any) -> Application:
        fields: dict[str, Any] = {
            "actor": self.clerk,
            "agency": self.agency,
            "channel": Channel.IN_PERSON,
            "handed_in": received_on,
            "applicant_kind": ApplicantKind.NATURAL_PERSON,
            "applicant_name": "王伟",
            "description": "申请公开某地块征收补偿方案",
            "id_number": "110101198001011232",
            "phone": "13912345678",
        }
        if kwargs.get("applicant_kind", ApplicantKind.NATURAL_PERSON) is not (
            ApplicantKind.NATURAL_PERSON
        ):
            fields["id_number"] = ORGANISATION_CODE  # an organisation shows its credit code
        fields.update(kwargs)
        return actions.application_register(**fields)

    def lock(self, year: int = 2025) -> YearLock:
        """Lock `year` as its head of office, after entering 0 in every cell of section 二 not
        yet entered (a report missing them has an R13 error and cannot be locked)."""
        grid = proactive_table(year)
        entered = set(
            ProactiveCount.objects.filter(agency=self.agency, year=year).values_list(
                "row", "column"
            )
        )
        values = {
            (row.key, column.key): 0
            for row in grid.rows
            for column in row.columns
            if (row.key, column.key) not in entered
        }
        if values:
            actions.proactive_counts_set(
                actor=self.clerk, agency=self.agency, year=year, values=values
            )
        return actions.year_lock(actor=self.head, agency=self.agency, year=year)


@pytest.fixture
def world(db: None) -> World:
    return make_world()


def make_world() -> World:
    with seeding():
        return _make_world()


def _make_world() -> World:
    city = Agency.objects.create(name="示例市人民政府办公室")
    agency = Agency.objects.create(
        name="示例区人民政府办公室",
        parent=city,
        code="A1",
        address="示例区人民路 1 号",
        phone="010-00000000",
        reconsideration_body="示例区人民政府",
    )
    other = Agency.objects.create(name="示例区自然资源局", parent=city)
    User = get_user_model()

    def person(name: str, where: Agency, role: Role) -> Any:
        user = User.objects.create_user(username=name, password="pw-" + name)
        Membership.objects.create(user=user, agency=where, role=role)
        return user

    return World(
        city=city,
        agency=agency,
        other=other,
        clerk=person("clerk", agency, Role.CLERK),
        head=person("head", agency, Role.HEAD),
        admin=person("admin", agency, Role.ADMIN),
        supervisor=person("supervisor", city, Role.SUPERVISOR),
        stranger=person("stranger", other, Role.CLERK),
    )


def login(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client
