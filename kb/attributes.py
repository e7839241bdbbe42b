"""Kinds of fact a question can ask for that a sentence must visibly contain to answer it. Pure data.

A question that asks for an amount is answered only by a sentence with an amount in
it, whatever else the sentence shares with the question (issue 10: a quote that merely
shares words with the question is never an answer).
"""
from __future__ import annotations

import re
from typing import Iterable, NamedTuple


class Attribute(NamedTuple):
    name: str  # what is asked for, as the refusal says it
    asks: re.Pattern[str]  # how a question asks for it
    has: re.Pattern[str]  # what an answering sentence contains


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# a rate (每平方米补多少, 每个月有多少钱): only a figure stated per the same thing answers it, not a lump sum
_PER = {"平方米": r"平方米|平米|㎡", "亩": r"亩", "人": r"人", "户": r"户|家庭", "月": r"个?月", "年": r"年", "次": r"次",
        "台（套）": r"台|套", "吨": r"吨", "立方米": r"立方米|m3|m³"}


# `每家企业年度最高不超过500万元`: a yearly cap written with 年度, not 每年
_YEARLY = r"|年度[^，。；]{0,12}\d"
# `月最低工资标准为1520元`, `月租金2000元`: a monthly sum written with 月 before what it measures (not 1月, 本月)
_MONTHLY = r"|(?<![\d一二三四五六七八九十个上下本当次同])月[\u4e00-\u9fff]{0,8}\d+(?:\.\d+)?\s*(?:万|千)?元"


def _rate(name: str, per: str) -> Attribute:
    return Attribute(f"按每{name}计的标准", _rx(rf"每(?:{per})[^，。？?]{{0,8}}(多少|几)"),
                     _rx(rf"每(?:{per})[^，。；]{{0,20}}\d|\d[^，。；]{{0,8}}[/／](?:{per})|人均|户均|亩均"
                         if name in ("人", "户", "亩") else rf"每(?:{per})[^，。；]{{0,20}}\d|\d[^，。；]{{0,8}}[/／](?:{per})"
                         + (_YEARLY if name == "年" else _MONTHLY if name == "月" else "")))


