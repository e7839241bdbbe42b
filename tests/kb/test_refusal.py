"""The refusal checks on their own: hand-built cases, no index. The first check that finds a reason decides."""
from __future__ import annotations

from dataclasses import replace

import pytest

from core.clause import Clause
from core.sentences import Span
from kb import attributes, refusal
from kb.extract import Scored
from kb.frame import Frame, Op

CORPUS = "成都市到2025年，全市软件业务收入突破8000亿元。设立“蓉贝”软件人才计划。［责任单位：市经信局］"


def _scored(text: str, dense: float = 0.95) -> Scored:
    clause = Clause(id="d#1", doc="d", title="t", section=("一、目标",), heading="", text=text)
    return Scored(clause, Span(0, len(text)), dense, dense, 0.0, 0)


def case(question: str, op: Op = Op.CONTENT, sentences=("到2025年，全市软件业务收入突破8000亿元。",),
         structured: bool = False, unmatched=(), dense: float = 0.95) -> refusal.Case:
    ranked = [_scored(s, dense) for s in sentences]
    return refusal.Case(
        question=question, frame=Frame(op, subject_text=("软件业务收入",)), corpus=CORPUS,
        corpus_years=frozenset({"2025"}), bigrams=frozenset(CORPUS[i:i + 2] for i in range(len(CORPUS) - 1)),
        ranked=lambda: ranked, unmatched=lambda best: list(unmatched), min_relevance=0.9, structured=structured)


@pytest.mark.parametrize("question,reason", [
    ("2030年软件业务收入目标是多少？", "未提及2030年"),
    ("北京的软件业务收入目标是多少？", "未提及北京"),
    ("What is Shanghai's software revenue target?", "未提及Shanghai"),
    ("“蓉漂计划”有什么支持？", "没有出现“蓉漂计划”"),
    ("“蓉贝”人才奖励多少钱？", "具体金额"),
    ("软件业务收入工作会多久开一次？", "开会或办理的频次"),
    ("2025年软件业务收入实际完成了多少？", "实际数字"),
    ("天河区的软件业务收入目标是多少？", "未提及天河区"),
    ("“蓉贝”人才计划要引进多少万人？", "具体数额"),
    ("“蓉贝”人才计划哪年开始？", "具体日期"),
    ("铁道部负责软件业务收入吗？", "没有出现“铁道部”"),
])
def test_reason_names_what_is_missing(question, reason):
    c = case(question, sentences=("设立“蓉贝”软件人才计划。",) if "蓉贝" in question else ("到2025年，全市软件业务收入突破8000亿元。",))
    assert reason in refusal.first_reason(c)


@pytest.mark.parametrize("question", [
    "2025年软件业务收入目标是多少？",
    "“蓉贝”人才计划是什么？",
    "“蓉贝人才计划”是什么？",  # a loose quote: one word changed still links
    "成都软件业务收入要达到多少？",
    "Chengdu software revenue target",
    "软件业务收入要突破多少亿？",  # 多少亿 answered by 8000亿元
    "软件业务收入哪一年突破8000亿元？",  # 哪一年 answered by 2025年
    "示范区的软件业务收入目标是多少？",  # a kind of zone, not a district's name
])
def test_answerable_questions_pass_every_check(question):
    assert refusal.first_reason(case(question)) is None


def test_amount_present_in_the_sentences_passes():
    assert refusal.first_reason(case("奖励多少钱？", sentences=("给予最高50万元奖励。",))) is None


def test_structured_answers_skip_the_sentence_checks():
    c = case("软件业务收入由谁牵头？", op=Op.LEAD, structured=True, dense=0.1, unmatched=["牵头"])
    assert refusal.first_reason(c) is None


