"""Whether a table's header prints section 三's applicant columns in another order than the
national one (总计 first, 自然人 after the organisations).

Rows read without a header that places each cell are read in the national order of the columns;
where the header printed above them names the columns in another order, that reading would put
every number in a wrong column, so such rows are left out and named instead.
"""

from __future__ import annotations

import re

#: The organisations' columns, in national order: no row label or other header word holds them.
_ORGANISATIONS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构")
#: Header text is printed in cells; a longer piece of text is prose, which may name 总计 first.
_CELL = 30

OUT_OF_ORDER = "表头各栏的顺序与全国统一格式不同（如“总计”在前），无法确定各数字属于哪一栏"


#: Section 二's columns, in national order, per header of an item of article 20 (both editions).
_PROACTIVE = (
    ("本年新制作数量", "本年新公开数量", "对外公开总数量"),
    ("上一年项目数量", "本年增/减", "处理决定数量"),
    ("采购项目数量", "采购总金额"),
    ("本年制发件数", "本年废止件数", "现行有效件数"),
)


#: Any column name either check looks for: text without one is no header for them.
NAMES = re.compile(
    "|".join(re.escape(n) for n in ("自然人", "总计", *_ORGANISATIONS, *sum(_PROACTIVE, ())))
)


def requests_out_of_order(words: list[str]) -> bool | None:
    """Whether the header texts `words` (key form, in printed order) name section 三's applicant
    columns out of the national order; None where they name none. The national header has two
    rows (自然人 · 法人或其他组织 · 总计 over 商业企业 … 其他), printed row by row or column by
    column: either way 自然人 comes before 总计 and before every organisation, and the
    organisations come in their order; where 总计 stands among the organisations depends on the
    printing, so it is not checked."""
    text = "".join(w for w in words if len(w) <= _CELL)
    natural, total = text.find("自然人"), text.find("总计")
    organisations = [p for p in (text.find(n) for n in _ORGANISATIONS) if p >= 0]
    if natural < 0 and not organisations:
        return None
    if natural >= 0 and any(
        p < natural for p in (*organisations, *([total] if total >= 0 else []))
    ):
        return True
    return organisations != sorted(organisations)


def proactive_out_of_order(words: list[str]) -> bool | None:
    """Whether the header texts `words` name the columns of an item of section 二 out of the
    national order; None where they name none."""
    text = "".join(w for w in words if len(w) <= _CELL)
    named = False
    for chain in _PROACTIVE:
        found = [p for p in (text.find(n) for n in chain) if p >= 0]
        named = named or bool(found)
        if found != sorted(found):
            return True
    return False if named else None
