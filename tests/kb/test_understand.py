"""The question parser on its own: a table of (question → operation, units, constraints). No index needed.

At least five phrasings per operation, several of them written after the cue table
and not from it (marked `# new`), so the table tests the class, not the examples.
"""
from __future__ import annotations

import pytest

from core.segment import corpus_segmenter
from ingest.build import corpus_words
from tests.conftest import ROOT
from core.units import load_units
from kb.frame import Op, UnitKind
from kb.understand import understand

UNITS = load_units()
WORDS = corpus_segmenter(corpus_words(ROOT / "corpus")).words  # the plan's questions, the plan's words


def frame(q: str):
    return understand(q, UNITS, WORDS)


OPS = [
    # a party's own conduct (不配合) or enterprises taking part (参与企业) asks no co-operating units
    ("商家不配合宣传会被取消资格吗", Op.CONTENT),
    ("企业不配合检查会怎样", Op.CONTENT),  # new
    ("参与企业名单在哪看", Op.CONTENT),  # new
    ("拒不配合调查的怎么处理", Op.CONTENT),  # new
    ("配合度低的企业会被清退吗", Op.CONTENT),  # new
    # responsible
    ("融资体系建设的责任单位都有哪些？", Op.RESPONSIBLE),
    ("人才培养这块谁负责？", Op.RESPONSIBLE),
    ("招大引强归哪些部门管？", Op.RESPONSIBLE),  # new
    ("专业载体目标由哪几个单位落实？", Op.RESPONSIBLE),  # new
    ("Which departments are responsible for the talent target?", Op.RESPONSIBLE),
    # who is responsible and who co-operates, asked together: the whole list with the lead marked
    ("拓宽职业上升通道这项谁负责？哪些单位配合？", Op.RESPONSIBLE),
    ("人才公寓的责任单位和配合单位分别是哪些", Op.RESPONSIBLE),
    ("人才公寓由谁负责，还有谁配合", Op.RESPONSIBLE),
    ("这项工作哪个部门负责、哪些部门协助？", Op.RESPONSIBLE),
    ("融资体系的负责单位以及参与单位", Op.RESPONSIBLE),
    ("申请兑现奖励要经过谁审核批准？", Op.RESPONSIBLE),
    ("补贴申请找谁？", Op.RESPONSIBLE),
    ("材料向谁提交，谁受理？", Op.RESPONSIBLE),
    ("我们是技术改造项目，归哪个部门对接？", Op.RESPONSIBLE),
    ("星级评定由谁认定", Op.RESPONSIBLE),
    ("产业规模目标是哪个局牵的头？", Op.LEAD),
    ("这事是谁挑的头？", Op.LEAD),
    ("市财政局牵头的活儿有哪些", Op.REVERSE),
    ("市财政局 牵头事项", Op.REVERSE),
    ("市金融局牵头的任务清单", Op.REVERSE),
    ("市税务局在这份文件里有哪些活儿", Op.REVERSE),
    ("市经信局负责的事项", Op.REVERSE),
    ("市财政局负责人才培养吗？", Op.MEMBER),
    ("市财政局参与人才公寓吗", Op.MEMBER),
    ("人才公寓市住建局管不管？", Op.MEMBER),
    ("文化引领人才行动计划那几项各自谁牵头", Op.PER_ITEM),
    ("交证阶段下面各项的牵头单位分别是？", Op.PER_ITEM),
    ("农机人才培养下面各项的牵头单位分别是？", Op.PER_ITEM),
    ("保障措施各项的责任单位", Op.PER_ITEM),
    ("软件从业人员2020年、2022年的目标各是多少？", Op.SERIES),
    ("第一阶段和第三阶段的软件业务收入目标分别是多少", Op.SERIES),
    ("人才公寓有哪些单位配合", Op.PARTNERS),
    ("哪些单位配合人才公寓项目", Op.PARTNERS),
    ("开源生态那条是谁来抓", Op.RESPONSIBLE),  # new
    # lead
    ("市场主体目标由谁牵头？", Op.LEAD),
    ("融资体系哪个部门挑头", Op.LEAD),
    ("一带一路那项的主责单位是哪个？", Op.LEAD),  # new
    ("Who leads the market entities target?", Op.LEAD),
    ("产业规模谁主抓？", Op.LEAD),  # new
    # partners
    ("市场主体目标的配合单位有哪些？", Op.PARTNERS),
    ("除了牵头单位，融资体系还有谁参与？", Op.PARTNERS),
    ("招大引强协同部门是哪些", Op.PARTNERS),  # new
    ("产业规模其他参与的部门有哪些？", Op.PARTNERS),  # new
    ("Which units co-operate on the financing system?", Op.PARTNERS),
    # member (yes/no)
    ("市财政局是产业规模的责任单位吗？", Op.MEMBER),
    ("强化运行分析科学督导是市统计局牵头吗？", Op.MEMBER),
    ("市教育局在不在人才培养的名单里？", Op.MEMBER),  # new
    ("融资体系有没有市国资委？", Op.MEMBER),  # new
    ("市商务局算不算专业载体的责任单位", Op.MEMBER),  # new
    ("Is 市经信局 the lead of the market entities target?", Op.MEMBER),
    # an item "has" a unit, asked yes/no
    ("融资体系有市国资委吗", Op.MEMBER),
    # the partners of a unit on an item, asked as who works with it
    ("融资体系市金融局跟谁一起搞", Op.PARTNERS),
    ("人才培养这事市教育局和哪些部门一起做", Op.PARTNERS),
    ("产业规模目标市经信局与哪些单位共同负责", Op.PARTNERS),
    ("人才公寓市住建局同谁合作", Op.PARTNERS),
    ("融资体系除了市金融局还有谁", Op.PARTNERS),
    # a yes/no written A不A with any verb (要不要, 用不用, 需不需要, 归不归, 有没有)
    ("人才培养要不要市财政局配合", Op.MEMBER),
    ("融资体系需不需要市国资委参与", Op.MEMBER),
    ("产业规模目标市统计局用不用管", Op.MEMBER),
    ("人才公寓归不归市住建局管", Op.MEMBER),
    ("专业载体该不该市商务局负责", Op.MEMBER),
    ("市场主体目标有市商务局么", Op.MEMBER),
    ("人才培养那条有没有市人社局", Op.MEMBER),
    ("专业载体有市住建局吗？", Op.MEMBER),
    ("招大引强这项有没有市投促局啊", Op.MEMBER),
    # several leads asked for
    ("“互联网+不动产登记”由哪几个部门牵头？", Op.LEAD),
    ("商办楼改托育 哪些部门牵头", Op.LEAD),
    ("融资体系是哪几家单位共同牵头的", Op.LEAD),
    ("招大引强由哪些单位牵头", Op.LEAD),
    ("人才培养是哪几个部门一起牵头", Op.LEAD),
    # count
    ("融资体系一共点名了几个具体单位（不算有关部门和区县）？", Op.COUNT),
    ("产业规模目标有几个责任单位？", Op.COUNT),
    ("招大引强涉及多少个部门", Op.COUNT),  # new
    ("人才培养总共列了几家单位？", Op.COUNT),  # new
    ("How many units are responsible for the financing system?", Op.COUNT),
    ("融资体系共列了几个单位", Op.COUNT),
    ("人才培养这条共有多少部门参与", Op.COUNT),
    # 共 inside a word (共享, 公共, 共建) is no count
    ("“加强信息共享与应用”除牵头单位外还有哪些配合单位？", Op.PARTNERS),
    ("公共平台建设的配合单位有哪些", Op.PARTNERS),
    ("共建共享那条除了牵头的还有哪些部门", Op.PARTNERS),
    # per item
    ("保障措施有几条？各由谁牵头？", Op.PER_ITEM),
    ("重点任务分别由谁牵头？", Op.PER_ITEM),
    ("发展目标每一项是哪个部门牵头", Op.PER_ITEM),  # new
    ("总体目标各项分别归谁负责？", Op.PER_ITEM),  # new
    ("保障措施里每一条谁负责", Op.PER_ITEM),  # new
    # intersection
    ("产业规模目标和招大引强任务，共同的责任单位是哪几个？", Op.INTERSECTION),
    ("哪些单位既负责产业规模目标又负责强化组织领导统筹推进？", Op.INTERSECTION),
    ("产业规模目标和强化组织领导统筹推进都有份的部门是哪些？", Op.INTERSECTION),
    ("既参与人才培养又参与融资体系的部门有哪些？", Op.INTERSECTION),
    ("行业统计、成立软件产业发展专家组这一条的责任单位都有谁？", Op.RESPONSIBLE),  # 都有谁 lists one item's units
    ("产业规模指标和招大引强任务都要负责的部门", Op.INTERSECTION),
    ("人才培养与融资体系都参与的单位有哪些？", Op.INTERSECTION),  # new
    ("市场主体和专业载体两项都有哪些部门？", Op.INTERSECTION),  # new
    ("产业规模和人才培养都涉及哪些单位", Op.INTERSECTION),  # 都涉及 / 都包括 / 都管: the units both name
    ("融资体系跟招大引强都包括哪些部门？", Op.INTERSECTION),
    ("人才培养与专业载体都管的部门是哪几个", Op.INTERSECTION),
    ("Which units do the talent target and the financing system have in common?", Op.INTERSECTION),
    # keywords typed apart by spaces, no 和 between them
    ("产业规模目标 强化组织领导统筹推进 共同责任单位", Op.INTERSECTION),
    ("市场主体 融资体系 共同的责任单位", Op.INTERSECTION),
    ("人才培养 融资体系 都有份的部门", Op.INTERSECTION),
    ("专业载体 招大引强 共同单位有哪些", Op.INTERSECTION),
    ("创新实力目标 标准引领 交集部门", Op.INTERSECTION),
    # reverse
    ("市商务局负责哪些工作？", Op.REVERSE),
    ("市投促局牵头了哪些任务？", Op.REVERSE),
    ("人社局要干什么？", Op.REVERSE),  # new
    ("市科技局在规划里有什么活", Op.REVERSE),  # new
    ("What is the Commerce Bureau responsible for?", Op.REVERSE),
    # a unit and a duty word, nothing else: what it does
    ("高新区 责任单位", Op.REVERSE),
    ("市经信局 牵头", Op.REVERSE),
    ("市商务局作为责任单位", Op.REVERSE),
    ("市投促局 责任", Op.REVERSE),
    ("成都高新区的责任", Op.REVERSE),
    # shared tasks
    ("市经信局和市商务局共同负责哪些任务？", Op.SHARED_TASKS),
    ("市教育局和市人社局都参与了哪些事项？", Op.SHARED_TASKS),  # new
    ("市发改委与市财政局同时列为责任单位的工作有哪些", Op.SHARED_TASKS),  # new
    ("市科技局、市商务局都负责的任务", Op.SHARED_TASKS),  # new
    ("Which tasks do the Commerce Bureau and the Education Bureau share?", Op.SHARED_TASKS),
    # value
    ("2022年软件业务收入目标是多少？", Op.VALUE),
    ("到2025年软件从业人员要达到多少？", Op.VALUE),
    ("离岸服务外包执行金额的目标", Op.VALUE),  # new
    ("第二阶段亿元以上企业超过多少家？", Op.VALUE),  # new
    ("What is the software revenue target for 2025?", Op.VALUE),
    # who, in the words people use
    ("首付比例谁说了算", Op.RESPONSIBLE),
    ("融资体系谁主导", Op.LEAD),  # 主导 is leading
    ("人才培养由谁组织实施", Op.RESPONSIBLE),
    ("市场主体目标谁来推动", Op.RESPONSIBLE),
    ("招大引强谁拍板", Op.RESPONSIBLE),
    # which items carry no annotation
    ("哪些条没写牵头单位？", Op.OUTLINE),
    ("哪些措施没有写责任单位", Op.OUTLINE),
    ("哪些条没有标注责任部门", Op.OUTLINE),
    ("有没有没写牵头单位的任务", Op.OUTLINE),
    ("规划里哪几项未明确责任单位", Op.OUTLINE),
    ("每条都写了责任部门吗？", Op.OUTLINE),
    # the parts of a heading: `X有哪几项`
    ("重点任务有哪几项", Op.OUTLINE),
    ("保障措施包括几条？", Op.OUTLINE),
    ("发展重点分哪几块", Op.OUTLINE),
    ("重点任务有几项", Op.OUTLINE),
    ("发展原则有哪几条", Op.OUTLINE),
    # the stages themselves, not a figure per stage
    ("规划分了几个阶段，各叫什么，时间怎么划的？", Op.OUTLINE),
    ("一共几个阶段？分别叫什么", Op.OUTLINE),
    ("发展目标分哪几个阶段", Op.OUTLINE),
    ("阶段目标有哪几个阶段", Op.OUTLINE),
    ("规划划分为几个阶段，起止时间是什么", Op.OUTLINE),
    ("几个阶段的软件业务收入分别是多少", Op.SERIES),
    # series
    ("软件业务收入各阶段分别是多少？", Op.SERIES),
    ("三个阶段的从业人员目标分别是多少", Op.SERIES),  # new
    ("亿元以上企业数量每个阶段的目标", Op.SERIES),  # new
    ("中国软件百强企业分阶段目标", Op.SERIES),  # new
    ("What is the software revenue target at each stage?", Op.SERIES),
    # compare
    ("2025年比2022年软件业务收入多多少？", Op.COMPARE),
    ("离岸服务外包执行金额，第三阶段比第二阶段的目标高多少？", Op.COMPARE),
    ("从业人员第一阶段和第三阶段相差多少", Op.COMPARE),  # new
    ("软件业务收入2020到2025年增加了多少？", Op.COMPARE),  # new
    ("How much higher is the 2025 revenue target than the 2022 one?", Op.COMPARE),
    # definition
    ("什么是云大物移智？", Op.DEFINITION),
    ("1+5+N是什么意思", Op.DEFINITION),
    ("首版次指的是什么？", Op.DEFINITION),  # new
    ("蓉贝具体指什么", Op.DEFINITION),  # new
    ("What does 云大物移智 stand for?", Op.DEFINITION),
    # support
    ("有哪些融资支持政策？", Op.SUPPORT),
    ("软件企业能享受什么扶持？", Op.SUPPORT),  # new
    ("小微企业贷款有帮扶吗", Op.SUPPORT),  # new
    ("对首版次软件有什么鼓励", Op.SUPPORT),  # new
    ("What support is there for software start-ups?", Op.SUPPORT),
    # outline
    ("保障措施有哪几条？", Op.OUTLINE),
    ("重点任务包括哪些方面？", Op.OUTLINE),
    ("发展重点分哪几部分", Op.OUTLINE),  # new
    ("关键技术有哪些", Op.OUTLINE),  # new
    ("List the safeguard measures.", Op.OUTLINE),
    # the members of a named group, and the document's own shape
    ("六大人才行动计划是哪六个？", Op.OUTLINE),
    ("“支持范围”里都有哪几类奖励？", Op.OUTLINE),
    ("服务资助对象分为哪几类？", Op.OUTLINE),
    ("发展原则是哪四条", Op.OUTLINE),
    ("这份实施意见分几大部分？", Op.OUTLINE),
    ("通知后面带了几个附件？", Op.OUTLINE),
]