@pytest.mark.parametrize("question,op,stated", [
    ("软件业务收入由谁牵头，奖励多少钱？", Op.LEAD, False),
    ("软件业务收入目标牵头单位的联系电话是多少？", Op.LEAD, False),
    ("软件业务收入找谁咨询，电话多少", Op.RESPONSIBLE, False),
    ("市经信局负责的事项办公电话是多少", Op.REVERSE, False),
    ("软件业务收入的配合单位多久开一次会", Op.PARTNERS, False),
    ("软件业务收入由谁负责，奖励多少钱？", Op.RESPONSIBLE, True),  # the cited clause states the amount
    ("软件业务收入找谁咨询？", Op.RESPONSIBLE, False),  # who, not a contact: answered by the units
])
def test_a_who_question_asking_an_attribute_the_item_lacks_is_refused(question, op, stated):
    """Class: a duty question that also asks an amount, a phone, a frequency: the units are no answer unless the
    cited clause states it; the reason names the item and its units."""
    clause = "设立软件产业基金，给予最高50万元奖励。［责任单位：市经信局］" if stated else "推动软件产业发展，设立人才计划。［责任单位：市经信局］"
    c = refusal.Case(**{**case(question, op=op, structured=True).__dict__, "structured_texts": (clause,),
                        "structured_about": "「目标」的责任单位（市经信局）"})
    reason = refusal.first_reason(c)
    if stated or question.endswith("找谁咨询？"):
        assert reason is None
    else:
        assert reason.startswith("文件写明了「目标」的责任单位（市经信局），但没有写")


def test_words_never_used_come_before_the_threshold():
    assert "没有出现“房价”" in refusal.first_reason(case("房价是多少", unmatched=["房价"], dense=0.1))


def test_low_relevance_refuses_last():
    assert refusal.first_reason(case("随便问问", dense=0.5)) == "文件中没有与此相关的内容"


def test_rules_leave_the_threshold_out_for_calibration():
    assert refusal.first_reason(case("随便问问", dense=0.5), refusal.RULES) is None


@pytest.mark.parametrize("question,sentence,stated", [
    ("上市奖励多少钱？", "新增上市企业30家，软件业务收入100亿元级企业达到15家。", False),  # a target, not a reward
    ("有没有补贴多少", "软件业务收入突破8000亿元。", False),
    ("首版次软件奖励多少", "支持首版次软件产品研发、示范和应用推广。", False),
    ("上市奖励多少钱？", "在主板上市的，给予企业300万元奖励。", True),
    ("补贴标准是多少", "按建筑面积每平方米给予200元补贴。", True),
    ("奖励最高多少", "最高奖励不超过50万元。", True),
    ("投资奖励能拿多少", "按固定资产投资的5%—20%给予企业奖励。", True),  # a share of the investment is an amount given
])
def test_a_reward_amount_is_a_figure_given_not_any_figure(question, sentence, stated):
    """Class: the amount of a reward or subsidy — answered only by a sentence that gives a sum (给予…万元), not by
    a target stated in 亿元 that shares the question's words."""
    reason = refusal.first_reason(case(question, sentences=(sentence,)))
    assert (reason is None) if stated else ("具体金额" in reason)



@pytest.mark.parametrize("name,corpus,absent", [
    ("市场监管局", "加强市场监管，推进公平竞争", True),
    ("市场监管局", "由市市场监督管理局负责", False),
    ("市发改委", "市发展和改革委员会牵头", False),
    ("区人社局", "加快推进社会保障和人力资源开发", True),
    ("市卫健委", "卫生健康部门负责", True),
])
def test_a_standard_body_no_form_of_which_the_text_writes_is_absent(name, corpus, absent):
    """Class: a standard body named by the user (市场监管局) that the document never writes in any of its forms is
    not a paraphrase of its words (市场, 监管)."""
    from kb.refusal import _standard_body_absent
    assert _standard_body_absent(name, corpus) is absent


@pytest.mark.parametrize("word,text,found", [
    ("电动车", "驾驶未经登记的电动自行车的", True),
    ("挂牌", "未悬挂号牌的电动自行车", True),
    ("上路", "悬挂临时通行号牌后方可上道路行驶", True),
    ("公积金", "住房公积金贷款", True),
    ("电瓶车", "驾驶电动自行车", False),
    ("老车", "老年人乘坐公交车", False),  # the characters too far apart
    ("动车", "推动，车辆", False),  # never across a phrase
])
def test_a_short_form_is_found_in_the_written_form(word, text, found):
    """Class: colloquial short forms (电动车 for 电动自行车, 挂牌 for 悬挂号牌) are words the document uses."""
    from kb.extract import in_order
    assert in_order(word, text) is found


