"""The 政府信息公开目录 (第十二条): adding an item with its 索引号, and recording its publication,
which 第二十六条 wants within 20 working days of the information being made or changed."""

from __future__ import annotations

from datetime import date

from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.counter import next_serial
from gongkai.ledger.actions.steps import InvalidRequest
from gongkai.ledger.models import Agency, CatalogueCounter, CatalogueItem
from gongkai.ledger.models.agency import index_pattern_problem
from gongkai.ledger.writes import action

_INDEX_MAX = CatalogueItem._meta.get_field("index_number").max_length or 80


@action
def catalogue_add(
    *,
    actor: Actor,
    agency: Agency,
    title: str,
    made_on: date,
    category: str = "",
    summary: str = "",
    published_on: date | None = None,
) -> CatalogueItem:
    """A new catalogue item; its 索引号 is the agency's pattern filled with the agency's code, the
    year it was made and the next serial of that year."""
    require_role(actor, agency, *STAFF_ROLES)
    if not title.strip():
        raise InvalidRequest("标题不能为空")
    if published_on is not None and published_on < made_on:
        raise InvalidRequest(f"公开日期 {published_on} 早于制作日期 {made_on}")
    item = CatalogueItem.objects.create(
        agency=agency,
        index_number=_index_number(agency, made_on.year),
        title=title.strip(),
        category=category.strip(),
        summary=summary.strip(),
        made_on=made_on,
        published_on=published_on,
    )
    audit(
        actor=actor,
        agency=agency,
        action="catalogue_add",
        obj=item,
        index_number=item.index_number,
        made_on=made_on,
        published_on=published_on,
    )
    return item


def _index_number(agency: Agency, year: int) -> str:
    """The next free 索引号 of the year. The counter row stays locked until the transaction ends,
    so simultaneous additions queue; numbers already taken (entered before the counter existed)
    are skipped."""
    pattern = agency.index_pattern
    if problem := index_pattern_problem(pattern):
        raise InvalidRequest(f"{problem}；请管理员修改本机关的索引号格式")
    if "{code" in pattern and not agency.code.strip():
        raise InvalidRequest("本机关尚未填写机构代码，无法按索引号格式生成索引号；请管理员先填写")
    while True:
        serial = next_serial(CatalogueCounter, agency, year)
        number = pattern.format(code=agency.code.strip(), year=year, serial=serial)
        if len(number) > _INDEX_MAX:
            raise InvalidRequest(f"生成的索引号“{number}”超过 {_INDEX_MAX} 个字符")
        if not CatalogueItem.objects.filter(agency=agency, index_number=number).exists():
            return number


@action
def catalogue_publish(*, actor: Actor, item: CatalogueItem, published_on: date) -> CatalogueItem:
    """Record the day the item was published; recorded once, so its timeliness stays true."""
    item = CatalogueItem.objects.select_for_update().select_related("agency").get(pk=item.pk)
    require_role(actor, item.agency, *STAFF_ROLES)
    if item.published_on is not None:
        raise InvalidRequest(f"“{item.title}”已于 {item.published_on} 公开，公开日期不能更改")
    if published_on < item.made_on:
        raise InvalidRequest(f"公开日期 {published_on} 早于制作日期 {item.made_on}")
    item.published_on = published_on
    item.save(update_fields=["published_on"])
    audit(
        actor=actor,
        agency=item.agency,
        action="catalogue_publish",
        obj=item,
        published_on=published_on,
    )
    return item
