"""Places a question names by their own names (a city or province), for the unknown-place refusal. Pure."""
import pytest

from kb.refusal import named_places


@pytest.mark.parametrize("question,places", [
    ("通化市区的招商引资奖励标准是多少？", ["通化"]),
    ("佛山市户籍家庭公租房的收入线是多少？", ["佛山"]),
    ("河北省的政策一样吗", ["河北"]),
    ("和成都市比怎么样", ["成都"]),
    ("到深圳市工作可以吗", ["深圳"]),
    ("四川全省软件业务收入占多少", []),
    ("本市户籍家庭能申请吗", []),
    ("企业上市奖励多少", []),
    ("昆明楼市调控政策", []),
    ("珠江科技新星是不是市科技和信息化局牵头的？", []),
    ("县级市有哪些责任", []),
    ("市场监管局负责什么", []),
    ("在城市里开店有补贴吗", []),
    # 市 opening a body's name after a verb or a demonstrative
    ("杰出青年人才支持项目 责任单位 包括市人力资源和社会保障局吗", []),
    ("首付比例那项市国资委牵头没错吧", []),
    ("这条包含市财政局吗", []),
    ("红棉计划涉及市委组织部吗", []),
    ("这一项是否由省住房城乡建设厅牵头", []),
    ("通化市人民政府出台了什么政策", ["通化"]),  # 人民政府 after a city: still the city's
    ("温州市商务局负责什么", ["温州"]),
    ("为什么后面条目里看不到市州县市区？", []),  # 市州、县市区: levels of government, no place
])
def test_named_places(question, places):
    assert named_places(question) == places


from kb.refusal import bodies_named  # noqa: E402


@pytest.mark.parametrize("question,bodies", [
    ("市航天产业局负责哪些工作？", ["市航天产业局"]),
    ("《中共柳河县委柳河县人民政府关于支持重点产业加快发展的实施意见》中，市航天产业局是哪些事项的责任单位？", ["市航天产业局"]),
    ("市人力资源和社会保障局负责哪些项目", ["市人力资源和社会保障局"]),
    ("县工信局负责什么", ["县工信局"]),
    ("发展布局有哪些", []),
    ("政务大厅在哪里办", []),
])
def test_bodies_named(question, bodies):
    """Class: a government body written out in a question (the unknown-body refusal checks it against the text)."""
    assert bodies_named(question) == bodies


@pytest.mark.parametrize("question", [
    "软件人才这块归哪个局管",
    "这事归哪个委员会管",
    "人才培养找哪个办公室",
    "那个局是谁",
    "市场主体目标由什么局负责",
])
def test_a_question_about_which_body_names_no_unknown_body(question):
    """Class: `归哪个局`, `什么局` ask which body; they name none the documents could lack."""
    from kb.refusal import bodies_named
    assert bodies_named(question) == []


@pytest.mark.parametrize("question,bodies", [
    ("铁道部在这个函里负责办理哪个问题", ["铁道部"]),
    ("由商务部牵头的有哪些", ["商务部"]),
    ("科技部和教育部都参与了吗", ["科技部", "教育部"]),
    ("是不是交通部的事", ["交通部"]),
    ("市委宣传部负责哪些", ["市委宣传部"]),
    ("工业和信息化部牵头哪些", ["工业和信息化部"]),
    ("内部管理怎么做", []),
    ("全部任务有几项", []),
    ("东部地区的企业", []),
    ("干部队伍建设", []),
    ("总部经济有什么奖励", []),
    ("财政部门负责什么", []),
    ("头部企业能拿多少", []),
])
def test_ministries_named(question, bodies):
    """Class: a ministry or party department (X部) a question names — never 内部/全部/干部/财政部门."""
    assert bodies_named(question) == bodies


from kb.refusal import named_districts  # noqa: E402


@pytest.mark.parametrize("question,districts", [
    ("租赁补贴公式里的区域补贴系数，天河区是多少？", ["天河区"]),
    ("我在金水区，能申请吗", ["金水区"]),
    ("番禺区的老人能领多少", ["番禺区"]),
    ("长沙县有什么政策", ["长沙县"]),
    ("海淀区企业有什么补贴", ["海淀区"]),
    ("社区养老服务设施谁建", []),
    ("示范区建设谁负责", []),
    ("高新区的企业有什么支持", []),
    ("园区企业能申请吗", []),
    ("拓展国际市场那条里点名了哪些区？", []),
    ("有关区县负责什么", []),
    ("区域补贴系数是多少", []),
    ("县级以上人民政府负责什么", []),
    ("所在区的民政部门", []),
    ("中心城区的房子", []),
])
def test_districts_named(question, districts):
    """Class: a district or county named by its own name (the unknown-place refusal checks it against the text)
    — not a kind of zone (示范区, 园区, 社区) or a question word (哪些区)."""
    assert named_districts(question) == districts


@pytest.mark.parametrize("question", [
    "“盘活市场存量房源”是不是由地区住房和城乡建设局牵头？",
    "是由县里负责吗",
    "这条给区里的名额有多少",
    "对县级市有要求吗",
    "在区里怎么申请",
])
def test_a_function_word_before_a_level_word_names_no_district(question):
    """Class: `由地区X局`, `是由县里`, `给区里`: a preposition and 地区/县/区 are no district's own name."""
    from kb.refusal import named_districts
    assert named_districts(question) == []
