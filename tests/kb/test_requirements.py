"""Which list a question asks for (conditions, materials, steps): a table, no index needed."""
from __future__ import annotations

import pytest

from kb.requirements import asked_kind

KINDS = [
    ("我在乐清卖家电的，想参加明年的以旧换新补贴活动，得满足啥条件？", "条件"),
    ("申请人才公寓有什么条件", "条件"),
    ("什么企业可以报名", "条件"),  # new
    ("谁能申请这个补贴", "条件"),  # new
    ("申报资格是什么", "条件"),  # new
    ("需要具备哪些条件才能领", "条件"),  # new
    ("报名都要准备哪些材料？", "材料"),
    ("申报要交什么", "材料"),  # new
    ("办理时需要带啥证件", "材料"),  # new
    ("要提供哪些资料", "材料"),  # new
    ("申请材料有哪些", "材料"),  # new
    ("报名流程是怎样的", "流程"),
    ("怎么申请人才公寓", "流程"),  # new
    ("办理程序是什么", "流程"),  # new
    ("如何申报", "流程"),  # new
    ("申请分几个步骤", "流程"),  # new
    # eligibility asked yes or no: the conditions to check oneself against
    ("我今年36岁，硕士毕业，还能申请购房补贴吗", "条件"),
    ("我是外地户口，能申请人才公寓吗", "条件"),
    ("个体户可以报名参加吗", "条件"),
    ("能不能申领这个补贴", "条件"),
    ("刚毕业的能否享受租房补贴", "条件"),
    ("企业能享受哪些补贴", None),  # which support, not whether one qualifies
    ("补贴标准是多少", None),
    ("谁负责审核", None),
    ("截止时间是哪天", None),
    ("市财政局牵头哪些事", None),
    ("这项政策有效期多久", None),
    ("到期想续租怎么办", None),  # 怎么办 asks what to do, not the steps of applying
    ("材料丢了怎么办", None),
]


@pytest.mark.parametrize("question,kind", KINDS)
def test_the_kind_of_list_asked(question, kind):
    """Class: a resident's or an enterprise's question for a notice's list — its conditions, materials or steps —
    is answered with the items under the heading that lists them, not with the best single sentence."""
    assert asked_kind(question) == kind
