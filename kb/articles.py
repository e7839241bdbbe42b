"""The bodies one article of a regulation puts to work, asked by its number: `第六条点了几个部门的职责？`. Pure.

A regulation's duties article names each body with its job (`公安机关负责…；质量技术监督部门负责…`) and then the
rest by kind (`其他有关部门按照各自职责…`): the answer counts the bodies named with a job, says each job in the
article's words, and mentions the rest without counting them.
"""
from __future__ import annotations

import re

from core.numerals import cn_to_int
from kb.answer import Answer, Citation
from kb.frame import Op
from kb.handlers import MAIN_BODY, Turn, duty_doers

_ARTICLE_ASKED = re.compile(r"第([一二三四五六七八九十百零\d]+)条")
_BODIES_ASKED = re.compile(r"(几|多少|哪些|哪几)个?(部门|单位|机关|机构|主体)|(部门|单位|机关)(有|是)?(谁|哪些)|都有谁|谁")
_ARTICLE_HEAD = re.compile(r"第([一二三四五六七八九十百零]+)条")
_BY_KIND = re.compile(r"(其他|其它|有关|相关|各).{0,20}?(按照|依照|根据)?各自职责|等.{0,6}(部门|机关|机构).{0,4}(按照|依照)各自职责")


def _number(text: str) -> int | None:
    m = _ARTICLE_ASKED.search(text)
    return cn_to_int(m.group(1)) if m else None


def article_bodies(turn: Turn) -> Answer | None:
    """Each body the article asked about names with a job (`X负责…`), counted; the bodies it names by kind, noted."""
    asked = _number(turn.text)
    if asked is None or not _BODIES_ASKED.search(turn.text):
        return None
    doc = turn.one_doc()
    article = next((c for c in turn.clauses if c.doc == doc and (m := _ARTICLE_HEAD.match(c.heading or ""))
                    and cn_to_int(m.group(1)) == asked), None)
    if article is None:
        return None
    named: dict[str, str] = {}
    kinds: list[str] = []
    quotes: list[str] = []
    for piece in re.split(r"(?<=[。；;：:])", article.text):
        core = re.sub(r"^(第[一二三四五六七八九十百零]+条)?[（(]?[一二三四五六七八九十]*[）)]?", "", piece)
        if _BY_KIND.search(core):
            kinds.append(core.rstrip("。；;"))
            quotes.append(piece)
            continue
        main = MAIN_BODY.search(core)  # `市民政部门是本市…的主管部门，负责…`
        doers = [main.group("d")] if main else duty_doers(core)
        if doers and "负责" in core:
            job = core.split("负责", 1)[1].rstrip("。；;")
            for d in doers:
                named.setdefault(d, job)
            quotes.append(piece)
    if not named:
        return None
    label = article.section_label
    lines = [f"「{label}」点名了{len(named)}个部门的具体职责：" + "；".join(f"{d}负责{job}" for d, job in named.items()) + "。"]
    if kinds:
        lines.append("另写有：" + "；".join(kinds) + "（未计入）。")
    cites = tuple(Citation(article, q) for q in dict.fromkeys(quotes) if q and q in article.text)
    return Answer(turn.text, "\n".join(lines), True, Op.COUNT.value, units=tuple(named), citations=cites)
