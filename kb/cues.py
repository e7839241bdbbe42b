"""The words that signal what a question asks, as data (one place; `kb/understand.py` reads them).

Each cue serves a class of questions, not one wording; tests/kb/test_understand.py
checks every class with phrasings the patterns were not written from.
"""
from __future__ import annotations

import re

from kb.frame import Op, UnitKind


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# who leads (牵头): any wording of leading or being in charge
LEAD = _rx(r"牵头|主办|牵的头|挑的头|领的头|带的头|主导|领头|带头|主责|挑头|主抓|打头|\blead(s|ing)?\b|\bin charge\b|\bheads?\b")
# co-operating units: the named units other than the lead
# (not a party's own conduct: 不配合 / 拒不配合 / 配合度低, nor enterprises taking part: 参与活动的企业, 参与企业名单)
PARTNERS = _rx(r"(?<![不未拒])配合(?!度)|参与(?!活动|的?企业|的?商家|的?门店|者|度|率)|会同|协同(单位|部门)|协助|协办|其他单位|其他部门|其余|别的(单位|部门)|另外还有|除了?牵头|"
               r"(跟|和|与|同)(谁|哪些?(单位|部门|局))(一起|一道|共同|合作)|还有谁|"
               r"co-?operat|assist|support(ing)? (units|departments)|other (units|departments|bureaus)|besides the lead")
# who is responsible, in any wording
RESPONSIBLE = _rx(r"谁负责|谁来|谁管|谁在(管|抓|负责|办|做)|由谁|经过?谁|找谁|向谁|谁(审|批|核|受理|办理|认定|发放|定|制定|出台|组织|实施|执行|推动|主导|主管|拍板|说了算)|归哪|哪些部门|哪个部门|哪几个部门|哪些单位|哪个单位|哪几个单位|哪几家|哪家|哪个局|哪些局|"
                  r"责任单位|负责单位|负责部门|负责的(部门|单位)|要负责|责任部门|主管部门|指导部门|指导单位|归谁|谁抓|谁落实|哪些区|哪个区|"
                  r"\bwho\b|which (department|bureau|unit|agenc|district)|responsib")
# the question names a unit and wants that unit's tasks
TASKS_OF_UNIT = _rx(r"(牵头|负责|参与)?的?(活儿?|事项|任务清单|清单)|有哪些活|负责哪|负责什么|负责的(工作|任务|事)|管哪|管什么|管.{0,6}哪些事|哪些工作|哪些事|哪些任务|哪些事项|哪项|"
                    r"哪个目标|哪些目标|什么工作|什么任务|落实哪|落实什么|哪些措施|牵头哪|牵头什么|牵头了|参与哪|参与了|涉及哪|列为|作为责任单位|指导(的是)?哪|指导了|指导什么|"
                    r"是责任单位|的责任单位[？?]?$|职责|(牵头|负责|参与)的(工作|任务|事项|事)?(有|是)(哪|什么)|几项|多少项|几条|多少条|几件|几处|多少处|几个任务|多少个任务|多少任务|干什么|做什么|要做|有什么活|干啥|做啥|管啥|负责啥|"
                    r"what (is|are|does) .*(responsible for|lead|handle|do)|which tasks|what tasks")
# the question wants units (not tasks) back
ASKS_UNITS = _rx(r"(部门|单位)(都)?(是|有)(哪些|哪几个|谁)|哪些部门|哪个部门|哪几个部门|哪些单位|哪个单位|哪几个单位|还有哪些|还有谁|谁|哪家|哪几家|哪个局|哪些局|"
                 r"哪些区|哪个区|\bwho\b|which (department|bureau|unit|agenc)")
# two subjects sharing units (or two units sharing tasks)
SHARED = _rx(r"共同|都负责|都参与|都涉及|都包括|都管|都要|都列|都有份|都是.{0,6}(单位|部门)|同时负责|同时参与|同时列|共有|交集|重合|重叠|重复出现|两.{0,3}都|"
             r"既.{1,40}又|"
             r"\bboth\b|in common|shared?\b")
