"""Groups a document defines by enumeration (`…等部门（以下统称X）`): read, asked, and a body's membership. Pure."""
import pytest

from core.clause import Clause
from kb import groups

FIVE = ("第五条市商务部门负责组织实施本规定。商务、文化、体育、交通、旅游、教育等部门（以下统称单用途卡行业主管部门）按照"
        "职责分工，负责监督管理工作。市场监督管理、金融、税务、公安等部门按照各自职责，共同做好相关工作。")
ITEMS = ("第二十一条对违法行为的行政处罚，由下列部门（以下统称单用途卡行政执法部门）负责实施：（一）商务领域，由市场监督管理部门负责"
         "实施；（二）文化、体育、旅游领域，由文化综合执法机构负责实施；（三）其他领域，由各自行业主管部门负责实施。")
ALIAS = "第二条本市行政区域内的经营者开展单用途预付消费卡（以下简称单用途卡）经营活动，适用本规定。"
LAND = "县自然资源局、住建局和税务局（以下统称登记部门）应当在五个工作日内办结。"


def clause(text, cid="1"):
    return Clause(id=f"d#{cid}", doc="d", title="t", section=(text[:4],), heading="", text=text, kind="article")


@pytest.mark.parametrize("text,name,members", [
    (FIVE, "单用途卡行业主管部门", ("商务", "文化", "体育", "交通", "旅游", "教育")),
    (ITEMS, "单用途卡行政执法部门", ("商务领域，由市场监督管理部门负责实施", "文化、体育、旅游领域，由文化综合执法机构负责实施",
                                   "其他领域，由各自行业主管部门负责实施")),
    (LAND, "登记部门", ("县自然资源局", "住建局", "税务局")),
])
def test_an_enumeration_named_once_is_read_as_a_group(text, name, members):
    (g,) = groups.groups_in(clause(text))
    assert (g.name, g.members) == (name, members)
    assert g.quote in text


def test_one_thing_abbreviated_is_no_group():
    assert groups.groups_in(clause(ALIAS)) == []


CLAUSES = [clause(ALIAS, "2"), clause(FIVE, "5"), clause(ITEMS, "21")]


@pytest.mark.parametrize("question,name", [
    ("预付卡的行业主管部门有哪些", "单用途卡行业主管部门"),
    ("单用途卡行业主管部门包括哪些部门？", "单用途卡行业主管部门"),
    ("行业主管部门指的是谁", "单用途卡行业主管部门"),
    ("税务局算不算预付卡的行业主管部门？", "单用途卡行业主管部门"),
    ("文化局是不是单用途卡行业主管部门", "单用途卡行业主管部门"),
    ("行政执法部门都有谁", "单用途卡行政执法部门"),
    ("市场监管局属于单用途卡行政执法部门吗", "单用途卡行政执法部门"),
])
def test_a_group_is_asked_by_most_of_its_name(question, name):
    """Class: the group's members or one body's membership, asked by the group's name or most of it."""
    g = groups.asked_group(question, CLAUSES)
    assert g is not None and g.name == name


@pytest.mark.parametrize("question", [
    "行业主管部门负责什么工作",  # its duties, not its members
    "单用途卡是什么时候开始管的",
    "预付卡要报送哪些信息",
    "商务部门负责什么",
    "行政执法部门多久检查一次",
])
def test_a_question_about_a_groups_work_is_not_a_membership_question(question):
    assert groups.asked_group(question, CLAUSES) is None


@pytest.mark.parametrize("body,inside", [
    ("文化局", True), ("市教育局", True), ("交通运输局", True), ("上海市体育局", True),
    ("税务局", False), ("公安局", False), ("市场监管局", False), ("财政局", False),
])
def test_a_body_is_a_member_by_its_field(body, inside):
    (g,) = groups.groups_in(clause(FIVE))
    assert groups.holds(g, body) is inside


@pytest.mark.parametrize("body,listed", [
    ("税务局", True), ("市公安局", True), ("市场监管局", True), ("金融局", True),
    ("财政局", False), ("民政局", False),
])
def test_a_body_whose_field_the_document_lists_bare_is_named(body, listed):
    """Class: `市场监督管理、金融、税务、公安等部门` names 税务局, 市场监管局 … by their fields."""
    assert groups.field_listed(body, FIVE) is listed


def test_one_name_with_and_inside_is_no_group():
    """`软件和信息技术服务业（以下简称：“软件产业”）` abbreviates one thing; 和 joins two bodies only."""
    text = "成都是“中国软件名城”，软件和信息技术服务业（以下简称：“软件产业”）是重要产业。"
    assert groups.groups_in(clause(text)) == []


@pytest.mark.parametrize("question", [
    "行业统计、成立软件产业发展专家组这一条的责任单位都有谁？",
    "行业主管部门那条的牵头单位是谁",
    "该项行业主管部门有哪些配合",
])
def test_an_items_units_asked_are_not_a_groups_members(question):
    assert groups.asked_group(question, CLAUSES) is None
