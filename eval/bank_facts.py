"""The facts of the question bank, one builder per operation, gold computed from the parsed structure. Pure.

A :class:`Fact` is one thing a document states (the leads of an item, the
tasks two units share, a figure for a year) with its gold; `eval/bank.py`
asks it in several phrasings. Nothing here calls the answering code.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Callable, Sequence

from core.clause import Clause
from core.lead_rule import names_no_lead, states_no_lead
from eval.facts import Figure, Item, clean_heading, evidence_quote, figures, inventory, items, partial_name, series, \
    unique_evidence, years

MAX_PAIRS = 12  # item pairs and unit pairs asked per document: enough to test the operation, not to swamp the bank
INVENTED_PER_DOC = 2  # invented items and invented units asked per document
ATTRIBUTE_ITEMS = 5  # items per document asked about each attribute the text lacks
# What a clause must not contain for the attribute question about it to be unanswerable.
ATTRIBUTE_MARKERS = {"unanswerable_amount": ("元", "资金", "资助", "补贴", "奖励", "津贴"),
                     "unanswerable_meeting": ("会议", "例会", "联席", "召开", "会商"),
                     "unanswerable_phone": ("电话", "热线", "12345", "12320")}


@dataclass(frozen=True)
class Fact:
    key: str  # shared by every phrasing of the fact
    op: str  # kb/frame.py's Op value
    template: str  # which template group asks it (bank_templates.json)
    category: str
    doc: str
    slots: Mapping[str, str]
    answer: str | None
    answer_units: tuple[str, ...] = ()
    must_contain: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    section: str = ""
    asked_units: tuple[str, ...] = ()  # units the question names (an answer may name them)
    allowed_units: tuple[str, ...] = ()  # other units a right answer may name
    extra: Mapping[str, Any] = field(default_factory=dict)  # expect_yes / expect_count


@dataclass(frozen=True)
class DocFacts:
    """What the bank needs of one document."""

    doc: str
    title: str
    clauses: tuple[Clause, ...]
    aliases: Mapping[str, str]  # unit -> a standard alias
    english: Mapping[str, Mapping[str, str]]  # items / units / headings / metrics -> English
    lead_convention: str = ""  # DocMeta.lead_convention, from the document's sidecar

    @property
    def items(self) -> list[Item]:
        return unique_evidence(items(self.clauses), self.clauses)

    @property
    def units(self) -> list[str]:
        return inventory(self.clauses)

    @property
    def names_no_lead(self) -> bool:
        return names_no_lead(self.clauses, self.lead_convention)

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.clauses)


# --- slots ---------------------------------------------------------------------------------------
def item_ref(item: Item) -> str:
    return item.name + ("目标" if item.clause.kind == "target" and not item.name.endswith("目标") else "")


def item_slots(d: DocFacts, item: Item, n: str = "") -> dict[str, str]:
    partial = item.partial if item.partial != item.name else ""
    return {f"item{n}": item_ref(item), f"partial{n}": partial, f"metric{n}": item.metric,
            f"metric_short{n}": item.metric_short, f"en_item{n}": d.english.get("items", {}).get(item.key, ""),
            "parent": item.parent, "title": d.title}


def unit_slots(d: DocFacts, unit: str, n: str = "") -> dict[str, str]:
    partial = unit[1:] if unit.startswith("市") and unit[1] not in "委政" and len(unit) >= 4 else ""
    return {f"unit{n}": unit, f"alias{n}": d.aliases.get(unit, ""), f"unit_partial{n}": partial,
            f"en_unit{n}": d.english.get("units", {}).get(unit, ""), "title": d.title}


def _listing(units: Sequence[str]) -> str:
    return "、".join(units) if units else "（未点名具体单位）"


# --- per item --------------------------------------------------------------------------------------
def item_facts(d: DocFacts) -> list[Fact]:
    out: list[Fact] = []
    for n, item in enumerate(d.items):
        base = dict(doc=d.doc, slots=item_slots(d, item), evidence=(item.evidence,), section=item.section)
        k, units, leads, partners = f"{d.doc}#{item.key}", item.units, item.leads, item.partners
        unstated = states_no_lead(item.clause, d.names_no_lead)  # `(责任单位:X、Y)` where the first listed is not said to lead
        out.append(Fact(f"{k}:responsible", "responsible", "responsible", "responsibility",
                        answer=f"{item_ref(item)}的责任单位：{_listing(units)}" + ("（未标注牵头）。" if unstated else
                                                                               f"（{'、'.join(leads)}牵头）。"),
                        answer_units=units, must_contain=units, allowed_units=units, **base))
        if unstated:  # no lead to name: the answer says so and may list the 责任单位
            out.append(Fact(f"{k}:lead", "lead", "lead", "lead_unit", answer=f"{item_ref(item)}没有标注牵头单位。",
                            must_contain=("没有标注",), allowed_units=units, **base))
        else:
            out.append(Fact(f"{k}:lead", "lead", "lead", "lead_unit", answer=f"{item_ref(item)}由{'、'.join(leads)}牵头。",
                            answer_units=leads, must_contain=leads, allowed_units=leads, **base))
        if partners:
            out.append(Fact(f"{k}:partners", "partners", "partners", "responsibility",
                            answer=f"配合单位：{_listing(partners)}。", answer_units=partners, must_contain=partners,
                            allowed_units=units, **base))
        out.append(Fact(f"{k}:count", "count", "count", "responsibility",
                        answer=f"{len(units)}个：{_listing(units)}。", must_contain=(str(len(units)),),
                        allowed_units=units, extra={"expect_count": len(units)}, **base))
        out += member_facts(d, item, n, unstated)
    return out


def absent_unit(d: DocFacts, item: Item, n: int) -> str | None:
    """A unit of the document's inventory that the item neither names in its tag nor mentions in its text."""
    pool = [u for u in d.units if u not in item.units and u not in item.clause.text
            and not any(u in v or v in u for v in item.units)]
    return pool[(n * 7 + 3) % len(pool)] if pool else None


