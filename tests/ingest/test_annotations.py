"""Responsibility annotations in the forms real documents use → one structured record each.

Written from the habits of real 实施意见 / 实施方案 / 规划 (Chengdu's ［责任单位：…］, Guangzhou's
（牵头单位：…，配合单位：…）, Dongguan's （…负责）, Xianyang's （…牵头，…按职责分工负责）, the
State Council's （…负责）, tables of 分工方案), not only from the issue's examples.
"""
from __future__ import annotations

import pytest

from ingest.annotations import find_annotation, find_annotations, is_annotation_only, is_generic, split_names

# text -> (form, units, explicit leads, partners, generic units)
CASES = [
    ("［责任单位：市经信局、市教育局，有关市级部门，有关区（市）县］",
     ("list", ("市经信局", "市教育局"), (), ("市教育局",), ("有关市级部门", "有关区（市）县"))),
    ("［责任单位：市商务局、市经信局、成都高新区（天府软件园）、青白江区］",
     ("list", ("市商务局", "市经信局", "成都高新区（天府软件园）", "青白江区"), (), ("市经信局", "成都高新区（天府软件园）", "青白江区"), ())),
    ("［责任单位：各区、县级市人民政府，市发展改革委］", ("list", ("市发展改革委",), (), (), ("各区、县级市人民政府",))),
    ("（责任单位：市人力资源社会保障局、市财政局）", ("list", ("市人力资源社会保障局", "市财政局"), (), ("市财政局",), ())),
    ("（牵头单位：市委组织部，配合单位：市人力资源和社会保障局、市总工会）",
     ("labelled", ("市委组织部", "市人力资源和社会保障局", "市总工会"), ("市委组织部",), ("市人力资源和社会保障局", "市总工会"), ())),
    ("（牵头单位：市发展改革委；配合单位：市财政局、各区人民政府）",
     ("labelled", ("市发展改革委", "市财政局"), ("市发展改革委",), ("市财政局",), ("各区人民政府",))),
    ("(牵头单位:市发展改革委,配合单位:市财政局)", ("labelled", ("市发展改革委", "市财政局"), ("市发展改革委",), ("市财政局",), ())),
    ("（牵头单位：市委组织部）", ("labelled", ("市委组织部",), ("市委组织部",), (), ())),
    ("（牵头单位：市委宣传部，配合单位：各有关单位，各区、县级市）",
     ("labelled", ("市委宣传部",), ("市委宣传部",), (), ("各有关单位", "各区、县级市"))),
    ("（牵头单位：市农业局，配合单位：市科协，各有关区、县级市）",
     ("labelled", ("市农业局", "市科协"), ("市农业局",), ("市科协",), ("各有关区、县级市",))),
    ("（牵头单位：市卫生健康委、市医保局；配合单位：市财政局）",
     ("labelled", ("市卫生健康委", "市医保局", "市财政局"), ("市卫生健康委", "市医保局"), ("市财政局",), ())),
    ("（牵头部门：市科技局；配合部门：市教育局、市经信局）",
     ("labelled", ("市科技局", "市教育局", "市经信局"), ("市科技局",), ("市教育局", "市经信局"), ())),
    ("（牵头单位：市住建局；参与单位：市规划和自然资源局、市城管委）",
     ("labelled", ("市住建局", "市规划和自然资源局", "市城管委"), ("市住建局",), ("市规划和自然资源局", "市城管委"), ())),
    ("【牵头单位：市商务局；协同单位：市口岸办、海关】",
     ("labelled", ("市商务局", "市口岸办", "海关"), ("市商务局",), ("市口岸办", "海关"), ())),
    ("（责任部门：市市场监管局、市公安局）", ("list", ("市市场监管局", "市公安局"), (), ("市公安局",), ())),
    ("（牵头单位：各区政府；配合单位：市卫生健康委）", ("labelled", ("市卫生健康委",), ("各区政府",), ("市卫生健康委",), ("各区政府",))),
    # a note after the list (State Council style): the lead rule it states is taken, the note is not a unit
    ("（工业和信息化部、发展改革委、科技部、农业农村部等负责。列第一位者为牵头单位，下同）",
     ("inline", ("工业和信息化部", "发展改革委", "科技部", "农业农村部"), ("工业和信息化部",), ("发展改革委", "科技部", "农业农村部"), ())),
    ("（市发展改革委、市财政局负责。排在第一位的为牵头单位）",
     ("inline", ("市发展改革委", "市财政局"), ("市发展改革委",), ("市财政局",), ())),
    ("（市经信局牵头，市财政局配合。下同）", ("inline", ("市经信局", "市财政局"), ("市经信局",), ("市财政局",), ())),
    ("（牵头单位：市商务局；配合单位：市财政局。以下各项同）",
     ("labelled", ("市商务局", "市财政局"), ("市商务局",), ("市财政局",), ())),
    ("（市民政局、市财政局负责。下同）", ("inline", ("市民政局", "市财政局"), (), ("市财政局",), ())),
    # labelled lines with no brackets, each on its own line after the item (joined once whitespace is removed)
    ("扩大有效投资。牵头单位:市发展改革委责任单位:市城建局、市交通局",
     ("labelled", ("市发展改革委", "市城建局", "市交通局"), ("市发展改革委",), ("市城建局", "市交通局"), ())),
    ("提升服务水平。牵头单位：市金融局、市科技局责任单位：郑州银行，各开发区管委会",
     ("labelled", ("市金融局", "市科技局", "郑州银行"), ("市金融局", "市科技局"), ("郑州银行",), ("各开发区管委会",))),
    ("营造良好环境。责任单位:市金融局", ("list", ("市金融局",), (), (), ())),
    ("牵头部门：市商务局配合部门：市财政局", ("labelled", ("市商务局", "市财政局"), ("市商务局",), ("市财政局",), ())),
    ("加强监管。牵头单位:市住房保障局责任单位:市城建局、市金融局,各区县(市)人民政府",
     ("labelled", ("市住房保障局", "市城建局", "市金融局"), ("市住房保障局",), ("市城建局", "市金融局"), ("各区县(市)人民政府",))),
    ("（市人力资源社会保障局、市医保局、市财政局、市税务局负责）",
     ("inline", ("市人力资源社会保障局", "市医保局", "市财政局", "市税务局"), (), ("市医保局", "市财政局", "市税务局"), ())),
    ("（市残联、市财政局、市税务局负责）", ("inline", ("市残联", "市财政局", "市税务局"), (), ("市财政局", "市税务局"), ())),
    ("（市发展改革委牵头，市财政局等按职责分工负责）", ("inline", ("市发展改革委", "市财政局"), ("市发展改革委",), ("市财政局",), ())),
    ("（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门及各县市区政府按职责分工负责）",
     ("inline", ("市政府办公室", "市行政审批制度改革工作领导小组办公室"), ("市政府办公室", "市行政审批制度改革工作领导小组办公室"), (),
      ("市级各有关部门", "各县市区政府"))),
    ("（省发展改革委、交通运输厅、水利厅、住房城乡建设厅、能源局等省有关部门和各地级以上市人民政府按职责分工负责）",
     ("inline", ("省发展改革委", "交通运输厅", "水利厅", "住房城乡建设厅", "能源局"), (), ("交通运输厅", "水利厅", "住房城乡建设厅", "能源局"),
      ("省有关部门", "各地级以上市人民政府"))),
    ("（市商务局牵头，市发展改革委、市财政局配合）",
     ("inline", ("市商务局", "市发展改革委", "市财政局"), ("市商务局",), ("市发展改革委", "市财政局"), ())),
    ("（农业农村部、工业和信息化部牵头负责）", ("inline", ("农业农村部", "工业和信息化部"), ("农业农村部", "工业和信息化部"), (), ())),
    ("（区科技局牵头）", ("inline", ("区科技局",), ("区科技局",), (), ())),
    ("由市应急局牵头，市公安局、市卫健委配合。", ("inline", ("市应急局", "市公安局", "市卫健委"), ("市应急局",), ("市公安局", "市卫健委"), ())),
    ("由市发展改革委牵头，会同有关部门研究制定。", ("inline", ("市发展改革委",), ("市发展改革委",), (), ())),
    ("（市人社局负责，市财政局配合）", ("inline", ("市人社局", "市财政局"), (), ("市财政局",), ())),
    ("（牵头单位：市教育局，配合单位：各区（市）县政府）", ("labelled", ("市教育局",), ("市教育局",), (), ("各区（市）县政府",))),
    # the lead rule stated after a comma instead of a full stop
    ("（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）",
     ("inline", ("税务总局", "财政部", "海关总署"), ("税务总局",), ("财政部", "海关总署"), ())),
    ("（市商务局、市财政局负责，列第一位的为牵头单位）", ("inline", ("市商务局", "市财政局"), ("市商务局",), ("市财政局",), ())),
    # another label in the same brackets (完成时限, 完成时间, 时间节点) ends the list of units
    ("(责任单位:市数据局,市财政局;完成时限:2024年底)", ("list", ("市数据局", "市财政局"), (), ("市财政局",), ())),
    ("（牵头单位：市数据局；配合单位：市财政局；完成时间：2025年6月）", ("labelled", ("市数据局", "市财政局"), ("市数据局",), ("市财政局",), ())),
    ("（责任单位：市商务局、各区政府；时间节点：持续推进）", ("list", ("市商务局",), (), (), ("各区政府",))),
    ("【牵头部门：市工信局 配合部门：市财政局 完成时限：2024年12月】", ("labelled", ("市工信局", "市财政局"), ("市工信局",), ("市财政局",), ())),
    ("（牵头单位：市卫健委；配合单位：市医保局，进度安排：年内完成）", ("labelled", ("市卫健委", "市医保局"), ("市卫健委",), ("市医保局",), ())),
    # composed labels: the role word before 责任单位 decides (巴中恩阳's `牵头责任单位：A；责任单位：B`)
    ("（牵头责任单位：区人社局；责任单位：区财政局）", ("labelled", ("区人社局", "区财政局"), ("区人社局",), ("区财政局",), ())),
    ("（牵头责任单位：区财政局、区税务局）", ("labelled", ("区财政局", "区税务局"), ("区财政局", "区税务局"), (), ())),
    ("（主要责任单位：市商务局；配合责任单位：市财政局）", ("labelled", ("市商务局", "市财政局"), ("市商务局",), ("市财政局",), ())),
    ("(牵头责任部门:县发改局,参与单位:县财政局)", ("labelled", ("县发改局", "县财政局"), ("县发改局",), ("县财政局",), ())),
    ("（牵头实施单位：区住建局；责任单位：区自然资源局，各镇（街道））",
     ("labelled", ("区住建局", "区自然资源局"), ("区住建局",), ("区自然资源局",), ("各镇（街道）",))),
    ("（主办单位：市文广旅局；协办单位：市体育局）", ("labelled", ("市文广旅局", "市体育局"), ("市文广旅局",), ("市体育局",), ())),
    # another kind of label opens the brackets: the responsibility label after it is read, and its `）` is no name's
    ("（督办单位：区政府办；责任单位：区税务局）", ("list", ("区税务局",), (), (), ())),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_annotation_is_parsed_into_its_record(text, expected):
    ann = find_annotation("加快推进重点任务。" + text)
    assert ann is not None
    assert (ann.form, ann.units, ann.leads, ann.partners, ann.generic_units) == expected
    assert ann.text in text and ann.lead_explicit == bool(expected[2])


@pytest.mark.parametrize("text", ["（以下简称在线平台）", "（一）", "（2021—2025年）", "（含）", "（市）", "（市委组织部）",
                                  "（企业自主负责）", "由政府牵头，社会参与。",
                                  # who interprets the document, not a task's annotation
                                  "本实施细则自发布之日起实行,由咸宁市住房和城市更新局牵头负责解释。",
                                  "本办法由市商务局牵头解释。"])
def test_ordinary_brackets_are_not_annotations(text):
    assert find_annotation(text) is None


def test_the_last_annotation_governs_and_all_are_found():
    text = "（一）做好A。（牵头单位：市经信局）（二）做好B。（牵头单位：市科技局，配合单位：市财政局）"
    assert [a.leads for a in find_annotations(text)] == [("市经信局",), ("市科技局",)]
    assert find_annotation(text).leads == ("市科技局",)


def test_names_with_brackets_are_never_split():
    assert [n for n, _ in split_names("有关区（市）县、县（市、区）人民政府、市经信局")] == ["有关区（市）县", "县（市、区）人民政府", "市经信局"]


@pytest.mark.parametrize("name", ["有关区（市）县", "各有关单位", "有关市级部门", "各区（市）县政府", "市级有关部门", "各区、县级市人民政府", "相关部门",
                                  "属地人民政府(管委会)", "属地政府", "所在地人民政府", "当地政府",
                                  # a kind of body under a named one (定西: 责任单位:各县区人民政府,市政府相关单位)
                                  "市政府相关单位", "市直其他部门", "省政府有关部门", "区政府相关部门", "县直其他单位"])
def test_generic_units_by_shape(name):
    assert is_generic(name)


@pytest.mark.parametrize("name", ["市委组织部", "市有线电视台", "团市委", "成都高新区", "市政府办公室", "市政府国资委"])
def test_named_units_are_not_generic(name):
    assert not is_generic(name)


def test_annotation_only_text():
    assert is_annotation_only("（牵头单位：市委组织部，配合单位：市民政局）")
    assert not is_annotation_only("做好A。（牵头单位：市委组织部）")


def test_label_lines_after_an_item_close_it_and_stay_with_it():
    """Class: `牵头单位:X` / `责任单位:Y` on their own lines (no brackets) after each numbered item."""
    from ingest.clean import clean
    from ingest.parse import parse
    text = ("一、完善金融市场体系\n1.引进金融机构。支持设立分支机构。\n牵头单位:市金融局\n责任单位:市财政局、市商务局\n"
            "2.做强法人机构。支持增资扩股。\n牵头单位:市财政局\n3.加强统筹协调。建立联席会议制度。\n")
    items = [c for c in parse("d", "t", clean(text)).clauses if c.kind == "item"]
    assert [(c.heading[:2], c.units, c.leads) for c in items] == [
        ("1.", ("市金融局", "市财政局", "市商务局"), ("市金融局",)),
        ("2.", ("市财政局",), ("市财政局",)),
        ("3.", (), ()),
    ]


# `A会同B…研究提出了办理意见` (a 国办函 answering a province), `由A会同B制定` (实施方案 prose): A does it, B joins.
# text -> (leads, partners, generic parties); None where the text names no doer before 会同
JOINTLY = [
    ("发展改革委会同水利部研究提出了办理意见：亭子口水库已经列入规划。", (("发展改革委",), ("水利部",), ())),
    ("财政部会同农业部等有关部门研究提出了办理意见：该问题已解决。", (("财政部",), ("农业部",), ("有关部门",))),
    ("发展改革委、农业部会同财政部等有关部门研究提出了办理意见：", (("发展改革委", "农业部"), ("财政部",), ("有关部门",))),
    ("1.关于防治地质灾害问题。国土资源部会同民政部、财政部研究提出了办理意见：", (("国土资源部",), ("民政部", "财政部"), ())),
    ("扶贫办已会同交通部、水利部、林业局等部门赴广安市水淹区进行了实地调查。", (("扶贫办",), ("交通部", "水利部", "林业局"), ())),
    ("具体办法由市发展改革委会同市财政局制定。", (("市发展改革委",), ("市财政局",), ())),  # X由A会同B: A
    ("具体办法，由市发展改革委会同市财政局制定。", (("市发展改革委",), ("市财政局",), ())),
    ("国务院财政部门会同国务院有关部门制定实施细则。", (("国务院财政部门",), (), ("国务院有关部门",))),
    ("市、区民政部门应当建立工作机制，落实工作人员配备，会同本级财政部门将经费列入年度预算。", None),
    ("林业局与财政部商定，天保工程区在工程实施期间暂不实施补偿政策。", None),
    ("办理意见：发展改革委会同西部开发办上报的请示已经国务院批准。", None),  # 上报的: what they sent, not a duty
]


@pytest.mark.parametrize(("text", "expected"), JOINTLY, ids=[t[:16] for t, _ in JOINTLY])
def test_a_unit_acting_jointly_with_others_is_an_annotation(text, expected):
    found = find_annotations(text)
    if expected is None:
        assert found == []
        return
    assert len(found) == 1
    ann = found[0]
    assert (ann.leads, ann.partners, ann.generic_units) == expected and ann.form == "inline" and "会同" in ann.text


# `（省委金融办，广东金融监管局牵头负责）`: names before a comma share the role that closes the list;
# `广州、深圳市政府`: a place's bare name shares the 市政府 that ends the list
SHARED = [
    ("（省委金融办，广东金融监管局牵头负责）", (("省委金融办", "广东金融监管局"), ("省委金融办", "广东金融监管局"))),
    ("(省商务厅,省税务局、海关总署广东分署牵头负责)", (("省商务厅", "省税务局", "海关总署广东分署"), ("省商务厅", "省税务局", "海关总署广东分署"))),
    ("（省住房城乡建设厅，广东金融监管局，省委金融办牵头负责）",
     (("省住房城乡建设厅", "广东金融监管局", "省委金融办"), ("省住房城乡建设厅", "广东金融监管局", "省委金融办"))),
    ("（省发展改革委、商务厅，人民银行广东省分行负责）", (("省发展改革委", "商务厅", "人民银行广东省分行"), ())),
    ("（广州、深圳市政府分别负责）", (("广州市政府", "深圳市政府"), ())),
    ("（各区、县级市人民政府负责）", ((), ())),
    ("（市发展改革委牵头，市财政局、市商务局配合）", (("市发展改革委", "市财政局", "市商务局"), ("市发展改革委",))),
]


@pytest.mark.parametrize(("text", "expected"), SHARED, ids=[t[:14] for t, _ in SHARED])
def test_a_role_or_an_ending_written_once_serves_the_whole_list(text, expected):
    (ann,) = find_annotations("加快推进。" + text)
    assert (ann.units, ann.leads) == expected


from core.lead_rule import standing_parties  # noqa: E402


@pytest.mark.parametrize(("tag", "parties"), [
    ("(责任单位:市税务局、市财政局,以下措施均需江北新区管委会、各区政府落实,不再单独列出)", "江北新区管委会、各区政府"),
    ("(省市场监管局、商务厅牵头负责,各地级以上市政府负责落实。以下任务均需各市落实,不再列出)", "各市"),
    ("(牵头单位:省政务局。市州、县市区人民政府负责落实;以下均由市州、县市区人民政府负责落实,不再列出)", "市州、县市区人民政府"),
    ("（责任单位：市经信局，以下各项均需各区县落实，不再一一列出）", "各区县"),
    ("（牵头单位：市发展改革委；配合单位：市财政局）", ""),
    ("（以下简称在线平台）", ""),
])
def test_parties_named_once_for_every_later_item(tag, parties):
    """Class: `以下措施均需X落实，不再单独列出` in the first annotation: X stands behind every item after it."""
    assert standing_parties(tag) == parties
    if parties:
        (ann,) = find_annotations("加快推进。" + tag)
        assert "以下" not in "".join(ann.units) and "列出" not in "".join(ann.units)


@pytest.mark.parametrize("text,units", [
    ("做好药品采购。(省发展改革委、卫生健康委、妇联、医保局按职责分工负责)", ("省发展改革委", "卫生健康委", "妇联", "医保局")),
    ("保护产权。(省公安厅、法院、检察院、司法厅、农业农村厅按职责分工负责)", ("省公安厅", "法院", "检察院", "司法厅", "农业农村厅")),
    ("关爱职工。（责任单位：市总工会、工会、团委）", ("市总工会", "工会", "团委")),
    ("扶持残疾人就业。（牵头单位：市残联；配合单位：市人社局、科协）", ("市残联", "市人社局", "科协")),
    ("推进侨务工作。（责任单位：市委统战部、侨联、侨办、外办）", ("市委统战部", "侨联", "侨办", "外办")),
])
def test_a_body_every_city_has_may_be_written_in_two_characters_in_a_list(text, units):
    """Class: `省X、妇联、法院…` — a standard body after the list's first name, in two characters, keeps the
    annotation (it was rejected whole before)."""
    ann = find_annotation(text)
    assert ann is not None and tuple(n for n in ann.units) == units


from core.clause import Clause  # noqa: E402
from core.lead_rule import FIRST_LISTED, FIRST_LEADS, names_no_lead  # noqa: E402


@pytest.mark.parametrize("text,says", [
    ("（列第一位者为牵头单位，下同）", True),
    ("排在第一位的部门为牵头部门。", True),
    ("各项举措中排序第一的责任单位为该项牵头单位,负责组织有关责任单位做好细则制订", True),
    ("排名第一的单位为牵头单位", True),
    ("列在首位的为牵头单位", True),
    ("市发改委负责政策落实总体牵头", False),
    ("（责任单位：市人社局、市财政局）", False),
    ("由市商务局牵头，市财政局配合", False),
])
def test_a_document_saying_the_first_listed_leads(text, says):
    """Class: a document's own rule that the first unit of each annotation leads, in the words documents use."""
    assert bool(FIRST_LEADS.search(text)) is says


def _listed(text: str, tag: str) -> Clause:
    return Clause(id="d#1", doc="d", title="t", section=("一、",), heading="", text=text + tag,
                  units=("市人社局", "市财政局"), tag_text=tag, tag_form="list")


@pytest.mark.parametrize("clauses,convention,no_lead", [
    ((_listed("发放补贴。", "(责任单位:市人社局、市财政局)"),), "", True),  # a list is no appointment
    ((_listed("发放补贴。", "(责任单位:市人社局、市财政局)"),), FIRST_LISTED, False),  # its metadata says so
    ((_listed("发放补贴。", "(责任单位:市人社局、市财政局)"),
      Clause(id="d#2", doc="d", title="t", section=("三、",), heading="",
             text="各项举措中排序第一的责任单位为该项牵头单位。")), "", False),  # its text says so
    ((_listed("发放补贴。", "（列第一位者为牵头单位，下同）"),), "", False),
])
def test_a_list_of_responsible_units_names_a_lead_only_where_the_document_says_so(clauses, convention, no_lead):
    assert names_no_lead(clauses, convention) is no_lead


@pytest.mark.parametrize("text,units", [
    ("推进。(市商务局牵头,市金融工作局、广元国际铁路港、广元海关按职责分工负责)", ("市商务局", "市金融工作局", "广元国际铁路港", "广元海关")),
    ("推进。(市文化广电旅游局牵头,市财政局、市体育局、天府新区、市总工会按职责分工负责)",
     ("市文化广电旅游局", "市财政局", "市体育局", "天府新区", "市总工会")),
    ("推进。（市交通运输局牵头，市发展改革委、双流国际机场配合）", ("市交通运输局", "市发展改革委", "双流国际机场")),
    ("推进。(省商务厅、省财政厅、中欧班列平台按职责分工负责)", ("省商务厅", "省财政厅", "中欧班列平台")),
    ("推进。（市税务局、市财政局、西部陆海新通道按职责分工负责）", ("市税务局", "市财政局", "西部陆海新通道")),
    ("推进。（加快建设负责）", None),  # no body at all
    ("推进。（市商务局、铁路港负责）", None),  # half the names unfamiliar: not read as a list of bodies
])
def test_one_unfamiliar_name_in_a_list_of_bodies_keeps_the_list(text, units):
    """Class: a role-verb annotation whose list holds one body named without a body's ending (a port, an airport, a
    new area by its place name) beside bodies that have one: the annotation is read whole, not dropped."""
    ann = find_annotation(text)
    assert (ann.units if ann else None) == units


# `第一个逗号前为牵头单位`: the units before a list's first comma lead (several may); the note after the `；` is no
# unit, and where the document said it once (`下同`), its later lists are read the same way.
@pytest.mark.parametrize("tag, leads, units", [
    ("（责任单位：市科技局、市数据局，市委网信办、中国移动南充分公司；第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责，下同）",
     ("市科技局", "市数据局"), ("市科技局", "市数据局", "市委网信办", "中国移动南充分公司")),
    ("（责任单位：市发改委，市财政局、市商务局；逗号前的单位为牵头单位）", ("市发改委",), ("市发改委", "市财政局", "市商务局")),
    ("（责任单位：市教育局、市人社局，市财政局；首个逗号前为牵头部门，下同）", ("市教育局", "市人社局"),
     ("市教育局", "市人社局", "市财政局")),
    ("(责任单位:市住建局,市自然资源局、市税务局;第一个逗号前为牵头单位)", ("市住建局",), ("市住建局", "市自然资源局", "市税务局")),
    ("（责任单位：市科技局、市经信局；第一个逗号前为牵头单位）", ("市科技局", "市经信局"), ("市科技局", "市经信局")),
])
def test_units_before_the_first_comma_lead_where_the_document_says_so(tag, leads, units):
    ann = find_annotation("加快推进算力建设。" + tag)
    assert (ann.leads, ann.units) == (leads, units)
    assert not any("下同" in u or "牵头" in u for u in ann.units + ann.generic_units)


def test_a_first_comma_rule_said_once_holds_for_the_later_lists():
    from ingest.clean import clean
    from ingest.parse import parse
    text = ("二、重点任务\n1.建设算力。加快建设。（责任单位：市科技局、市数据局，市委网信办；第一个逗号前为牵头单位，下同）\n"
            "2.培育人才。引进人才。（责任单位：市人社局，市财政局、市科技局）\n3.优化服务。提升服务。（责任单位：市政管局、市司法局）\n")
    items = [c for c in parse("d", "t", clean(text)).clauses if c.units]
    assert [(c.leads, c.lead_explicit) for c in items] == [
        (("市科技局", "市数据局"), True), (("市人社局",), True), (("市政管局", "市司法局"), True)]


@pytest.mark.parametrize("text,units,generic", [
    ("（责任单位：市经信局、市发改委，各区〔县、市〕政府、开发园区管委会）", ("市经信局", "市发改委"), ("各区〔县、市〕政府、开发园区管委会",)),
    ("（责任单位：市商务局，各县（市、区）政府、功能区管委会）", ("市商务局",), ("各县（市、区）政府、功能区管委会",)),
    ("（牵头单位：市工信局；配合单位：各区人民政府、产业园区管委会）", ("市工信局",), ("各区人民政府、产业园区管委会",)),
    ("（责任单位：市科技局，各区政府、园区管理机构）", ("市科技局",), ("各区政府、园区管理机构",)),
    ("（责任单位：市商务局、开发区管委会）", ("市商务局", "开发区管委会"), ()),  # no 各 before it: the one 开发区 there is
])
def test_a_body_named_by_its_kind_after_a_generic_party_is_generic(text, units, generic):
    """Class: `各区政府、开发园区管委会` — the 各 reaches a body named only by its kind (开发园区, 功能区 管委会): every
    such body, none in particular; named by its kind without 各 before it, it is the document's own one."""
    a = find_annotation(text)
    assert (a.units, a.generic_units) == (units, generic)


@pytest.mark.parametrize("text,units,generic", [
    ("[责任单位：市科技局、市经信局，各区、县（市）政府。以下均需各区、县（市）政府落实，不再列出]", ("市科技局", "市经信局"),
     ("各区、县（市）政府",)),
    ("（责任单位：省住建厅、省自然资源厅，各市、州、县人民政府）", ("省住建厅", "省自然资源厅"), ("各市、州、县人民政府",)),
    ("（责任单位：市经信局，各区、县(市)人民政府）", ("市经信局",), ("各区、县(市)人民政府",)),
    ("（责任单位：州商务局，各县、市人民政府）", ("州商务局",), ("各县、市人民政府",)),
    ("（牵头单位：市住建局；配合单位：市财政局，各市（州）、县（市、区）政府）", ("市住建局", "市财政局"),
     ("各市（州）、县（市、区）政府",)),
])
def test_the_levels_a_generic_party_lists_are_one_party(text, units, generic):
    """Class: `各区、县（市）政府`, `各市、州、县人民政府` — the 各 reaches every level listed after it, a level written
    with the levels it stands with in brackets (县（市）) too: one generic party, never a body called 县（市）政府 or 州."""
    a = find_annotation(text)
    assert (a.units, a.generic_units) == (units, generic)


@pytest.mark.parametrize("text,units,generic", [
    ("确保惠及享受对象。（各有关部门和单位，各省级人民政府按职责分工负责）", (), ("各有关部门和单位", "各省级人民政府")),
    ("形成合力。（各区政府，各有关部门负责）", (), ("各区政府", "各有关部门")),
    ("（各县（市、区）人民政府，市直各有关单位按职责分工负责）", (), ("各县（市、区）人民政府", "市直各有关单位")),
    ("（人力资源社会保障部、财政部，各省级人民政府按职责分工负责）", ("人力资源社会保障部", "财政部"), ("各省级人民政府",)),
    ("（各省级人民政府负责）", (), ("各省级人民政府",)),
])
def test_generic_parties_before_a_comma_share_the_role_after_it(text, units, generic):
    """Class: `（各有关部门和单位，各省级人民政府按职责分工负责）` — parties of no name listed before a comma take the role
    the last one states, as named units do; the item's annotation is read, not dropped."""
    a = find_annotation(text)
    assert (a.units, a.generic_units) == (units, generic)


@pytest.mark.parametrize("text,units", [
    ("（十）鼓励创新创业。推进商事制度改革。（市场监管总局负责）加强创业教育。（体育总局、教育部负责）",
     ("市场监管总局", "体育总局", "教育部")),
    ("（三）加强算力。统筹建设。（市发改委、市数据局负责）给予补助。（市经信局负责）", ("市发改委", "市数据局", "市经信局")),
    ("3.优化服务。提升效率。（区政务办负责）推行网办。（区政务办、区大数据局负责）", ("区政务办", "区大数据局")),
    ("（二）支持企业。给予奖励。（省财政厅、省工信厅负责）强化服务。（省工信厅负责）", ("省财政厅", "省工信厅")),
    ("（五）加强监管。开展检查。（市场监管局负责）严格执法。（市公安局、市场监管局负责）", ("市场监管局", "市公安局")),
])
def test_an_item_whose_sentences_each_close_with_a_tag_has_all_their_units(text, units):
    """Class: an item of several sentences, each closed by its own `（A、B负责）` — the item's units are all of them,
    in order, not only the last tag's (a State Council 指导意见's habit)."""
    assert find_annotation(text).units == units
