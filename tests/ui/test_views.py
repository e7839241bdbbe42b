"""Pure view helpers: the matrix of one document, document facets, the answer's first line and labels."""
from __future__ import annotations

from core.clause import Clause, DocMeta
from ui.answer_view import intent_label, split_answer
from ui.documents import Filter, options, source_line
from ui.matrix_view import LEAD, PARTNER, matrix, named_tasks, short_title, should_transpose, tasks_of, transposed, \
    units_of


def clause(i: int, section: tuple[str, ...], heading: str, units: tuple[str, ...], leads: tuple[str, ...] = (),
           doc: str = "d", tag_scope: str = "") -> Clause:
    return Clause(id=f"{doc}#{i}", doc=doc, title="T", section=section, heading=heading, text=f"正文{i}。", units=units,
                  leads=leads, order=i, tag_scope=tag_scope)


CLAUSES = [
    clause(1, ("二、重点任务", "（一）完善设施网络"), "（一）完善设施网络", ("市住建局", "市民政局"), ("市住建局",)),
    clause(2, ("二、重点任务", "（二）发展老年助餐"), "（二）发展老年助餐", ("市民政局", "市财政局")),
    clause(3, ("三、发展目标", "（一）总体目标", "市场主体"), "市场主体", ("市经信局",)),
    clause(4, ("三、发展目标", "（二）分项目标", "市场主体"), "市场主体", ("市经信局", "市民政局")),
    clause(5, ("二、重点任务", "（二）发展老年助餐"), "", ("市民政局",), tag_scope="d#2"),  # inherits: not a task
    clause(6, ("一、总体要求",), "", ("市民政局",), doc="other"),
]


def test_tasks_are_named_by_their_own_short_title_made_unique() -> None:
    tasks = named_tasks(tasks_of(CLAUSES, "d"))
    assert [t.label for t in tasks] == ["完善设施网络", "发展老年助餐", "市场主体（总体目标）", "市场主体（分项目标）"]
    assert tasks[0].path == "二、重点任务 > （一）完善设施网络"
    assert short_title(clause(9, ("第三章 监督管理", "第十条"), "第十条", ("市民政局",))) == "第十条"
    assert short_title(clause(9, ("一、任务",), "", ("a",))) == "任务"
    assert len(short_title(clause(9, ("x",), "这是一个非常非常非常非常非常非常非常长的标题超过了二十四个字", ("a",)))) == 24


def test_cells_mark_leads_explicit_or_first_listed_and_partners() -> None:
    tasks = named_tasks(tasks_of(CLAUSES, "d"))
    units = units_of(tasks, order=["市民政局"])
    assert units == ["市民政局", "市住建局", "市财政局", "市经信局"]  # table order first, then first appearance
    frame = matrix(tasks, units).set_index("责任单位")
    assert frame.loc["市住建局", "完善设施网络"] == LEAD  # explicit 牵头
    assert frame.loc["市民政局", "完善设施网络"] == PARTNER
    assert frame.loc["市民政局", "发展老年助餐"] == LEAD  # first listed, by convention
    assert frame.loc["市财政局", "市场主体（总体目标）"] == ""
    flipped = transposed(tasks, units)
    assert list(flipped.columns) == ["任务", *units] and flipped.shape == (4, 5)
    assert should_transpose(tasks, units[:3]) and not should_transpose(tasks, units)


def test_filter_by_document_issuer_and_year() -> None:
    docs = [DocMeta("a", "甲", issuer="市民政局", date="2024-03-15"), DocMeta("b", "乙", date="2019-01-01"),
            DocMeta("c", "丙", issuer="市民政局")]
    assert options(docs) == (["a", "b", "c"], ["市民政局", "未注明"], ["2024", "2019", "未注明"])
    assert Filter().select(docs) is None
    assert Filter(issuers=("市民政局",)).select(docs) == {"a", "c"}
    assert Filter(issuers=("市民政局",), years=("2024",)).select(docs) == {"a"}
    assert Filter(docs=("b",), years=("2024",)).select(docs) == set()
    assert source_line(docs[0]) == "《甲》（2024-03-15）" and source_line(DocMeta("x", "")) == "《x》"


def test_the_direct_answer_is_the_first_line_and_labels_are_words() -> None:
    assert split_answer("由市经信局牵头。\n完整责任单位：…\n") == ("由市经信局牵头。", "完整责任单位：…")
    assert intent_label("shared_tasks") == "共同负责的事项"
    assert intent_label("not_found") == "文件未提及"
    assert intent_label("some_new_code_name") is None  # never shown as a code name