def member_facts(d: DocFacts, item: Item, n: int, unstated: bool = False) -> list[Fact]:
    """Yes/no: a named unit is responsible or the lead leads (是, alternating), an absent unit (否), a partner
    as lead (否). An item that states no lead is asked only who is responsible."""
    k = f"{d.doc}#{item.key}"
    asked = [("responsible", (item.partners or item.leads)[0], True) if n % 2 or unstated else ("lead", item.leads[0], True)]
    if (absent := absent_unit(d, item, n)) is not None:
        asked.append(("lead" if n % 2 and not unstated else "responsible", absent, False))
    if item.partners and not unstated:
        asked.append(("lead", item.partners[-1], False))
    out = []
    for role, unit, yes in asked:
        template = "member" if role == "responsible" else "member_lead"
        word = "责任单位" if role == "responsible" else "牵头单位"
        out.append(Fact(f"{k}:member:{role}:{unit}", "member", template, "responsibility" if yes else "false_premise",
                        d.doc, {**item_slots(d, item), **unit_slots(d, unit)},
                        answer=f"{'是' if yes else '不是'}。{item_ref(item)}的{word}：{_listing(item.leads if role == 'lead' else item.units)}。",
                        answer_units=(unit,) if yes else (), must_contain=(), evidence=(item.evidence,),
                        section=item.section, asked_units=(unit,), allowed_units=item.units,
                        extra={"expect_yes": yes}))
    return out


# --- per unit ---------------------------------------------------------------------------------------
def _unasked(d: DocFacts, asked: Sequence[Item], holds: Callable[[Clause], bool]) -> tuple[list[Clause], list[str]]:
    """A unit's annotated clauses that are not asked about as items (a title naming a unit: 实施郑商所优势再造):
    a right answer lists them too, so their tags are evidence and the units their titles name are allowed."""
    ids = {i.clause.id for i in asked}
    unasked = [c for c in d.clauses if c.units and not c.tag_scope and c.id not in ids and holds(c)
               and clean_heading(c.heading)]
    return unasked, list(dict.fromkeys(u for c in unasked for u in d.units if u in c.heading))


