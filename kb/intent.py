"""Recognise what a question asks for. Pure: text and the units it names in, an Intent out."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kb.fusion import stages_in, years_in


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


LEAD = _rx(r"牵头|主导|领头|带头|主责|\blead(s|ing)?\b|\bin charge\b")
RESPONSIBLE = _rx(r"谁负责|谁来|谁管|由谁|哪些部门|哪个部门|哪几个部门|哪些单位|哪个单位|哪几个单位|哪家|哪个局|哪些局|"
                  r"责任单位|负责单位|负责部门|主管部门|归谁|谁抓|"
                  r"\bwho\b|which (department|bureau|unit|agenc)|responsib")
TASKS_OF_UNIT = _rx(r"负责哪|负责什么|负责的(工作|任务|事)|管哪|管什么|管.{0,6}哪些事|哪些工作|哪些事|哪些任务|哪些事项|哪项|"
                    r"哪个目标|哪些目标|什么工作|什么任务|牵头哪|牵头什么|参与哪|涉及哪|列为|作为责任单位|是责任单位|"
                    r"的责任单位[？?]?$|职责|几项|多少项|几个任务|多少个任务|多少任务|"
                    r"what (is|are|does) .*(responsible for|lead|handle)|which tasks|what tasks")
ASKS_UNITS = _rx(r"哪些部门|哪个部门|哪几个部门|哪些单位|哪个单位|哪几个单位|还有哪些|还有谁|谁|哪家|哪个局|哪些局|"
                 r"\bwho\b|which (department|bureau|unit|agenc)")
SHARED = _rx(r"共同|都负责|都参与|同时负责|同时参与|都是|共有|交集|重合|\bboth\b|in common|shared?\b")
YES_NO = _rx(r"(吗|么|嘛|是否|是不是|对吗|对不对)[？?。.！!]*$|^(is|does|do|are)\b")
COMPARE = _rx(r"比.{0,16}(高|多|少|低|增加|增长|提高|提升)(了)?多少|相差|差多少|差距|高出|多出|增加了多少|增长了多少|"
              r"how much (more|higher|less)|difference")
LIST = _rx(r"哪几|有哪些|包括哪些|包括什么|都有什么|有什么|分别是|列出|列举|是哪些|是什么|什么是|"
           r"\bwhat are\b|\blist\b|which are")
SUPPORT = _rx(r"支持|政策|补贴|扶持|资助|奖励|融资|贷款|资金|钱|税|知识产权|首版次|优惠|帮扶|能帮|帮助|鼓励|培育|"
              r"support|subsid|fund|financ|tax|incentive|polic")
NUMBER = _rx(r"多少|几家|几个|几项|几件|几名|几位|几所|几成|目标|指标|达到|超过|突破|比例|份额|占比|增长|增速|规模|数量|"
             r"how (much|many)|target|amount|number|percent|share|growth")


@dataclass(frozen=True)
class Intent:
    name: str  # responsibility|lead|lead_check|reverse|shared_units|shared_tasks|compare|support|target|lookup
    units: tuple[str, ...] = ()  # units the question names, canonical
    lead_only: bool = False  # reverse: only the tasks the unit leads
    years: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()


def classify(text: str, units: list[str]) -> Intent:
    """The first rule that fits wins; the order puts the more specific question shapes first."""
    named = tuple(units)
    years, stages = frozenset(years_in(text)), frozenset(stages_in(text))

    def intent(name: str, **kw) -> Intent:
        return Intent(name, named, years=years, stages=stages, **kw)

    lead = bool(LEAD.search(text))
    if named and lead and YES_NO.search(text) and not TASKS_OF_UNIT.search(text):
        return intent("lead_check")
    if named and TASKS_OF_UNIT.search(text) and not ASKS_UNITS.search(text):
        return intent("shared_tasks" if len(named) > 1 else "reverse", lead_only=lead)
    if SHARED.search(text) and (RESPONSIBLE.search(text) or lead):
        return intent("shared_units")
    if lead:
        return intent("lead")
    if RESPONSIBLE.search(text):
        return intent("responsibility")
    if COMPARE.search(text):
        return intent("compare")
    if SUPPORT.search(text) and not NUMBER.search(text):
        return intent("support")
    if NUMBER.search(text) or years or stages:
        return intent("target")
    if SUPPORT.search(text):
        return intent("support")
    return intent("lookup")