ATTRIBUTES: tuple[Attribute, ...] = (
    *(_rate(name, per) for name, per in _PER.items()),
    # a number, an address (first: `补贴窗口的咨询电话多少` asks a number to call, not an amount); a hotline's name
    # (市民服务热线) is no number to call
    # the words around a number asked (`有问题打哪个电话咨询`) ask how to reach someone, not about a subject
    Attribute("联系方式", _rx(r"(?:有(?:问题|疑问|不懂)的?话?)?(?:打|拨打|致电)?(?:哪个|什么)?(?:咨询)?电话(?:咨询|联系|多少)?|"
                          r"号码|联系方式|热线.{0,4}(多少|几号)|邮箱|网址|网站|办公地点|联系人|咨询.{0,4}(哪|谁)|"
                          r"phone|e-?mail|contact|website"),
              _rx(r"\d{3,4}-?\d{7,8}|\d{5,}|@|https?://|www\.")),
    # an interest rate asked (贷款利率是多少): only a rate answers it (LPR减20个基点, 3.1%), not the loan's amount
    Attribute("利率", _rx(r"利率[^，。？?]{0,4}(多少|几|怎么算|如何)|多少(的)?利率|利息(是|有)?多少|interest rate"),
              _rx(r"利率[^。；]{0,30}(\d|LPR|基点|[%％]|基准|下限|上限)|LPR|基点|年利率|贴息")),
    # a share asked (首付几成, 补几个点, 按什么比例): only a share answers it, not a sum per square metre
    Attribute("具体比例", _rx(r"几成|几个点|多少个点|百分之几|(什么|多大|多少)的?比例|比例(是|为|有|大概)?(多少|几)|占比多少|"
                          r"what (share|percentage|proportion)|how many percent"),
              _rx(r"\d+(?:\.\d+)?\s*[%％]|百分之|[一二三四五六七八九\d]成(?!本|果|立|员|交|都|效)|\d+\s*[:：比]\s*\d+|减半|全额|足额")),
    Attribute("办理或接听的时间", _rx(r"几点|什么时间段|哪个时段|工作时间|上班时间|接听时间|开放时间|办公时间|opening hours"),
              _rx(r"\d{1,2}[:：]\d{2}|\d{1,2}(点|时)(?!\d)|上午|下午|全天|24小时|工作日|节假日")),
    # a reward or subsidy asked by its amount: a figure in 元 stated as given (给予…万元, 补贴…元), not any 亿元 target
    Attribute("具体金额", _rx(r"(奖励|补贴|资助|补助|奖金|扶持资金|奖)[^，。？?]{0,8}(多少(?![天日个年月次人件家周]|小时|分钟)|几万|金额|标准是)|"
                          r"(多少|几万)[^，。？?]{0,4}(奖励|补贴|资助|补助|奖金)|有没有(奖励|补贴|资助|补助)[^，。？?]{0,6}(多少|几)"),
              _rx(r"(给予|奖励|补贴|资助|补助|奖)[^。；]{0,40}?\d+(?:\.\d+)?\s*(?:万|亿|千)?元|"
                  r"\d+(?:\.\d+)?\s*(?:万|亿|千)?元[^。；]{0,16}(奖励|补贴|资助|补助)|最高(不超过)?\d|不超过\d+(?:\.\d+)?\s*(?:万|亿)?元|"
                  r"\d+(?:\.\d+)?[%％][^。；]{0,20}(给予|奖励|补贴|资助|补助)|(给予|奖励|补贴|资助|补助|按)[^。；]{0,30}?\d+(?:\.\d+)?[%％]|一事一议")),
    Attribute("具体金额", _rx(r"多少钱|(交|缴|付|赔|收|罚|退|扣|返|还|贴|减|免|贷|借)多少|多少(费|违约金|罚款|罚金|押金|租金|赔偿|钱)|"
                          r"(补贴|奖励|资助|补助|奖金|经费)(标准|额度)?(是|有)?多少|(罚款|罚金|罚)(是|要|会|大概|一般|金额)?多少|多少(钱|补贴|奖励|资助|补助|奖金|经费|资金)|"
                          r"奖多少|给多少|补多少|发多少|金额(?!怎么|如何|要怎|填|写|栏|一致)|几万元|多少万元|几千块|多少块|"
                          r"多少亿元|几亿元|规模(有)?多大|多大规模|"
                          r"(费用|收费|工本费|服务费|管理费)(标准|金额)?(是|为|要|大概)?多少|"
                          r"额度[^，。？?]{0,6}(多少|几)|多少额度|额度(多大|上限)|标准是多少|最高.{0,4}多少|how much money|how much (subsid|fund|reward|grant)|amount of"),
              # a sum, or a share of one (按契税总额的30%给予补贴, 租金标准的10%－70%)
              _rx(r"\d+(?:\.\d+)?\s*(?:万|亿|千)?(?:元|美元)|[一二三四五六七八九十百千万]+元|不超过\d|最高\d|"
                  r"\d+(?:\.\d+)?\s*[%％]")),
    # `多少万` / `几亿` with no 元: a figure counted in 万 or 亿 (55万人, 20亿美元), whatever it counts
    Attribute("具体数额", _rx(r"多少万|几万|几十万|多少亿|几亿"), _rx(r"\d+(?:\.\d+)?\s*(?:万|亿)|[一二三四五六七八九十百千]+(?:万|亿)")),
    Attribute("排名", _rx(r"排第几|排名第几|第几名|排名多少|排在第几|排名如何|排名情况|\brank"),
              _rx(r"第[一二三四五六七八九十\d]+(?:名|位)|排名|前列|首位")),
    Attribute("具体日期", _rx(r"几月|哪天|哪一天|截止.{0,4}(日期|时间|哪)|几号|什么日期|什么时候截止|deadline|which day|"
                          r"哪一?年|何年|(什么时候|何时|几时)(开工|动工|建成|完工|竣工|投产|启动|截止|到期|完成|做到|到位|实现)|时间节点|"
                          r"完成时限|in which year|what year"),
              _rx(r"\d+月|\d+日|[一二三四五六七八九十]+月|年底|年末|月底|(?:19|20)\d\d年|[〇○零一二三四五六七八九]{4}年")),
    # `多少天内要送到`, `几个工作日办完`, `多久过期`: a span of time (not 多久一次, a frequency)
    Attribute("期限", _rx(r"(免|补|享受|给|发|持续|有效|管)几年|多少年|几年(内|之内|以内)|多长时间(?!.{0,4}(一次|召开))|期限多长|有效期|"
                        r"多少(个)?(天|日|工作日|自然日|个月)|几(个)?(天|日|工作日|自然日|个月)(内|之内|以内)?(?!前)|"
                        r"多久(?!.{0,6}(一次|开|召开|举办))|"
                        r"for how (long|many years)"),
              _rx(r"(?<![\d.])[1-9]\d?年(内|以上|以内|期)?(?![\d])|[一二两三四五六七八九十]+年(内|以上|以内)?|期限|年限|有效期|"
                  r"\d+个?(工作日|自然日|日|天|个月|月|小时|分钟)(内|以内)?|"
                  r"[一二两三四五六七八九十]+个?(工作日|自然日|日|天|个月|月|小时|分钟)(内|以内)?")),
    # `一次给完还是分几次给`, `分几期拨付`: the instalments a sum is paid in, not how often something recurs
    Attribute("分几次（期）发放", _rx(r"分(几|多少)(次|期|批|个阶段|年)|一次(性)?(给|发|付|拨|兑现)(完|清|到位)?还是|"
                               r"in (how many )?instal?ments"),
              _rx(r"[\d一二两三四五六七八九十]+个?阶段|分[\d一二两三四五六七八九十]+(次|期|批|年)|分期|分批|分年度|一次性(?!告知)|"
                  r"[\d.]+[%％][、，,和及][^。；]{0,12}[\d.]+[%％]")),
    # `一次办`, `一次性告知` are ways of working, not how often something happens
    Attribute("开会或办理的频次", _rx(r"多久.{0,6}(一次|开|召开|举办|评|发)|多长时间.{0,4}(一次|召开)|几次|频次|频率|每年.{0,4}几|"
                               r"how often|how frequently"),
              # 定期 / 常态化 say that it recurs, not how often: no answer to 多久一次
              # 年度 alone (年度保障性住房建设) says which year, not how often
              _rx(r"每(年|季|季度|月|周|半年|两年|三年)|\d+次|[一二两三四五六七八九十]次(?![办性告])|每年度|一年一")),
    # the papers to bring (要带哪些材料): where to apply (申请渠道：…) is no list of them
    Attribute("所需材料", _rx(r"(什么|哪些|啥|哪几样)(申请|申报|证明)?材料|材料(有哪些|是什么|清单|都有啥)|(要|需要|得)带(什么|哪些|啥)|"
                          r"what (documents|papers|materials)"),
              _rx(r"材料|身份证|户口簿|户口本|居住证|复印件|原件|申请表|审批表|登记表|营业执照|发票|证书|凭证|证明文件|证明|"
                  r"合格证|行驶证|驾驶证|不动产权证|房产证")),
    # where to apply (去哪办, 在哪申请): a window, a body, a platform — the sentence naming it, not any 申请
    Attribute("办理地点或渠道", _rx(r"(去|到|在)哪(里|儿)?.{0,4}(申请|办|报名|申报|领|交)|哪里(申请|办|报名|申报)|找谁(申请|办)|"
                              r"向谁(申请|申报)|哪个(窗口|部门|单位)(申请|办|受理)|where (do|can|to) (i|we )?(apply|register)"),
              _rx(r"窗口|渠道|机构|网站|平台|大厅|政务服务|受理|(向|到|在|通过)[^。；]{1,24}(申请|申报|提出|提交|报送|办理|报名)|"
                  r"所在[^。；]{0,12}(申请|办理)|负责(审核|办理|受理)")),
    Attribute("申报办法", _rx(r"怎么申请|如何申请|怎么申报|如何申报|申报流程|申请流程|"
                          r"how (do|can) (i|we) apply|application process"),
              _rx(r"申报|申请|提交|材料|办理|受理")),
    # an area (多大面积, 占地多少): only a figure in a measure of area answers it, not a share (占…的52%)
    Attribute("面积", _rx(r"多大(的)?面积|面积(有|是|为|要|需要|得)?多(大|少)|多少面积|占地(面积)?(有)?多(大|少)|how large an area"),
              _rx(r"\d+(?:\.\d+)?\s*(?:万|千)?(?:平方公里|平方千米|平方米|平米|公顷|亩|㎡|m2|m²)")),
    # `现在有多少家企业` asks a fact about the world; `现在最低首付几成` asks the rule in force, which the text states
    Attribute("实际数字", _rx(r"^(?!.*(首付|比例|几成|标准|利率|额度|门槛|条件|政策|规定|要求))"
                          r".*(实际|目前|现在|现有|如今|当前|已经|已)(有|是|达到|完成|实现|聚集|入驻|拥有)?.{0,8}(多少|几)|"
                          r"(去年|今年|上年)(是|有|达到)?多少|实现了多少|完成了多少|currently|actual(ly)?|so far|right now"),
              _rx(r"(已|已经|现有|目前|截至|截止到?)[^，。；]{0,24}\d|(?<![到至])20\d\d年[，,]?[^，。；]{0,12}(实现|完成)[^，。；]{0,20}\d")),
    # a number of things asked (建成多少个社区, 改造几个小区): only a figure counting them answers it
    # (`哪几个单位`, `几个部门负责` ask which bodies or how many of them, which the annotations answer)
    # (`几项`, `几条` count a list's items, which its structure answers; `好几项` is no question)
    Attribute("具体数量", _rx(r"(?<![哪好])(多少|几)(个|家|所|座|套|名|户|批|处|张|台|辆|栋|间)"
                          r"(?!工作日|自然日|月|小时|点|阶段|部分|方面|单位|部门|局|委|办|机构|牵头|责任|配合)"),
              _rx(r"\d+(?:\.\d+)?\s*(?:万|千|百)?(?:个|家|所|座|套|条|项|名|人|户|次|批|处|张|台|辆|栋|间)|"
                  r"[一二两三四五六七八九十百千万]+(?:个|家|所|座|套|条|项|名|户|批|处|张|台|辆|栋|间)")),
)