def reverse_facts(d: DocFacts) -> list[Fact]:
    out = []

    def led_by(c: Clause) -> tuple[str, ...]:  # an item that states no lead is led by no one
        return () if states_no_lead(c, d.names_no_lead) else c.lead_units
    for unit in d.units:
        for role, template, category in (("any", "reverse", "responsibility"), ("lead", "reverse_lead", "lead_unit")):
            mine = [i for i in d.items if unit in (led_by(i.clause) if role == "lead" else i.units)]
            if not mine:
                continue
            names = tuple(item_ref(i) for i in mine)
            unasked, titled = _unasked(d, mine, lambda c: unit in (led_by(c) if role == "lead" else c.units))
            out.append(Fact(f"{d.doc}:reverse:{role}:{unit}", "reverse", template, category, d.doc,
                            unit_slots(d, unit), answer=f"{unit}{'牵头' if role == 'lead' else '负责'}：{'；'.join(names)}。",
                            answer_units=(unit,), must_contain=names,
                            evidence=tuple(i.evidence for i in mine) + tuple(evidence_quote(c) for c in unasked),
                            section=" ; ".join(dict.fromkeys(i.section for i in mine)), asked_units=(unit,),
                            allowed_units=tuple(titled)))
    return out


def _spread(pairs: list, cap: int = MAX_PAIRS) -> list:
    """At most ``cap`` of ``pairs``, evenly spread over the list."""
    if len(pairs) <= cap:
        return pairs
    return [pairs[round(i * (len(pairs) - 1) / (cap - 1))] for i in range(cap)]


def intersection_facts(d: DocFacts) -> list[Fact]:
    pairs = [(a, b) for a, b in combinations(d.items, 2) if set(a.units) & set(b.units)]
    out = []
    for a, b in _spread(pairs):
        shared = tuple(u for u in a.units if u in b.units)
        out.append(Fact(f"{d.doc}:intersection:{a.key}+{b.key}", "intersection", "intersection", "responsibility",
                        d.doc, {**item_slots(d, a), **item_slots(d, b, "2")},
                        answer=f"共同的责任单位：{_listing(shared)}。", answer_units=shared, must_contain=shared,
                        evidence=(a.evidence, b.evidence), section=f"{a.section} ; {b.section}", allowed_units=shared))
    return out


def shared_task_facts(d: DocFacts) -> list[Fact]:
    pairs = [(u, v) for u, v in combinations(d.units, 2) if any(u in i.units and v in i.units for i in d.items)]
    out = []
    for u, v in _spread(pairs):
        both = [i for i in d.items if u in i.units and v in i.units]
        names = tuple(item_ref(i) for i in both)
        unasked, titled = _unasked(d, both, lambda c, u=u, v=v: u in c.units and v in c.units)
        out.append(Fact(f"{d.doc}:shared_tasks:{u}+{v}", "shared_tasks", "shared_tasks", "responsibility", d.doc,
                        {**unit_slots(d, u), **unit_slots(d, v, "2")}, answer=f"共同负责：{'；'.join(names)}。",
                        answer_units=(u, v), must_contain=names,
                        evidence=tuple(i.evidence for i in both) + tuple(evidence_quote(c) for c in unasked),
                        section=" ; ".join(dict.fromkeys(i.section for i in both)), asked_units=(u, v),
                        allowed_units=tuple(titled)))
    return out


def per_item_facts(d: DocFacts) -> list[Fact]:
    groups: dict[tuple[str, ...], list[Item]] = defaultdict(list)
    for i in d.items:
        groups[i.clause.section[:-1]].append(i)
    headings = {s: clean_heading(s[-1]) for s in groups if s}
    out = []
    for section, members in groups.items():
        if len(members) < 2 or not section or any(states_no_lead(i.clause, d.names_no_lead) for i in members):
            continue  # a heading whose items do not all state a lead has no lead per item to list
        heading = headings[section]
        leads = tuple(dict.fromkeys(u for i in members for u in i.leads))
        partial = partial_name(heading, [h for h in headings.values() if h != heading])
        out.append(Fact(f"{d.doc}:per_item:{' > '.join(section)}", "per_item", "per_item", "lead_unit", d.doc,
                        {"title": d.title, "heading": heading, "heading_partial": partial if partial != heading else "",
                         "en_heading": d.english.get("headings", {}).get(heading, "")},
                        answer="；".join(f"{item_ref(i)}：{'、'.join(i.leads)}" for i in members) + "。",
                        answer_units=leads, must_contain=leads, evidence=tuple(i.evidence for i in members),
                        section=" > ".join(section), allowed_units=leads))
    return out