@pytest.mark.parametrize("question,op", OPS)
def test_operation(question, op):
    assert frame(question).op is op


def test_every_operation_but_content_and_difference_has_five_phrasings():
    counts = {op: sum(1 for _, o in OPS if o is op) for op in Op}
    assert all(n >= 5 for op, n in counts.items() if op not in (Op.CONTENT, Op.DIFFERENCE))


@pytest.mark.parametrize("question,kinds,excluded", [
    ("招大引强那项任务的责任单位里有哪些区？", {UnitKind.DISTRICT}, set()),
    ("一带一路那条有哪些区县参与？", {UnitKind.DISTRICT}, set()),
    ("产业规模目标里哪个不是市级部门？", set(), {UnitKind.CITY}),
    ("融资体系的责任单位里有企业吗？是哪家？", {UnitKind.ENTERPRISE}, set()),
    ("这项任务有哪些国家级机构参与？", {UnitKind.NATIONAL}, set()),
    ("融资体系一共点名了几个具体单位（不算有关部门和区县）？", set(), set()),
    # a kind word inside the subject constrains nothing
    ("落实医保药品目录配备、基层和医院用药目录衔接这条，配合单位是谁？", set(), set()),
    ("区级养老服务中心建设由谁负责？", set(), set()),
    ("提升基层医疗卫生机构服务能力的牵头单位", set(), set()),
    ("这项任务的区级单位有哪些？", {UnitKind.DISTRICT}, set()),
    ("有没有基层政府参与？", {UnitKind.DISTRICT}, set()),
])
def test_unit_kind_constraints(question, kinds, excluded):
    f = frame(question)
    assert set(f.kinds) == kinds and set(f.exclude_kinds) == excluded