@pytest.mark.parametrize("question", [
    "电动车上牌要交多少工本费", "办登记证收费多少", "申请要交多少钱", "登记要缴多少费用", "办证费用是多少",
])
def test_a_fee_asked_is_not_answered_by_a_fine(question):
    """Class: a fee or charge asked (工本费, 交多少) where the only sums near the subject are fines (处五十元罚款)."""
    c = case(question, sentences=("驾驶未经登记的电动自行车的，由公安机关交通管理部门处五十元罚款。",))
    assert refusal.missing_attribute(c) is not None


def test_a_fine_asked_is_answered_by_a_fine():
    c = case("没登记就上路罚多少", sentences=("驾驶未经登记的电动自行车的，由公安机关交通管理部门处五十元罚款。",))
    assert refusal.missing_attribute(c) is None


EBIKE = ("第十条电动自行车经登记，悬挂号牌后，方可上道路行驶。第十一条电动自行车所有人应当申请登记。"
         "第二十条驾驶电动自行车不得逆行。第三十一条未悬挂号牌的电动自行车上道路行驶的，处五十元罚款。")


@pytest.mark.parametrize("word,form", [
    ("电动车", "电动自行车"),
    ("上路", "上道路"),
    ("挂牌", "挂号牌"),
    ("自行车", None),  # written as it is: nothing to rewrite
    ("电瓶车", None),  # no written form holds its characters
    ("罚钱", None),  # 罚…钱 nowhere
])
def test_a_short_form_is_searched_as_the_document_writes_it(word, form):
    """Class: a colloquial short form the document never writes, searched in the document's own form (twice at
    least, so a coincidence of characters is not taken for a term)."""
    from kb.extract import written_form
    assert written_form(word, EBIKE) == form


def test_the_question_is_searched_in_the_documents_words():
    from kb.extract import in_document_words
    assert in_document_words(["没", "挂牌", "的", "电动车", "上路"], "没挂牌的电动车上路怎么罚", EBIKE) == \
        "没挂号牌的电动自行车上道路怎么罚"


LEXICON = {"个税": ("个人所得税",), "关门": ("停业", "歇业"), "公租房": ("公共租赁住房",), "租房": ("住房租赁",),
           "幼儿园": ("学前教育", "托育"), "养狗": ("养犬",)}
HOUSING = ("第三条对出售自有住房并重新购买住房的纳税人，对其出售现有住房已缴纳的个人所得税予以退税优惠。经营者停业、歇业的，"
           "由有关部门处理；有关部门应当公布公共租赁住房和住房租赁补贴标准。学前教育阶段的子女按1级标准扣除。养犬人应当登记。")


@pytest.mark.parametrize("words,question,searched", [
    (["卖", "旧房", "个税", "退不退"], "卖旧房个税退不退", "卖旧房个税个人所得税退不退"),
    (["商家", "关门", "跑路"], "商家关门跑路谁管", "商家关门停业歇业跑路谁管"),  # not the 关…门 of 有关部门
    (["排", "公", "租房"], "排公租房排了五年", "排公租房公共租赁住房排了五年"),  # the longer word first, once: not 公+租房
    (["孩子", "上", "幼儿园"], "孩子上幼儿园能扣吗", "孩子上幼儿园学前教育能扣吗"),
    (["想", "养狗"], "想养狗要什么条件", "想养狗养犬要什么条件"),
    (["一级", "标准"], "一级标准扣多少", "1级标准扣多少"),  # a grade as the document writes it
    (["停业"], "停业了怎么办", "停业了怎么办"),  # the document's own word: left as it is
])
def test_everyday_words_are_searched_in_the_documents_words(words, question, searched):
    """Class: a question in everyday words, searched with the official words the lexicon gives for them that the
    document writes added (the longest such word first, once; the typed word kept for what it asks), and grades
    written the document's way."""
    from kb.extract import in_document_words, official_words
    assert official_words(in_document_words(words, question, HOUSING, lexicon=LEXICON), HOUSING, LEXICON) == searched


