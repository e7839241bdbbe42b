"""Who a sentence says does the work, for documents that state duties in prose (regulations, notices). Pure."""
import pytest

from kb.handlers import INLINE_DUTY, duty_doers

DOERS = [
    # (sentence, question, doers) — the forms real regulations and notices use
    # a department of an organ, named after it (丽水 第五条): one body, not the organ alone
    ("公安机关交通管理部门负责规定运输渣土车辆的行驶路线和通行时间。", "", ["公安机关交通管理部门"]),
    ("市公安机关交通管理部门负责停车管理工作。", "", ["市公安机关交通管理部门"]),
    ("由公安机关交通管理部门审批。", "", ["公安机关交通管理部门"]),
    ("税务机关稽查部门负责查处。", "", ["税务机关稽查部门"]),
    ("公安机关负责养犬登记。", "", ["公安机关"]),
    ("优惠租金标准由市住房城乡建设部门制定发布。", "", ["市住房城乡建设部门"]),
    ("对疑似瞒报的家庭，由市、区住房保障部门会同相关职能部门依法依规启动核查工作。", "谁来查瞒报", ["市、区住房保障部门"]),
    ("每年3月底前，区民政部门应当完成上年度服务资助资金的清算工作，报市民政部门审核。", "资金清算报谁审核", ["市民政部门"]),
    ("经市民政部门核实后，按照评定标准予以降级或取消星级。", "", ["市民政部门"]),
    ("第九条市、区规划和自然资源部门负责分区分级规划设置社区养老服务设施。", "", ["市、区规划和自然资源部门"]),
    ("县商务局负责新建重点产业项目相关工作，县工信局负责技改重点产业项目相关工作。", "技改项目归哪个部门", ["县工信局"]),
    ("县商务局负责新建重点产业项目相关工作，县工信局负责技改重点产业项目相关工作。", "新建项目找哪个部门", ["县商务局"]),
    ("街道办事处（镇政府）受理公共租赁住房申请。", "", ["街道办事处"]),  # the bracketed alias is not part of the name
    ("镇人民政府受理申请并提出初审意见。", "", ["镇人民政府"]),
    ("符合条件的企业可按规定享受补贴。", "", []),
    ("申请人对核实结果有异议的，可向区养老服务指导单位申请复核。", "找谁复核", ["区养老服务指导单位"]),
    ("由区养老服务指导单位会同镇人民政府、街道办事处组织复核。", "", ["区养老服务指导单位", "镇人民政府", "街道办事处"]),
    # the longest name before the verb, a ministry (部) included; 报告 is no 报X审核
    ("个体工商户年度报告办法由国务院工商行政管理部门制定。", "", ["国务院工商行政管理部门"]),
    ("由市委组织部牵头，各区配合。", "", ["市委组织部"]),
    ("该项工作由工业和信息化部负责。", "", ["工业和信息化部"]),
    ("年度报告经营情况由登记机关审核。", "", ["登记机关"]),
    ("项目材料报县商务局审核。", "", ["县商务局"]),
    ("市民政部门为本市居家社区养老服务的主管部门。", "", ["市民政部门"]),  # X为…主管部门 / 登记机关
    # A会同B: A leads and B acts with it; 会同有关部门 adds no one
    ("财政部会同农业部等有关部门研究提出了办理意见。", "", ["财政部", "农业部"]),
    ("振兴东北办会同国资委等有关部门研究提出了办理意见：", "", ["振兴东北办", "国资委"]),
    ("市商务局会同市财政局、市市场监管局制定实施细则。", "", ["市商务局", "市财政局", "市市场监管局"]),
    ("损失由市发展改革委（市粮食和物资储备局）会同市财政局据实核销。", "", ["市发展改革委（市粮食和物资储备局）", "市财政局"]),
    ("第八条市住建局要加强监管，会同有关部门开展检查。", "", ["市住建局"]),  # the subject before 会同
    ("第三十七条市发展改革委要加强市场监测，会同市财政局提出动用方案，报市人民政府批准。", "",
     ["市发展改革委", "市财政局", "市人民政府"]),
    ("由区人民政府民政部门会同区财政部门审核后发放。", "", ["区人民政府民政部门", "区财政部门"]),
    # a government's department is one body (市人民政府 + 水行政主管部门), not the government
    ("第五条市人民政府水行政主管部门负责淇河河道的监督管理。", "", ["市人民政府水行政主管部门"]),
    ("县级以上人民政府卫生行政部门负责本行政区域内的犬类免疫工作。", "", ["县级以上人民政府卫生行政部门"]),
    ("区人民政府负责组织实施本办法。", "", ["区人民政府"]),
    ("区住房保障部门为公共租赁住房的审核机关。", "", ["区住房保障部门"]),
    # a name whose first ending is not its last (市委 + 组织部), a name holding 经 (民营经济局, 经信局)
    ("市委组织部负责统筹协调、预算编制等工作。", "", ["市委组织部"]),
    ("市民营经济局负责提供国家级“专精特新”小巨人企业名单。", "", ["市民营经济局"]),
    ("区经信委负责企业认定。", "", ["区经信委"]),
    # several doers for several jobs: the job asked decides, not a body the question names
    ("市发展改革委负责提供链主企业名单,市工业和信息化局负责提供单项冠军企业名单,市民营经济局负责提供“专精特新”小巨人企业名单。",
     "“专精特新”小巨人企业名单是市工业和信息化局提供的吗？", ["市民营经济局"]),
    ("县商务局负责新建重点产业项目，县工信局负责技改项目。", "新建项目是县工信局负责吗", ["县商务局"]),
]


