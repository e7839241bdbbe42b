"""End to end in a real browser: `streamlit run app.py` driven through headless Chromium."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.browser import ROOT, ask, browser_missing, chromium, open_page, streamlit_server, wait_for_chat_input

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
        assert driver.find_element(By.CSS_SELECTOR, '[data-testid="stDataFrame"]').is_displayed()
        driver.save_screenshot(str(OUTPUT / "browser-matrix.png"))
