"""Sentences of a clause (core.sentences): where a quote starts and ends. Pure, no index."""
import pytest

from core.sentences import sentences


@pytest.mark.parametrize("text,expected", [
    # escalation after 责令改正: the fine belongs to the rule it escalates
    ("未报送有关信息的，由执法部门责令限期改正；逾期不改的，处二千元以上二万元以下罚款；情节严重的，处二万元以上五万元以下罚款。", 1),
    ("未办理备案手续的，由食品药品监督管理部门责令限期改正；逾期未改正的，处五十元以上二百元以下罚款。", 1),
    ("由市场监督管理部门责令改正，给予警告；拒不改正的，处一千元以上一万元以下罚款。", 1),
    # tiers of one amount or one term
    ("货值金额不足一万元的，并处五千元以上三万元以下罚款；货值金额一万元以上的，并处货值金额三倍以上五倍以下罚款。", 1),
    ("面积为90平方米及以下的,减按1%的税率征收契税;面积为90平方米以上的,减按1.5%的税率征收契税。", 1),
    ("保存期限不得少于产品保质期满后六个月；没有明确保质期的，保存期限不得少于二年。", 1),
    ("给予一次性补贴15万元；设置的医疗机构纳入基本医疗保险定点的，再增加一次性补贴5万元。", 1),
])
def test_a_rules_tiers_after_a_semicolon_stay_in_its_sentence(text, expected):
    """Class: a provision whose later tiers (`逾期不改的，…`, `…以上的，…`, `情节严重的，…`) follow a `；` — one
    quote holds the rule and its tiers, so a fine or a second tier is never cut off."""
    assert len(sentences(text)) == expected
    assert "".join(sentences(text)) == text


@pytest.mark.parametrize("text,expected", [
    # a new party or subject (`对…的`) starts another rule
    ("对获得国家级奖项的，给予50万元奖励；对获得省级奖项的，给予20万元奖励。", 2),
    # enumerated items stay items
    ("（一）对养殖的犬应当进行预防接种；（二）销售的犬有动物健康免疫证；", 2),
    ("1.80周岁及以上的；2.重度残疾的；", 2),
    # a stage target is a new statement, not a condition
    ("到2022年，软件业务收入突破5000亿元；到2025年，突破8000亿元。", 2),
    # a list of tasks with no condition
    ("加快发展基础软件；大力发展工业软件；培育信息技术服务。", 3),
])
def test_separate_statements_after_a_semicolon_stay_apart(text, expected):
    """Class: `；` between separate rules, items or stages — each its own sentence, so a quote answers one of them."""
    assert len(sentences(text)) == expected


from core.sentences import lead_in  # noqa: E402

ARTICLE = ("第三十条有下列行为之一的，由公安机关交通管理部门处二十元罚款：（一）违反规定载人的；（二）逆向行驶的；"
           "（三）不按交通信号指示通行的。")
MATERIALS = "第九条申请登记证应当如实提交下列材料：（一）营业执照复印件；（二）从业人员健康证明；（三）其他材料。"


@pytest.mark.parametrize("text,item,expected", [
    (ARTICLE, "（二）逆向行驶", "第三十条有下列行为之一的，由公安机关交通管理部门处二十元罚款："),
    (ARTICLE, "（三）不按交通信号", "第三十条有下列行为之一的，由公安机关交通管理部门处二十元罚款："),
    (MATERIALS, "（二）从业人员", "第九条申请登记证应当如实提交下列材料："),
    ("对下列对象给予补贴：1.高校毕业生；2.退役军人。", "2.退役军人", "对下列对象给予补贴："),
    ("有下列情形的，不予登记：①材料不全的；②超过期限的。", "②超过期限", "有下列情形的，不予登记："),
])
def test_an_item_of_a_list_has_the_words_that_introduce_it(text, item, expected):
    """Class: `有下列行为之一的，由X处Y罚款：（一）…（二）…` — an item alone states neither the fine nor the doer."""
    span = lead_in(text, text.index(item))
    assert span is not None and text[span.start:span.end] == expected


@pytest.mark.parametrize("text,item", [
    (ARTICLE, "第三十条"),  # not an item
    ("加快建设。（一）发展软件；（二）发展硬件。", "（二）发展硬件"),  # no colon introduces the list
    ("具体如下：（一）甲；（二）乙。", "（二）乙"),  # `具体如下：` — too short to say anything
])
def test_no_lead_in_where_none_introduces_the_item(text, item):
    assert lead_in(text, text.index(item)) is None


from core.sentences import respective  # noqa: E402

_DEGREES = "对于毕业五年内普通高校博士、硕士、本科毕业生和高新技术人才分别给予一次性7万元、4万元、2万元首次购房补贴。"


@pytest.mark.parametrize("sentence,question,expected", [
    (_DEGREES, "首次购房补贴硕士多少钱", "硕士：4万元"),
    (_DEGREES, "博士买房补多少", "毕业五年内普通高校博士：7万元"),
    (_DEGREES, "高新技术人才买房补贴多少", "本科毕业生和高新技术人才：2万元"),  # three figures: the last two share one
    (_DEGREES, "首次购房补贴多少钱", ""),  # no category named: every figure stands
    ("对新增规上工业企业、限上商贸企业分别奖励10万元、5万元。", "新增限上商贸企业奖励多少", "限上商贸企业：5万元"),
    ("按照每人每年3万元(博士)、1.44万元(硕士)、0.72万元(本科)的标准发放生活补贴。", "硕士生活补贴一年多少", "硕士：1.44万元"),
    ("首套和第二套分别按总房价1.5%和2%的比例给予购房补贴。", "第二套补贴几个点", "第二套：2%"),
    ("对个人购买家庭唯一住房,面积为90平方米及以下的,减按1%的税率征收契税。", "契税多少", ""),  # no 分别
])
def test_a_figure_stated_for_each_of_several_is_read_for_the_one_asked(sentence, question, expected):
    """Class: `A、B、C分别…X、Y、Z` and `X(A)、Y(B)`: asked about B, B's figure is the answer, said with B."""
    assert respective(sentence, question) == expected


@pytest.mark.parametrize("text,tag,quoted", [
    # a tag that is the sentence's own words stays in it (the doer of a regulation's sentence)
    ("与道路同步建设的地下管线建设工程，由道路建设单位牵头办理立项手续。", "由道路建设单位牵头办理立项手续",
     ["与道路同步建设的地下管线建设工程，由道路建设单位牵头办理立项手续。"]),
    ("财政部会同农业部等有关部门研究提出了办理意见。", "财政部会同农业部等有关部门研究提出了办理意见",
     ["财政部会同农业部等有关部门研究提出了办理意见。"]),
    # a bracketed or labelled tag is cited on its own, not quoted
    ("加强人才引进。（牵头单位：市委组织部）", "（牵头单位：市委组织部）", ["加强人才引进。"]),
    ("加强人才引进。（市人社局负责）", "（市人社局负责）", ["加强人才引进。"]),
    ("加强金融支持。牵头单位:市金融局责任单位:市财政局", "牵头单位:市金融局责任单位:市财政局", ["加强金融支持。"]),
])
def test_a_tag_is_cut_from_quotes_only_when_it_stands_apart(text, tag, quoted):
    """Class: an inline doer (`…，由A牵头办理…`) is the sentence's own words and the answer to who does it; a
    bracketed or labelled annotation is cited as the tag, not repeated inside the quote."""
    from core.sentences import quotable_spans
    assert [text[s.start:s.end] for s in quotable_spans(text, "", tag)] == quoted
