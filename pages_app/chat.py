"""问答: ask the plan; every answer shows the clauses it quotes."""
import streamlit as st

from ui import chat, resources
from ui.answer_view import show_answer
from ui.text import escape

k, mode = chat.sidebar()
st.title("政策问答")
st.caption("答案全部摘自原文并标明出处；文件没有写到的内容会明确说明。")

for question, answer in chat.messages():
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        show_answer(answer)

typed = st.chat_input("输入问题，例如：市场主体目标由谁牵头？")
question = chat.take_pending() or typed
if question and question.strip():
    with st.chat_message("user"):
        st.markdown(escape(question))
    with st.chat_message("assistant"):
        answer = resources.asker(k, mode).ask(question, history=chat.history())
        chat.messages().append((question, answer))
        show_answer(answer)
chat.conversation_actions()
