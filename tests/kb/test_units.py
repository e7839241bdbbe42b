"""The unit table against the real plan: names, aliases, free-text lookup."""
from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from core.clause import GENERIC_UNITS
from core.units import DATA_PATH, Unit, UnitTable, _level_of, level_prefix, load_units, normalise, without_level

CORPUS = Path(__file__).parents[2] / "corpus" / "chengdu-software-plan-2019-2025.txt"


def _corpus_text() -> str:
    """The plan with PDF line breaks (and all other whitespace) removed."""
    return re.sub(r"\s+", "", CORPUS.read_text(encoding="utf-8"))


def _tag_units() -> list[str]:
    """Named units from every ［责任单位：…］ tag, in order of first appearance."""
    names: list[str] = []
    for tag in re.findall(r"［责任单位：(.*?)］", _corpus_text()):
        for name in re.split(r"[、，]", tag):
            if name and name not in GENERIC_UNITS and name not in names:
                names.append(name)
    return names


@pytest.fixture(scope="module")
def table() -> UnitTable:
    return load_units()


def test_table_holds_exactly_the_27_units_named_in_the_tags(table: UnitTable) -> None:
    assert len(table) == 27
    assert list(table.names()) == _tag_units()


def test_generic_units_are_not_in_the_table(table: UnitTable) -> None:
    for generic in GENERIC_UNITS:
        assert generic not in table
        assert table.canonical(generic) is None


def test_every_unit_name_appears_in_the_corpus(table: UnitTable) -> None:
    text = _corpus_text()
    assert [name for name in table.names() if name not in text] == []


def test_every_unit_has_a_valid_kind_and_an_english_alias(table: UnitTable) -> None:
    assert {unit.kind for unit in table.all()} == {"bureau", "party", "district", "enterprise", "tax"}
    for unit in table.all():
        assert any(re.search(r"[A-Za-z]", alias) for alias in unit.aliases), unit.name


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("经信局", "市经信局"),
        ("市经济和信息化局", "市经信局"),
        ("成都市经信局", "市经信局"),
        ("成都市经济和信息化局", "市经信局"),
        ("发改委", "市发改委"),
        ("人社局", "市人社局"),
        ("市场监管局", "市市场监管局"),
        ("市市场监管局", "市市场监管局"),
        ("网信办", "市委网信办"),
        ("中共成都市委网络安全和信息化委员会办公室", "市委网信办"),
        ("文广旅局", "市文广旅局"),
        ("税务局", "国家税务总局成都市税务局"),
        ("金融局", "市金融监管局"),
        ("金融监管局", "市金融监管局"),
        ("国资委", "市国资委"),
        ("投促局", "市投促局"),
        ("统计局", "市统计局"),
        ("督查室", "市政府督查室"),
        ("保密局", "市委保密机要局"),
        ("机要局", "市委保密机要局"),
        ("高新区", "成都高新区"),
        ("产业集团", "成都产业集团"),
        ("commerce bureau", "市商务局"),
        ("Commerce Bureau", "市商务局"),
        ("Finance Bureau", "市财政局"),
        ("Development and Reform Commission", "市发改委"),
        ("Municipal Bureau of Economy and Information Technology", "市经信局"),
        ("  HOUSING and urban rural development BUREAU ", "市住建局"),
    ],
)
def test_alias_resolves_to_its_unit(table: UnitTable, alias: str, name: str) -> None:
    assert table.canonical(alias) == name


@pytest.mark.parametrize("text", ["市场", "成都", "市", "有关市级部门", "国家统计局", "国家发改委", "软件"])
def test_non_units_resolve_to_none(table: UnitTable, text: str) -> None:
    assert table.canonical(text) is None


def test_no_alias_maps_to_two_units() -> None:
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    owners: dict[str, set[str]] = defaultdict(set)
    for row in data["units"]:
        for form in (row["name"], row["full_name"], *row["aliases"]):
            owners[normalise(form)].add(row["name"])
    for body in data["other_bodies"]:
        owners[normalise(body)].add("<other body>")
    assert {form: units for form, units in owners.items() if len(units) > 1} == {}


def test_find_in_text_returns_units_in_order_of_first_appearance(table: UnitTable) -> None:
    assert table.find_in_text("经信局和市场监管局牵头哪些？") == ["市经信局", "市市场监管局"]
    assert table.find_in_text("市人社局、发改委、市人社局") == ["市人社局", "市发改委"]


