"""The prose of generated reports (sections 一, 五, 六), written the way agencies write it — and
copied the way some of them copy it from last year.

A paragraph is a choice of clauses from its topic's pool. Copying keeps last year's choice (only
the year and the numbers change: a copy `gongkai.corpus.prose_diff` must call copied); a near-copy
keeps it and slips in one more clause; a new paragraph takes clauses last year's did not use.
"""

from __future__ import annotations

import enum
import random
from dataclasses import dataclass

from gongkai.report.document import Report

_TOPICS: dict[str, tuple[str, ...]] = {
    "intro": (
        "{year}年，本机关坚持以习近平新时代中国特色社会主义思想为指导",
        "全面贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求",
        "紧紧围绕中心工作，不断提升政务公开标准化规范化水平",
        "把政务公开作为转变政府职能、建设法治政府的重要抓手",
        "成立了由主要负责同志任组长的政务公开工作领导小组",
        "将政务公开工作纳入年度绩效考核，考核分值占比{n}%",
        "全年召开专题会议{n}次研究部署政务公开重点任务",
        "以公开促落实、以公开促规范、以公开促服务",
    ),
    "proactive": (
        "（一）主动公开。{year}年通过门户网站主动公开政府信息{n}条",
        "及时公开财政预决算、重大建设项目、公共资源配置等重点领域信息",
        "围绕优化营商环境、乡村振兴等重点工作发布政策解读{n}篇",
        "通过政务新媒体发布信息{n}条，阅读量持续增长",
        "对规范性文件实行统一登记、统一编号、统一公布",
        "全面梳理公共服务事项清单并动态更新",
        "开设专题专栏{n}个，集中展示民生实事办理进展",
        "坚持“公开为常态、不公开为例外”原则，做到应公开尽公开",
    ),
    "requests": (
        "（二）依申请公开。{year}年全年共收到政府信息公开申请{received}件",
        "所有申请均在法定期限内答复",
        "进一步规范申请受理、登记、审核、答复等环节",
        "对答复文书实行法制审核，答复规范性明显提升",
        "建立疑难申请会商机制，邀请法律顾问参与研判",
        "加强与申请人沟通，及时了解申请人的真实需求",
        "依法保护申请人的隐私和个人信息",
        "对申请量较大的领域及时转为主动公开",
    ),
    "platform": (
        "（三）平台建设。持续优化政府网站信息公开专栏栏目设置",
        "完成门户网站集约化平台迁移，网站检索功能进一步完善",
        "政务服务大厅设置政府信息公开查阅点{n}个",
        "开展网站常态化监测，及时整改错别字、空白栏目等问题",
        "加强政务新媒体账号管理，关停整合低效账号{n}个",
        "推进政府公报数字化，历年公报全部上网",
        "完善信息发布“三审三校”制度",
        "在政府网站开设政策问答栏目",
    ),
    "problems": (
        "{year}年本机关政务公开工作取得了一定成效，但仍存在一些不足",
        "一是部分信息更新不够及时",
        "二是政策解读形式较为单一，图解、视频解读偏少",
        "三是工作人员业务能力有待提升，基层公开力量相对薄弱",
        "四是公众参与渠道不够畅通，互动回应的深度不够",
        "五是依申请公开答复的说理性还需加强",
        "六是公开内容与群众需求的契合度还不够高",
        "七是信息发布审核流程还不够精简",
    ),
    "improvements": (
        "下一步，本机关将重点做好以下工作",
        "加强业务培训，每年组织专题培训不少于{n}次",
        "丰富解读形式，推出更多图解、视频、动漫等解读产品",
        "建立健全信息公开动态更新机制，确保信息发布及时准确",
        "拓宽公众参与渠道，提升政民互动实效",
        "强化考核监督，将政务公开纳入督查范围",
        "推进基层政务公开标准化规范化向村（社区）延伸",
        "加强依申请公开答复的法制审核",
    ),
}
_PARAGRAPHS = {1: ("intro", "proactive", "requests", "platform"), 5: ("problems", "improvements")}
_SECTION_6 = "本年度未收取信息处理费。其他需要报告的事项：无。"


class Habit(enum.StrEnum):
    """How an agency writes this year's prose."""

    FRESH = "fresh"  # every paragraph new
    COPIES = "copies"  # every paragraph copied from last year
    MIXED = "mixed"  # some copied, one near-copied, the rest new


Choice = dict[str, tuple[int, ...]]  # topic → clause indexes


@dataclass
class Prose:
    choice: Choice
    paragraphs: dict[int, list[str]]
    copied: dict[str, list[int]]
    near_copied: dict[str, list[int]]


def write_prose(rng: random.Random, report: Report, habit: Habit, last: Choice | None) -> Prose:
    """This year's prose for `report`; `last` is last year's choice (None in a first year)."""
    choice: Choice = {}
    paragraphs: dict[int, list[str]] = {1: [], 5: [], 6: [_SECTION_6]}
    copied: dict[str, list[int]] = {}
    near: dict[str, list[int]] = {}
    received = report.requests.get("new_received", {}).get("total") or 0
    for section, topics in _PARAGRAPHS.items():
        for i, topic in enumerate(topics):
            pool = len(_TOPICS[topic])
            before = last.get(topic) if last else None
            mode = _mode(rng, habit, before is not None, topic)
            if mode == "copy" and before is not None:
                picked = before
                copied.setdefault(str(section), []).append(i)
            elif mode == "near" and before is not None:
                # one more clause slipped into last year's paragraph
                unused = [k for k in range(pool) if k not in before]
                at = rng.randrange(1, len(before) + 1)
                picked = (*before[:at], rng.choice(unused), *before[at:])
                near.setdefault(str(section), []).append(i)
            else:
                # clauses last year's paragraph did not use (the opening one when free)
                avoid = set(before or ())
                fresh = [k for k in range(1, pool) if k not in avoid]
                lead = () if 0 in avoid else (0,)
                picked = (*lead, *sorted(rng.sample(fresh, min(len(fresh), 4 - len(lead)))))
            choice[topic] = picked
            clauses = [
                _TOPICS[topic][k].format(year=report.year, n=rng.randint(2, 60), received=received)
                for k in picked
            ]
            paragraphs[section].append("，".join(clauses) + "。")
    if last is not None:
        copied["6"] = [0]  # the same boilerplate every year
    return Prose(choice, paragraphs, copied, near)


def _mode(rng: random.Random, habit: Habit, can_copy: bool, topic: str) -> str:
    if not can_copy or habit is Habit.FRESH:
        return "new"
    if habit is Habit.COPIES:
        return "copy"
    return rng.choice(("copy", "near", "new"))
