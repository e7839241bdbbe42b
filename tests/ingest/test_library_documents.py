"""The shipped library of other documents (eval/library/), counted by hand against the text (eval/library/SOURCES.md):
items, annotations, leads and co-operating units, title, 文号 and date. Pure: parsing only, no index."""
from __future__ import annotations

import re
from functools import lru_cache

import pytest

from core.clause import Clause
from ingest.read import document_meta, parse_source, read_source
from tests.conftest import LIBRARY


@lru_cache(maxsize=None)
def clauses(stem: str) -> tuple[Clause, ...]:
    return tuple(parse_source(read_source(LIBRARY / f"{stem}.txt")).clauses)


def annotated(stem: str) -> list[Clause]:
    """Clauses carrying their own annotation (named or generic parties), not an inherited one."""
    return [c for c in clauses(stem) if (c.units or c.generic_units or c.leads) and not c.tag_scope]


def by_heading(stem: str, start: str) -> Clause:
    return next(c for c in clauses(stem) if c.heading.startswith(start))


# stem -> (title, 文号, date) as the text states them
META = {
    "guangzhou-talent-633-2012": ("关于推进人才集聚工程的实施意见", "", "2012-09-19"),
    "state-council-farm-mechanization-2018": ("国务院关于加快推进农业机械化和农机装备产业转型升级的指导意见", "国发〔2018〕42号", "2018-12-21"),
    "guangzhou-home-community-eldercare-2022": ("广州市人民政府办公厅关于印发广州市居家社区养老服务管理办法的通知", "穗府办规〔2022〕13号", "2022-09-06"),
    "guangzhou-household-housing-security-2024": ("广州市住房和城乡建设局关于进一步加强户籍家庭住房保障工作的通知", "穗建规字〔2024〕5号", "2024-03-04"),
    "guangzhou-family-doctor-2023": ("广州市卫生健康委等4部门关于印发推进广州市家庭医生签约服务高质量发展实施方案的通知", "穗卫函〔2023〕1930号", "2023-10-19"),
    "liuhe-key-industries-support-2023": ("中共柳河县委柳河县人民政府关于支持重点产业加快发展的实施意见", "", "2023-02-08"),
    "kunming-real-estate-measures-2024": ("昆明市人民政府办公室关于印发进一步推动房地产市场平稳健康发展若干措施的通知", "", "2024-12-31"),
    "zhengzhou-finance-support-2023": ("郑州市金融支持经济高质量发展若干措施", "", ""),
    "zongbaoqu-guofa-2019-3": ("国务院关于促进综合保税区高水平开放高质量发展的若干意见", "国发〔2019〕3号", "2019-01-12"),
    "chuangxin-tuiguang-guobanfa-2018-126": ("国务院办公厅关于推广第二批支持创新相关改革举措的通知", "国办发〔2018〕126号", "2018-12-23"),
    "sichuan-banli-guobanhan-2004-71": ("国务院办公厅关于四川省在温家宝总理考察工作时所提问题和建议办理情况的函", "国办函〔2004〕71号", "2004-10-15"),
    "geshui-zhuanxiang-kouchu-guofa-2018-41": ("国务院关于印发个人所得税专项附加扣除暂行办法的通知", "国发〔2018〕41号", "2018-12-13"),
    "nanjing-economy-recovery-2023": ("市政府关于印发南京市推动经济运行率先整体好转若干政策措施的通知", "", "2023-02-02"),
    "guangdong-domestic-circulation-2025": ("广东省人民政府办公厅关于印发广东省促进经济持续向好服务做强国内大循环工作方案的通知",
                                            "粤府办〔2025〕14号", "2025-06-06"),
    "beijing-dog-regulation-2003": ("北京市养犬管理规定", "", "2003-09-05"),
    "shanghai-prepaid-card-2018": ("上海市单用途预付消费卡管理规定", "", "2018-07-27"),
    "beijing-food-waste-2021": ("北京市反食品浪费规定", "", "2021-05-27"),
    "lanzhou-enterprise-relief-2022": ("兰州市助企纾困激发市场主体活力若干措施", "", "2022-12-13"),
    "chongqing-food-workshop-vendor-regulation-2016": ("重庆市食品生产加工小作坊和食品摊贩管理条例", "", "2016-11-24"),
    "xiaogan-housing-subsidy-guide-2024": ("中心城区购房补贴申报办事指南", "", ""),  # a guide: no date, no 文号
    # sixth round: no 文号 or date in the stored texts except 河南's notice signature
    "zhaotong-real-estate-opinions-2023": ("昭通市人民政府办公室关于2023年促进房地产市场平稳健康发展的意见", "", ""),
    "wuhan-economy-recovery-measures-2023": ("关于增强发展内生动力推动经济恢复向好若干政策措施", "", ""),
    "dingxi-winter-spring-economy-2023": ("定西市今冬明春促进经济健康平稳发展一揽子政策措施", "", ""),
    "henan-domestic-demand-plan-2023-2025": ("河南省实施扩大内需战略三年行动方案(2023—2025年)", "", "2023-06-30"),
    "quzhou-ebike-regulation-2016": ("衢州市市区电动自行车管理规定", "", "2016-12-01"),  # 省人大常委会批准 date
    "xianning-housing-subsidy-rules-2026": ("关于进一步促进市城区房地产市场平稳健康发展若干措施实施细则", "", ""),
    # seventh round: none states a 文号; dates are the notice's signature or the 省人大常委会批准 date
    "guizhou-economy-recovery-plan-2022": ("贵州省推动复工复产复市促进经济恢复提振行动方案", "", "2022-10-01"),
    "guangyuan-economy-measures-2023": ("广元市人民政府关于印发《广元市聚焦高质量发展推动经济运行整体好转的若干具体政策措施》的通知",
                                        "", "2023-07-01"),
    "anshun-grain-reserve-measures-2023": ("安顺市人民政府关于印发安顺市市级储备粮管理办法的通知", "", "2023-09-05"),
    "dalian-employment-policy-list-2019": ("大连市就业政策", "", ""),  # a policy list: no date, no 文号
    "taian-garbage-sorting-regulation-2020": ("泰安市生活垃圾分类管理条例", "", "2020-07-24"),
    "shenyang-graduate-employment-measures-2022": ("沈阳市进一步促进高校毕业生等青年群体就业创业若干政策措施", "", ""),
    "nanchong-ai-opc-action-plan-2026": ("南充市人民政府办公室关于印发《南充市支持人工智能OPC创新发展行动计划（2026—2027年）》的通知",
                                         "", "2025-06-29"),  # the signature's year as written (the plan is 2026—2027)
    "taicang-ai-opc-action-plan-2026": ("市政府办公室关于印发《太仓市人工智能OPC培育发展行动计划（2026-2028年）》的通知", "",
                                        "2026-03-19"),
    "baoshan-garbage-sorting-plan-2019": ("上海市宝山区人民政府办公室关于印发贯彻《上海市生活垃圾管理条例》推进全程分类体系建设实施方案的通知",
                                          "", "2019-05-05"),  # 宝府办〔2019〕26号 is in the source's record, not its text
    "weihai-parking-regulation-2021": ("威海市停车管理和服务条例", "", "2021-12-03"),  # approved by the province
    "jinan-appliance-trade-in-rules-2025": ("关于印发《济南市2025年家电以旧换新补贴实施细则》的通知", "济商务字〔2025〕5号",
                                            "2025-01-20"),  # dated only by its 版记 `…2025 年 1 月 20 日印发`
    "dongguan-patent-subsidy-2017-batch2": ("关于受理2017年东莞市第二批专利申请资助项目申报的通知", "", "2017-08-01"),
    # ninth round
    "ningbo-ai-opc-opinions-2026": ("宁波市人民政府办公厅关于支持人工智能OPC创新创业发展的若干意见", "甬政办发〔2026〕7号",
                                    "2026-04-20"),  # no issuing notice; the signature stands before the measures
    "guangdong-ai-opc-action-plan-2026": ("广东省发展改革委关于印发《广东省支持人工智能OPC创新发展行动方案（2026—2028年）》的通知",
                                          "粤发改高技〔2026〕78号", "2026-03-12"),
    "hebi-qihe-protection-regulation-2020": ("鹤壁市淇河保护条例", "", "2020-11-28"),  # 省人大常委会批准 date
    # a guide: no 文号 and no date in the text (2026-04-23 is the repository's record, not the text's)
    "jingan-chuhai-platform-fund-guide-2026": ("2026年静安区打造出海服务平台专项资金申报指南（第一批）", "", ""),
    # the notice's title line, its two issuers joined as 柳河's are (the text spaces them); its 文号
    # 杨应急行规〔2026〕1号 is only in the repository's record — 第十八条's 杨应急法宣〔2025〕1号 is the one it repeals
    "yangpu-safety-report-reward-measures-2026": (
        "上海市杨浦区应急管理局上海市杨浦区财政局关于印发《杨浦区应急管理局安全生产举报奖励办法（试行）》的通知", "",
        "2026-04-29"),
    # tenth round
    "state-council-employment-guofa-2018-39": ("国务院关于做好当前和今后一个时期促进就业工作的若干意见", "国发〔2018〕39号", "2018-11-16"),
    "state-council-sports-events-guobanfa-2018-121": ("国务院办公厅关于加快发展体育竞赛表演产业的指导意见", "国办发〔2018〕121号",
                                                      "2018-12-11"),
    # the page's order is 文号, issuers, title: the helper put the title first, as every library file has it
    "guangzhou-tianhe-hkmacao-youth-support-2023": ("关于印发广州市天河区深化支持港澳青年创新创业高质量发展实施办法的通知",
                                                    "穗天科工信规字〔2023〕1号", "2023-08-09"),
    "guangzhou-tianhe-talent-apartment-2025": ("关于受理天河区人才公寓申请的公告", "", "2025-08-11"),  # a 公告: no 文号
    # its 文号 沪奉府办发〔2021〕18号 is only in the repository's front matter, which was dropped
    "fengxian-park-city-opinions-2021": ("上海市奉贤区人民政府办公室关于印发《关于加快推进本区公园城市建设实施意见》的通知", "",
                                         "2021-12-03"),
    "zibo-underground-pipeline-regulation-2016": ("淄博市地下管线管理条例", "", "2016-11-26"),  # 省人大常委会批准 date
    # eleventh round
    "bazhong-enyang-wenzengzhang-2022": ("巴中市恩阳区人民政府关于印发《巴中市恩阳区进一步扎实稳住经济增长若干政策措施》的通知",
                                         "", "2022-07-25"),
    "anyang-fangdichan-2022": ("安阳市人民政府办公室关于促进房地产市场平稳健康发展的意见", "", "2022-05-21"),
    "lishui-dust-pollution-2021": ("丽水市扬尘污染防治规定", "", "2021-12-22"),  # 省人大常委会批准 date
    "yueqing-tradein-enterprises-2026": ("关于征集2026年乐清市消费品以旧换新活动参与企业的公告", "", "2025-12-29"),
    "xining-housing-measures-2022": ("西宁市关于支持刚性和改善性住房需求的若干措施", "", ""),  # the page's date only
    "suzhou-ah-real-estate-measures-2023": ("宿州市进一步促进房地产市场平稳健康发展若干措施", "", ""),
    "jiading-sponge-city-2024": ("上海市嘉定区人民政府办公室关于转发《嘉定区系统化全域推进海绵城市建设的实施方案》的通知", "",
                                 "2024-10-10"),
    # twelfth round
    "yuncheng-real-estate-measures-2024": ("关于印发运城市进一步促进房地产市场平稳健康发展工作措施的通知", "", "2024-11-18"),
    "qinzhou-real-estate-measures-2022": ("钦州市支持房地产业平稳健康发展的若干措施(修订)", "", ""),  # the page's date only
    # the 文号 青府办发〔2025〕20号 is in the source's metadata, not in the text
    "qingpu-construction-waste-2025": ("上海市青浦区人民政府办公室关于印发《青浦区关于全面加强建筑垃圾管理的实施意见》的通知", "",
                                       "2025-09-18"),
    "yantai-water-supply-2018": ("烟台市城市供水条例", "", "2018-01-23"),  # 省人大常委会批准 date
    "yinchuan-xixia-housing-subsidy-2026": ("银川市西夏区购房补贴实施方案", "", ""),
    "qingdao-key-discipline-graduate-housing-subsidy-2025": ("支持重点企业引进重点学科领域硕博研究生购房补贴申报发放实施细则", "", ""),
    "hangzhou-ai-opc-action-plan-2026": ("杭州市打造全国“AI+OPC”创业新高地行动计划（2026—2028年）（征求意见稿）", "", ""),
    "hubei-livelihood-measures-2023": ("关于进一步保障和改善民生的若干措施", "", ""),
}