# A quantity asked by its measure (`超过多少克`, `几个小时`, `多少平方米`): only a figure in that measure answers it
_MEASURES = ("千克", "公斤", "克", "斤", "吨", "公里", "千米", "米", "平方米", "立方米", "亩", "小时", "分钟", "周岁", "岁",
             "分贝", "度", "摄氏度", "瓦", "千瓦")
_MEASURE_ASKED = re.compile(rf"(?:多少|几)(?:个)?({'|'.join(sorted(_MEASURES, key=len, reverse=True))})")


def _measured(question: str) -> Attribute | None:
    m = _MEASURE_ASKED.search(question)
    if m is None:
        return None
    unit = m.group(1)
    return Attribute(f"以“{unit}”计的数字", _rx(re.escape(m.group(0))),
                     _rx(rf"[\d一二三四五六七八九十百千万两]+(?:\.\d+)?\s*(?:个)?{re.escape(unit)}"))


# `几点能走，谁来定？`, `补贴标准由谁决定`: who decides it is asked, not the figure decided
_WHO_DECIDES = re.compile(r"(谁|哪个部门|哪个单位|哪些部门|哪家)(来)?(定|规定|决定|确定|制定|核定|审定|批准|说了算)|"
                          r"由谁(来)?(定|决定|确定|核定)")


