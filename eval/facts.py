"""What a document's parsed structure states, as facts a question bank can ask about. Pure.

Everything here is read from `ParsedDocument.clauses` (the clause tree and its
parsed responsibility tags) and from the clause texts; nothing calls the
answering code (`kb/`). `eval/bank.py` turns these facts into questions.

- :class:`Item` — an annotated clause (a tag with named units): its name as a
  person would say it, a distinctive part of that name, its units.
- :class:`Figure` — a metric and its figure in a target sentence
  (``软件业务收入突破8000亿元`` → 软件业务收入, 8000亿元), with the year it is for.
- :func:`series` — one metric's figures across the stages of a document.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import jieba

from core.clause import Clause

# A heading's own numbering, removed to name the item: （一） 1． 2. 一、 ——
_MARKER = re.compile(r"^(?:（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[0-9０-９]+[.．、]|"
                     r"[一二三四五六七八九十]+、|——|第[0-9一二三四五六七八九十百]+[条项])\s*")
_QUOTED = re.compile(r"“([^”]{2,12})”")
# A metric piece of a target sentence: <metric><verb><figure>. The verbs are those target sentences use.
_FIGURE = re.compile(r"^(?:到\d{4}年，?)?(?:全市)?(?P<metric>.+?)(?P<verb>突破|超过|达到|累计达到|不少于|不低于|达|约)"
                     r"(?P<approx>约)?(?P<number>\d+(?:\.\d+)?)(?P<unit>[^\d，。；、]{0,4}?)(?P<tail>以上)?$")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_STAGE_YEARS = re.compile(r"到((?:19|20)\d{2})年")
PARTIAL_SHARE = 0.55  # a partial name keeps about half of the name
PREFIX_PENALTY = 2  # characters of length difference a suffix is preferred by over a prefix
MIN_METRIC_CHARS = 4  # 年均增长 and shorter name no metric of their own: they qualify the piece before them


@dataclass(frozen=True)
class Item:
    """An annotated clause, named as a person would name it."""

    clause: Clause
    name: str  # the heading without its numbering: 产业规模, 人才公寓, 融入国家战略抢抓国产软件重大机遇
    partial: str  # a distinctive part of the name (unique among the document's item names)
    parent: str  # the top section without numbering: 发展目标, 重点任务
    metric: str = ""  # for target sentences: a metric piece of the text (软件从业人员超过80万人)
    metric_short: str = ""  # the same, paraphrased without its verb (软件从业人员80万人)

    @property
    def doc(self) -> str:
        return self.clause.doc

    @property
    def key(self) -> str:
        return self.clause.id.split("#", 1)[1]

    @property
    def units(self) -> tuple[str, ...]:
        return self.clause.units

    @property
    def leads(self) -> tuple[str, ...]:
        return self.clause.lead_units

    @property
    def partners(self) -> tuple[str, ...]:
        return self.clause.partner_units

    @property
    def evidence(self) -> str:
        return evidence_quote(self.clause)

    @property
    def section(self) -> str:
        return self.clause.section_label


@dataclass(frozen=True)
class Figure:
    """A figure a target sentence states for a metric."""

    clause: Clause
    piece: str  # verbatim piece of the clause text (the evidence)
    metric: str
    number: str  # 8000
    unit: str  # 亿元
    year: str  # the year the figure is for ("" when the sentence has none)

    @property
    def figure(self) -> str:
        return self.number + self.unit


def clean_heading(heading: str) -> str:
    """The heading's label without numbering and final punctuation."""
    return _MARKER.sub("", heading).strip().rstrip("。．.").strip()


def evidence_quote(clause: Clause) -> str:
    """The last sentence of the clause with its tag (the shortest quote that proves the units), else the text."""
    text = clause.text
    if not clause.tag_text or not text.endswith(clause.tag_text):
        return text
    body = text[: -len(clause.tag_text)]
    start = max(body.rfind("。", 0, len(body) - 1), body.rfind("；", 0, len(body) - 1)) + 1
    return text[start:]


def items(clauses: Sequence[Clause]) -> list[Item]:
    """Every annotated clause with a heading of its own (tags inherited from a parent are not items)."""
    units = set(inventory(clauses)) | {g for c in clauses for g in c.generic_units}
    annotated = [c for c in clauses if c.units and not c.tag_scope and clean_heading(c.heading)
                 and not _names_units(clean_heading(c.heading), units)]
    names = [clean_heading(c.heading) for c in annotated]
    out = []
    for k, (c, name) in enumerate(zip(annotated, names)):
        if len({annotated[j].units for j, n in enumerate(names) if n == name}) > 1:
            continue  # two items of one name with different units (a body item and its table row): ambiguous
        if names.index(name) != k:
            continue  # the same item again (a table row repeating its body item): asked once
        others = [n for n in names if n != name]
        metric, short = _item_metric(c)
        out.append(Item(c, name, partial_name(name, others), clean_heading(c.section[0]) if c.section else "",
                        metric, short))
    return out