@pytest.mark.parametrize("stem", list(META))
def test_title_doc_number_and_date(stem):
    meta = document_meta(read_source(LIBRARY / f"{stem}.txt"))
    assert (meta.title, meta.doc_number, meta.date) == META[stem]


# stem -> (how its items are numbered, numbered items, annotations, items with several leads), counted in the text
ARABIC, CN_FULL, CN_HALF, ARTICLE = r"\d{1,2}[.．]", r"（[一二三四五六七八九十]+）", r"\([一二三四五六七八九十]+\)", r"第\s*[\d一二三四五六七八九十百 ]+\s*条"
COUNTS = {
    "guangzhou-talent-633-2012": (ARABIC, 45, 44, 0),  # items 2–45 end in （牵头单位：…，配合单位：…）
    "state-council-farm-mechanization-2018": (CN_FULL, 20, 18, 1),  # （三）–（二十） end in （…等负责）; （十八） two leads
    "kunming-real-estate-measures-2024": (CN_HALF, 28, 27, 9),  # 〔牵头单位:…,配合单位:…〕 on (一)–(二十七)
    "zhengzhou-finance-support-2023": (ARABIC, 25, 22, 6),  # bare 牵头单位:/责任单位: lines after items 1–22
    "guangzhou-home-community-eldercare-2022": (ARTICLE, 52, 0, 0),  # 52 articles, duties in prose only
    "liuhe-key-industries-support-2023": (ARTICLE, 26, 0, 0),  # 26 articles, duties in prose only
    "zongbaoqu-guofa-2019-3": (ARABIC, 21, 21, 0),  # every item ends in （…负责）; the first adds the lead rule
    "geshui-zhuanxiang-kouchu-guofa-2018-41": (ARTICLE, 32, 0, 0),  # 32 articles in 9 chapters, no annotations
    "nanjing-economy-recovery-2023": (ARABIC, 33, 33, 0),  # 1.–33. each end in (责任单位:…)
    # items numbered afresh in 七 parts (76); 74 end in (…牵头负责), 27 with several leads; two in (…负责)
    "guangdong-domestic-circulation-2025": (ARABIC, 76, 76, 27),
    "beijing-dog-regulation-2003": (ARTICLE, 35, 0, 0),  # regulations: duties in prose only
    "shanghai-prepaid-card-2018": (ARTICLE, 31, 0, 0),
    "beijing-food-waste-2021": (ARTICLE, 30, 0, 0),
    # (一)–(二十五) each end in (X牵头,…配合); (十五) names two bodies 按职责负责 and no lead
    "lanzhou-enterprise-relief-2022": (CN_HALF, 25, 25, 0),
    "chongqing-food-workshop-vendor-regulation-2016": (ARTICLE, 62, 0, 0),  # 62 articles, duties in prose
    "wuhan-economy-recovery-measures-2023": (CN_HALF, 25, 25, 0),  # (一)–(二十五) each end in (责任单位:…), no 牵头
    # 30 items in 8 parts; each part closes with its own line `牵头单位:X,责任单位:…`; 六 has two leads
    "dingxi-winter-spring-economy-2023": (CN_HALF, 30, 8, 1),
    # 77 items numbered across parts; 59 end in (省X、Y…按职责分工负责), 18 in (省X牵头负责)
    "henan-domestic-demand-plan-2023-2025": (ARABIC, 77, 77, 0),
    "quzhou-ebike-regulation-2016": (ARTICLE, 35, 0, 0),  # 35 articles, no chapters; duties in prose (第五条)
    # 56 items numbered across 九 parts, 3 more paragraphs in 九; all 59 end in (责任单位:…), no 牵头 anywhere
    "guizhou-economy-recovery-plan-2022": (ARABIC, 56, 59, 0),
    # (一)–(三十五) each end in (X牵头,Y…按职责分工负责) or, for (一)(二)(三十), (X、Y按职责分工负责); 5 joint leads
    "guangyuan-economy-measures-2023": (CN_HALF, 35, 35, 5),
    # 46 articles in 8 chapters; duties in prose, four articles name a doer `X会同Y…` (六、十、三十三、三十七)
    "anshun-grain-reserve-measures-2023": (ARTICLE, 46, 4, 0),
    "taian-garbage-sorting-regulation-2020": (ARTICLE, 56, 0, 0),  # 56 articles in 8 chapters, duties in prose
    "shenyang-graduate-employment-measures-2022": (ARABIC, 49, 49, 0),  # 1.–49. each with (责任单位:…), no 牵头
    # 1.–15. each end in (责任单位:…); the first says the units before the first comma lead: 1,3,5,7,9,11,13,15 several
    "nanchong-ai-opc-action-plan-2026": (ARABIC, 15, 15, 8),
    # (一)–(五), three split into labelled paragraphs; 12 annotations (牵头单位:…,责任单位:…), 5 with several leads
    "taicang-ai-opc-action-plan-2026": (CN_FULL, 5, 12, 5),
    # 9 body items 1.–4./1.–2./1.–3. with no annotation; the task list of 附件1 has 39 rows, 14 with several 牵头部门
    "baoshan-garbage-sorting-plan-2019": (ARABIC, 9, 39, 14),
    "weihai-parking-regulation-2021": (ARTICLE, 45, 0, 0),  # 45 articles in 6 chapters, duties in prose
    "jinan-appliance-trade-in-rules-2025": (ARTICLE, 19, 0, 0),  # 19 articles in 4 chapters, one body per article
    # ninth round
    # （一）–（十八）, two per part 一、–九、, each ending in (责任单位:…), the first stating 列第一位的为牵头单位; （三）
    # （十二）（十三） carry a second (责任单位:…) mid-paragraph: one lead per list, so （三） leads 市发改委 and
    # 市经信局, （十三） 市委金融办 and 市科技局 (（十二） 市科技局 twice)
    "ningbo-ai-opc-opinions-2026": (CN_FULL, 18, 18, 2),
    # 1.–18. under （一）–（六）, each ending in (X牵头负责,Y配合) or (…按职责分工负责) (4, 5, 8); several leads in
    # 3 (four), 10, 11 and 14 (省住房城乡建设厅、各地级以上市人民政府牵头负责)
    "guangdong-ai-opc-action-plan-2026": (ARABIC, 18, 18, 4),
    "hebi-qihe-protection-regulation-2020": (ARTICLE, 31, 0, 0),  # 31 articles in 6 chapters, duties in prose
    # 1．–7. of 二; 3 基础材料 and 4+5+6+7+5+6+5 专项材料 of 三; 3 of 四; 5 of 五: 56, no responsible unit named
    "jingan-chuhai-platform-fund-guide-2026": (ARABIC, 56, 0, 0),
    "yangpu-safety-report-reward-measures-2026": (ARTICLE, 18, 0, 0),  # 18 articles after the notice, duties in prose
    # tenth round
    # （一）–（十五） each end in (…负责), the first adding 列第一位者为牵头单位，下同; （十四）（十五） name only generic
    # parties, two before a comma: (各有关部门和单位，各省级人民政府按职责分工负责)
    "state-council-employment-guofa-2018-39": (CN_FULL, 15, 15, 0),
    # （一）–（十九）; （四）–（十九） carry 21 tags (…负责), （九）（十）（十二） more than one, each closing a sentence
    "state-council-sports-events-guobanfa-2018-121": (CN_FULL, 19, 16, 0),
    "guangzhou-tianhe-hkmacao-youth-support-2023": (ARTICLE, 13, 0, 0),  # 13 articles, three issuers, no annotations
    # 4. of 一、总体要求, 4 + 3 items of 二 and 3 of 四 numbered 1.–; 12 tasks in 二 end in (牵头单位:…;配合单位:…) or
    # (责任单位:…), one led by 区绿化市容局、新城公司
    "fengxian-park-city-opinions-2021": (ARABIC, 14, 12, 1),
    # 56 articles in 8 chapters, duties in prose; 由道路建设单位牵头 twice (十四, 十九) and X会同有关部门 once (三十七)
    "zibo-underground-pipeline-regulation-2016": (ARTICLE, 56, 3, 0),
    # eleventh round
    # 1.–80. in ten parts, each ending in (牵头责任单位:…;责任单位:…) or (牵头责任单位:…) alone; 6 with two leads
    "bazhong-enyang-wenzengzhang-2022": (ARABIC, 80, 80, 6),
    # 一、–十二、 measures, two （一）（二） under 二、; a `责任单位：X` line after each of the 13: one unit each
    "anyang-fangdichan-2022": (CN_FULL, 2, 13, 0),
    "lishui-dust-pollution-2021": (ARTICLE, 22, 0, 0),  # 22 articles, no chapters, duties in prose
    # 1.–7. 报名条件 and 1.–7. 申报材料 (the seventh without its `。` before 三、); no responsible unit tagged
    "yueqing-tradein-enterprises-2026": (ARABIC, 14, 0, 0),
    # 一、–十五、 each ending in （责任单位：…）, no 牵头 anywhere: the list names no lead
    "xining-housing-measures-2022": (r"[一二三四五六七八九十]+、", 15, 15, 0),
    "suzhou-ah-real-estate-measures-2023": (ARABIC, 15, 15, 0),  # 1.–15. under 七 parts, each with (责任单位:…)
    # 25 numbered tasks in 二、 and 3 items of 三、 with 28 （责任单位：…） tags; the attachment's 分解表 of 12 rows
    # (序号/任务类型/重点内容/责任单位/参考文件): 40 annotations, the first listed of each leading nowhere stated
    "jiading-sponge-city-2024": (ARABIC, 25, 40, 0),
    # twelfth round
    # (一)–(十五) in four parts; 11 end in (牵头单位:A;配合单位:B…), 4 in (责任单位:A); (十二) (十四) two leads
    "qinzhou-real-estate-measures-2022": (CN_HALF, 15, 15, 2),
    "yantai-water-supply-2018": (ARTICLE, 45, 0, 0),  # 45 articles in 8 chapters, duties in prose
    "qingdao-key-discipline-graduate-housing-subsidy-2025": (ARTICLE, 17, 0, 0),  # 17 articles, duties in 第三条
    "yinchuan-xixia-housing-subsidy-2026": (ARABIC, 16, 0, 0),  # 1.–10. materials, 1.–6. 其他事项; no unit tagged
    # 1.–16. under five 工程, each with (责任单位:…), the first `[责任单位:…。以下均需各区、县（市）政府落实，不再列出]`
    "hangzhou-ai-opc-action-plan-2026": (ARABIC, 16, 16, 0),
    # (一)–(二十) in seven parts, each ending in (责任单位:…,各市、州、县人民政府), no 牵头 anywhere
    "hubei-livelihood-measures-2023": (CN_HALF, 20, 20, 0),
}


