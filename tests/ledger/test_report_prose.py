"""The agency's prose of sections 一, 五 and 六: the action, the lock, the page, the draft."""

from __future__ import annotations

import re
from datetime import date

import pytest

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.ledger import actions
from gongkai.ledger.access import AccessDenied
from gongkai.ledger.actions.prose import ProseInvalid
from gongkai.ledger.annual import ledger_report
from gongkai.ledger.models import AuditEntry, ReportCorrection, ReportProse
from gongkai.report import interchange

from .conftest import World, login

OVERVIEW = "2025年，本机关依法做好政府信息公开工作。\n\n一是完善制度。"


def save(world: World, section: int, text: str, actor: object = None, **kw: object) -> bool:
    return actions.report_prose_save(
        actor=actor or world.clerk,  # type: ignore[arg-type]
        agency=world.agency,
        year=2025,
        section=section,
        text=text,
        **kw,  # type: ignore[arg-type]
    )


def test_saved_prose_is_in_the_ledger_report_with_an_audit_row(world: World) -> None:
    assert save(world, 1, OVERVIEW + "\r\n")
    assert save(world, 6, "无。", actor=world.head)
    report = ledger_report(world.agency, 2025)
    assert report.prose == {1: OVERVIEW, 6: "无。"}
    assert interchange.loads(interchange.dumps(report)).prose == report.prose
    entry = AuditEntry.objects.filter(action="report_prose_save").first()
    assert entry is not None and entry.user == world.head
    assert entry.details == {"year": 2025, "section": 6, "chars": 2}  # never the text itself
    # The same text again changes nothing and writes no audit row; an empty text clears.
    assert not save(world, 1, OVERVIEW)
    assert AuditEntry.objects.filter(action="report_prose_save").count() == 2
    assert save(world, 6, "  ")
    assert ledger_report(world.agency, 2025).prose == {1: OVERVIEW}
    assert ledger_report(world.agency, 2024).prose == {}


def test_only_the_agencys_staff_and_only_prose_sections(world: World) -> None:
    with pytest.raises(AccessDenied):
        save(world, 1, "上级代写", actor=world.supervisor)
    with pytest.raises(AccessDenied):
        save(world, 1, "别家代写", actor=world.stranger)
    with pytest.raises(ProseInvalid, match="统计表格"):
        save(world, 3, "表格部分不能写文字")
    with pytest.raises(ProseInvalid, match="过长"):
        save(world, 5, "字" * 50_001)
    assert not ReportProse.objects.exists()


def test_a_locked_year_needs_a_correction_reason(world: World) -> None:
    save(world, 1, OVERVIEW)
    world.lock(2025)
    with pytest.raises(actions.YearLocked):
        save(world, 1, "改写")
    assert ledger_report(world.agency, 2025).prose[1] == OVERVIEW
    assert save(world, 1, "改写", correction_reason="更正错别字")
    assert ReportCorrection.objects.get().details == {"change": "report_prose_save"}
    assert ledger_report(world.agency, 2025).prose[1] == "改写"


def url(world: World) -> str:
    return f"/years/2025/prose/?agency={world.agency.pk}"


def form(**texts: str) -> dict[str, str]:
    return {"section_1": "", "section_5": "", "section_6": "", "correction_reason": "", **texts}


def test_clerk_writes_through_the_page(world: World) -> None:
    client = login(world.clerk)
    year_page = client.get(f"/years/2025/?agency={world.agency.pk}").content.decode()
    assert url(world).split("?")[0] in year_page
    page = client.get(url(world))
    assert page.status_code == 200
    assert "根据台账数据生成初稿" in page.content.decode()
    response = client.post(url(world), form(section_1=OVERVIEW, section_5="一是……", save="1"))
    assert response.status_code == 302
    assert ledger_report(world.agency, 2025).prose == {1: OVERVIEW, 5: "一是……"}
    assert OVERVIEW.splitlines()[0] in client.get(url(world)).content.decode()


