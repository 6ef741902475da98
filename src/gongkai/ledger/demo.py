"""A demo agency with staff and a realistic year of applications, made through the real actions.

Used by `gongkai serve` on an empty database and by the tests. Dates come from `today`; every
random choice from the `random.Random` passed in, so a seed reproduces the same ledger.
"""

from __future__ import annotations

import contextlib
import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import CREDIT_CHARACTERS, credit_check, resident_check
from gongkai.application.outcome import Outcome
from gongkai.clock import Calendar, Channel, ScheduleMissing
from gongkai.ledger import actions
from gongkai.ledger.access import Actor
from gongkai.ledger.deadlines import calendar
from gongkai.ledger.models import (
    Agency,
    AppealKind,
    AppealResult,
    Application,
    DeliveryChannel,
    Membership,
    Role,
)
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

T = TypeVar("T")

CITY = "示例市人民政府办公室"
AGENCY = "示例市示例区人民政府办公室"
OTHER = "示例市示例区自然资源局"

STAFF = (
    ("clerk", "经办人", AGENCY, Role.CLERK),
    ("head", "负责人", AGENCY, Role.HEAD),
    ("admin", "管理员", AGENCY, Role.ADMIN),
    ("clerk2", "自然资源局经办人", OTHER, Role.CLERK),
    ("supervisor", "市政务公开办", CITY, Role.SUPERVISOR),
)

_KINDS = [
    (ApplicantKind.NATURAL_PERSON, 80),
    (ApplicantKind.COMMERCIAL_ENTERPRISE, 9),
    (ApplicantKind.LEGAL_SERVICE_ORG, 5),
    (ApplicantKind.SOCIAL_WELFARE_ORG, 2),
    (ApplicantKind.RESEARCH_INSTITUTION, 1),
    (ApplicantKind.OTHER_ORG, 3),
]
_OUTCOMES = [
    (Outcome.GRANTED, 34),
    (Outcome.PARTIALLY_GRANTED, 9),
    (Outcome.UNABLE_NOT_HELD, 24),
    (Outcome.UNABLE_NEEDS_CREATION, 4),
    (Outcome.DENIED_PROCESS_INFORMATION, 4),
    (Outcome.DENIED_THIRD_PARTY_RIGHTS, 2),
    (Outcome.DENIED_INTERNAL_AFFAIRS, 2),
    (Outcome.REJECTED_DUPLICATE, 5),
    (Outcome.REJECTED_PETITION_COMPLAINT, 6),
    (Outcome.REJECTED_CONFIRMATION, 2),
    (Outcome.OTHER_MISC, 3),
]
_SUBJECTS = (
    "某地块征收补偿方案",
    "某路段拓宽工程立项批复",
    "2024年度区级财政预算执行情况",
    "某小区旧改项目实施方案",
    "某企业环境影响评价审批文件",
    "某村集体土地征收批文",
    "区政府常务会议纪要（涉及拆迁安置部分）",
    "某学校新建工程规划许可",
)
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"


@dataclass(frozen=True)
class Demo:
    agency: Agency
    passwords: dict[str, str]
    year: int  # the full demo year, whose report is complete


def _pick(rng: random.Random, weighted: Sequence[tuple[T, int]]) -> T:
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


@transaction.atomic
def create_demo(
    *, today: date, rng: random.Random, passwords: dict[str, str] | None = None
) -> Demo:
    User = get_user_model()
    given: dict[str, str] = {}
    # The site administrator (holiday schedules, agencies, roles): no agency of its own.
    password = (passwords or {}).get("siteadmin") or secrets.token_urlsafe(9)
    siteadmin = User.objects.create_superuser(
        username="siteadmin", password=password, first_name="系统管理员"
    )
    given["siteadmin"] = password

    def agency_of(**fields: Any) -> Agency:
        agency = Agency(**fields)
        actions.agency_save(actor=siteadmin, agency=agency, on=today)
        return agency

    city = agency_of(name=CITY, code="11000000MB0000000A")
    agency = agency_of(
        name=AGENCY,
        code="11000001MB0000000B",
        parent=city,
        reconsideration_body="示例市示例区人民政府",
        court="示例市示例区人民法院",
        address="示例市示例区人民路 1 号",
        office_hours="工作日 9:00–17:00",
        phone="010-00000000",
    )
    other = agency_of(name=OTHER, code="11000002MB0000000C", parent=city)
    by_name = {CITY: city, AGENCY: agency, OTHER: other}
    users: dict[str, Actor] = {}
    for username, display, agency_name, role in STAFF:
        password = (passwords or {}).get(username) or secrets.token_urlsafe(9)
        user = User.objects.create_user(username=username, password=password, first_name=display)
        Membership.objects.create(user=user, agency=by_name[agency_name], role=role)
        users[username], given[username] = user, password

    cal = calendar()
    year = today.year - 1
    _applications(rng, cal, agency, users["clerk"], users["head"], date(year, 1, 2), today)
    _applications(rng, cal, other, users["clerk2"], None, date(year, 3, 1), today, scale=0.2)
    _appeals(agency, users["clerk"], year)
    for y in (year, today.year):
        _proactive(rng, agency, users["clerk"], y)
    _catalogue(rng, agency, users["clerk"], year, today)
    return Demo(agency=agency, passwords=given, year=year)