@pytest.mark.parametrize("stem", list(COUNTS))
def test_every_item_is_one_clause_and_every_annotation_is_read(stem):
    numbering, items, annotations, several = COUNTS[stem]
    numbered = [c for c in clauses(stem) if re.match(numbering, c.heading)
                and not (c.section and c.section[0].startswith(("附件", "印发通知")))]
    assert len(numbered) == items
    assert len(annotated(stem)) == annotations
    assert sum(len(c.leads) > 1 for c in annotated(stem)) == several


def test_talent_leads_and_partners_by_hand():
    only_lead = by_heading("guangzhou-talent-633-2012", "29.")
    assert only_lead.leads == ("市人力资源和社会保障局",) and only_lead.partner_units == ()
    with_district = by_heading("guangzhou-talent-633-2012", "35.")
    assert "越秀区" in with_district.partner_units
    flat = by_heading("guangzhou-talent-633-2012", "38.")
    assert (flat.leads, flat.partner_units, flat.generic_units) == (
        ("市住房保障办",), ("市规划局", "市国土房管局"), ("各区、县级市",))


def test_state_council_first_listed_leads_and_its_exceptions():
    third = by_heading("state-council-farm-mechanization-2018", "（三）")
    assert third.lead_units == ("工业和信息化部",) and third.lead_explicit  # 列第一位者为牵头单位，下同
    assert by_heading("state-council-farm-mechanization-2018", "（十八）").leads == ("农业农村部", "工业和信息化部")
    nineteenth = by_heading("state-council-farm-mechanization-2018", "（十九）")
    assert nineteenth.units == () and nineteenth.generic_units == ("各省级人民政府",)
    assert len(by_heading("state-council-farm-mechanization-2018", "（九）").units) == 9


