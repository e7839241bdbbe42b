"""What a notice asks of an applicant, read from the heading that lists it: `得满足啥条件` → every item under
`一、报名条件`, `要准备哪些材料` → under `二、申报材料`, `流程是怎样的` → under `四、申请程序`.

Resident- and enterprise-facing notices state conditions, materials and steps as a list of one-line items under
a heading named for them; the best single sentence of such a list is never the answer. The heading is found by
the kind of list asked (its label ends in 条件 / 材料 / 流程 …) and, where a document has several (天河's materials
per category of applicant), by the question's own words in the heading's path.
"""
from __future__ import annotations

import re
from typing import Sequence

from core.clause import Clause
from kb import extract
from kb.answer import Answer, Citation
from kb.frame import Op
from kb.fusion import bare_label
from kb.handlers import Turn

# kind → (how a question asks for the list, how the heading that lists it ends)
KINDS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "条件": (re.compile(r"(什么|啥|哪些|哪几|何种|哪种)(样的)?(条件|资格|要求)|(条件|资格|要求)(是|有)?(什么|啥|哪些)|"
                      r"(满足|具备|符合)(什么|啥|哪些|哪几)|谁(能|可以|有资格)(申请|报名|申报|参加)|"
                      r"(什么|哪些|哪类|哪种)(人|企业|单位|公司|商家|机构)(能|可以|才能)(申请|报名|申报|参加)|"
                      # eligibility asked yes/no (`我36岁还能申请吗`): the conditions to check oneself against
                      r"(能|可以|还能|还可以)(申请|申领|领|享受|报名|申报|拿|参加)[^。？?，,]{0,14}(吗|么)|"
                      r"(能不能|可不可以|能否|可否|是否可以|是否能)(申请|申领|领|享受|报名|申报|拿|参加)"),
             re.compile(r"(条件|资格)(要求)?$")),
    "材料": (re.compile(r"(什么|啥|哪些|哪几)(样的)?(材料|资料|证件|证明)|(材料|资料)(是|有|要)?(什么|啥|哪些)|"
                      r"(准备|提交|带|交|提供|递交)(什么|啥|哪些)"),
             # `（二）资料审核` / `材料提交` list what is handed in as much as `申报材料` does
             re.compile(r"(材料|资料)(要求|清单|目录|审核|提交|报送|准备)?$")),
    "流程": (re.compile(r"流程|程序|步骤|怎么(申请|办理|申报|报名|领取|领)|如何(申请|办理|申报|报名|领取)"),
             re.compile(r"(流程|程序|步骤|(报名|申报|申请|办理|提交)方式)$")),
}
# a task of a plan that improves a procedure (优化审批程序, 放宽申领条件) lists no applicant's requirements
_TASK = re.compile(r"^(优化|改善|放宽|简化|加快|加强|完善|改进|整合|再造|前置|建立|推进|提升|规范|落实|持续|创造|营造)")
_KIND_WORDS = re.compile(r"条件|资格|要求|材料|资料|证件|证明|流程|程序|步骤|申请|申报|报名|办理|准备|提交|需要|满足|具备|符合")
MOST = 25  # clauses quoted from one list; a longer one is cut with a note
LISTED_SHARE = 0.4  # of the question's own words that the list must hold
_ASKING = frozenset("什么 哪些 哪几 怎么 怎样 如何 需要 可以 能够 才能 才行 一下 请问 我们 我在 想要".split())


def asked_kind(question: str) -> str | None:
    return next((kind for kind, (asks, _) in KINDS.items() if asks.search(question)), None)


def _headings(kind: str, clauses: Sequence[Clause]) -> list[tuple[str, int]]:
    """(label, depth) of the headings that list the kind asked, in document order."""
    ends = KINDS[kind][1]
    found: dict[tuple[str, int], int] = {}
    for c in clauses:
        for depth, label in enumerate(c.section[:-1] if c.heading and c.section[-1] == c.heading else c.section):
            bare = bare_label(label)
            if ends.search(bare) and not _TASK.match(bare):
                found[(label, depth)] = found.get((label, depth), 0) + 1
    return list(found)


def _under(clauses: Sequence[Clause], label: str, depth: int) -> list[Clause]:
    return [c for c in clauses if len(c.section) > depth and c.section[depth] == label]