def test_find_in_text_prefers_the_longest_alias(table: UnitTable) -> None:
    assert table.find_in_text("市市场监管局和市场监管局") == ["市市场监管局"]
    assert table.find_in_text("成都市经信局负责什么") == ["市经信局"]
    assert table.find_in_text("国家税务总局成都市税务局") == ["国家税务总局成都市税务局"]


def test_find_in_text_ignores_bodies_that_only_contain_an_alias(table: UnitTable) -> None:
    assert table.find_in_text("国家统计局制定的报表制度") == []
    assert table.find_in_text("国家统计局和市统计局") == ["市统计局"]
    assert table.find_in_text("市场主体有多少") == []


def test_find_in_text_matches_english_case_insensitively_on_word_boundaries(table: UnitTable) -> None:
    assert table.find_in_text("What does the COMMERCE  bureau and the finance bureau lead?") == ["市商务局", "市财政局"]
    assert table.find_in_text("Chengdu Hi-tech Zone and Qingbaijiang District") == ["成都高新区", "青白江区"]
    assert table.find_in_text("tax bureaucracy in ecommerce bureaus") == []


def test_get_returns_the_unit_record(table: UnitTable) -> None:
    unit = table.get("人社局")
    assert unit == Unit(unit.name, "成都市人力资源和社会保障局", "bureau", unit.aliases)
    assert unit.name == "市人社局"
    assert table.get("市场") is None


def test_load_units_is_cached() -> None:
    assert load_units() is load_units()


def test_alias_shared_by_two_units_is_rejected() -> None:
    units = (Unit("市甲局", "成都市甲局", "bureau", ("甲局",)), Unit("市乙局", "成都市乙局", "bureau", ("甲局",)))
    with pytest.raises(ValueError, match="甲局.*maps to both '市甲局' and '市乙局'"):
        UnitTable(units)


def test_a_body_named_like_a_unit_reads_as_the_unit() -> None:
    """Class: a name the table lists as a body that is no unit (市政府) which one document's unit is also called:
    the unit, not an error that would stop every question (a 广东 plan's 广州、深圳市政府)."""
    units = (Unit("深圳市政府", "深圳市政府", "city", ("市政府",)),)
    table = UnitTable(units, other_bodies=("市政府", "国家统计局"))
    assert table.canonical("市政府") == "深圳市政府"
    assert table.canonical("国家统计局") is None


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError, match="unit '市甲局' has kind 'agency'"):
        UnitTable((Unit("市甲局", "成都市甲局", "agency"),))


# --- units learned from the documents (issue 9) ------------------------------------------

from core.clause import Clause  # noqa: E402
from core.units import document_city, rule_aliases  # noqa: E402


def _clause(doc: str, units: tuple[str, ...], title: str = "", text: str = "做好。") -> Clause:
    return Clause(id=f"{doc}#1", doc=doc, title=title, section=("一",), heading="", text=text, units=units)


# rule -> (name as written, city of the document, forms that must resolve to it); phrasings beyond
# the ones the rules were written from (人力资源社会保障局, 卫健委, 国资委, 医保局 …) included
RULES = {
    "abbreviation": ("市发展和改革委员会", "广州", ("市发展改革委", "市发改委", "发改委", "发展改革委", "广州市发展改革委", "广州市发改委")),
    "hrss": ("市人力资源和社会保障局", "广州", ("市人社局", "人社局", "市人力资源社会保障局", "人力资源社会保障局", "广州市人社局")),
    "economy": ("市经济和信息化局", "成都", ("市经信局", "经信局", "成都市经信局", "成都市经济和信息化局", "经济和信息化局")),
    "housing": ("市住房和城乡建设局", "广州", ("市住建局", "住建局", "市住房城乡建设局", "住房城乡建设局", "广州市住建局")),
    "market": ("市市场监督管理局", "深圳", ("市市场监管局", "市场监管局", "市场监督管理局", "深圳市市场监管局", "深圳市市场监督管理局")),
    "health": ("市卫生健康委员会", "杭州", ("市卫健委", "卫健委", "市卫生健康委", "卫生健康委", "杭州市卫健委")),
    "bare": ("市医疗保障局", "南京", ("医保局", "市医保局", "医疗保障局", "南京市医保局", "南京市医疗保障局")),
    "party": ("市委组织部", "广州", ("组织部", "广州市委组织部", "中共广州市委组织部")),
    "tax": ("国家税务总局成都市税务局", "成都", ("市税务局", "税务局", "成都市税务局")),
}