def test_kunming_generic_local_lead_is_no_named_unit():
    item = by_heading("kunming-real-estate-measures-2024", "(十一)")
    assert item.units == () and item.generic_units and item.generic_units[0].startswith("属地")


def test_zhengzhou_label_lines_stay_with_their_item():
    assert by_heading("zhengzhou-finance-support-2023", "8.").units == (
        "市金融局", "市发展改革委", "市工信局", "市科技局", "市财政局", "市大数据局", "市市场监管局")
    assert by_heading("zhengzhou-finance-support-2023", "13.").leads == (
        "郑东新区管委会", "郑州高新区管委会", "河南自贸区郑州片区管委会", "金水区人民政府")
    twenty_one = by_heading("zhengzhou-finance-support-2023", "21.")
    assert (twenty_one.leads, twenty_one.units) == ((), ("市金融局",))  # 责任单位 only
    assert all(by_heading("zhengzhou-finance-support-2023", f"{n}.").units == () for n in (23, 24, 25))


def test_hunan_item_with_two_tags_keeps_both():
    item = by_heading("hunan-handover-with-certificate-2021", "(3)并行开展核实核算")
    assert item.leads == ("省自然资源厅", "省税务局", "省财政厅") and "省人防办" in item.partner_units


def test_family_doctor_task_table_rows():
    rows = [c for c in clauses("guangzhou-family-doctor-2023") if c.kind == "row"]
    assert len(rows) == 39 and len({r.id.split(".r")[1].split("-")[0] for r in rows}) == 24
    long_prescription = next(r for r in rows if r.id.endswith(".r6-3"))
    assert long_prescription.leads == ("市医保局", "市卫生健康委", "各区政府")  # 牵头单位: all three, 各区政府 too
    assert long_prescription.columns == (("市卫健委内牵头处室", "医政处"), ("市卫健委内配合处室", "基层处"))