def unique_evidence(item_list: Sequence[Item], clauses: Sequence[Clause]) -> list[Item]:
    """The items whose evidence quote occurs in their own clause only (others would widen the gold)."""
    return [i for i in item_list if sum(i.evidence in c.text for c in clauses) == 1]


def partial_name(name: str, others: Iterable[str]) -> str:
    """A contiguous part of ``name`` that no other item name contains: a quoted term, the name
    without 项目/任务, or its longest distinctive word span; the name itself when nothing shorter is distinctive."""
    others = list(others)

    def distinct(part: str) -> bool:
        return len(part) >= 2 and part != name and part[0].isalnum() and not any(part in o for o in others)

    candidates = [m.group(1) for m in _QUOTED.finditer(name)]
    candidates.append(re.sub(r"(项目|任务|工程)$", "", name))
    words = jieba.lcut(name)
    spans = [(s, penalty) for n in range(1, len(words))
             for s, penalty in (("".join(words[-n:]), 0), ("".join(words[:n]), PREFIX_PENALTY))]
    # about half the name reads as a partial name; suffixes first (the head noun of a task is at its end)
    candidates += [s for s, _ in sorted(spans, key=lambda sp: abs(len(sp[0]) - len(name) * PARTIAL_SHARE) + sp[1])]
    for part in candidates:
        part = part.strip("“”")
        if distinct(part) and len(part) >= min(4, len(name) - 1):
            return part
    return name


def figures(clauses: Sequence[Clause]) -> list[Figure]:
    """Metric figures of target sentences (kind ``target``) and of stage paragraphs (``到YYYY年，…``).

    A metric named with two different figures for one year is dropped (the question would be ambiguous).
    """
    found: list[Figure] = []
    for c in clauses:
        body = c.text[: -len(c.tag_text)] if c.tag_text and c.text.endswith(c.tag_text) else c.text
        if c.kind == "target":
            year = _overall_year(clauses)
        elif (m := _STAGE_YEARS.match(body)) is not None:
            year = m.group(1)
        else:
            continue
        found += [f for f in _pieces(c, body, year)]
    by_key: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for f in found:
        by_key[(f.clause.doc, f.year, f.metric)].add(f.figure)
    seen, out = set(), []
    for f in found:
        key = (f.clause.doc, f.year, f.metric)
        if len(by_key[key]) == 1 and key not in seen:
            seen.add(key)
            out.append(f)
    return out


def series(figs: Sequence[Figure]) -> dict[tuple[str, str], list[Figure]]:
    """(doc, metric) -> its figures in year order, for metrics stated for two years or more."""
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figs:
        if f.year and f.clause.kind != "target":  # stage paragraphs; the overall target repeats the last stage
            groups[(f.clause.doc, f.metric)].append(f)
    return {k: sorted(v, key=lambda f: f.year) for k, v in groups.items() if len({f.year for f in v}) >= 2}


def years(text: str) -> set[int]:
    """Every year a text names."""
    return {int(y) for y in _YEAR.findall(text)}


def inventory(clauses: Sequence[Clause]) -> list[str]:
    """The named units of a document's tags, in order of first appearance."""
    return list(dict.fromkeys(u for c in clauses for u in c.units))


# --- helpers -------------------------------------------------------------------------------------
def _names_units(name: str, units: set[str]) -> bool:
    """A heading that is a list of units (a task-table row read without its task) names no item."""
    return any(u in name for u in units) or name.startswith("各区")


def _pieces(c: Clause, body: str, year: str) -> list[Figure]:
    out = []
    for piece in re.split(r"[，；。]", body):
        m = _FIGURE.match(piece)
        if m is None:
            continue
        metric = re.sub(r"(均|总体)$", "", re.sub(r"^(?:——.+?。|其中)", "", m.group("metric")))
        if len(metric) < MIN_METRIC_CHARS or re.search(r"\d", metric[:1]) or "年均" in metric \
                or re.search(r"突破|超过|达到|不少于|不低于", metric):
            continue
        out.append(Figure(c, piece, metric, m.group("number"), m.group("unit"), year))
    return out


def _overall_year(clauses: Sequence[Clause]) -> str:
    """The year the overall targets are for: the one the first ``到YYYY年`` paragraph before the targets names."""
    for c in clauses:
        if c.kind == "target":
            break
        if (m := _STAGE_YEARS.match(c.text)) is not None:
            return m.group(1)
    return ""


def _item_metric(c: Clause) -> tuple[str, str]:
    """For a target sentence, its first metric piece and that piece without the verb."""
    if c.kind != "target":
        return "", ""
    body = c.text[: -len(c.tag_text)] if c.tag_text else c.text
    body = re.sub(r"^——.+?。", "", body)
    for piece in re.split(r"[，；。]", body):
        m = _FIGURE.match(piece)
        if m is not None and len(m.group("metric")) >= MIN_METRIC_CHARS and "年均" not in m.group("metric"):
            return piece, m.group("metric") + m.group("number") + m.group("unit")
    return "", ""