# units of one subject the other lacks
DIFFERENCE = _rx(r"(有|负责|参与).{0,12}(而|但|却).{0,12}(没有|不负责|不参与|不在)|里有[，,]?.{0,16}(没有|不在)|"
                 r"有[，,、].{0,16}没有的|比.{0,24}多了?(哪|什么|几)(个|些|家)?(单位|部门)?|多出(了)?(哪|什么)|只在|只负责|独有|不同的(单位|部门)|区别|差别|"
                 r"\bbut not\b|\bonly in\b")
# a yes/no question
YES_NO = _rx(r"(吗|(?<!什)么|嘛|吧|对吧|是吧|没错吧|是否|是不是|对吗|对不对|有没有|在不在|算不算|属不属于|包不包括|包括.{0,10}吗)[？?。.！!]*$|"
             r"是否|是不是|有没有|在不在|算不算|属不属于|包不包括|(?P<v>[\u4e00-\u9fff])[不没](?P=v)|^(is|does|do|are)\b")
# a count of units
COUNT = _rx(r"(单位|部门)[^，。？?、哪]{0,4}(有)?(多少|几)(个|家)|(单位|部门)的?(数量|个数)|(?<!哪)(几|多少)(个|家|位)?(具体|具名)?的?(责任|牵头|配合|参与)?(单位|部门|局|机构|区县?)|"
            r"(一共|总共)(有|列|点名|涉及)?了?.{0,8}(单位|部门)|共(有|列|点名|涉及|计)了?.{0,8}(单位|部门)|how many (\w+ )?(units|departments|bureaus|agencies|bodies)")
UNIT_NOUN = _rx(r"单位|部门|局|机构|主体|区|县|units?|departments?|bureaus?|agenc")
# each item under a heading, with its lead
# `牵头和配合分别是谁` names two roles of one item, not each of several items
PER_ITEM = _rx(r"各由|分别由|各自由|各自(是)?谁|(?<!配合)(?<!配合单位)(?<!配合部门)(?<!责任单位)分别是谁|各是谁|各项的?(牵头|责任|负责)|下面各(项|条)|分别归|各自的?(牵头|责任|负责)|分别的?(牵头|责任)|各[条项]的?(牵头|责任)|各项.{0,6}(谁|哪)|每[一]?[条项个].{0,8}(谁|哪)|each\b.*\bwho\b|who leads each")
# a figure for every year or stage
SERIES = _rx(r"各阶段|每个阶段|各个阶段|三个阶段|几个阶段.{0,6}(分别|各)|分阶段|逐年|每年分别|历年|各年|各年度|"
             r"(阶段|年).{0,12}分别(是|为|达到|要)|分别(是|为|达到|要).{0,12}(阶段|年)|each (stage|phase)|every (stage|phase)|by stage|year by year|for each year|in each year")
COMPARE = _rx(r"比.{0,16}(高|多|少|低|增加|增长|提高|提升)(了)?多少|相差|差多少|差距|高出|多出|增加了多少|增长了多少|"
              r"how much (more|higher|less)|difference")
DEFINITION = _rx(r"什么叫|何为|何谓|[“\"「『][^”\"」』]{1,12}[”\"」』]是(什么|啥|指什么)|^[^，。？?\s]{1,8}是(什么|啥)[？?]?$|什么是|是什么意思|什么意思|指什么|指的是|是指|含义|全称|代表什么|代表的是|怎么理解|具体指|包含哪|具体包括|"
                 r"what does .* (mean|stand for)|what is meant|\bdefin")
LIST = _rx(r"哪几|有哪些|包括哪些|包括什么|都有什么|有什么|分别是|列出|列举|是哪些|是什么|什么是|几条|几项|几个方面|几部分|"
           r"\bwhat are\b|\blist\b|which are")
SUPPORT = _rx(r"支持|政策|补贴|扶持|资助|奖励|融资|贷款|资金|钱|税|知识产权|首版次|优惠|帮扶|能帮|帮助|鼓励|培育|申领|申请|享受|"
              r"support|subsid|fund|financ|tax|incentive|polic")
NUMBER = _rx(r"多少|几家|几个|几项|几件|几名|几位|几所|几成|目标|指标|达到|超过|突破|比例|份额|占比|增长|增速|规模|数量|"
             r"how (much|many)|target|amount|number|percent|share|growth")
