"""What a question asks, as data: an operation, its subjects and constraints.

The parser (`kb/understand.py`) turns a question and the previous turn into a
`Frame`; one executor per `Op` answers it (`kb/handlers.py`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Op(str, Enum):
    RESPONSIBLE = "responsible"  # who is responsible for X (all named units, lead marked)
    LEAD = "lead"  # who leads X
    PARTNERS = "partners"  # who co-operates on X (配合/参与 units, the leads excluded)
    MEMBER = "member"  # is U responsible for / the lead of X? (yes/no)
    COUNT = "count"  # how many units X names
    PER_ITEM = "per_item"  # the items under a heading, each with its lead
    INTERSECTION = "intersection"  # units X and Y share
    DIFFERENCE = "difference"  # units of X that Y lacks
    REVERSE = "reverse"  # what U is responsible for / leads
    SHARED_TASKS = "shared_tasks"  # tasks U and V share
    VALUE = "value"  # a figure (target, amount) for X, possibly for one year or stage
    SERIES = "series"  # a figure across every year or stage
    COMPARE = "compare"  # a figure at two years or stages, with the difference
    DEFINITION = "definition"  # what a term or abbreviation means
    SUPPORT = "support"  # what support exists for a need
    OUTLINE = "outline"  # the parts of a heading
    CONTENT = "content"  # what the document says about X


# How an answer is labelled for a person (never the code name).
OP_LABELS = {
    Op.RESPONSIBLE: "责任单位", Op.LEAD: "牵头单位", Op.PARTNERS: "配合单位", Op.MEMBER: "是否为责任单位",
    Op.COUNT: "单位数量", Op.PER_ITEM: "各项牵头单位", Op.INTERSECTION: "共同的责任单位",
    Op.DIFFERENCE: "不同的责任单位", Op.REVERSE: "某单位负责的事项", Op.SHARED_TASKS: "共同负责的事项",
    Op.VALUE: "目标数字", Op.SERIES: "各阶段目标", Op.COMPARE: "目标对比", Op.DEFINITION: "含义",
    Op.SUPPORT: "支持措施", Op.OUTLINE: "结构", Op.CONTENT: "原文",
}


class UnitKind(str, Enum):
    """Constraints a question can put on the units it wants."""

    DISTRICT = "district"  # 区、县、县级市、新区、园区管委会
    CITY = "city"  # 市级部门 (市X局/委/办)
    PARTY = "party"  # 市委X部 and other party organs
    ENTERPRISE = "enterprise"  # 集团、公司、银行
    NATIONAL = "national"  # 国家/省级机构 (国家税务总局…, 省…)


@dataclass(frozen=True)
class Frame:
    op: Op
    subjects: tuple[str, ...] = ()  # clause ids the question is about, best first
    subject_text: tuple[str, ...] = ()  # the words of the question that named them
    units: tuple[str, ...] = ()  # units the question names, canonical
    unit_hints: tuple[str, ...] = ()  # a unit named loosely (`税务部门` → 税务), matched inside unit names
    kinds: frozenset[UnitKind] = frozenset()  # only units of these kinds
    exclude_kinds: frozenset[UnitKind] = frozenset()  # 哪个不是市级部门
    lead_only: bool = False
    partners_only: bool = False  # 几个配合部门: the units other than the lead
    years: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    attribute: str = ""  # the kind of fact asked for when the text must contain it (金额, 频次, …)
    negated: bool = False  # 不在…里的 / 不是…的
    confidence: float = 1.0  # how sure the parser is of `op`
    unresolved: tuple[str, ...] = ()  # parts of the question it could not link
    notes: tuple[str, ...] = field(default=())  # why (for the trace; never shown as an answer)