# --- figures ----------------------------------------------------------------------------------------
def _metric_slots(d: DocFacts, metric: str, metrics: Sequence[str]) -> dict[str, str]:
    partial = partial_name(metric, [m for m in metrics if m != metric])
    return {"title": d.title, "metric": metric, "metric_partial": partial if partial != metric else "",
            "en_metric": d.english.get("metrics", {}).get(metric, "")}


def _figure_quote(f: Figure) -> str:
    """The metric, verb and figure: the shortest verbatim quote that states the figure."""
    return f.piece[f.piece.index(f.metric):] if f.metric in f.piece else f.piece


def value_facts(d: DocFacts) -> list[Fact]:
    figs = [f for f in figures(d.clauses) if f.year]
    metrics = list(dict.fromkeys(f.metric for f in figs))
    return [Fact(f"{d.doc}:value:{f.year}:{f.metric}", "value", "value", "target_number", d.doc,
                 {**_metric_slots(d, f.metric, metrics), "year": f.year},
                 answer=f"到{f.year}年{f.metric}{f.figure}。", must_contain=(f.number,), evidence=(_figure_quote(f),),
                 section=f.clause.section_label) for f in figs]


def series_facts(d: DocFacts) -> list[Fact]:
    groups = series(figures(d.clauses))
    metrics = [m for _, m in groups]
    out = []
    for (_, metric), figs in groups.items():
        out.append(Fact(f"{d.doc}:series:{metric}", "series", "series", "stage_target", d.doc,
                        {**_metric_slots(d, metric, metrics), "years": "、".join(f"{f.year}年" for f in figs)},
                        answer="；".join(f"{f.year}年{f.figure}" for f in figs) + "。",
                        must_contain=tuple(f.number for f in figs), evidence=tuple(_figure_quote(f) for f in figs),
                        section=" ; ".join(dict.fromkeys(f.clause.section_label for f in figs))))
    return out


# --- unanswerable perturbations --------------------------------------------------------------------
def _unanswerable(d: DocFacts, key: str, op: str, template: str, slots: Mapping[str, str]) -> Fact:
    return Fact(f"{d.doc}:unanswerable:{key}", op, template, "unanswerable", d.doc, {"title": d.title, **slots},
                answer=None)


def unanswerable_facts(d: DocFacts, invented: Mapping[str, Sequence[str]], library_text: str) -> list[Fact]:
    """An attribute the item's text lacks, a year the document never names, an invented item or unit."""
    out = []
    for template, markers in ATTRIBUTE_MARKERS.items():
        lacking = [i for i in d.items if not any(m in i.clause.text for m in markers)]
        for i in _spread(lacking, ATTRIBUTE_ITEMS):
            out.append(_unanswerable(d, f"{template}:{i.key}", "value", template, item_slots(d, i)))
    year = max(years(d.text) | {2025}) + 10
    while year in years(d.text):
        year += 5
    figs = figures(d.clauses)
    subjects = [(f.metric, _metric_slots(d, f.metric, [])) for f in figs[:3]] or \
               [(i.name, {"metric": i.name, "metric_partial": i.partial if i.partial != i.name else ""})
                for i in d.items[:3]]
    for metric, slots in subjects:
        out.append(_unanswerable(d, f"year:{year}:{metric}", "value", "unanswerable_year", {**slots, "year": str(year)}))
    for kind, op in (("items", "responsible"), ("units", "reverse")):
        for fake in _pick([f for f in invented.get(kind, ()) if f not in library_text], len(d.doc)):
            out.append(_unanswerable(d, f"{kind[:-1]}:{fake}", op, f"unanswerable_{kind[:-1]}", {"fake": fake}))
    return out


def _pick(names: Sequence[str], seed: int, n: int = INVENTED_PER_DOC) -> list[str]:
    """``n`` of ``names``, a different choice per document (the same on every run)."""
    return [names[(seed + k) % len(names)] for k in range(min(n, len(names)))]


def all_facts(d: DocFacts, invented: Mapping[str, Sequence[str]], library_text: str) -> list[Fact]:
    return [*item_facts(d), *reverse_facts(d), *intersection_facts(d), *shared_task_facts(d), *per_item_facts(d),
            *value_facts(d), *series_facts(d), *unanswerable_facts(d, invented, library_text)]
