"""End to end in a real browser: `streamlit run app.py` driven through headless Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest

from selenium.webdriver.common.keys import Keys

from tests.app.browser import ROOT, ask, browser_missing, chromium, open_page, outside_requests, streamlit_server, \
    upload_files, wait_for_chat_input, wait_idle
from tests.app.library import ELDERCARE, ELDERCARE_TITLE, copy_library

pytestmark = pytest.mark.slow
OUTPUT = ROOT / "test-output"


@pytest.fixture(scope="module")
def server(index_dir: Path) -> str:
    if (reason := browser_missing()) is not None:
        pytest.skip(reason)
    OUTPUT.mkdir(exist_ok=True)
    with streamlit_server(index_dir, OUTPUT / "streamlit.log") as url:
        yield url


def test_question_answer_and_matrix_in_the_browser(server: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    with chromium() as driver:
        driver.get(server)
        wait_for_chat_input(driver)
        answer = ask(driver, "市场主体目标由谁牵头？").text
        assert "市经信局" in answer and "市场监管局" in answer
        assert "三、发展目标 > （一）总体目标 > 市场主体" in answer  # the citation card's section path
        card = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stChatMessage"]')[-1]
        assert card.find_element(By.XPATH, ".//*[contains(text(), '市经信局（牵头）')]").is_displayed()
        driver.save_screenshot(str(OUTPUT / "browser-chat.png"))

        open_page(driver, "责任矩阵")
        lead = WebDriverWait(driver, 30).until(
            lambda d: d.find_element(By.XPATH, "//*[contains(text(), '市政府督查室 牵头 2 项')]"))
        assert lead.is_displayed()
        # Streamlit renders a page element by element: the caption can arrive before the table
        assert WebDriverWait(driver, 30).until(
            lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="stDataFrame"]')).is_displayed()
        driver.save_screenshot(str(OUTPUT / "browser-matrix.png"))


# --- the library, offline, no developer controls, every page at 1400×900 -----------------------
@pytest.fixture(scope="module")
def library_server(index_dir: Path, tmp_path_factory) -> tuple[str, Path]:
    """The app on a copy of the corpus and index, which the tests below change."""
    if (reason := browser_missing()) is not None:
        pytest.skip(reason)
    OUTPUT.mkdir(exist_ok=True)
    copy = copy_library(index_dir, tmp_path_factory.mktemp("library"))
    with streamlit_server(copy.index, OUTPUT / "streamlit-library.log", corpus_dir=copy.corpus) as url:
        yield url, copy.corpus


def _shot(driver, name: str) -> None:
    driver.save_screenshot(str(OUTPUT / f"page-{name}.png"))


def test_upload_a_document_then_ask_about_it_offline(library_server: tuple[str, Path]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    url, corpus = library_server
    with chromium() as driver:
        driver.set_window_size(1400, 900)
        driver.get(url)
        wait_for_chat_input(driver)
        assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stAppDeployButton"]')  # viewer toolbar

        open_page(driver, "文件库")
        _shot(driver, "library")
        outcome = upload_files(driver, [ELDERCARE])
        assert "加入 社区养老服务提升实施方案.txt：完成" in outcome, outcome
        assert (corpus / ELDERCARE.name).is_file()
        WebDriverWait(driver, 30).until(lambda d: ELDERCARE_TITLE in d.find_element(
            By.CSS_SELECTOR, '[data-testid="stSidebar"]').get_attribute("textContent"))
        wait_idle(driver)
        _shot(driver, "library-after-upload")

        open_page(driver, "问答")
        answer = ask(driver, "老年助餐服务由哪个部门牵头？").text
        assert "市民政局" in answer and ELDERCARE_TITLE in answer and "成民发〔2024〕8号" in answer
        ask(driver, "市场主体目标由谁牵头？")
        _shot(driver, "chat")

        open_page(driver, "责任矩阵")
        assert WebDriverWait(driver, 30).until(
            lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="stDataFrame"]')).is_displayed()
        picker = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stSelectbox"]')[1]
        picker.click()
        field = picker.find_element(By.CSS_SELECTOR, "input")
        field.send_keys("市商务局")
        field.send_keys(Keys.ENTER)
        wait_idle(driver)
        shown = WebDriverWait(driver, 30).until(lambda d: d.find_element(By.XPATH, "//*[contains(text(), '牵头 1 项，配合 5 项')]"))
        table = driver.find_element(By.CSS_SELECTOR, '[data-testid="stDataFrame"]').rect
        assert shown.rect["x"] > table["x"] + table["width"] - 5  # beside the table, not below it
        assert shown.rect["y"] < table["y"] + table["height"]
        _shot(driver, "matrix")

        open_page(driver, "条款浏览")
        _shot(driver, "browse")
        open_page(driver, "评测")
        _shot(driver, "evaluate")
        assert outside_requests(driver, url) == []  # nothing fetched from the internet, the favicon included
