"""问答: ask the library; every answer shows the clauses it quotes."""
import streamlit as st

from ui import chat, resources
from ui.answer_view import show_answer
from ui.documents import metas, title
from ui.text import escape

kb = resources.knowledge_base()
documents = metas(kb)
docs = chat.filters(documents)
k, mode = chat.sidebar()
st.title("政策问答")
st.caption("答案全部摘自原文并标明出处；文件没有写到的内容会明确说明。")
if docs is not None:
    names = [title(m) for m in documents if m.doc in docs]
    if not names:
        st.info("没有文件符合左侧的筛选条件，请放宽筛选后再提问。")
    elif chat.scopes(resources.asker(k, mode)):
        st.caption("只在这些文件中回答：" + escape("、".join(f"《{n}》" for n in names)))
    else:
        st.caption("当前版本的问答暂不支持按文件筛选，将在全部文件中回答。")

for question, answer in chat.messages():
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        show_answer(answer)

typed = st.chat_input("输入问题，例如：市场主体目标由谁牵头？", disabled=docs is not None and not docs)
question = chat.take_pending() or typed
if question and question.strip() and not (docs is not None and not docs):
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        answer = chat.ask(question, k, mode, docs)
        chat.messages().append((question, answer))
        show_answer(answer)
chat.conversation_actions()
