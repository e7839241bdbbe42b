"""评测: run a question set under one configuration; per-category scores and the questions that failed."""
from collections.abc import Mapping
from typing import Any

import streamlit as st

from eval.runner import CONFIGS, load_questions, parse_questions, run
from core.settings import ROOT
from ui import resources
from ui.eval_view import accuracy_chart, failures, summary_frame
from ui.text import escape

DEV_SET = ROOT / "eval" / "data" / "dev.jsonl"
RUN = "eval_run"  # (set name, config name, Run, items) of the last run in this session
CONFIG_HELP = {"fused": "混合检索 + 结构化回答（产品配置）", "bm25": "仅 BM25 检索", "dense": "仅向量检索",
               "extractive": "混合检索，仅抽取式回答（不用责任标注）"}

kb = resources.knowledge_base()
st.title("评测")


def question_set() -> tuple[str, list[dict[str, Any]]]:
    source = st.radio("题集", ("开发集 dev.jsonl", "上传 JSONL"), horizontal=True)
    if source.startswith("开发集"):
        return DEV_SET.name, load_questions(DEV_SET)
    upload = st.file_uploader("上传题集（JSON Lines，格式见 eval/data/README.md）", type=["jsonl", "json"])
    if upload is None:
        st.info("请上传题集文件。")
        st.stop()
    try:
        return upload.name, parse_questions(upload.getvalue().decode("utf-8-sig").splitlines(), upload.name)
    except (ValueError, UnicodeDecodeError) as e:
        st.error(f"题集无法读取：{escape(str(e))}")
        st.stop()


def joined(values: list[str]) -> str:
    return escape("、".join(values)) if values else "无"


def show_failure(failure: Mapping[str, Any]) -> None:
    gold, result, row = failure["gold"], failure["result"], failure["row"]
    missed = "答案" if row["answer_correct"] is False else "引用"
    with st.expander(f"{escape(gold['id'])} · {escape(gold.get('category', ''))} · {missed}未通过 · "
                     f"{escape(gold['question'][:40])}"):
        answered, expected = st.columns(2)
        answered.markdown("**系统回答**")
        answered.markdown(escape(result["answer"]))
        answered.caption(f"单位：{joined(result['units'])} · 可回答：{'是' if result['answerable'] else '否'}")
        for citation in result["citations"]:
            answered.caption(f"引用 {escape(citation['section'])}：{escape(citation['quote'])}")
        expected.markdown("**期望**")
        expected.markdown(escape(gold.get("answer") or "（文件未涉及，应拒答）"))
        expected.caption(f"必须包含：{joined(gold.get('must_contain', []))}")
        expected.caption(f"责任单位：{joined(gold.get('answer_units', []))}")
        for quote in gold.get("evidence", []):
            expected.caption(f"证据：{escape(quote)}")


set_name, items = question_set()
left, middle, right = st.columns(3)
config_name = left.selectbox("配置", list(CONFIGS), format_func=lambda n: f"{n} — {CONFIG_HELP.get(n, '')}")
limit = middle.number_input("只跑前 N 题（0 = 全部）", min_value=0, max_value=len(items), value=0, step=1)
right.caption(f"{escape(set_name)}：{len(items)} 题")
if right.button("运行评测", type="primary", icon=":material/play_arrow:"):
    chosen = items[: int(limit)] if limit else items
    bar = st.progress(0.0, text="准备中…")
    result = run(kb, chosen, CONFIGS[config_name],
                 progress=lambda done, total: bar.progress(done / total, text=f"已回答 {done}/{total}"))
    bar.empty()
    st.session_state[RUN] = (set_name, config_name, result, chosen)

if RUN in st.session_state:
    set_name, config_name, result, chosen = st.session_state[RUN]
    st.subheader(f"结果：{escape(set_name)} · {escape(config_name)} · {len(chosen)} 题")
    if not result.summary:
        st.warning("题集没有标准答案，只提问、不计分。")
    else:
        frame = summary_frame(result.summary)
        overall = frame.loc["overall"]
        metrics = st.columns(3)
        metrics[0].metric("答案正确率", f"{overall['answer_accuracy']:.1%}")
        if "citation_hit" in frame.columns:
            metrics[1].metric("引用命中率", f"{overall['citation_hit']:.1%}")
        if "latency_p50_ms" in frame.columns:
            metrics[2].metric("延迟中位数", f"{overall['latency_p50_ms']:.0f} 毫秒")
        st.dataframe(frame.style.format(precision=3, na_rep="—"), width="stretch")
        st.altair_chart(accuracy_chart(frame), width="stretch")
        failed = failures(result, chosen)
        st.subheader(f"未通过的问题：{len(failed)} 个")
        for failure in failed:
            show_failure(failure)
