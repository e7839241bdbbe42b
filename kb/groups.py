"""Groups a document names once and refers to by one name afterwards. Pure.

Regulations define their actors by enumeration: `商务、文化、体育、交通、旅游、教育等部门（以下统称单用途卡行业主管
部门）`, or `由下列部门（以下统称单用途卡行政执法部门）负责实施：（一）…（二）…`. Later articles say only the group's
name, so `行业主管部门有哪些` and `税务局算不算行业主管部门` are answered by that one definition.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from core.clause import Clause
from core.units import abbreviation_groups, level_prefix
from kb import link

_GROUP = re.compile(r"(?P<members>[^，,。；;：:（(）)“”]{1,80}?)[（(]以下(?:统称|简称|称)为?[:：]?[“\"「]?"
                    r"(?P<name>[^）)”\"」，,、]{2,24}?)[”\"」]?[）)]")
_LIST_TAIL = re.compile(r"(?:等|及其他|和其他)?(?:有关|相关)?(?:行政)?(?:部门|单位|机构|机关)$")
_FOLLOWING = re.compile(r"(下列|以下|如下)(?:部门|单位|机构|机关)?$")
_ITEM = re.compile(r"[（(][一二三四五六七八九十]+[）)]([^；;。]+)[；;。]?")
NAME_SHARE = 0.5  # of a group name's character pairs the question must hold (预付卡的行业主管部门 ~ 单用途卡行业主管部门)

# `有哪些`, `包括哪些部门`, `指的是谁`: the members asked; `算不算`, `是不是…吗`: one body's membership asked
ASKS_MEMBERS = re.compile(r"(有|包括|包含|指|是|含)(的是)?(哪些|哪几|什么|谁)|都有谁|由哪些|哪些(部门|单位|机构)(算|属于|是)")
ASKS_IN = re.compile(r"算不算|是不是|属不属于|是否属于|属于.{0,24}[吗么]|包不包括|包括.{0,12}[吗么]|算.{0,24}[吗么]|在不在")
# an item's annotation asked (`…这一条的责任单位都有谁`): that item's units, not a group's members
_ABOUT_AN_ITEM = re.compile(r"(这|那|该|此|哪)一?(条|项|款)|责任单位|牵头|配合")
# the kind-word a body's name ends in (局, 部门, 行政部门 …): what is left names its field
BODY_SUFFIX = re.compile(r"(?:行政部门|主管部门|部门|局|厅|委员会|委|办公室|办|中心|机关|机构)$")
# a body as a question names it (住建局, 市经信部门, 消保委, 城市管理综合执法组织) …
BODY_ASKED = re.compile(r"([\u4e00-\u9fff]{1,10}?(?:行政主管部门|主管部门|行政部门|部门|局|机关|委员会|委|厅|办(?![法理事好])|中心|机构|组织))")
# … and a word for a role or a kind of body, which names none (有关部门, 主管机关, 责任单位, 哪个部门)
ROLE_WORD = re.compile(r"^(?:.*的)?(?:主管|行业主管|责任|牵头|配合|有关|相关|执法|管理|监管|登记|发证|其他|各)?(?:部门|机关|单位|机构|组织)$"
                       r"|^(?:哪|什么|这|那|该|本)")


@dataclass(frozen=True)
class Group:
    name: str
    members: tuple[str, ...]
    listed: str  # the members as the document writes them (`商务、文化…等部门`, or its items joined by ；)
    clause: Clause
    quote: str  # the sentence that defines it, and the items it points to


def _members(text: str) -> tuple[str, ...]:
    text = _LIST_TAIL.sub("", text.strip())
    # 和/及 joins two bodies (自然资源局和税务局), not the words of one name (软件和信息技术服务业)
    return tuple(m.strip() for m in re.split(r"[、，,]|(?<=[局委厅办门心构关])(?:和|及|与)", text) if len(m.strip()) >= 2)


def groups_in(clause: Clause) -> list[Group]:
    """Each enumeration the clause names with `（以下统称X）`; a single thing abbreviated (`（以下简称单用途卡）`) is
    no group."""
    out = []
    for m in _GROUP.finditer(clause.text):
        name = m.group("name")
        end = clause.text.find("。", m.end())
        end = len(clause.text) if end < 0 else end + 1
        start = max(clause.text.rfind(ch, 0, m.start()) for ch in "。；;\n") + 1
        if _FOLLOWING.search(m.group("members")):  # `由下列部门（以下统称X）负责实施：（一）…`
            rest = clause.text[m.end():]
            items = [i.group(1) for i in _ITEM.finditer(rest)]
            if not items:
                continue
            end = m.end() + list(_ITEM.finditer(rest))[-1].end()
            out.append(Group(name, tuple(items), "；".join(items), clause, clause.text[start:end]))
            continue
        members = _members(m.group("members"))
        if len(members) >= 2:
            out.append(Group(name, members, m.group("members").strip(), clause, clause.text[start:end]))
    return out


def asked_group(question: str, clauses: Sequence[Clause]) -> Group | None:
    """The group the question names by (most of) its defined name, if it asks its members or one's membership."""
    if not (ASKS_MEMBERS.search(question) or ASKS_IN.search(question)) or _ABOUT_AN_ITEM.search(question):
        return None
    best, score = None, NAME_SHARE
    for c in clauses:
        if "以下" not in c.text:
            continue
        for g in groups_in(c):
            share = link.coverage(question, g.name)
            if share >= score and g.name[-2:] in question:
                best, score = g, share
    return best


def field_of(body: str) -> str:
    """`上海市税务局` → 税务, `市场监督管理部门` → 市场监督管理: the field a body works in."""
    body = body[len(level_prefix(body)):]
    return BODY_SUFFIX.sub("", body)


def holds(group: Group, body: str) -> bool:
    """Is the body one of the group's members (`文化局` in 商务、文化、体育…; `市场监管局` in 市场监督管理部门)?"""
    bare = body[len(level_prefix(body)):]
    for field in {field_of(f) for f in (bare, *abbreviation_groups().get(bare, ()))}:
        if len(field) < 2:
            continue
        for m in group.members:
            core = field_of(m)
            if field in m or (len(core) >= 2 and core in field) or (len(field) >= 3 and link.in_sequence(field, m)):
                return True
    return False


def field_listed(body: str, corpus: str) -> bool:
    """`税务局` where the document lists fields bare (`市场监督管理、金融、税务、公安…等部门`): the body is named."""
    bare = body[len(level_prefix(body)):]
    fields = {field_of(f) for f in (bare, *abbreviation_groups().get(bare, ()))}
    return any(len(f) >= 2 and re.search(rf"(?:^|[、，,。；;：:\s]){re.escape(f)}(?:[、，,]|等?(?:行政)?(?:部门|机关|机构))", corpus)
               for f in fields)

