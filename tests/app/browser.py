"""A real `streamlit run app.py` server and headless Chromium driven by Selenium.

Shared by tests/app/test_browser.py and bench/app_latency.py so both measure the same setup.
Uses Debian's /usr/bin/chromium and /usr/bin/chromedriver (CI installs them: see .ci/run).
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, NamedTuple

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1000")


def browser_missing() -> str | None:
    """Why the browser cannot run here, or None."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    return f"{' and '.join(missing)} not found: `apt-get install -y chromium chromium-driver`" if missing else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60.0) -> None:
    """Poll /_stcore/health until it answers "ok"; fail early if the server died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode} before it was healthy")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"streamlit at {url} not healthy after {timeout:.0f} s")


def stop(process: subprocess.Popen, timeout: float = 10.0) -> None:
    """Terminate the server we started; kill it if it does not stop in time."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=timeout)


@contextmanager
def streamlit_server(index_dir: Path, log_path: Path | None = None, corpus_dir: Path | None = None) -> Iterator[str]:
    """Start the app on a free loopback port with POLICYKB_INDEX=index_dir (and POLICYKB_CORPUS); yields its URL."""
    port = free_port()
    env = {**os.environ, "POLICYKB_INDEX": str(index_dir)}
    if corpus_dir is not None:
        env["POLICYKB_CORPUS"] = str(corpus_dir)
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    log = open(log_path, "wb") if log_path else subprocess.DEVNULL
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, process)
        yield url
    finally:
        stop(process)
        if log_path:
            log.close()


@contextmanager
def chromium() -> Iterator["WebDriver"]:  # noqa: F821
    """Headless Debian Chromium with a fresh profile, quit afterwards."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="policykb-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*CHROME_FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            yield driver
        finally:
            driver.quit()


# --- page actions -------------------------------------------------------------------------------
CHAT_INPUT = '[data-testid="stChatInputTextArea"]'
MESSAGE = '[data-testid="stChatMessage"]'


def wait_for_chat_input(driver, timeout: float = 120.0):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(ec.element_to_be_clickable((By.CSS_SELECTOR, CHAT_INPUT)))


class Answered(NamedTuple):
    text: str  # the answer's chat message as shown
    seconds: float  # from pressing Enter to the answer and its caption being rendered


STILL = 0.5  # seconds an answer's rendered text must stay the same to count as complete


def ask(driver, question: str, timeout: float = 60.0) -> Answered:
    """Type `question`, press Enter, wait until its answer (text, cards, caption) is rendered."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    before = len(driver.find_elements(By.CSS_SELECTOR, MESSAGE))
    box = wait_for_chat_input(driver)
    box.send_keys(question)

    seen: dict[str, float] = {}

    def answered(d) -> str | bool:
        messages = d.find_elements(By.CSS_SELECTOR, MESSAGE)
        if len(messages) < before + 2:
            return False
        text = messages[before + 1].text
        if "毫秒" not in text:  # the caption under the answer comes after its text
            return False
        seen.setdefault("at", time.perf_counter())
        return text

    def settled(d) -> str | bool:
        """The answer's text unchanged for STILL seconds: the sources may render after the caption on a busy machine."""
        text = answered(d)
        if not text:
            return False
        if text != seen.get("text"):
            seen["text"], seen["since"] = text, time.perf_counter()
            return False
        return text if time.perf_counter() - seen["since"] >= STILL else False

    started = time.perf_counter()
    box.send_keys(Keys.ENTER)
    text = WebDriverWait(driver, timeout, poll_frequency=0.02).until(answered)
    elapsed = seen.get("at", time.perf_counter()) - started  # the time to the answer, not to the settling
    text = WebDriverWait(driver, timeout, poll_frequency=0.05).until(settled)
    return Answered(text, elapsed)


def wait_idle(driver, timeout: float = 60.0) -> None:
    """Wait until the script run this page triggered has finished."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.05).until(
        lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid="stApp"]').get_attribute("data-test-script-state")
        == "notRunning")


def open_page(driver, title: str, timeout: float = 30.0) -> None:
    """Click the sidebar navigation link with this title and wait for the page's title."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, timeout)
    links = wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, '[data-testid="stSidebarNavLink"]'))
    next(link for link in links if link.text.strip().endswith(title)).click()
    wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "h1"), title))
    wait_idle(driver, timeout)


def upload_files(driver, paths: list[Path], button: str = "加入文件库", timeout: float = 300.0) -> str:
    """Put files into the page's first uploader, press the button, wait for the change's outcome; returns its text."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    field = WebDriverWait(driver, 30).until(lambda d: d.find_element(
        By.CSS_SELECTOR, '[data-testid="stFileUploader"] input[type="file"]'))
    field.send_keys("\n".join(str(p) for p in paths))
    press = WebDriverWait(driver, 30).until(ec.element_to_be_clickable(
        (By.XPATH, f"//button[.//*[contains(text(), '{button}')]]")))
    press.click()

    def outcome(d) -> str | bool:
        alerts = d.find_elements(By.CSS_SELECTOR, '[data-testid="stAlertContentSuccess"], [data-testid="stAlertContentError"]')
        return alerts[0].text if alerts else False

    return WebDriverWait(driver, timeout, poll_frequency=0.2).until(outcome)


def outside_requests(driver, url: str) -> list[str]:
    """Resources the page loaded from anywhere but the app's own server (data: and blob: URLs are local)."""
    names = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    icon = driver.execute_script("const l = document.querySelector(\"link[rel~='icon']\"); return l ? l.href : ''")
    return [n for n in [*names, icon] if n and not n.startswith((url, "data:", "blob:"))]