def asked(question: str) -> Attribute | None:
    """The attribute the question asks for, if it asks for one of these."""
    if _WHO_DECIDES.search(question):
        return None
    return next((a for a in ATTRIBUTES if a.asks.search(question)), None) or _measured(question)


def present(attribute: Attribute, texts: Iterable[str]) -> bool:
    return any(attribute.has.search(t) for t in texts)


# A notice's field line (`申请时间：2025年8月11日至8月22日。`, `咨询电话：…`, `（三）受理地点：…`): its label names what it
# states. Asked that kind of thing about what the label names (这批申请什么时候截止 → 申请时间), the field answers.
_FIELD = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,3}[)）.．、]\s*)?(?P<about>[\u4e00-\u9fff]{0,8}?)"
                    r"(?P<kind>时间|日期|期限|地点|地址|电话|热线|邮箱|材料|方式|渠道|窗口)[：:]")
FIELD_KINDS = {"具体日期": ("时间", "日期", "期限"), "办理或接听的时间": ("时间",), "期限": ("期限", "时间"),
               "办理地点或渠道": ("地点", "地址", "方式", "渠道", "窗口"), "联系方式": ("电话", "热线", "邮箱", "地址"),
               "所需材料": ("材料",)}


def may_hold_field(attribute: Attribute, text: str) -> bool:
    """Does a clause's text hold a label of the attribute's kind (`时间：`) anywhere — cheap, before its sentences are
    read?"""
    return any(f"{kind}：" in text or f"{kind}:" in text for kind in FIELD_KINDS.get(attribute.name, ()))


def field_label(sentence: str) -> str:
    """A field line's label (申请时间 of `申请时间：…`), or ""."""
    m = _FIELD.match(sentence)
    return m.group("about") + m.group("kind") if m else ""


def is_field(attribute: Attribute, sentence: str) -> bool:
    """Is the sentence a field line of the attribute's kind (`申请时间：…`, or a bare `电话：…`)?"""
    m = _FIELD.match(sentence)
    return bool(m) and m.group("kind") in FIELD_KINDS.get(attribute.name, ())


def field_about(attribute: Attribute, sentence: str) -> str:
    """What a field line of the attribute's kind is about (申请 of `申请时间：…`), or "" when it is no such field."""
    m = _FIELD.match(sentence)
    return m.group("about") if m and m.group("kind") in FIELD_KINDS.get(attribute.name, ()) else ""