# the shape of a document or heading asked (parts, chapters, articles, attachments)
DOC_SHAPE = _rx(r"几大?(个)?(部分|章|编|节|大块|块|方面)|多少(条|章|部分)|总共.{0,4}条|一共.{0,4}条|(有|共)几条[？?。]?$|几个附件|哪几个附件|附件有几|"
                r"(带|附|有)了?(几|多少)个?附件|(文件|通知|意见|方案|办法|规划|措施|条例)的?(结构|框架|目录)|"
                r"how many (chapters|articles|parts|sections)")
# a document named by its title (《…》): it scopes the question and names no unit or body of it
DOC_TITLE = re.compile(r"《([^》]{2,80})》")
# the members of a named group (六大行动计划是哪六个, 支持范围里有哪几类): a heading's parts, before any topic cue
ENUMERATE = _rx(r"是哪[一二三四五六七八九十两\d]+(个|条|项|类|种|方面)|(有|分|包括|分为|分成)哪[几一二三四五六七八九十两\d]+(类|种|个方面|大类|部分)|"
                r"哪几类|哪几种|(有|包括|分|分为|含)(哪几|几)(项|条|块|个方面)[？?。]?$|(?<!部门)(?<!单位)(?<!机构)(有|是|包括)哪几个[？?。]?$|"
                # `要打造成哪几个中心`: the things a plan builds, each the title of one of its parts
                r"(打造|建成|建设|形成|培育|构建)成?(哪几|哪些|几)个?[\u4e00-\u9fff]{1,4}[？?。]?$")
NEGATION = _rx(r"不在|不是|不属于|不包括|除了|以外|之外|没有被?列|\bnot\b|\bexcept\b")

# Constraints on the kind of unit wanted: (kind, how a question names it). A word that also names a subject
# (基层医疗卫生机构, 区级养老服务中心) counts only with a unit noun after it.
KIND_WORDS: tuple[tuple[UnitKind, re.Pattern[str]], ...] = (
    (UnitKind.DISTRICT, _rx(r"哪些区|哪个区|区县|区（市）县|区\(市\)县|县级市|哪些县|哪个县|区级(单位|部门|政府)|基层(单位|政府)|\bdistricts?\b|\bcounty\b")),
    (UnitKind.CITY, _rx(r"市级部门|市级单位|市直部门|市政府部门|市级机关|政府部门|市里的?(部门|单位)|市属部门|"
                        r"\bmunicipal (departments?|bureaus?)\b|\bgovernment (departments?|bodies)\b")),
    (UnitKind.PARTY, _rx(r"党委部门|市委部门|党的部门|市委的(部门|单位)|党委的(部门|单位)|党口|市委系统|\bparty\b")),
    # an enterprise asked for as a unit (哪家企业, 有企业吗), not 企业 as the subject of a task (鼓励企业出海)
    (UnitKind.ENTERPRISE, _rx(r"(哪些|哪个|哪家|哪几家|是|有没有|有)(企业|集团|公司|国企)|(企业|国企|集团)(类|性质)?的?(单位|责任单位)|"
                              r"(单位|名单)(里|中|当中)(有)?(没有)?(企业|国企|集团)|\b(which|any) (enterprises?|compan(y|ies))\b")),
    (UnitKind.NATIONAL, _rx(r"国家(级)?(机构|部门|单位)|中央|省级|国家部委|垂直管理|\bnational\b|\bprovincial\b")),
)