@pytest.mark.parametrize("rule", list(RULES))
def test_rule_aliases_resolve_to_the_unit_as_written(rule):
    name, city, forms = RULES[rule]
    table = UnitTable.from_clauses([_clause("d", (name,), title=f"{city}市关于做好人才工作的实施意见")])
    assert table.names() == (name,)
    assert {f: table.canonical(f) for f in forms} == {f: name for f in forms}
    assert table.get(name).full_name == name  # never invented: the name as the document wrote it


def test_city_prefix_only_for_the_documents_own_city():
    assert "市经信局" in rule_aliases("成都市经信局", "成都")
    assert "市经信局" not in rule_aliases("成都市经信局", "广州")


def test_city_is_learned_from_title_else_text():
    assert document_city([_clause("d", (), title="广州市促进人才发展实施方案")]) == "广州"
    assert document_city([_clause("d", (), title="关于推进人才集聚工程的实施意见",
                                  text="根据《中共广州市委、广州市人民政府关于全面推进新型城市化发展的决定》")]) == "广州"


def test_two_names_for_one_unit_in_a_document_are_merged_with_the_longest_as_full_name():
    table = UnitTable.from_clauses([_clause("d", ("市人社局",)), _clause("d", ("市人力资源和社会保障局",))])
    assert table.names() == ("市人社局",)
    assert table.get("市人社局").full_name == "市人力资源和社会保障局"


def test_two_cities_keep_one_canonical_name_and_record_each_document():
    clauses = [_clause("gz", ("市人社局", "市委组织部"), title="广州市人才发展实施意见"),
               _clause("cd", ("市人社局", "市经信局"), title="成都市软件产业发展规划")]
    table = UnitTable.from_clauses(clauses)
    assert table.names() == ("市人社局", "市委组织部", "市经信局")
    assert table.get("市人社局").docs == ("gz", "cd") and table.get("市委组织部").docs == ("gz",)
    assert table.canonical("广州市人社局") == table.canonical("成都市人社局") == "市人社局"
    assert table.get("市人社局").full_name == "市人社局"  # neither document says which city's bureau in full
    assert table.get("市委组织部").kind == "party"


def test_national_bodies_containing_a_bare_alias_name_no_unit():
    table = UnitTable.from_clauses([_clause("d", ("市发展改革委",), title="广州市方案")])
    assert table.find_in_text("国家发展改革委和市发展改革委") == ["市发展改革委"]
    assert table.canonical("国家发展改革委") is None


def test_an_alias_two_units_could_claim_is_dropped():
    table = UnitTable.from_clauses([_clause("d", ("市人社局", "区人社局"))])
    assert table.canonical("人社局") is None
    assert table.canonical("市人社局") == "市人社局" and table.canonical("区人社局") == "区人社局"


def test_alias_file_beside_the_plan_reproduces_the_shipped_table(plan):
    learned = UnitTable.from_clauses(plan.clauses, [DATA_PATH])
    shipped = load_units()
    assert learned.names() == shipped.names()
    for unit in shipped.all():
        got = learned.get(unit.name)
        assert got.full_name == unit.full_name and set(unit.forms) <= set(got.forms), unit.name


def test_an_alias_files_full_name_stays_with_its_document(plan):
    other = _clause("gz", ("市人社局",), title="广州市人才发展实施意见")
    table = UnitTable.from_clauses([*plan.clauses, other], [DATA_PATH])
    unit = table.get("市人社局")
    assert unit.docs == (plan.doc, "gz")
    assert unit.full_name == "市人社局"  # not 成都市人力资源和社会保障局 for Guangzhou's bureau
    assert unit.full_name_in(plan.doc) == "成都市人力资源和社会保障局" and unit.full_name_in("gz") == "市人社局"
    assert table.get("市委网信办").full_name == "中共成都市委网络安全和信息化委员会办公室"  # named by one document only


@pytest.mark.parametrize("provincial", ["省发展改革委", "省发改委", "省市场监管局", "省税务局", "省版权局"])
def test_a_body_one_alias_file_calls_foreign_is_a_unit_where_another_document_names_it(plan, provincial):
    """Class: a library of a city plan (whose alias file sets provincial bodies aside) and a provincial 方案 whose
    annotations name those bodies: the library loads, and the provincial document's units are units."""
    other = _clause("hn", (provincial, "省财政厅"), title="湖南省实施方案")
    table = UnitTable.from_clauses([*plan.clauses, other], [("chengdu-software-plan-2019-2025", DATA_PATH)])
    assert table.canonical(provincial) == provincial and table.get(provincial).docs == ("hn",)
    assert table.canonical("市经信局") == "市经信局"