@pytest.mark.parametrize("sentence,question,expected", DOERS)
def test_doers_named_in_prose(sentence, question, expected):
    assert duty_doers(sentence, question) == expected


@pytest.mark.parametrize("sentence", [
    "优惠租金标准由市住房城乡建设部门制定发布。",
    "县工信局负责技改重点产业项目相关工作。",
    "申请材料由街道办事处受理。",
    "市民政部门应当会同同级财政部门统筹安排资金。",
    "办公室主任由分管副县长兼任。",
])
def test_inline_duty_sentences_recognised(sentence):
    assert INLINE_DUTY.search(sentence)


from core.clause import Clause  # noqa: E402
from kb.handlers import item_number, numbered_item  # noqa: E402


@pytest.mark.parametrize("heading,expected", [
    ("（九）加强绿色高效新机具新技术示范推广", ("（）", 9)),
    ("第 1 0 条 鼓励企业标准创制", ("条", 10)),
    ("第二十三条", ("条", 23)),
    ("三、构建三大人才开发支撑体系", ("、", 3)),
    ("38.人才公寓", (".", 38)),
    ("人才公寓", None),
])
def test_item_numbers_in_every_numbering_style(heading, expected):
    assert item_number(heading) == expected


def _c(cid, heading, units=(), order=0):
    return Clause(id=f"d#{cid}", doc="d", title="t", section=(heading,), heading=heading, text=heading, units=units,
                  order=order)


def test_a_reference_takes_the_documents_own_numbering_and_prefers_articles_for_条():
    law = [_c("1", "第九条 市民政部门负责", ("市民政局",), 1), _c("2", "（九）其他", (), 2)]
    plan = [_c("a", "九、保障措施", (), 1), _c("b", "（九）人才公寓", ("市住建局",), 2), _c("c", "9.示范", (), 3)]
    assert numbered_item("第九条由谁负责", law).id == "d#1"
    assert numbered_item("第（九）项谁牵头", plan).id == "d#b"
    assert numbered_item("第九条谁牵头", plan).id == "d#b"  # no articles: the tagged ninth item
    assert numbered_item("第十条谁牵头", plan) is None
    assert numbered_item("人才公寓谁牵头", plan) is None


@pytest.mark.parametrize("asked,doer,same", [
    ("食药监部门", "食品药品监督管理部门", True),
    ("卫生部门", "市卫生行政部门", True),
    ("市政部门", "市政管理部门", True),
    ("税务局", "商务部门", False),
    ("卫生部门", "公安机关", False),
    ("工商部门", "工商行政管理部门", True),
])
def test_a_body_asked_by_its_short_name_is_the_body_written_in_full(asked, doer, same):
    """Class: users shorten a body (食药监) whose full name the regulation writes: its characters, in order."""
    from kb.handlers import same_body
    assert same_body(asked, doer) is same


@pytest.mark.parametrize("sentence,expected", [
    ("由市发展改革委（市粮食和物资储备局）、市财政局和农发行安顺分行联合发文，制定下一年度轮换计划。",
     ["市发展改革委（市粮食和物资储备局）", "市财政局", "农发行安顺分行"]),
    ("由区民政局、区财政局和区卫健委联合审核。", ["区民政局", "区财政局", "区卫健委"]),
    ("由县商务局及县财政局负责兑现。", ["县商务局", "县财政局"]),
    ("由市人社局会同市财政局、市税务局制定。", ["市人社局", "市财政局", "市税务局"]),
    ("由农发行安顺分行发放贷款。", ["农发行安顺分行"]),
])
def test_every_body_of_a_list_after_you_or_huitong_acts(sentence, expected):
    """Class: `由A、B和C联合…` / `由A会同B、C…` — each body of the list is a doer, a bank's branch (分行) a body too."""
    assert duty_doers(sentence) == expected