@pytest.mark.parametrize("question,subjects", [
    ("产业规模目标和招大引强任务，共同的责任单位是哪几个？", ("产业规模", "招大引强")),
    ("人才培养与融资体系都参与的单位有哪些？", ("人才培养", "融资体系")),
    ("哪些单位既负责产业规模目标又负责强化组织领导统筹推进？", ("产业规模", "强化组织领导统筹推进")),
    ("既参与人才培养又参与融资体系的部门", ("人才培养", "融资体系")),
    ("市场主体目标由谁牵头？", ("市场主体",)),
    ("融资体系建设的责任单位都有哪些？", ("融资体系建设",)),
    ("Who leads the financing system?", ("financing system",)),
    # 和 joins two long titles with 、 inside: the 、 does not split a title
    ("产品研发、示范应用和人才引进、培养共同的单位", ("产品研发示范应用", "人才引进培养")),
    ("市场主体、融资体系共同的责任单位", ("市场主体", "融资体系")),  # no 和: 、 joins the two
])
def test_subject_words_are_what_remains_without_asking_words(question, subjects):
    assert frame(question).subject_text == subjects


@pytest.mark.parametrize("question,units,hints", [
    ("市财政局是产业规模的责任单位吗？", ("市财政局",), ()),
    ("税务部门在不在里面？是哪个单位？", (), ("税务",)),
    ("教育方面有没有参与人才培养？", (), ("教育",)),
    ("经信局和商务局共同负责哪些任务？", ("市经信局", "市商务局"), ()),
    ("What is the Commerce Bureau responsible for?", ("市商务局",), ()),
])
def test_units_by_name_alias_or_field(question, units, hints):
    f = frame(question)
    assert f.units == units and f.unit_hints == hints