# The asking words removed from a question to leave its subject (the task, target or heading named).
ASKING = _rx(
    r"多少钱|能拿|能领|能补|请问|请|你好|麻烦|帮我|告诉我|想知道|想问|我想|我们|一下|的话|"
    r"一起搞|一起做|一起办|一起干|一起|一道|合作|那么|那|还有|另外|其中|这项|该项|这个|那个|这一?块|这条|那条|那项|这方面|方面|里面|里边|当中|之中|其中|"
    r"是不是|是否|有没有|在不在|算不算|属不属于|包不包括|对吗|对不对|吗|呢|么|嘛|啊|呀|吧|"
    r"谁来|谁负责|谁管|由谁|归谁|谁抓|谁落实|是谁|哪些|哪个|哪几个|哪几家|哪家|哪几|哪|谁|什么|多少|几个|几家|几项|几条|几|"
    r"一共|总共|分别|各自|各由|各|都要|都|共同|同时|负责|牵头|主导|主责|配合|参与|协同|协助|其他|其余|别的|"
    r"单位|部门|机构|责任单位|牵头单位|配合单位|参与单位|责任部门|牵头部门|配合部门|名单|点名|具体|列了|列出|列的|列为|"
    r"工作|任务|事项|事情|事|的|了|是|有|和|与|及|以及|跟|要|被|把|在|给|对|由|为|中|里|上|"
    r"不是|不在|不算|不含|不包括|有关|除了|除|以外|之外|能|拿|比|多|少|高|低|指标|目标|那些|这些|没有|里有|那种|下面|"
    r"意思|含义|定义|怎么理解|怎么|如何|理解|指的|是指|叫做|叫|指|何为|何谓|各项|各条|下面|底下|下属|"
    r"who|which|what|is|are|was|the|of|for|does|do|did|in|on|a|an|lead|leads|leading|responsible|charge|"
    r"how|many|much|should|be|will|can|shall|there|it|its|this|that|and|or|to|by|at|with|according|about|"
    r"units?|departments?|bureaus?|agenc(y|ies)|plan|"
    r"[，,。？?！!、：:；;“”\"'‘’《》「」（）()\s]"
)
NAMED_DOC = re.compile(r"《([^》]{2,60})》|([\u4e00-\u9fff]{1,8}〔\d{4}〕\d+号)")

# Example questions per operation: documentation of the class, and the nearest-example fallback.
EXAMPLES: dict[Op, tuple[str, ...]] = {
    Op.RESPONSIBLE: ("这项任务由哪些部门负责？", "谁来管这件事？", "责任单位有哪些？"),
    Op.LEAD: ("这项工作由谁牵头？", "哪个部门挑头？", "主责单位是哪个？"),
    Op.PARTNERS: ("哪些单位配合？", "除了牵头单位还有谁参与？", "协同部门有哪些？"),
    Op.MEMBER: ("市财政局是这项工作的责任单位吗？", "税务部门在不在名单里？", "是不是市教育局牵头？"),
    Op.COUNT: ("一共有几个责任单位？", "点名了多少个部门？"),
    Op.PER_ITEM: ("保障措施各由谁牵头？", "每一条分别是谁负责？"),
    Op.INTERSECTION: ("这两项任务共同的责任单位是？", "两项工作都要负责的部门有哪些？"),
    Op.DIFFERENCE: ("哪些单位负责前一项却不负责后一项？",),
    Op.REVERSE: ("市商务局负责哪些工作？", "人社局要干什么？"),
    Op.SHARED_TASKS: ("市经信局和市商务局共同负责哪些任务？",),
    Op.VALUE: ("到2022年目标是多少？", "软件业务收入要达到多少？"),
    Op.SERIES: ("各阶段目标分别是多少？", "每年分别要达到多少？"),
    Op.COMPARE: ("2025年比2022年多多少？",),
    Op.DEFINITION: ("什么是首版次？", "这个缩写是什么意思？"),
    Op.SUPPORT: ("企业能拿到哪些补贴？", "有什么融资支持？"),
    Op.OUTLINE: ("保障措施有哪几条？", "重点任务包括哪些方面？"),
    Op.CONTENT: ("文件对人才培养是怎么说的？",),
}
# which items name no lead / no responsible unit (哪些条没写牵头单位): a question about the annotations as a whole
UNTAGGED_ASKED = _rx(r"(哪些|哪几|哪个|有没有)(条|项|个|措施|任务)?[^，。？?]{0,6}(没|未|没有)(有)?(写|列|标|标注|明确|注明|规定)?(明)?[^，。？?]{0,4}(牵头|责任|配合|参与|协同)|"
                     r"(每条|每项|每一条|每一项|各条|各项)[^，。？?]{0,4}都(写|标注|标|列|明确|注明)了?[^，。？?]{0,4}(牵头|责任|配合)")
# `是发改委办的吗`, `是商务部负责的吧`: the 是…的 focus presumes who does it — a 不是 then says who does; `X要负责吗`,
# `X参与吗` only ask whether X is on the list
DOER_PRESUMED = _rx(r"是[^，。？?是]{1,20}?(办|负责|管|牵头|主抓|主管|做|搞|定|出|干|抓|落实|提|批|审|核销|核|查|罚|发)的"
                    r"(吗|吧|么|嘛|啊|呀)?[？?。!！]*$")

