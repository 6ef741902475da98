"""Agency names: regions and organ split, spellings folded, matching that never guesses."""

from __future__ import annotations

import pytest

from gongkai.corpus import AgencyIndex, KnownAgency, candidates, match, normalise, parse_agency
from gongkai.corpus.names import agency_from_title, year_from_title
from gongkai.corpus.regions import Level


@pytest.mark.parametrize(
    ("name", "regions", "organ"),
    [
        ("浙江省杭州市西湖区人民政府办公室", ("浙江省", "杭州市", "西湖区"), "人民政府办公室"),
        ("西湖区文新街道办事处", ("西湖区", "文新街道"), "办事处"),
        ("杭州市西湖区教育局", ("杭州市", "西湖区"), "教育局"),
        ("某某县某某镇人民政府", ("某某县", "某某镇"), "人民政府"),
        ("杭州市西湖区住房和城乡建设局", ("杭州市", "西湖区"), "住房和城乡建设局"),
        ("杭州市城市管理局", ("杭州市",), "城市管理局"),
        ("杭州市市场监督管理局", ("杭州市",), "市场监督管理局"),
        ("杭州市乡村振兴局", ("杭州市",), "乡村振兴局"),
        ("济南市市中区教育局", ("济南市", "市中区"), "教育局"),
        ("沛县城关镇人民政府", ("沛县", "城关镇"), "人民政府"),
        ("北京市海淀区人民政府", ("北京市", "海淀区"), "人民政府"),
        ("广西壮族自治区人民政府办公厅", ("广西壮族自治区",), "人民政府办公厅"),
        (
            "内蒙古自治区锡林郭勒盟阿巴嘎旗人民政府",
            ("内蒙古自治区", "锡林郭勒盟", "阿巴嘎旗"),
            "人民政府",
        ),
        ("延边朝鲜族自治州人民政府", ("延边朝鲜族自治州",), "人民政府"),
        ("曲靖市麒麟区珠街街道", ("曲靖市", "麒麟区", "珠街街道"), "办事处"),
        ("大洼区田家街道", ("大洼区", "田家街道"), "办事处"),
        ("杭州经济技术开发区管委会", ("杭州经济技术开发区",), "管理委员会"),
        ("某县自然资源局", ("某县",), "自然资源局"),
        ("教育局", (), "教育局"),
        # real places whose names look like organ words
        ("沈阳市和平区人民政府", ("沈阳市", "和平区"), "人民政府"),
        ("湖北省荆州市公安县人民政府", ("湖北省", "荆州市", "公安县"), "人民政府"),
        ("桂林市资源县人民政府", ("桂林市", "资源县"), "人民政府"),
        ("营口市站前区人民政府", ("营口市", "站前区"), "人民政府"),
        ("会同县人民政府", ("会同县",), "人民政府"),
        ("成都市锦江区人民政府书院街街道办事处", ("成都市", "锦江区", "书院街街道"), "办事处"),
        ("杭州市人民路街道办事处", ("杭州市", "人民路街道"), "办事处"),
        ("上海市浦东新区人民政府", ("上海市", "浦东新区"), "人民政府"),
        ("苏州工业园区管理委员会", ("苏州工业园区",), "管理委员会"),
        ("成都高新技术产业开发区管委会", ("成都高新技术产业开发区",), "管理委员会"),
        ("长阳土家族自治县人民政府", ("长阳土家族自治县",), "人民政府"),
        ("阿巴嘎旗那仁宝拉格苏木", ("阿巴嘎旗", "那仁宝拉格苏木"), "人民政府"),
        ("深圳市南山区蛇口街道办事处", ("深圳市", "南山区", "蛇口街道"), "办事处"),
        # party organs carry no region path of their own here
        ("中共杭州市西湖区委员会办公室", (), "中共杭州市西湖区委员会办公室"),
    ],
)
def test_parse_agency_splits_regions_and_organ(
    name: str, regions: tuple[str, ...], organ: str
) -> None:
    parsed = parse_agency(name)
    assert parsed.region_path == regions
    assert parsed.organ == organ


def test_levels_follow_the_hierarchy() -> None:
    levels = [r.level for r in parse_agency("浙江省杭州市西湖区文新街道办事处").regions]
    assert levels == [Level.PROVINCE, Level.CITY, Level.COUNTY, Level.TOWNSHIP]
    # a city under a city is county-level; a municipality stands at province level
    assert parse_agency("金华市义乌市人民政府").regions[1].level is Level.COUNTY
    assert parse_agency("北京市海淀区人民政府").regions[0].level is Level.PROVINCE