def test_zongbaoqu_lead_rule_after_a_comma_makes_the_first_listed_lead():
    first = by_heading("zongbaoqu-guofa-2019-3", "1.")
    assert first.units == ("税务总局", "财政部", "海关总署") and first.leads == ("税务总局",)
    assert sum("海关总署" in c.units for c in annotated("zongbaoqu-guofa-2019-3")) == 21


def test_chuangxin_list_of_measures_with_a_guiding_department_column():
    rows = [c for c in clauses("chuangxin-tuiguang-guobanfa-2018-126") if c.kind == "row"]
    assert len(rows) == 17 and all(r.units for r in rows)  # 23 announced, 6 cut by the publisher
    patent = next(r for r in rows if "专利保险" in r.heading)
    assert patent.units == ("国家知识产权局", "中国银保监会")


def test_sichuan_reply_letter_duties_written_as_a_huitong_b():
    """Thirteen `A会同B…研究提出了办理意见` (and `扶贫办已会同…`) sentences, counted in the text; item 一 names one
    unit with no 会同 and stays unannotated; A leads, B co-operates, 有关部门 is a generic party."""
    found = annotated("sichuan-banli-guobanhan-2004-71")
    assert len(found) == 13 and all("会同" in c.tag_text for c in found)
    by_item = {c.section[0][:2] + (c.heading[:2] if c.heading[:1].isdigit() else ""): c for c in found}
    assert by_item["四、"].leads == ("发展改革委", "农业部") and by_item["四、"].partner_units == ("财政部",)
    assert by_item["七、"].leads == ("振兴东北办",) and by_item["七、"].generic_units == ("有关部门",)
    assert by_item["十一"].partner_units == ("交通部", "水利部", "林业局")
    assert by_item["八、2."].leads == ("发展改革委",) and by_item["八、2."].partner_units == ("西部开发办",)
    assert "一、" not in by_item


