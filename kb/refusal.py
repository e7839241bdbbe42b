"""When the plan does not answer: checks that name what is missing. Pure."""
from __future__ import annotations

import re
from typing import Iterable

from kb.fusion import years_in

# (what is asked for, how a question asks it, what an answering sentence must contain)
ASKED_TYPES = (
    ("具体金额", re.compile(r"多少钱|补贴多少|奖励多少|资助多少|补助多少|奖多少|给多少|金额是?多少|几万|how much money|how much (subsid|fund)", re.I),
     re.compile(r"\d+(?:\.\d+)?\s*(?:万|亿)?(?:元|美元)")),
    ("联系方式", re.compile(r"电话|联系方式|热线|邮箱|网址|网站|地址|办公地点|联系人|phone|e-?mail|contact|address|website", re.I),
     re.compile(r"\d{3,4}-?\d{7,8}|@|https?://|www\.")),
    ("排名", re.compile(r"排第几|排名第几|第几名|排名多少|排在第几|排第|排名如何|排名情况|\brank", re.I),
     re.compile(r"第[一二三四五六七八九十\d]+(?:名|位)|排名")),
    ("具体日期", re.compile(r"几月|哪天|哪一天|截止|几号|什么日期|deadline|which day", re.I),
     re.compile(r"\d+月|\d+日")),
    ("申报办法", re.compile(r"怎么申请|如何申请|怎么申报|如何申报|申报条件|申请条件|申报流程|申请流程|需要什么材料|how (do|can) (i|we) apply", re.I),
     re.compile(r"申报|申请")),
)
CITIES = ("北京", "上海", "天津", "重庆", "深圳", "广州", "杭州", "南京", "武汉", "西安", "苏州", "长沙", "郑州",
          "济南", "青岛", "合肥", "厦门", "福州", "昆明", "贵阳", "南宁", "沈阳", "大连", "哈尔滨", "长春", "石家庄",
          "太原", "南昌", "兰州", "西宁", "银川", "乌鲁木齐", "拉萨", "呼和浩特", "海口", "绵阳", "德阳", "宜宾",
          "泸州", "眉山", "乐山", "南充", "自贡", "遂宁", "内江", "雅安", "资阳", "广安", "达州", "巴中", "攀枝花",
          "香港", "澳门", "台北", "东京", "纽约", "伦敦", "新加坡",
          "Beijing", "Shanghai", "Shenzhen", "Guangzhou", "Hangzhou", "Chongqing", "Wuhan", "Xi'an", "Nanjing")
_QUOTED = re.compile(r"[“\"《「『]([^”\"》」』]{2,30})[”\"》」』]")
_WS = re.compile(r"\s+")


def unmet_type(question: str, quotes: Iterable[str]) -> str | None:
    """The kind of fact asked for that none of the candidate sentences contains."""
    texts = list(quotes)
    for name, asks, has in ASKED_TYPES:
        if asks.search(question) and not any(has.search(t) for t in texts):
            return name
    return None


def unknown_years(question: str, corpus_years: set[str]) -> list[str]:
    return sorted(y for y in years_in(question) if y not in corpus_years)


def unknown_places(question: str, corpus: str) -> list[str]:
    return [c for c in CITIES if c.lower() in question.lower() and c not in corpus]


def unknown_names(question: str, corpus: str) -> list[str]:
    """Quoted names (“蓉漂计划”, 《某某办法》) that the documents never mention."""
    return [n for n in _QUOTED.findall(question) if _WS.sub("", n) not in corpus]


def out_of_scope(question: str, corpus: str, corpus_years: set[str]) -> str | None:
    """Why the documents cannot answer, judged from the question alone; None if they may."""
    if years := unknown_years(question, corpus_years):
        span = f"{min(corpus_years)}—{max(corpus_years)}" if corpus_years else "其所涉"
        return f"文件涉及的年份为{span}年，未提及{'、'.join(y + '年' for y in years)}"
    if places := unknown_places(question, corpus):
        return f"文件未提及{'、'.join(places)}"
    if names := unknown_names(question, corpus):
        return f"文件中没有出现“{'”“'.join(names)}”"
    return None
