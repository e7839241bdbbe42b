"""When the documents do not answer: one ordered list of checks, run in one place. Pure.

The first check that finds a reason decides; the reason names what is missing, so the
user learns what the documents lack rather than reading a quote that merely shares words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

from core.clause import Clause
from core.numerals import numeral_forms
from core.units import abbreviation_groups, level_prefix
from kb import attributes, cues, extract, groups
from kb.extract import Scored
from kb.frame import Frame, Op
from kb.fusion import years_in
from kb.synonyms import load_synonyms

CITIES = ("北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "南京", "武汉", "西安", "苏州", "长沙", "郑州",
          "济南", "青岛", "合肥", "厦门", "福州", "昆明", "贵阳", "南宁", "沈阳", "大连", "哈尔滨", "长春", "石家庄",
          "太原", "南昌", "兰州", "西宁", "银川", "乌鲁木齐", "拉萨", "呼和浩特", "海口", "成都", "绵阳", "德阳", "宜宾",
          "泸州", "眉山", "乐山", "南充", "自贡", "遂宁", "内江", "雅安", "资阳", "广安", "达州", "巴中", "攀枝花",
          "无锡", "宁波", "温州", "东莞", "佛山", "珠海", "中山", "惠州", "烟台", "潍坊", "洛阳", "徐州", "常州", "南通",
          "香港", "澳门", "台北", "东京", "纽约", "伦敦", "新加坡")
CITIES_EN = {"Beijing": "北京", "Shanghai": "上海", "Shenzhen": "深圳", "Guangzhou": "广州", "Hangzhou": "杭州",
             "Chongqing": "重庆", "Wuhan": "武汉", "Xi'an": "西安", "Nanjing": "南京", "Chengdu": "成都", "Tianjin": "天津"}
_QUOTED = re.compile(r"[“\"《「『]([^”\"》」』]{2,30})[”\"》」』]")
_WS = re.compile(r"\s+")
_ASIDE = re.compile(r"[（(][^）)]*(不算|不计|不含|不包括|除外|泛称|泛指)[^）)]*[）)]")
LOOSE_QUOTE = 0.75  # share of a quoted name's character pairs found in the text: one word left out or changed still passes


@dataclass(frozen=True)
class Case:
    """What the checks look at: the question, its frame, the scoped text and (lazily) its best sentences."""

    question: str
    frame: Frame
    corpus: str
    corpus_years: frozenset[str]
    bigrams: frozenset[str]
    ranked: Callable[[], Sequence[Scored]]
    unmatched: Callable[[Scored], list[str]]
    min_relevance: float
    structured: bool  # answered from the document's structure (annotations, headings), not from quotes
    subject: str = ""  # the subject words as the question says them, without the attribute asked
    subject_words: tuple[str, ...] = ()  # the question's subject words the documents use, rarest first: the attribute
    # must be stated where the rarest is
    is_unit: Callable[[str], bool] = lambda name: False  # a unit of the documents asked about (any alias)
    # a unit only other documents of the library name (another city's 市场监管局): no paraphrase of this one's bodies
    elsewhere: Callable[[str], bool] = lambda name: False
    label_of: Callable[[Scored], str] = lambda s: ""  # the sub-item label a sentence sits under
    structured_texts: tuple[str, ...] = ()  # the clauses a structured answer cites
    structured_about: str = ""  # what that answer is about (「item」的责任单位, 市经信局的职责)
    # how well the documents match the question at all: the best sentence's relevance (a penalty put first for
    # the rule it cites is judged by that rule, which is what the question's words match)
    gate: Callable[[Sequence[Scored]], float] = lambda ranked: extract.relevance(ranked[0])
    years_of: Callable[[Clause], frozenset[str]] = lambda c: frozenset()  # the years a clause is dated by (its headings')


# A year of the asker's own life (`老二是2015年出生的`, `我2024年研究生毕业`, `我们公司2019年成立`) says who asks, not
# which year of the policy is asked: eligibility is answered from the conditions, whatever year the text covers.
_OWN_YEAR = re.compile(r"(?:19|20)\d\d年(?=[^，,。？?；;！!]{0,8}?(?:出生|生的|毕业|结婚|离婚|入职|参保|参加工作|退休|退役|落户|"
                       r"注册|成立|开业|入学))|(?<=[我俺])[^，,。？?；;！!]{0,6}?(?:19|20)\d\d年")


def unknown_years(case: Case) -> str | None:
    years = sorted(y for y in years_in(_OWN_YEAR.sub("", case.question)) if y not in case.corpus_years)
    if not years:
        return None
    known = sorted(case.corpus_years)
    span = f"{known[0]}—{known[-1]}年" if known else "其所涉年份"
    return f"文件涉及的年份为{span}，未提及{'、'.join(y + '年' for y in years)}"


# a city or province named by its own name (通化市, 河北省) at the start of a phrase: not 本市/全市/城市/上市/楼市
_PLACE = re.compile(r"(?:^|(?<=[，,。；;：:\s“（(在到去和与跟比对给从是了]))([\u4e00-\u9fff]{2,3}?)(?:市|省)"
                    r"(?!场|民|级|委|政|直|属|值|面|容|价|长|辖|份|情|内外)")
_NOT_A_NAME = re.compile(r"^(本|全|该|各|此|我|你|城|市|省|县|地|州|区|大|小|上|下|这|那|哪|外|同|超|都|门|入|出|落|回|来|直辖|地级|县级)"
                         r"|[上下入出落超门楼股车房菜夜集黑早城级辖全各本每该]$")


# `包括市人社局`, `那项市国资委`: a verb or a pointer before 市/省 that opens a body's name (温州市商务局 is a city's)
_BEFORE_BODY = re.compile(r"(包括|包含|涉及|是否|还是|就是|只有|除了|需要|提交|报送|联系|咨询|[项条款里中])$")
_BODY_AFTER = re.compile(r"[\u4e00-\u9fff]{1,10}?(局|委|厅|办|部|院|中心)")


def named_places(question: str) -> list[str]:
    """Cities and provinces the question names by their own names."""
    out = []
    for m in _PLACE.finditer(question):
        name = re.sub(r"^[在到去和与跟比对给从是了]", "", m.group(1))
        if _BEFORE_BODY.search(name) and _BODY_AFTER.match(question, m.end()):
            continue
        if len(name) >= 2 and not _NOT_A_NAME.search(name) and not re.search(r"[不是的了吗呢吧和与由被把对给向将或及]", name):
            out.append(name)
    return out


# A district or county named by its own two-character name (天河区, 金水区, 双流县) — not a kind of zone
# (示范区, 开发区, 社区, 园区): a user asking about their own district where the document never names it
_DISTRICT = re.compile(r"(?:^|(?<=[，,。；;：:\s“（(在到去和与跟比对给从是了]))([\u4e00-\u9fff]{2})(区|县)"
                       r"(?![域级委政内外间别分划位块])")
_ZONE_WORDS = frozenset(
    "示范 试验 实验 开发 保税 自贸 综保 核心 功能 集聚 先行 合作 主城 中心 生态 商务 产业 经济 行政 市辖 居住 风景 旅游 "
    "工业 物流 商业 住宅 建成 规划 城市 农村 贫困 重点 试点 边境 民族 革命 高新 经开 新城 老城 城乡 社区 园区 片区 "
    "小区 街区 风险 封控 管控 沿海 内陆 山区 牧区 林区 矿区 库区 港区 口岸 自治 其他 所在 属地 相关 有关 本市 全市 各个 "
    "每个 哪个 那个 这个 一个 两个 城镇 乡镇 县城 郊县 远郊 近郊 中部 东部 西部 南部 北部 欠发 发达 偏远 边远 特殊 "
    "重要 一般 不同 全部 部分 整个 具体 享受 涉及 申请 所属 辖内 本地 外地 异地 当地".split())


def named_districts(question: str) -> list[str]:
    return [m.group(0) for m in _DISTRICT.finditer(question)
            if m.group(1) not in _ZONE_WORDS and not re.search(r"[哪这那些几个各每某其该本全此一二三四五六七八九十两\d]", m.group(1))
            and not re.match(r"[由被把对给向将从为与和及即是在到去的了]", m.group(1))]  # `是不是由地区X局牵头`: 由 + 地区


# a place a document names only with its neighbours (港澳台 for 香港): named all the same
_IN_GROUP = {"香港": ("港澳",), "澳门": ("港澳",), "台湾": ("港澳台",)}  # (not 成渝 for 重庆: a region is no city's plan)


def _named(place: str, corpus: str) -> bool:
    return place in corpus or any(g in corpus for g in _IN_GROUP.get(place, ()))


def unknown_places(case: Case) -> str | None:
    places = [c for c in CITIES if c in case.question and not _named(c, case.corpus)]
    places += [p for p in named_places(case.question) if p not in case.corpus and p not in places]
    # the district's own name nowhere in the documents (天河 in 天河中央商务区 counts as named)
    places += [d for d in named_districts(case.question) if d[:2] not in case.corpus and d not in places]
    places += [en for en, zh in CITIES_EN.items() if re.search(rf"\b{en}\b", case.question, re.I) and zh not in case.corpus]
    return f"文件未提及{'、'.join(places)}" if places else None


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


def unknown_names(case: Case) -> str | None:
    """Quoted names (“蓉漂计划”, 《某某办法》) the documents never mention, allowing a loose quote."""
    missing = []
    question = _ASIDE.sub("", case.question)  # （不算“有关部门”这类泛称）: quoted to be excluded, not asked about
    for name in _QUOTED.findall(question):
        name = _WS.sub("", name)
        pairs = _pairs(name)
        if name not in case.corpus and (not pairs or len(pairs & case.bigrams) / len(pairs) < LOOSE_QUOTE):
            missing.append(name)
    return f"文件中没有出现“{'”“'.join(missing)}”" if missing else None


# a government body named in full shape (市航天产业局, 省文化厅, 区科技办公室); not 布局/格局/大厅
_BODY = re.compile(r"(?:[\u4e00-\u9fff]{1,3}?(?:市|省|区|县))?[\u4e00-\u9fff]{2,12}?(?<![布格全大结开变当时棋饭客餐展门舞])(?:局|厅|办公室|委员会)")


BODY_KNOWN = 0.5  # share of a body name's character pairs the documents hold, above which it is a paraphrase


# a ministry or party department (铁道部, 工业和信息化部, 中组部, 宣传部): the character before 部 is one a ministry's
# field ends in — never 内部/全部/东部/干部/总部/俱乐部; the name starts at a clause or a preposition
_MINISTRY = re.compile(r"(?:^|(?<=[，,。；;：:\s“（(在和与跟由是被向及、让]))([\u4e00-\u9fff]{1,8}?"
                       r"[道通务政育安法业利交防技化生设事察动源境理村障游组战传织])部(?![门分署长件位队落])")


def bodies_named(question: str) -> list[str]:
    """Body names the question writes out (outside any quoted document title), none holding a function word."""
    text = cues.DOC_TITLE.sub(" ", question)
    found = [m.group(0) for m in _BODY.finditer(text)] + [re.sub(r"^[由在和与跟是被向及让不]+", "", m.group(0))
                                                                   for m in _MINISTRY.finditer(text)]
    return [b for b in found if not re.search(r"[的了是除或在对把被给向从由哪这那归谁么啥个]|牵头|配合|负责", b)]


def _standard_body_absent(name: str, corpus: str) -> bool:
    """A standard body (市场监管局 ↔ 市场监督管理局) no form of which the documents write: not a paraphrase of
    theirs, however many of its characters they use (市场, 监管)."""
    body = name[len(level_prefix(name)):]
    group = abbreviation_groups().get(body)
    return bool(group) and not any(form in corpus for form in group)


def unknown_bodies(case: Case) -> str | None:
    """A body the documents never name and the unit table does not know: `市航天产业局负责哪些工作？`."""
    # a unit the table knows (frame.units) may be another document's: absent here only if no paraphrase of it is
    # either (市审计局 asked of a document that never audits), not merely because another document lists it
    linked = bool(case.frame.units)
    if linked and case.frame.op is Op.MEMBER:  # `市教育局参与吗`: 不是, and who does — a unit it never names is no member
        return None
    missing = [b for b in bodies_named(case.question) if b not in case.corpus and not case.is_unit(b)
               and not groups.field_listed(b, case.corpus)
               and ((case.elsewhere(b) and not linked) or _standard_body_absent(b, case.corpus)
                    or len(_pairs(b) & case.bigrams) / max(len(_pairs(b)), 1) < BODY_KNOWN)]
    return f"文件中没有出现“{'”“'.join(missing)}”" if missing else None


# `找谁咨询` asks who, which an answer naming the unit gives; `电话多少` asks a contact the annotations never hold
_ASKS_WHO = re.compile(r"(找|问|咨询)(谁|哪)")
_FROM_ANNOTATIONS = frozenset({Op.RESPONSIBLE, Op.LEAD, Op.PARTNERS, Op.MEMBER, Op.REVERSE})


ARTICLE_REACH = 300  # an article or item this short is one subject: a fine in its second sentence is about its first


def one_subject(c: Clause) -> bool:
    """A record, a table row, or an article or numbered item short enough to be about one thing throughout."""
    return c.kind in ("record", "row") or c.kind in ("article", "item") and len(c.text) <= ARTICLE_REACH


def _context(s: Scored, label: str = "") -> str:
    """What a sentence is about: its own words, the headings above it, the sub-item label it sits under
    (`（一）医养结合补贴。`), and for a short article or numbered item the whole of it (`4．支持开拓国际市场。支持企业
    参加境外重点展会…。经评估，按…50%给予支持`: the amount closes what its first sentences name)."""
    short = s.clause.kind in ("article", "item") and len(s.clause.text) <= ARTICLE_REACH
    text = s.clause.text if short else s.text
    return text + s.clause.section_label + label


_FEE = re.compile(r"费|收费|(交|缴|付)多少")
_FINE = re.compile(r"罚款|罚金")
ATTRIBUTE_REACH = 6  # best sentences in which an attribute asked must be stated
SUBJECT_SHARE = 0.34  # of the subject's specific words a sentence (with its headings) must hold to be about it


def _holds_subject(words: Sequence[str], context: str) -> bool:
    """A third of the subject's specific words (a document's common words and its title's already left out), each
    written as it is, in order with gaps, or as the statutory term the everyday word stands for (租房 → 住房租金)."""
    synonyms = load_synonyms()

    def held(w: str) -> bool:
        return (any(f in context or extract.in_order(f, context) for f in numeral_forms(w))  # 二级 is 2级
                or any(s in context for s in synonyms.get(w, ())))
    return sum(map(held, words)) >= max(1, SUBJECT_SHARE * len(words))


def missing_attribute(case: Case) -> str | None:
    """An amount, a frequency, an actual figure … asked about a subject whose sentences state none. A who-question
    that also asks such an attribute (`牵头单位的联系电话`) is not answered by the units: the clause must state it."""
    if case.structured:
        attribute = attributes.asked(_ASKS_WHO.sub("", case.question))
        texts = case.structured_texts
        if case.frame.op is Op.REVERSE and case.subject_words:  # `市发改委多久组织一次政策评估`: that job's items
            texts = tuple(t for t in texts if all(w in t for w in case.subject_words))
        if attribute is None or case.frame.op not in _FROM_ANNOTATIONS or attributes.present(attribute, texts):
            return None
        if attribute.name == "具体数量":  # `由哪些单位负责，共几家`: the annotation's list is what is counted
            return None
        asked = attribute.asks.search(_ASKS_WHO.sub("", case.question))
        if asked and any(asked.group(0) in t for t in texts):  # the item's own words (加大个体工商户定额调整频次)
            return None
        return f"文件写明了{case.structured_about or '相关事项的责任单位'}，但没有写{attribute.name}"
    attribute = attributes.asked(case.question)
    if attribute is None:
        return None
    # a sentence is about the subject when it names it, or sits under a heading that does (第七章赡养老人 > 第二十二条)
    found = [s for s in case.ranked()[:ATTRIBUTE_REACH]
             if not case.subject_words or _holds_subject(case.subject_words, _context(s, case.label_of(s)))]
    # the entry found may state it in another of its sentences (a record's `申请渠道：…` after its `政策内容：…`)
    entries = {s.clause.id for s in found[:1] if s.clause.kind == "record"}
    found += [s for s in case.ranked()[ATTRIBUTE_REACH:] if s.clause.id in entries]
    # a table row's other columns (its 时间节点, 完成时限) belong to the task its sentence states
    about = [s.text + ((lead := extract.lead_in_of(s)) and lead.text or "") + "；".join(cell for _, cell in s.clause.columns)
             for s in found]
    if _FEE.search(case.question) and "罚" not in case.question:  # a fee asked (工本费, 交多少): a fine is no fee
        about = [t for t in about if not _FINE.search(t)]
    if attributes.present(attribute, about):  # the attribute must be stated where the subject is
        return None
    if case.subject:
        return f"文件提到“{case.subject}”的相关内容，但没有写{attribute.name}"
    return f"文件没有写所问的{attribute.name}"


def words_never_used(case: Case) -> str | None:
    if case.structured or not case.ranked():
        return None
    unknown = case.unmatched(case.ranked()[0])
    return f"文件中没有出现“{'”“'.join(unknown)}”" if unknown else None


def not_relevant(case: Case) -> str | None:
    if case.structured:
        return None
    ranked = case.ranked()
    if not ranked or case.gate(ranked) < case.min_relevance:
        return "文件中没有与此相关的内容"
    return None


YEAR_REACH = 6  # best sentences among which one dated by the year asked must be


def another_year(case: Case) -> str | None:
    """A figure asked for one year of the span (`2026年底要建成多少个`) where the best sentences set it only for
    another (`到2028年，建成…100个以上`): the document has none for the year asked, and the other year's is no answer."""
    if case.structured or case.frame.op is not Op.VALUE or len(case.frame.years) != 1 or case.frame.stages:
        return None
    ranked = case.ranked()
    if not ranked:
        return None
    year = case.frame.years[0]
    as_year = re.compile(rf"{year}年(?!\d{{1,2}}月)")  # `2026年5月25日发布` dates the text, it sets no figure
    # a heading's year reaches the sentences under it (`（二）到2022年` > 产业规模); a date line's does not
    if any(as_year.search(s.text) or as_year.search(s.clause.section_label)
           or year in case.years_of(s.clause) and year not in s.clause.text for s in ranked[:YEAR_REACH]):
        return None
    stated = years_in(ranked[0].text)
    return f"文件写的是{'、'.join(sorted(stated))}年的数字，没有写{year}年的" if stated and year not in stated else None


CHECKS: tuple[Callable[[Case], str | None], ...] = (
    unknown_years, unknown_places, unknown_names, unknown_bodies, another_year, missing_attribute, words_never_used,
    not_relevant,
)


RULES = CHECKS[:-1]  # every check but the calibrated threshold (for calibration)


def first_reason(case: Case, checks: Sequence[Callable[[Case], str | None]] = CHECKS) -> str | None:
    """The reason the documents cannot answer, from the first check that finds one; None if they may."""
    for check in checks:
        if (reason := check(case)) is not None:
            return reason
    return None
