"""A made-up but realistic region tree of reporting agencies, with the spellings each prints.

Real provinces and cities; counties and townships named from syllables (so a large corpus has
thousands), a few district names repeated across cities as they are in life (鼓楼区 is in 南京, 徐州
and 开封), so matching a name without its city must stay undecided. Every level reports: the
people's government, its office, its departments, and the townships (镇、乡) and sub-districts (街道).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from gongkai.corpus.manifest import AgencyRecord

PROVINCES: dict[str, tuple[str, ...]] = {
    "浙江省": ("杭州市", "宁波市", "温州市", "湖州市", "嘉兴市", "金华市"),
    "江苏省": ("南京市", "徐州市", "苏州市", "无锡市", "常州市", "扬州市"),
    "河南省": ("郑州市", "开封市", "洛阳市", "平顶山市", "新乡市", "南阳市"),
    "四川省": ("成都市", "绵阳市", "德阳市", "宜宾市", "南充市", "乐山市"),
    "福建省": ("福州市", "厦门市", "泉州市", "漳州市", "莆田市", "龙岩市"),
    "湖北省": ("武汉市", "宜昌市", "襄阳市", "荆州市", "黄石市", "十堰市"),
    "广东省": ("广州市", "深圳市", "佛山市", "东莞市", "惠州市", "江门市"),
    "山东省": ("济南市", "青岛市", "烟台市", "潍坊市", "临沂市", "济宁市"),
}
#: District names several cities share.
SHARED_DISTRICTS = {"南京市": "鼓楼区", "徐州市": "鼓楼区", "开封市": "鼓楼区", "福州市": "鼓楼区"}
_FIRST = "东西南北清安平永宁长丰兴华江龙凤云青白金玉阳山林桥河泉溪石"
_SECOND = "阳山林桥河泉溪川口洲湾源岭坪岗塘浦泽庄原坝峰"

CITY_DEPARTMENTS = (
    "教育局",
    "财政局",
    "公安局",
    "民政局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "卫生健康委员会",
    "市场监督管理局",
    "人力资源和社会保障局",
    "发展和改革委员会",
    "司法局",
    "应急管理局",
    "农业农村局",
)
COUNTY_DEPARTMENTS = (
    "教育局",
    "财政局",
    "民政局",
    "住房和城乡建设局",
    "卫生健康局",
    "市场监督管理局",
    "人力资源和社会保障局",
    "发展和改革局",
    "司法局",
    "应急管理局",
    "农业农村局",
    "交通运输局",
)
PROVINCE_DEPARTMENTS = ("教育厅", "财政厅", "民政厅", "司法厅", "交通运输厅")
#: Full organ name → the short form some years print.
SHORT_FORMS = {
    "人民政府": "政府",
    "人民政府办公室": "政府办",
    "街道办事处": "街道",
    "管理委员会": "管委会",
    "住房和城乡建设局": "住建局",
    "人力资源和社会保障局": "人社局",
    "发展和改革委员会": "发改委",
    "卫生健康委员会": "卫健委",
    "市场监督管理局": "市监局",
}


@dataclass(frozen=True)
class Agency:
    name: str  # canonical: from the city down (from the province for province-level organs)
    region: tuple[str, ...]  # province … deepest region
    level: str
    kind: str
    short: str  # the name without its city (county and township level), else the name
    organ: str

    def record(self, variants: tuple[str, ...] = ()) -> AgencyRecord:
        return AgencyRecord(self.name, self.region, self.level, self.kind, variants)


def build_tree(rng: random.Random, wanted: int) -> list[Agency]:
    """At least `wanted` agencies (more when the tree is round), in a shuffled order."""
    counties_needed = max(2, wanted // 18 + 1)
    cities_needed = max(2, counties_needed // 5 + 1)
    cities = [(p, c) for p, names in PROVINCES.items() for c in names]
    rng.shuffle(cities)
    cities = cities[: min(len(cities), cities_needed)]
    per_city = max(1, -(-counties_needed // len(cities)))
    out: list[Agency] = []
    for province in sorted({p for p, _ in cities}):
        out.append(_agency((province,), "province", "office", "人民政府办公厅"))
        out.extend(_agency((province,), "province", "department", d) for d in PROVINCE_DEPARTMENTS)
    for province, city in cities:
        path = (province, city)
        out.append(_agency(path, "city", "government", "人民政府"))
        out.append(_agency(path, "city", "office", "人民政府办公室"))
        out.extend(_agency(path, "city", "department", d) for d in CITY_DEPARTMENTS)
        if rng.random() < 0.5:
            zone = "经济技术开发区"
            out.append(_agency((*path, zone), "county", "government", "管理委员会"))
        for county in _names(rng, per_city, ("区", "区", "县"), SHARED_DISTRICTS.get(city)):
            cpath = (*path, county)
            out.append(_agency(cpath, "county", "government", "人民政府"))
            out.append(_agency(cpath, "county", "office", "人民政府办公室"))
            out.extend(_agency(cpath, "county", "department", d) for d in COUNTY_DEPARTMENTS)
            for town in _names(rng, 6, ("街道", "街道", "镇", "镇", "乡")):
                organ = "办事处" if town.endswith("街道") else "人民政府"
                out.append(_agency((*cpath, town), "township", "township", organ))
    rng.shuffle(out)
    return out


def _names(
    rng: random.Random, n: int, suffixes: tuple[str, ...], first: str | None = None
) -> list[str]:
    names: list[str] = [first] if first else []
    while len(names) < n:
        name = rng.choice(_FIRST) + rng.choice(_SECOND) + rng.choice(suffixes)
        if name not in names and name[0] != name[1]:
            names.append(name)
    return names


def _agency(path: tuple[str, ...], level: str, kind: str, organ: str) -> Agency:
    start = 0 if level == "province" else 1
    name = "".join(path[start:]) + organ
    short = "".join(path[2:]) + organ if level in ("county", "township") else name
    return Agency(name, path, level, kind, short, organ)


def printed_name(rng: random.Random, agency: Agency) -> str:
    """One way the agency's name is printed in a year's report."""
    roll = rng.random()
    base = agency.short if roll < 0.3 else agency.name
    if roll > 0.9 and agency.level != "province":
        base = agency.region[0] + agency.name  # with the province
    short = SHORT_FORMS.get(agency.organ)
    if short and rng.random() < 0.3:
        base = base[: len(base) - len(agency.organ)] + short
    return base