@pytest.mark.parametrize("question,attribute", [
    ("人才奖励能拿多少钱？", "具体金额"),
    ("12320服务专线几点到几点有人接听？", "办理或接听的时间"),
    ("政务大厅的办公时间是？", "办理或接听的时间"),
    ("窗口周末几点开门？", "办理或接听的时间"),
    ("热线什么时间段能打通？", "办理或接听的时间"),
    ("受理窗口上班时间", "办理或接听的时间"),
    ("办分户证，购房人要交多少登记费？", "具体金额"),
    ("开发商没按时交证，要赔多少违约金？", "具体金额"),
    ("逾期不退房要罚多少？", "具体金额"),
    ("押金收多少？", "具体金额"),
    ("首付要付多少？", "具体金额"),
    ("推进会多久开一次？", "开会或办理的频次"),
    ("2019年软件业务收入实际是多少？", "实际数字"),
    ("天府软件园现在有多少家企业？", "实际数字"),
    ("昆明现在买房最低首付几成？", "具体比例"),  # the rule in force (a share), not a statistic
    ("目前公积金贷款利率是多少？", "利率"),  # the rule in force: a rate, not a statistic
    ("首套房贷利率下限多少", "利率"),
    ("今年要改造多少个老旧小区？", "具体数量"),
    ("到2028年建成多少个OPC社区", "具体数量"),
    ("房子几年内不能卖？", "期限"),
    ("那项是哪几个单位负责的", ""),  # which bodies, not a count of things
    ("有几个部门参与", ""),
    ("申请材料一共要列了几项", ""),  # a list's items: its structure counts them
    ("一家企业同时报好几项，材料怎么交", ""),
    ("现在申请的收入标准是多少？", "具体金额"),
    ("园区目前已经聚集了多少家企业？", "实际数字"),
    ("申报首版次要什么材料？", "所需材料"),
    ("2022年软件业务收入目标是多少？", ""),
    # a rate: only a figure per the same thing answers it
    ("建设补贴每平方米补多少？", "按每平方米计的标准"),
    ("岗位补贴每个月有多少钱？", "按每月计的标准"),
    ("基本服务包每人每年收多少钱？", "按每人计的标准"),
    ("种植基地每亩奖多少？", "按每亩计的标准"),
    ("每户能领几套？", "按每户计的标准"),
    ("消纳场所处置渣土每吨收多少钱？", "按每吨计的标准"),
    ("每立方米补多少", "按每立方米计的标准"),
    # 金额 as the thing filled in, not an amount asked
    ("给顾客开发票时金额怎么填？", ""),
    ("发票金额怎么写", ""),
    ("补贴金额是多少", "具体金额"),
    ("多大面积的房子能补", "面积"),
    ("占地面积有多大", "面积"),
    # the instalments a sum is paid in, not how often something recurs
    ("奖励是一次给完还是分几次给？", "分几次（期）发放"),
    ("补贴分几期拨付", "分几次（期）发放"),
    ("资金是一次性发还是分批发", "分几次（期）发放"),
    ("奖励分几个阶段兑现", "分几次（期）发放"),
    ("购房补贴分几年发", "分几次（期）发放"),
    ("推进会一年开几次？", "开会或办理的频次"),
])
def test_attribute_asked(question, attribute):
    assert frame(question).attribute == attribute