def _applications(
    rng: random.Random,
    cal: Calendar,
    agency: Agency,
    clerk: Actor,
    head: Actor | None,
    start: date,
    today: date,
    scale: float = 1.0,
) -> None:
    day = start
    while day <= today:
        if cal.is_working_day(day) and rng.random() < 0.55 * scale:
            _one(rng, cal, agency, clerk, head, day, today)
        day += timedelta(days=1)


def _one(
    rng: random.Random,
    cal: Calendar,
    agency: Agency,
    clerk: Actor,
    head: Actor | None,
    received: date,
    today: date,
) -> None:
    kind = _pick(rng, _KINDS)
    name = rng.choice(_SURNAMES) + rng.choice("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞")
    if kind is not ApplicantKind.NATURAL_PERSON:
        name = {
            ApplicantKind.LEGAL_SERVICE_ORG: "某某律师事务所",
            ApplicantKind.COMMERCIAL_ENTERPRISE: "某某置业有限公司",
        }.get(kind, "某某协会")
    app = actions.application_register(
        actor=clerk,
        agency=agency,
        channel=rng.choice(list(Channel)),
        handed_in=received,
        signed_for=received,
        confirmed=received,
        applicant_kind=kind,
        applicant_name=name,
        description=f"申请公开{rng.choice(_SUBJECTS)}",
        id_number=_id_number(rng, kind),
        phone=f"139{rng.randint(10_000_000, 99_999_999)}",
    )
    # A step that would fall in a year with no holiday schedule yet leaves the request open.
    with contextlib.suppress(ScheduleMissing):
        _handle(rng, cal, app, clerk, head, received, today)


def _id_number(rng: random.Random, kind: ApplicantKind) -> str:
    """A well-formed number (`gongkai.application.identity`): a resident ID for a person, a
    统一社会信用代码 for an organisation."""
    if kind is ApplicantKind.NATURAL_PERSON:
        first = f"1101011980{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(100, 999)}"
        return first + resident_check(first)
    body = "".join(rng.choice(CREDIT_CHARACTERS) for _ in range(9))
    first = f"91110101{body}"
    return first + credit_check(first)