def test_attachment_list_ending_a_notice_is_one_clause():
    """`附件：` on its own line, then `１．…` `２．…` `３．…`, then the issuer and date: a list of names, kept whole."""
    listing = [c for c in clauses("guangzhou-household-housing-security-2024") if c.kind == "annexes"]
    assert len(listing) == 1 and listing[0].text == (
        "附件：１．申请公共租赁住房保障家庭收入及财产限额２．住房租赁补贴标准３．政府公共租赁住房分档租金标准")
    assert not [c for c in clauses("guangzhou-family-doctor-2023") if c.kind == "annexes"]  # its attachments follow


def test_a_tables_header_row_keeps_its_column_names():
    (header,) = [c for c in clauses("chuangxin-tuiguang-guobanfa-2018-126") if c.kind == "header"]
    assert [n for n, _ in header.columns] == ["序号", "改革举措", "主要内容", "指导部门", "推广范围"]
    (header,) = [c for c in clauses("guangzhou-family-doctor-2023") if c.kind == "header"]
    assert len(header.columns) == 7 and header.section == ("附件2",) and not header.units


def test_a_level_prefix_written_once_and_parties_named_once_for_all_items():
    """`（省市场监管局、商务厅牵头负责，各地级以上市政府负责落实。以下任务均需各市落实，不再列出）`: 商务厅 is the
    省商务厅 the document writes elsewhere; 各市 stands behind every later item; `（…，…负责）` states no lead."""
    first = by_heading("guangdong-domestic-circulation-2025", "1.")
    assert first.leads == ("省市场监管局", "省商务厅") and "各市" in first.generic_units
    tagged = annotated("guangdong-domestic-circulation-2025")
    assert all("各市" in c.generic_units for c in tagged)
    cities = [c for c in tagged if "广州市政府" in c.units]
    assert len(cities) == 1 and cities[0].units == ("广州市政府", "深圳市政府") and not cities[0].leads
    nanjing = annotated("nanjing-economy-recovery-2023")
    assert all(c.generic_units[-1] == "江北新区管委会、各区政府" for c in nanjing)
    assert by_heading("nanjing-economy-recovery-2023", "1.").units == ("市税务局", "市财政局", "市科技局")


def test_an_item_whose_bodies_act_by_their_duties_names_no_lead():
    """`(市工信局、市住建局按职责负责,各县区政府配合)`: two responsible bodies, no lead, the counties co-operate."""
    item = by_heading("lanzhou-enterprise-relief-2022", "(十五)")
    assert (item.units, item.leads, item.generic_units) == (("市工信局", "市住建局"), (), ("各县区政府",))


def test_a_lead_and_its_partners_in_one_bracket():
    item = by_heading("lanzhou-enterprise-relief-2022", "(十九)")
    assert item.leads == ("市财政局",) and "市机关事务管理局" in item.partner_units


@pytest.mark.parametrize("stem,start,parties", [
    ("fuqing-economy-momentum-2023", "2.", "各园区管委会、各镇(街)人民政府(办事处)"),
    ("fuqing-economy-momentum-2023", "41.", "各园区管委会、各镇(街)人民政府(办事处)"),
    ("nanjing-economy-recovery-2023", "2.", "江北新区管委会、各区政府"),
    ("guangdong-domestic-circulation-2025", "2.", "各市"),
])
def test_parties_stated_once_for_all_later_items_join_each(stem, start, parties):
    """Class: `以下均需A,B落实,不再列出` — a standing list of parties, however its names are joined, joins every
    later item (and the item that states it lists them itself, once)."""
    item = next(c for c in annotated(stem) if c.heading.startswith(start))
    assert any(parties in g for g in item.generic_units), item.generic_units


def test_the_item_stating_standing_parties_lists_them_once():
    first = by_heading("fuqing-economy-momentum-2023", "1.")
    assert first.units == ("市税务局",) and first.generic_units == ("各园区管委会", "各镇(街)人民政府(办事处)")


def test_a_line_closing_a_part_governs_every_item_of_the_part():
    """Class: `（二十一）…（二十四）…` then `牵头单位:市农业农村局、市畜牧兽医局,责任单位:…` on a line of its own, no item
    of the part annotated itself: every item of the part has those leads, the first three by inheritance."""
    part = [c for c in clauses("dingxi-winter-spring-economy-2023") if c.section[0].startswith("六、") and c.heading]
    assert [c.heading[:5] for c in part] == ["(二十一)", "(二十二)", "(二十三)", "(二十四)"]
    assert all(c.leads == ("市农业农村局", "市畜牧兽医局") for c in part)
    assert [bool(c.tag_scope) for c in part] == [True, True, True, False]
    assert all(c.generic_units == ("各县区人民政府", "市政府相关单位") for c in part)