@pytest.mark.parametrize("attribute_of,sentence,present", [
    ("建设补贴每平方米补多少？", "各区每年每个分别不少于60万元运营经费。", False),  # per year is not per square metre
    ("建设补贴每平方米补多少？", "补贴标准为建筑面积每平方米37元。", True),
    ("在家养老每个月能资助多少？", "第一类资助对象每人每月400元。", True),
    ("种植基地每亩奖多少？", "给予企业100元/亩奖励。", True),
    ("岗位补贴每个月有多少钱？", "可以按规定享受就业补贴和岗位补贴，具体办法另行制定。", False),
    ("每年封顶多少？", "每家企业年度最高不超过500万元。", True),  # a yearly cap written with 年度
    ("每年最多补多少", "一次性给予最高不超过500万元支持。", False),
    # a monthly sum written with 月 before what it measures; a date's 月 is none
    ("见习期间每月生活费给多少钱", "北三市月最低工资标准为1520元，其他区市县月最低工资标准为1620元。", True),
    ("公租房每个月租金多少", "月租金为每平方米10元，合计月租金800元。", True),
    ("补贴每月多少", "自2019年1月1日起，补贴标准提高到500元。", False),
    ("补贴每月多少", "本月起发放2000元一次性补贴。", False),
    # the instalments: stages or shares in turn, or all at once
    ("奖励是一次给完还是分几次给？", "分别按应奖励额的30%、30%和40%对企业进行奖励。", True),
    ("补贴分几期拨付", "补贴资金分3年拨付到位。", True),
    ("奖励分几个阶段兑现", "按项目实现主体封闭、竣工验收和正常运营3个阶段兑现。", True),
    ("补贴分几期拨付", "对新引进企业给予最高500万元补贴。", False),
    ("资金是一次性发还是分批发", "奖励资金一次性拨付。", True),
])
def test_a_rate_is_answered_only_by_a_figure_per_the_same_thing(attribute_of, sentence, present):
    from kb import attributes
    assert attributes.present(attributes.asked(attribute_of), [sentence]) is present



