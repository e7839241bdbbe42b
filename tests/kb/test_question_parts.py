"""Splitting a message that asks several questions into its questions. Pure: no index."""
import pytest

from kb.question import question_parts


@pytest.mark.parametrize("text,parts", [
    ("小作坊登记证有效期几年？续期要提前多久？", ["小作坊登记证有效期几年？", "续期要提前多久？"]),
    ("我想摆个小吃摊，多少天内要去备案？备案卡几天能拿到？", ["我想摆个小吃摊，多少天内要去备案？", "备案卡几天能拿到？"]),
    ("每万人口要有多少家庭医生？什么时候达到？", ["每万人口要有多少家庭医生？", "什么时候达到？"]),
    ("老人能叠加领吗?按哪个标准?", ["老人能叠加领吗?", "按哪个标准?"]),
    ("居家养老服务资助怎么申请？在哪提交？多久能初核完？", ["居家养老服务资助怎么申请？", "在哪提交？", "多久能初核完？"]),
    # one question, however long or punctuated
    ("市经信局负责哪些工作？", ["市经信局负责哪些工作？"]),
    ("我爸85岁，家里经济困难，又评估为失能，在家养老政府每个月能资助多少？",
     ["我爸85岁，家里经济困难，又评估为失能，在家养老政府每个月能资助多少？"]),
    ("几个部门负责，谁牵头？", ["几个部门负责，谁牵头？"]),
    ("我是外地户籍。能申请吗？", ["我是外地户籍。能申请吗？"]),
    ("产业规模目标？", ["产业规模目标？"]),
    ("一？二？三？四？", ["一？二？三？四？"]),  # parts that ask nothing stay one message
])
def test_the_questions_a_message_asks(text, parts):
    assert question_parts(text) == parts
