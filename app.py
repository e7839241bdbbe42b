"""政策通 — `streamlit run app.py`. Pages live in pages_app/, shared loading in ui/resources.py.

Offline: the page icon is an emoji (Streamlit draws it into a data: URL); a `:material/…:` page icon
would make the browser fetch the favicon from a font server. Navigation icons use the font bundled with Streamlit.
"""
import streamlit as st

from ui import resources
from ui.sidebar import documents

st.set_page_config(page_title="政策通", page_icon="📜", layout="wide")
page = st.navigation([
    st.Page("pages_app/chat.py", title="问答", icon=":material/forum:", default=True),
    st.Page("pages_app/matrix.py", title="责任矩阵", icon=":material/grid_on:"),
    st.Page("pages_app/browse.py", title="条款浏览", icon=":material/menu_book:"),
    st.Page("pages_app/library.py", title="文件库", icon=":material/folder_open:"),
    st.Page("pages_app/evaluate.py", title="评测", icon=":material/fact_check:"),
])
documents(resources.knowledge_base())  # loads once per process; builds a missing index; stops on a bad one
page.run()