def test_a_quoted_document_title_names_no_unit_of_the_question():
    """Class: formal questions quoting a title that names its issuers (《广州市卫生健康委等4部门关于…》)."""
    f = frame("按《市经信局等5部门关于印发软件产业规划的通知》，产业规模目标由哪个单位牵头？")
    assert f.units == () and f.op is Op.LEAD


@pytest.mark.parametrize("title,bare", [
    ("个体工商户条例", "个体工商户条例"),
    ("中华人民共和国国徽法", "国徽法"),
    ("成都市软件产业发展规划（2019—2025年）", "成都市软件产业发展规划"),
    ("国务院办公厅关于推广第二批支持创新相关改革举措的通知", ""),  # too long to be typed bare
    ("方案", ""),
])
def test_a_title_as_a_question_writes_it_bare(title, bare):
    from kb.ask import bare_title
    assert bare_title(title) == bare


@pytest.mark.parametrize("question,lead_only,partners_only", [
    ("融资体系一共有几个配合部门", False, True),
    ("产业规模目标的配合单位有几个", False, True),
    ("招大引强那条有多少个参与单位", False, True),
    ("人才培养几个部门配合", False, True),
    ("产业规模目标有几个牵头单位", True, False),
    ("融资体系几个部门牵头", True, False),
    ("产业规模目标有几个责任单位", False, False),
    ("融资体系一共几个部门负责，谁牵头", False, False),
])
def test_a_count_says_which_units_it_counts(question, lead_only, partners_only):
    """Class: a count of units asks for the leads (几个牵头), the co-operating units (几个配合), or all of them."""
    f = frame(question)
    assert (f.op, f.lead_only, f.partners_only) == (Op.COUNT, lead_only, partners_only)