@pytest.mark.parametrize("name,short", [("工业和信息化部", "工信部"), ("人力资源社会保障部", "人社部"), ("住房城乡建设部", "住建部"),
                                        ("发展改革委", "发改委"), ("交通运输部", "交通部")])
def test_national_bodies_written_bare_have_their_standard_short_forms(name, short):
    """Class: State Council documents name ministries without a level prefix (工业和信息化部, 发展改革委)."""
    table = UnitTable.from_clauses([_clause("gw", (name, "财政部"), title="国务院关于加快推进某项工作的指导意见")])
    assert table.canonical(short) == name


# (form asked, scope, unit it names) for a library of a province's plan and two cities' documents: a bare form two
# documents' units share names nothing library-wide, and the one unit of the scoped documents that claims it
SHARED_FORMS = [
    ("市场监管局", None, None),
    ("市场监管局", frozenset({"city"}), "市市场监管局"),
    ("市场监管局", frozenset({"prov"}), "省市场监管局"),
    ("市场监督管理局", frozenset({"city"}), "市市场监管局"),
    ("财政部门", frozenset({"city"}), None),
    ("发展改革委", frozenset({"prov"}), "省发展改革委"),
    ("发展改革委", frozenset({"city", "prov"}), None),  # both in scope: still ambiguous
    ("市财政局", frozenset({"prov"}), "市财政局"),  # a unit's own name is never contested
]


@pytest.mark.parametrize("form,scope,expected", SHARED_FORMS)
def test_a_shared_bare_form_names_the_scoped_documents_unit(form, scope, expected):
    table = UnitTable.from_clauses([
        _clause("prov", ("省市场监管局", "省发展改革委"), title="湖南省实施方案"),
        _clause("city", ("市市场监管局", "市发展改革委", "市财政局"), title="郑州市若干措施"),
    ])
    assert table.within(scope).canonical(form) == expected
    assert table.canonical(form) == (expected if form == "市财政局" else None)


@pytest.mark.parametrize("name,forms", [
    ("中国人民银行阿勒泰地区中心支行", ("人民银行", "人行", "央行", "人民银行中心支行")),
    ("人民银行长沙中心支行", ("人民银行", "人行")),
    ("人民银行广东省分行", ("人民银行", "人民银行分行")),
    ("阿勒泰银保监分局", ("银保监分局", "银保监局", "银保监")),
    ("湖南银保监局", ("银保监局", "银保监")),
    ("广东证监局", ("证监局", "证监")),
    ("济源海关", ("海关",)),
    ("南京供电公司", ("供电公司",)),
    ("兰州市气象局", ("气象局",)),
])
def test_vertically_managed_bodies_are_called_by_the_body_alone(name, forms):
    """Class: bodies named by place rather than level (a bank branch, a regulator's branch, a customs house, a power
    company): the body alone names them in a document where they are alone."""
    table = UnitTable.from_clauses([_clause("d", (name,), title="关于做好房地产工作的通知")])
    assert {f: table.canonical(f) for f in forms} == {f: name for f in forms}


def test_a_body_short_form_two_units_share_names_neither():
    table = UnitTable.from_clauses([_clause("d", ("金陵海关", "新生圩海关"), title="关于稳外贸的通知")])
    assert table.canonical("海关") is None and table.canonical("金陵海关") == "金陵海关"


def test_document_city_ignores_generic_city_words():
    """直辖市人民政府, 各地级以上市政府 name no city."""
    assert document_city([_clause("d", (), title="国务院关于做好工作的通知", text="各直辖市人民政府、各地级以上市政府")]) == ""


@pytest.mark.parametrize("name,forms", [
    ("江阴港城经济区(自贸办)", ("江阴港城经济区", "自贸办")),
    ("示范区发展改革和统计局(商务局)", ("示范区发展改革和统计局", "商务局")),
    ("市政府国资委(市国资局)", ("市政府国资委", "市国资局")),
    ("区投资促进局（区招商办）", ("区投资促进局", "区招商办")),
    ("县行政审批局(县政务服务中心)", ("县行政审批局", "县政务服务中心")),
])
def test_a_body_bearing_two_names_is_named_by_either(name, forms):
    """Class: one body, two plates (`X(Y)`): people name it by either."""
    table = UnitTable.from_clauses([_clause("d", (name,), title="关于稳经济的实施意见")])
    assert {f: table.canonical(f) for f in forms} == {f: name for f in forms}