@pytest.mark.parametrize("question,name", [
    ("购房补贴窗口的咨询电话多少", "联系方式"),  # a number to call beside a subsidy: not its amount
    ("奖励申请的联系电话是多少", "联系方式"),
    ("补贴办理的联系人是谁", "联系方式"),
    ("契税补贴能补几成", "具体比例"),
    ("首付最低几个点", "具体比例"),
    ("补助按什么比例给", "具体比例"),
    ("缴费比例是多少", "具体比例"),
    ("奖励占比多少", "具体比例"),
    ("What percentage is refunded?", "具体比例"),
    ("不戴头盔罚款多少", "具体金额"),
    ("乱停车罚金是多少", "具体金额"),
    ("逾期不改会罚多少", "具体金额"),
])
def test_a_share_or_a_fine_asked_is_an_attribute(question, name):
    """Class: a share asked (几成, 几个点, 什么比例) and a fine asked by its amount (罚款多少): each must be stated
    where the subject is, or the question is refused for lacking it."""
    from kb import attributes
    assert attributes.asked(question).name == name


@pytest.mark.parametrize("question,sentence,stated", [
    ("契税补贴能补几成", "按其所购房屋面积给予300元/平方米购房补贴，最高不超过4万元。", False),  # a sum per m², no share
    ("首付最低几成", "最低首付比例按20%执行。", True),
    ("补贴按什么比例发放", "所有应兑现的补贴分别在2025、2026、2027年度按30%、30%、40%比例发放。", True),
    ("奖励资金按什么比例承担", "未纳入的奖励资金由市县财政按照1:1比例共同承担。", True),
    ("房租减免几成", "对承租国有房屋的服务业小微企业，减半收取3个月租金。", True),
    ("补助比例是多少", "对新建项目给予一次性补助。", False),
])
def test_a_share_is_answered_only_by_a_share(question, sentence, stated):
    reason = refusal.missing_attribute(case(question, sentences=(sentence,)))
    assert (reason is None) if stated else ("具体比例" in reason)


# A span of time asked (多少天内, 几个工作日, 多久过期) is a 期限, answered by one (15日内, 2个自然日, 十二小时); a
# figure of days after 补贴 asks no amount.
@pytest.mark.parametrize("question, sentence, stated", [
    ("补贴家电买了多少天内要送到装好", "原则上自销售之日起15日内完成送货（安装）。", True),
    ("领到的补贴资格多久过期", "补贴资格须在2个自然日内使用。", True),
    ("转运站的垃圾最长能放多久", "存放时间不得超过十二小时。", True),
    ("几个工作日办完", "自受理之日起五个工作日内办结。", True),
    ("派单后多长时间内要到场", "接收城运平台派单后，15分钟内到场核实违规事实。", True),
    ("领了补贴几年内不能卖房", "享受补贴的住房5年内不得上市交易。", True),
    ("领了补贴几年内不能卖房", "申请人及配偶已享受租赁型人才住房的，应退出后方可申请。", False),
    ("备案要多少天", "经营者应当向所在地备案。", False),
])
def test_a_span_of_time_asked_is_answered_by_one(question, sentence, stated):
    asked = attributes.asked(question)
    assert asked.name == "期限" and attributes.present(asked, [sentence]) is stated


@pytest.mark.parametrize("word, forms", [
    ("二级能效", ("二级能效", "2级能效")),
    ("2级", ("2级", "二级")),
    ("三孩", ("三孩", "3孩")),
    ("十二级", ("十二级", "12级")),
    ("冰箱", ("冰箱",)),
])
def test_a_grade_written_either_way(word, forms):
    from core.numerals import numeral_forms
    assert numeral_forms(word) == forms


@pytest.mark.parametrize("question, corpus, missing", [
    ("在香港拿到的专利授权给多少", "获得港澳台授权的发明专利每件资助12000元", False),
    ("澳门的专利也算吗", "获得港澳授权的发明专利", False),
    ("香港的专利给多少", "国内发明专利每件资助3000元", True),
    ("重庆的软件产业规划收入目标是多少", "推动成渝地区双城经济圈建设", True),  # a region is no city's plan
    ("台湾的专利资助多少", "港澳台地区授权的专利", False),
])
def test_a_place_named_with_its_neighbours_is_named(question, corpus, missing):
    c = replace(case(question), corpus=corpus)
    assert (refusal.unknown_places(c) is not None) is missing