@pytest.mark.parametrize("question,presumed", [
    ("德阳重装基地的问题是发改委办的吗", True),
    ("促进文物回流这一条是商务部负责的吧？", True),
    ("这事是市财政局管的吧", True),
    ("人才公寓是市住建局牵头的吗", True),
    ("融资体系是不是市金融局抓的", True),
    ("产业规模目标市统计局要负责吗？", False),
    ("市税务局参与人才基地那块工作吗？", False),
    ("成都产业集团是不是也算招大引强那条的责任单位？", False),
    ("融资体系有没有市国资委", False),
    ("预售资金监管要不要税务局配合", False),
])
def test_a_question_presuming_who_does_it(question, presumed):
    """`是X办的吗` presumes X is the doer (a 不是 then says who is); `X要负责吗` only asks whether X is listed."""
    from kb.cues import DOER_PRESUMED
    assert bool(DOER_PRESUMED.search(question)) is presumed


@pytest.mark.parametrize("question,unit", [
    ("市场监官局负责什么", "市市场监管局"),
    ("市人设局牵头哪些工作", "市人社局"),  # new
    ("市统记局要做什么", "市统计局"),  # new
    ("市财正局牵头的事", "市财政局"),  # new
    ("市商物局负责哪些", "市商务局"),  # new
    ("市体育局负责什么", None),  # 体 is no slip for 教: another body
    ("市民政局牵头哪些事", None),  # 民政局 is no 财政局
    ("市税务局在这里负责什么", None),  # new: 税 is no slip for 商 (市商务局)
    ("市文化局负责什么", None),  # new
    ("市科协负责什么", None),  # new: not even of the same length
])
def test_a_unit_typed_with_a_homophone_is_read_as_that_unit_and_no_other_body_is(question, unit):
    """Class: a unit's name with one character wrong. The slip an input method makes is a homophone (监官/监管,
    人设/人社); a body one other character apart is another body (区安委办 is no 区绿委办), never read as the unit."""
    from kb.understand import misspelt_units
    assert misspelt_units(question, UNITS) == ((unit,) if unit else ())


@pytest.mark.parametrize("question,asked", [
    ("渣土车在限行路段怎么走、几点能走，谁来定？", None),
    ("补贴标准由谁决定", None),
    ("奖励金额哪个部门核定", None),  # new
    ("收费标准是谁定的", None),  # new
    ("公租房租金多少钱由谁确定", None),  # new
    ("补贴标准是多少", "具体金额"),
    ("几点能通行", "办理或接听的时间"),
])
def test_who_decides_a_figure_asks_who_not_the_figure(question, asked):
    """Class: `X多少/几点…，谁来定`: the figure is what is decided; the question asks who decides it — no attribute
    the answer must state (an answer naming the body is not refused for lacking the figure)."""
    from kb import attributes
    found = attributes.asked(question)
    assert (found.name if found else None) == asked