def _handle(
    rng: random.Random,
    cal: Calendar,
    app: Application,
    clerk: Actor,
    head: Actor | None,
    received: date,
    today: date,
) -> None:
    on = received
    roll = rng.random()
    if roll < 0.12:  # 补正
        on = cal.add_working_days(received, rng.randint(1, 5))
        if on > today:
            return
        actions.application_request_correction(
            actor=clerk, application=app, on=on, note="请明确所需信息的名称或文号"
        )
        delivered = cal.add_working_days(on, rng.randint(1, 3))  # by post, signed for
        if delivered > today:
            return
        actions.application_deliver_correction_request(
            actor=clerk,
            application=app,
            on=delivered,
            channel=DeliveryChannel.POST,
            signed_by=app.applicant_name,
        )
        if rng.random() < 0.2:
            lapse = cal.add_working_days(delivered, app.agency.correction_working_days + 1)
            if lapse <= today:
                actions.application_close(
                    actor=clerk, application=app, on=lapse, outcome=Outcome.OTHER_NO_CORRECTION
                )
            return
        on = cal.add_working_days(delivered, rng.randint(2, 10))
        if on > today:
            return
        actions.application_receive_correction(actor=clerk, application=app, on=on)
    elif roll < 0.17:  # 征求第三方意见
        on = cal.add_working_days(received, rng.randint(2, 6))
        if on > today:
            return
        actions.application_start_consultation(
            actor=clerk, application=app, on=on, party="third_party"
        )
        on = cal.add_working_days(on, rng.randint(5, 15))
        if on > today:
            return
        actions.application_end_consultation(actor=clerk, application=app, on=on)
    app.refresh_from_db()
    if head is not None and app.due_on is not None and on <= app.due_on and rng.random() < 0.05:
        actions.application_extend(
            actor=head, application=app, on=on, working_days=rng.choice((10, 15, 20))
        )
        app.refresh_from_db()
    if app.due_on is None:
        return  # the deadline runs into a year whose holidays are not entered yet: still open
    if (today - received).days < 60 and rng.random() < 0.15:
        return  # not answered yet, some of them past their deadline: the queue shows them red
    close_on = min(app.due_on, cal.add_working_days(on, rng.randint(3, 22)))
    if rng.random() < 0.03:
        close_on = cal.add_working_days(
            app.due_on, rng.randint(1, 4)
        )  # a late answer, now and then
    if close_on > today - timedelta(days=rng.randint(0, 12)):
        return  # still being handled
    outcome = _pick(rng, _OUTCOMES)
    actions.application_close(actor=clerk, application=app, on=close_on, outcome=outcome)


def _appeals(agency: Agency, clerk: Actor, year: int) -> None:
    closed = list(
        Application.objects.filter(
            agency=agency, closed_on__year=year, outcome__startswith="unable"
        )[:4]
    )
    cases = [
        (AppealKind.RECONSIDERATION, AppealResult.UPHELD),
        (AppealKind.RECONSIDERATION, AppealResult.UPHELD),
        (AppealKind.RECONSIDERATION, None),
        (AppealKind.LITIGATION_DIRECT, AppealResult.OTHER),
    ]
    for (kind, result), app in zip(cases, closed, strict=False):
        assert app.closed_on is not None
        filed = app.closed_on + timedelta(days=20)
        if filed.year != year:
            continue
        appeal = actions.appeal_register(
            actor=clerk,
            agency=agency,
            kind=kind,
            filed_on=filed,
            application=app,
            case_number=f"（{year}）示复字第{app.pk}号",
        )
        if result is not None:
            actions.appeal_decide(
                actor=clerk,
                appeal=appeal,
                result=result,
                decided_on=min(filed + timedelta(days=50), date(year, 12, 31)),
            )


def _proactive(rng: random.Random, agency: Agency, clerk: Actor, year: int) -> None:
    edition = Edition.for_year(year)
    values: dict[tuple[str, str], int | Decimal] = {}
    for row, col in table(edition, Section.PROACTIVE).cells():
        if row.key == "rules":
            values[(row.key, col.key)] = 0  # a district office makes no 规章 (R10)
        elif col.key == "amount_10k_yuan":
            values[(row.key, col.key)] = Decimal(rng.randint(0, 500)) / 10
        elif col.key == "in_force":
            values[(row.key, col.key)] = rng.randint(20, 60)
        else:
            values[(row.key, col.key)] = rng.randint(0, 40)
    if edition is Edition.E2021:  # keep in_force = issued + (earlier stock) − repealed sensible
        issued = values[("normative_documents", "issued")]
        values[("normative_documents", "repealed")] = min(issued, 3)
    actions.proactive_counts_set(actor=clerk, agency=agency, year=year, values=values)


def _catalogue(rng: random.Random, agency: Agency, clerk: Actor, year: int, today: date) -> None:
    """The year's catalogue: mostly published within a few days, now and then late, the last
    item not yet published."""
    for n, subject in enumerate(_SUBJECTS, start=1):
        made = date(year, rng.randint(1, 12), rng.randint(1, 28))
        published: date | None = made + timedelta(days=rng.choice((1, 3, 7, 14, 20, 45)))
        if n == len(_SUBJECTS) or published is None or published > today:
            published = None
        actions.catalogue_add(
            actor=clerk,
            agency=agency,
            title=subject,
            category="重点领域信息",
            made_on=made,
            published_on=published,
        )