def test_the_draft_fills_section_one_from_the_ledger_without_saving(world: World) -> None:
    for kind in (ApplicantKind.NATURAL_PERSON,) * 3 + (ApplicantKind.COMMERCIAL_ENTERPRISE,):
        app = world.register(received_on=date(2025, 3, 3), applicant_kind=kind)
        actions.application_close(
            actor=world.clerk, application=app, on=date(2025, 3, 20), outcome=Outcome.GRANTED
        )
    world.register(received_on=date(2024, 6, 3))  # last year: carried over, still open
    client = login(world.clerk)
    response = client.post(url(world), form(section_5="保留的第五部分", draft="1"))
    assert response.status_code == 200
    page = response.content.decode()
    textarea = re.search(r'<textarea name="section_1"[^>]*>(.*?)</textarea>', page, re.S)
    assert textarea is not None
    draft = textarea.group(1)
    assert "本年新收政府信息公开申请4件（自然人3件、法人或其他组织1件）" in draft
    assert "较上年（1件）增加3件、增长300%" in draft
    assert "上年结转1件" in draft and "其中予以公开4件" in draft
    assert "结转下年度继续办理1件" in draft
    assert "【请补充：" in draft
    assert "保留的第五部分" in page  # what the clerk typed elsewhere stays in the form
    assert not ReportProse.objects.exists()  # nothing saved until the clerk saves


def test_the_draft_counts_the_catalogue_entries_published_in_the_year(world: World) -> None:
    client = login(world.clerk)

    def draft() -> str:
        page = client.post(url(world), form(draft="1")).content.decode()
        match = re.search(r'<textarea name="section_1"[^>]*>(.*?)</textarea>', page, re.S)
        assert match is not None
        return match.group(1)

    # No catalogue entries may only mean the catalogue is kept elsewhere: a gap, not 「0条」.
    assert "主动公开政府信息【请补充：条数】条" in draft()
    for made, published in ((date(2025, 2, 1), date(2025, 2, 10)), (date(2024, 12, 1), None)):
        actions.catalogue_add(
            actor=world.clerk,
            agency=world.agency,
            title="关于某事项的通知",
            made_on=made,
            published_on=published,
        )
    actions.catalogue_add(
        actor=world.clerk,
        agency=world.agency,
        title="上年公开的通知",
        made_on=date(2024, 3, 1),
        published_on=date(2024, 3, 5),
    )
    assert "在政府信息公开目录中登记并公开政府信息1条" in draft()


def test_supervisor_reads_and_strangers_see_nothing(world: World) -> None:
    save(world, 1, OVERVIEW)
    supervisor = login(world.supervisor)
    page = supervisor.get(url(world))
    assert page.status_code == 200
    text = page.content.decode()
    assert "readonly" in text and "根据台账数据生成初稿" not in text
    assert OVERVIEW.splitlines()[0] in text
    assert supervisor.post(url(world), form(section_1="改写", save="1")).status_code == 403
    assert supervisor.post(url(world), form(draft="1")).status_code == 403
    stranger = login(world.stranger)
    assert stranger.get(url(world)).status_code == 404
    assert stranger.post(url(world), form(section_1="改写", save="1")).status_code == 404
    assert ledger_report(world.agency, 2025).prose == {1: OVERVIEW}


def test_locked_year_refused_on_the_page_without_a_reason(world: World) -> None:
    world.lock(2025)
    client = login(world.clerk)
    response = client.post(url(world), form(section_1=OVERVIEW, save="1"))
    assert response.status_code == 400
    assert "已锁定发布" in response.content.decode()
    assert not ReportProse.objects.exists()
    reason = form(section_1=OVERVIEW, correction_reason="补写总体情况", save="1")
    assert client.post(url(world), reason).status_code == 302
    assert ledger_report(world.agency, 2025).prose == {1: OVERVIEW}