@pytest.mark.parametrize(
    ("spelling", "canonical"),
    [
        ("西湖区政府办", "西湖区人民政府办公室"),
        ("西湖区政府", "西湖区人民政府"),
        ("《西湖区人民政府办公室2022年度政府信息公开工作年度报告》", "西湖区人民政府办公室"),
        ("关于西湖区人民政府二〇二二年政府信息公开工作年度报告", "西湖区人民政府"),
        ("西湖区人民政府信息公开工作年度报告", "西湖区人民政府"),
        ("西湖区 人民政府 办公室", "西湖区人民政府办公室"),
        ("ＸＸ县自然资源局", "XX县自然资源局"),
        ("杭州经济技术开发区管委会", "杭州经济技术开发区管理委员会"),
        ("西湖区文新街道办", "西湖区文新街道办事处"),
        ("西湖区文新街道", "西湖区文新街道办事处"),
        ("某某县某某镇", "某某县某某镇人民政府"),
        ("某某县某某镇政府", "某某县某某镇人民政府"),
        ("西湖区住建局", "西湖区住房和城乡建设局"),
        ("杭州市发改委", "杭州市发展和改革委员会"),
        ("南京市鼓楼区人民政府宁海路街道办事处", "南京市鼓楼区宁海路街道办事处"),
        ("某某县人民政府某某镇", "某某县某某镇人民政府"),
        ("杭州市公安局西湖区分局", "杭州市西湖区公安分局"),
        ("杭州市市场监督管理局西湖区分局", "杭州市西湖区市场监督管理分局"),
        ("西湖区发展和改革局（区粮食和物资储备局）", "西湖区发展和改革局"),
        ("西湖区发展和改革局(区粮食和物资储备局)", "西湖区发展和改革局"),
    ],
)
def test_normalise_folds_spellings(spelling: str, canonical: str) -> None:
    assert normalise(spelling) == canonical


KNOWN = [
    KnownAgency(1, "浙江省杭州市西湖区人民政府办公室"),
    KnownAgency(2, "杭州市西湖区教育局"),
    KnownAgency(3, "南京市鼓楼区人民政府"),
    KnownAgency(4, "福州市鼓楼区人民政府"),
    KnownAgency(5, "西湖区文新街道办事处", region=("浙江省", "杭州市", "西湖区", "文新街道")),
    KnownAgency(6, "杭州市教育局"),
    KnownAgency(7, "杭州市人民政府", aliases=("杭州市政府门户网站",)),
    KnownAgency(8, "南京市鼓楼区宁海路街道办事处"),
    KnownAgency(9, "杭州市公安局西湖区分局"),
]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("西湖区政府办", 1),
        ("杭州市西湖区人民政府办公室", 1),
        ("西湖区教育局", 2),
        ("杭州市西湖区教育局2023年政府信息公开工作年度报告", 2),
        ("南京市鼓楼区政府", 3),
        ("文新街道", 5),
        ("杭州市西湖区文新街道", 5),
        ("杭州市教育局", 6),
        ("杭州市政府门户网站", 7),
        ("南京市鼓楼区人民政府", 3),
        ("南京市鼓楼区人民政府宁海路街道办事处", 8),
        ("鼓楼区宁海路街道", 8),
        ("西湖区公安分局", 9),
    ],
)
def test_match_links_spellings_to_the_known_agency(name: str, key: int) -> None:
    found = match(name, KNOWN)
    assert found is not None and found.agency.key == key
    assert found.reason


def test_match_does_not_guess_between_two_districts_of_one_name() -> None:
    assert match("鼓楼区人民政府", KNOWN) is None
    options = candidates("鼓楼区人民政府", KNOWN)
    assert {m.agency.key for m in options} == {3, 4}


@pytest.mark.parametrize(
    "name",
    [
        "西湖区教育体育局",  # a similar organ: perhaps renamed, perhaps not — a person decides
        "教育局",  # no region at all
        "杭州市财政局",  # not known
        "上城区教育局",  # another district
        "杭州市西湖区",  # a region, no organ
    ],
)
def test_match_is_conservative(name: str) -> None:
    assert match(name, KNOWN) is None


def test_similar_organ_is_offered_as_a_candidate() -> None:
    options = candidates("西湖区教育体育局", KNOWN)
    assert [m.agency.key for m in options] == [2]
    assert options[0].score < 0.85 and "更名" in options[0].reason


def test_an_index_answers_the_same_as_the_function() -> None:
    index = AgencyIndex(KNOWN)
    assert index.match("西湖区政府办") == match("西湖区政府办", KNOWN)
    assert match("西湖区政府办", index) == index.match("西湖区政府办")
    assert index.match("西湖区政府办") is not None
    assert index.match("西湖区政府办").to_dict()["key"] == 1  # type: ignore[union-attr]


def test_agency_and_year_from_a_title() -> None:
    assert agency_from_title("栖霞区人民政府办公室\n2020年度政府信息公开工作年度报告") == (
        "栖霞区人民政府办公室"
    )
    title = "银川市兴庆区前进街街道办事处 2019 年政府信息公开工作年度报告"
    assert agency_from_title(title) == "银川市兴庆区前进街街道办事处"
    assert year_from_title(title) == 2019
    assert year_from_title("某某文件") is None


def test_an_index_grows() -> None:
    index = AgencyIndex()
    assert index.match("西湖区教育局") is None
    index.add(KnownAgency(2, "杭州市西湖区教育局"))
    assert index.match("西湖区教育局") is not None
    index.add(KnownAgency(3, "宁波市西湖区教育局"))  # now two districts of that name
    assert index.match("西湖区教育局") is None


def test_the_seed_reports_agencies_and_years() -> None:
    """The real reports: their titles give the gold agency and year, and the agency's regions."""
    import json

    from gongkai.extract.decode import decode
    from tests.conftest import GOLD, SEEDS

    seeds = sorted(SEEDS.glob("*.txt"))
    assert len(seeds) >= 5
    for path in seeds:
        want = json.loads((GOLD / f"{path.stem}.json").read_text("utf-8"))
        text = decode(path.read_bytes()).text
        assert agency_from_title(text) == want["agency"], path.name
        assert year_from_title(text) == want["year"], path.name
        parsed = parse_agency(want["agency"])
        assert parsed.level in (Level.COUNTY, Level.TOWNSHIP), path.name
        assert parsed.organ in ("人民政府办公室", "办事处"), path.name