def test_each_item_annotated_on_its_own_keeps_its_own():
    """Items each followed by their own label line (郑州) keep their own annotation: no part-wide inheritance."""
    assert not any(c.tag_scope for c in clauses("zhengzhou-finance-support-2023"))


def test_an_item_of_a_heading_and_one_paragraph_with_three_roles():
    """昭通: `一、title` then one paragraph ending in `(牵头单位:X;配合单位:Y;责任单位:各县市区人民政府)` — 13 items."""
    items = [c for c in annotated("zhaotong-real-estate-opinions-2023") if re.match(r"[一二三四五六七八九十]+、", c.section[0])]
    assert len(items) == 13 and len({c.section[0] for c in items}) == 13 and all(c.leads and c.generic_units for c in items)
    fifth = next(c for c in items if c.section[0].startswith("五、"))
    assert len(fifth.leads) == 3


def test_guangyuan_a_body_named_by_its_place_stays_in_the_list():
    """`(市文化广电旅游局牵头,市财政局、市体育局、广元国际铁路港、市总工会按职责分工负责)`: 广元国际铁路港 (a 管委会
    named by its place) has no body's ending, yet the annotation is read whole."""
    item = by_heading("guangyuan-economy-measures-2023", "(二十)")
    assert item.leads == ("市文化广电旅游局",) and "广元国际铁路港" in item.partner_units
    assert by_heading("guangyuan-economy-measures-2023", "(一)").leads == ()  # (市财政局、市税务局按职责分工负责)


def test_anshun_a_doer_after_an_article_number_is_the_body_alone():
    sixth = by_heading("anshun-grain-reserve-measures-2023", "第六条")
    assert sixth.leads == ("市财政局",) and sixth.partner_units == ("市发展改革委（市粮食和物资储备局）",)


def test_dalian_each_policy_of_the_list_is_one_entry_under_its_group():
    """18 policies (6 for 高校毕业生, 2 for 就业困难人员, 10 for 企业), each a title line and its fields
    (政策内容 / 文件依据 / 补贴测算 / 申请渠道): one clause per policy, under its 服务对象 group."""
    entries = [c for c in clauses("dalian-employment-policy-list-2019") if len(c.section) == 2]
    groups = [c.section[0] for c in entries]
    assert len(entries) == 18
    assert [groups.count(g) for g in dict.fromkeys(groups)] == [6, 2, 10]
    first = entries[0]
    assert first.section == ("服务对象：高校毕业生", "一次性求职创业补贴")
    assert first.text.startswith("政策内容：") and first.text.endswith("申请渠道：申请人所在高校申请")


def test_ningbo_first_listed_leads_each_list_and_a_second_name_in_brackets():
    """`（责任单位：市经信局、市发改委，…。列第一位的为牵头单位，下同。以下均需各区〔县、市〕政府、开发园区管委会落实，
    不再列出）`: the first unit of each list leads, the rest co-operate; 〔〕 holds a body's second name."""
    second = by_heading("ningbo-ai-opc-opinions-2026", "（二）")
    assert second.units == ("市委改革办〔市营商环境建设局〕", "市发改委", "市经信局", "市市场监管局", "市数据局")
    assert second.lead_units == ("市委改革办〔市营商环境建设局〕",)
    assert second.partner_units == ("市发改委", "市经信局", "市市场监管局", "市数据局")
    standing = "、".join(second.generic_units)
    assert "各区〔县、市〕政府" in standing and "开发园区管委会" in standing  # stated once in （一）, for every item
    third = by_heading("ningbo-ai-opc-opinions-2026", "（三）")  # two lists: (市发改委、市数据局、通商控股集团) (市经信局)
    assert third.units == ("市发改委", "市数据局", "通商控股集团", "市经信局")
    assert third.lead_units == ("市发改委", "市经信局") and third.partner_units == ("市数据局", "通商控股集团")
    twelfth = by_heading("ningbo-ai-opc-opinions-2026", "（十二）")  # (市科技局) then (市科技局、市经信局)
    assert twelfth.lead_units == ("市科技局",) and twelfth.partner_units == ("市经信局",)
    seventh = by_heading("ningbo-ai-opc-opinions-2026", "（七）")  # (市发改委等相关部门): one named unit, it leads
    assert seventh.lead_units == ("市发改委",) and seventh.partner_units == ()