def _chosen(turn: Turn, kind: str, clauses: Sequence[Clause]) -> list[tuple[str, int]]:
    """The heading the question's own words point to; several of one parent when they tie (通用资料 and 个性资料);
    on any other tie, the shallowest (the whole list, not one part of it)."""
    headings = _headings(kind, clauses)
    if not headings:
        return []
    # the document's own title words (人才公寓 of a 人才公寓 notice) name no part of it
    words = [t for t in dict.fromkeys(turn.ev.kb.searcher.query_tokens(turn.text))
             if len(t) >= 2 and not _KIND_WORDS.search(t) and t not in clauses[0].title]

    def score(h: tuple[str, int]) -> int:
        path = "".join(next(c.section[:h[1] + 1] for c in clauses if len(c.section) > h[1] and c.section[h[1]] == h[0]))
        return sum(w in path for w in words)
    best = max(map(score, headings))
    top = [h for h in headings if score(h) == best]
    if len(top) == 1:
        return [_narrowed(top[0], words, clauses)]
    shallow = min(d for _, d in top)
    top = [h for h in top if h[1] == shallow]
    parents = {next(c.section[:shallow] for c in clauses if len(c.section) > shallow and c.section[shallow] == h[0])
               for h in top}
    if len(top) == 1 or len(parents) > 1:
        return [_narrowed(top[0], words, clauses)]
    return top


def _narrowed(heading: tuple[str, int], words: Sequence[str], clauses: Sequence[Clause]) -> tuple[str, int]:
    """One part of the list, when the question names it (`创新型企业人才要满足什么条件` of `一、申请类别及条件`, one of
    whose parts, at any depth, is `3.创新型企业人才`): the part whose label holds more of the question's words than
    any other does, if one does."""
    label, depth = heading
    parts = dict.fromkeys((c.section[d], d) for c in _under(clauses, label, depth)
                          for d in range(depth + 1, len(c.section)))
    scores = sorted(((sum(w in bare_label(p) for w in words), -d, p) for p, d in parts), reverse=True)
    own = sum(w in bare_label(label) for w in words)  # a part no more named than the list itself is no narrowing
    if scores and scores[0][0] > own and (len(scores) == 1 or scores[0][:2] > scores[1][:2]):
        return scores[0][2], -scores[0][1]
    return heading


_ELIGIBLE = re.compile(r"(能|可以|还能|还可以)(申请|申领|领|享受|报名|申报|拿|参加)[^。？?，,]{0,14}(吗|么)|"
                       r"(能不能|可不可以|能否|可否|是否可以|是否能)(申请|申领|领|享受|报名|申报|拿|参加)")
_LISTS = re.compile(r"(以下|下列|如下)[^。；;]{0,12}(条件|材料|要求|资料)")
WHOLE_LIST = 800  # an article that lists its conditions inline (`须同时具备以下条件:(一)…(七)…`) is quoted whole


def _quote(c: Clause) -> str:
    """The clause whole when short, or when it is the list itself; else its first sentence (always verbatim)."""
    if len(c.text) <= 160 or len(c.text) <= WHOLE_LIST and _LISTS.search(c.text):
        return c.text
    spans = extract.sentence_spans_of(c)
    return c.text[spans[0].start:spans[0].end] if spans else c.text


def listed_requirements(turn: Turn) -> Answer | None:
    """`我想参加…得满足啥条件？`, `报名都要准备哪些材料？`: every item under the heading that lists them, in order."""
    if turn.frame.op not in (Op.CONTENT, Op.SUPPORT) or turn.frame.units:
        return None
    kind = asked_kind(turn.text)
    doc = turn.one_doc()
    if kind is None or doc is None:
        return None
    clauses = [c for c in turn.clauses if c.doc == doc]
    chosen = _chosen(turn, kind, clauses)
    if not chosen:
        return None
    # a question about one thing of its own (`门店照片要拍几张，有啥要求`) is no question for a whole list that never
    # mentions it: half of its own words must be in the list
    listed = "".join(c.text for label, depth in chosen for c in _under(clauses, label, depth))
    rest = KINDS[kind][0].sub(" ", turn.text)  # the words asking for the list (`交哪些`) are no thing of its own
    own = [t for t in dict.fromkeys(turn.ev.kb.searcher.query_tokens(rest))
           if len(t) >= 2 and not _KIND_WORDS.search(t) and t not in clauses[0].title and t not in _ASKING]
    if own and sum(t in listed for t in own) < LISTED_SHARE * len(own):
        return None
    lines: list[str] = ["能否申请，以文件列出的下列条件为准："] if _ELIGIBLE.search(turn.text) else []
    cites: list[Citation] = []
    for label, depth in chosen:
        under = _under(clauses, label, depth)
        numbered = [c for c in under if c.kind in ("item", "subitem", "article", "section") and c.heading]
        count = f"，共 {len(numbered)} 项" if len(numbered) >= 2 else ""
        path = " > ".join(under[0].section[:depth + 1])
        lines.append(f"「{path}」{count}：")
        for c in under[:MOST]:
            quote = _quote(c)
            lines.append(f"· {quote}")
            cites.append(Citation(c, quote))
        if len(under) > MOST:
            lines.append(f"（另有 {len(under) - MOST} 条，见原文。）")
    return Answer(turn.text, "\n".join(lines), True, turn.frame.op.value, citations=tuple(cites))