# One body with two names in brackets is called by either; a bracket naming a desk or a field of work is no name.
@pytest.mark.parametrize("name, second, kept", [
    ("市委组织部（人才办）", "人才办", True),
    ("市委宣传部（网信办）", "网信办", True),
    ("发展改革和统计局(商务局)", "商务局", True),
    ("市政府办（金融）", "金融", False),
    ("市发改委〈武圈办秘书处〉", "武圈办秘书处", True),
    ("市商务局（口岸）", "口岸", False),
])
def test_a_second_name_in_brackets_must_name_a_body(name, second, kept):
    from core.units import rule_aliases
    assert (second in rule_aliases(name)) is kept


# A form two documents' units both claim — one as its own name (a ministry's bare 发展改革委), one as a short form
# (a city's 市发展改革委) — names, asked of one document, that document's unit.
@pytest.mark.parametrize("asked, docs, expected", [
    ("发展改革委", {"city"}, "市发展改革委"),
    ("发展改革委", {"state"}, "发展改革委"),
    ("发展改革委", None, "发展改革委"),
    ("市发展改革委", {"city"}, "市发展改革委"),
    ("财政部", {"city"}, "财政部"),  # no unit of the city's claims it: still the ministry (named elsewhere only)
])
def test_a_form_another_documents_unit_is_named_by_names_this_documents_unit(asked, docs, expected):
    from core.clause import Clause
    from core.units import learn_units
    clauses = [Clause(id="state#1", doc="state", title="国务院办公厅关于…的函", section=("一",), heading="一", text="…",
                      units=("发展改革委", "财政部")),
               Clause(id="city#1", doc="city", title="某市人民政府关于…的意见", section=("一",), heading="一", text="…",
                      units=("市发展改革委", "市商务局"))]
    table = learn_units(clauses, [])
    scoped = table.within(frozenset(docs)) if docs else table
    assert scoped.canonical(asked) == expected


# the level a body's name opens with, and the body below it, for names whose body holds 市 (市容, 市场, 城市)
@pytest.mark.parametrize("name,level,body", [
    ("区绿化市容局", "区", "绿化市容局"),
    ("市绿化市容局", "市", "绿化市容局"),
    ("区城市管理委", "区", "城市管理委"),
    ("县市场监督管理局", "县", "市场监督管理局"),
    ("区市场监管局", "区", "市场监管局"),
    ("市市政公用局", "市", "市政公用局"),
    ("省商务厅", "省", "商务厅"),
    ("示范区民政局", "示范区", "民政局"),
    ("市场监管局", "", "市场监管局"),
    ("绿化市容局", "", "绿化市容局"),
])
def test_the_level_a_name_opens_with(name, level, body):
    assert (level_prefix(name), without_level(name)) == (level, body)


@pytest.mark.parametrize("name,city", [("深圳市政府", "深圳市"), ("南京市民政局", "南京市"), ("昆明市住建局", "昆明市"),
                                       ("南京市市场监管局", "南京市"), ("区绿化市容局", "区"), ("绿化市容局", "")])
def test_a_city_in_a_name_is_a_place_not_a_word_with_shi(name, city):
    assert _level_of(name) == city


@pytest.mark.parametrize("body,short", [
    ("建设管理委", "建管委"),
    ("文化广电旅游局", "文广旅局"),
    ("市场监管局", "市监局"),  # new
    ("规划资源局", "规资局"),  # new
    ("教育体育局", "教体局"),  # new
    ("交通运输局", "交运局"),  # new
    ("财政局", ""),  # one word: nothing to contract
    ("住房保障房屋管理局", ""),  # a three-character word: not made of two-character words
])
def test_a_body_of_two_character_words_is_also_named_by_their_first_characters(body, short):
    """Class: officials shorten a body named by two-character words to their first characters (建设管理委 → 建管委);
    the short form names the unit in questions (`分解表里建管委牵头的是哪几项`)."""
    from core.units import contracted
    assert contracted(body) == short


def test_a_contracted_name_with_the_level_resolves_to_its_unit():
    from core.units import rule_aliases
    assert {"区建管委", "建管委"} <= set(rule_aliases("区建设管理委"))
    assert "市监局" in rule_aliases("市市场监管局")