def test_guangdong_ai_several_leads_their_partners_and_items_with_no_lead():
    """`（X、Y牵头负责，Z配合）` with the 省 prefix written once for a list (科技厅 is 省科技厅); `（…按职责分工负责）`
    names no lead; 广州、深圳市政府 are two bodies."""
    stem = "guangdong-ai-opc-action-plan-2026"
    third = by_heading(stem, "3.")
    assert third.leads == ("省发展改革委", "省科技厅", "省工业和信息化厅", "省财政厅")
    assert third.partner_units == () and third.generic_units == ("各地级以上市人民政府",)
    tenth = by_heading(stem, "10.")
    assert tenth.leads == ("广东金融监管局", "深圳金融监管局")
    assert tenth.partner_units == ("省委金融办", "省科技厅", "省人力资源社会保障厅", "中国人民银行广东省分行")
    eleventh = by_heading(stem, "11.")
    assert eleventh.leads == ("省委组织部", "省发展改革委")
    assert eleventh.partner_units == ("省科技厅", "省工业和信息化厅", "省公安厅", "省财政厅", "省人力资源社会保障厅")
    assert eleventh.generic_units == ("各地级以上市人民政府",)
    fifth = by_heading(stem, "5.")  # (省科技厅、教育厅、人力资源社会保障厅，各地级以上市人民政府按职责分工负责)
    assert (fifth.units, fifth.leads, fifth.generic_units) == (
        ("省科技厅", "省教育厅", "省人力资源社会保障厅"), (), ("各地级以上市人民政府",))
    eighth = by_heading(stem, "8.")  # (广州、深圳市政府，横琴粤澳深度合作区执委会按职责分工负责)
    assert (eighth.units, eighth.leads) == (("广州市政府", "深圳市政府", "横琴粤澳深度合作区执委会"), ())
    sixteenth = by_heading(stem, "16.")  # (省市场监管局牵头负责): a lead and no one else
    assert (sixteenth.leads, sixteenth.partner_units, sixteenth.generic_units) == (("省市场监管局",), (), ())
    fourteenth = by_heading(stem, "14.")  # (省住房城乡建设厅、各地级以上市人民政府牵头负责，…配合): both lead
    assert fourteenth.leads == ("省住房城乡建设厅", "各地级以上市人民政府")
    assert fourteenth.partner_units == ("省教育厅", "省人力资源社会保障厅", "省医保局")


def test_each_tag_closing_a_sentence_governs_that_part_of_its_item():
    """Class: an item whose sentences each close with their own tag — the item has all their units, and each part
    keeps its own (the tag that closes it), so that a question about one sentence is answered with its tag."""
    item = by_heading("state-council-sports-events-guobanfa-2018-121", "（十）")
    assert [p.units for p in item.parts] == [("市场监管总局",), ("体育总局", "教育部"),
                                             ("体育总局", "网信办", "科技部", "工业和信息化部")]
    assert item.text[item.parts[0].start:item.parts[0].end].endswith("准入环境。（市场监管总局负责）")
    assert all(a.end == b.start for a, b in zip(item.parts, item.parts[1:]))
    ningbo = by_heading("ningbo-ai-opc-opinions-2026", "（三）")  # 列第一位的为牵头单位: each part's first leads
    assert [p.leads for p in ningbo.parts] == [("市发改委",), ("市经信局",)]
    assert not by_heading("state-council-sports-events-guobanfa-2018-121", "（四）").parts  # one tag: no parts


def test_bazhong_composed_labels_lead_and_responsible_by_hand():
    """`（牵头责任单位：A；责任单位：B、C）`: A leads, B and C co-operate; `（牵头责任单位：A、B）` alone: both lead."""
    stem = "bazhong-enyang-wenzengzhang-2022"
    first = by_heading(stem, "1.")
    assert (first.leads, first.partner_units) == (("区财政局", "区税务局"), ())
    loans = by_heading(stem, "3.")
    assert (loans.leads, loans.partner_units) == (("区人社局",), ("区财政局",))
    assert all(not u.endswith(("）", ")")) for c in annotated(stem) for u in c.units)


def test_jiading_task_table_rows_are_named_by_their_task_type_by_hand():
    """嘉定's 分解表 (序号 / 任务类型 / 重点内容 / 责任单位 / 参考文件): each of the 12 rows is named by its 任务类型 and
    lists its 责任单位, the first listed first."""
    rows = [c for c in clauses("jiading-sponge-city-2024") if c.kind == "row"]
    assert len(rows) == 12
    assert [r.heading for r in rows[:3]] == ["海绵城市建设管理", "海绵城市系统方案", "海绵城市达标评估"]
    assert rows[1].units == ("区建设管理委",) and rows[5].heading == "海绵型市政设施"
    assert rows[5].units[:3] == ("区水务局", "区建设管理委", "区交通委")


def test_yuncheng_several_leads_and_their_responsible_units():
    """`(牵头单位:A、B;责任单位:C…,各县[市、区]人民政府…)` after each of 一、–二十、: 13 one lead, 5 two, 2 three."""
    tagged = annotated("yuncheng-real-estate-measures-2024")
    assert len(tagged) == 20
    assert sorted(len(c.leads) for c in tagged) == [1] * 13 + [2] * 5 + [3] * 2
    first = next(c for c in tagged if c.section[0].startswith("一、"))
    assert first.leads == ("市委组织部", "市财政局") and first.partner_units == ()
    assert all("县[市、区]人民政府" not in u for c in tagged for u in c.units)


def test_qingpu_rows_a_rowspan_left_out_keep_their_task_and_units():
    """附件3's 26 task rows (4 group rows apart), several lines of one task each under its own work."""
    rows = [c for c in clauses("qingpu-construction-waste-2025") if c.kind == "row"]
    tagged = [c for c in rows if c.units or c.generic_units]
    assert len(tagged) == 26 and len(rows) - len(tagged) == 4
    demolition = next(c for c in rows if c.heading == "加强源头监管：加强拆房工地监督管理")
    assert (demolition.leads, demolition.partner_units) == (("区房管局",), ())
    shared = next(c for c in rows if c.heading.startswith("运用数据平台共享研判"))
    assert shared.leads == () and len(shared.units) == 9 and shared.generic_units == ("属地街镇",)
    assert next(c for c in rows if c.heading == "推动源头减量").leads == ("建设主管部门", "区规划资源局")


def test_hangzhou_generic_levels_are_one_party_and_carried_to_every_item():
    first = annotated("hangzhou-ai-opc-action-plan-2026")[0]
    assert first.units == ("市科技局", "市发展改革委", "市经信局")
    assert all("县（市）政府" not in u for c in annotated("hangzhou-ai-opc-action-plan-2026") for u in c.units)
