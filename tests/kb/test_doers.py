"""Who a sentence says does the work, for documents that state duties in prose (regulations, notices). Pure."""
import pytest

from kb.handlers import INLINE_DUTY, duty_doers

DOERS = [
    # (sentence, question, doers) — the forms real regulations and notices use
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