ITEM = "4．支持开拓国际市场。支持企业参加境外重点展会，开展海外宣介。经评估，按照最高不超过实际发生额的50%给予支持。"


@pytest.mark.parametrize("kind,question,words,answered", [
    ("item", "去国外参展的费用能补多少", ("参展", "境外"), True),
    ("item", "开展海外宣介补贴多少钱", ("海外", "宣介"), True),
    ("article", "参加境外展会补多少", ("展会", "境外"), True),
    ("paragraph", "去国外参展的费用能补多少", ("参展", "境外"), False),  # a long-running paragraph is no one subject
    ("item", "去国外参展能补多少", ("参展", "境外"), True),
])
def test_a_short_item_is_one_subject(kind, question, words, answered):
    """Class: a short numbered item (as a short article) is about what its first sentences name: its last sentence's
    amount answers a question about them; in a plain paragraph only the sentence itself counts."""
    clause = Clause(id="d#1", doc="d", title="t", section=("二、支持内容",), heading="4．", text=ITEM, kind=kind)
    scored = Scored(clause, Span(ITEM.index("经评估"), len(ITEM)), 0.95, 0.95, 0.0, 0)  # `经评估，按…50%给予支持。`
    c = replace(case(question), ranked=lambda: [scored], subject="参展", subject_words=words)
    assert (refusal.missing_attribute(c) is None) == answered


@pytest.mark.parametrize("question,refused", [
    ("我家老二是2015年出生的，算二孩家庭能拿补贴吗？", False),
    ("我2024年研究生毕业就在成都上班了，能申请吗？", False),
    ("我们公司2019年成立的，能申报软件奖励吗", False),
    ("我是2010年退休的，还能领吗", False),
    ("孩子2023年入学，能享受吗", False),
    ("2024年软件业务收入目标是多少？", True),  # a year of the policy asked
    ("2030年软件企业能拿多少补贴", True),
])
def test_a_year_of_the_askers_own_life_is_no_year_asked(question, refused):
    """Class: eligibility asked with a year of the asker's life (出生, 毕业, 成立) — the conditions answer it, whatever
    years the text covers; a year of the policy asked (2024年…目标) outside them is still refused."""
    assert (refusal.unknown_years(case(question)) is not None) is refused


@pytest.mark.parametrize("question,sentence,stated", [
    ("公积金贷款利率是多少？", "最高贷款额度为40万元。", False),  # an amount is no rate
    ("公积金贷款利率是多少？", "首套住房公积金贷款利率下调0.25个百分点。", True),
    ("首套房贷利率下限多少", "利率下限调整为不低于LPR减20个基点。", True),
    ("今年要改造多少个老旧小区？", "支持老旧小区加强养老、托育等社区专项服务设施改造建设。", False),
    ("到2028年建成多少个OPC社区", "到2028年，建成OPC社区100个以上。", True),
    ("要新建几个公园", "新建海绵型公园9个。", True),
])
def test_a_rate_or_a_number_of_things_asked_is_answered_only_by_one(question, sentence, stated):
    """Class: 利率 asked is answered by a rate, 多少个 by a figure counting the things — a sentence about the same
    subject without one is no answer."""
    asked = attributes.asked(question)
    assert asked is not None and attributes.present(asked, [sentence]) is stated


@pytest.mark.parametrize("year,sentence,refused", [
    ("2022", "到2025年，全市软件业务收入突破8000亿元。", True),  # another year's figure
    ("2025", "到2025年，全市软件业务收入突破8000亿元。", False),
    ("2022", "到2022年，全市软件业务收入突破5000亿元。", False),
    ("2022", "全市软件业务收入突破8000亿元。", False),  # no year stated: nothing to set against
])
def test_a_figure_asked_for_a_year_is_not_another_years(year, sentence, refused):
    """Class: `2022年…目标是多少` where the best sentences set the figure only 到2025年 — no figure for 2022."""
    c = case(f"{year}年软件业务收入目标是多少？", op=Op.VALUE, sentences=(sentence,))
    c = replace(c, frame=replace(c.frame, years=(year,)), corpus_years=frozenset({"2022", "2025"}))
    assert (refusal.another_year(c) is not None) is refused
