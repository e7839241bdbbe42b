"""A saved government web page through Beautiful Soup (lxml parser): the article body, no navigation.

The body is the first element a government site marks as its article
(`#UCAP-CONTENT`, `.TRS_Editor`, `#zoom`, `<article>` …), else the element
holding the most paragraph text; navigation, header, footer, scripts and
share/print bars are dropped. Every line is the page's own text, so quotes stay
verbatim. Data tables become TAB rows; `<h2>`–`<h6>` become headings. The
page's meta block (`ArticleTitle`, `PubDate`, `ContentSource`, the 索引号 /
发文字号 / 成文日期 table of policy pages) becomes metadata.
"""
from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

from core.errors import DocumentError
from ingest.formats import Extracted, blocks_to_text, heading_line, table_row

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "button",
         "select", "input", "textarea", "svg", "object", "embed")
_BOILERPLATE = re.compile(r"(^|[-_ ])(nav|menu|header|footer|foot|breadcrumb|crumb|position|location|share|print|"
                          r"sidebar|side|toolbar|search|login|copyright|related|relevant|links?|bottom|top-bar|"
                          r"skip|qrcode|ewm|fontsize|font-size)([-_ ]|\d|$)", re.I)
_BODY_SELECTORS = ("#UCAP-CONTENT", ".TRS_Editor", "#zoom", ".pages_content", ".article-content",
                   ".article_content", "#article_content", ".art_con", ".content_text", "article", "main",
                   "[role=main]")
_BLOCK = {"p", "div", "section", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "center",
          "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead", "tr", "article", "main", "figure"}
_META = {"articletitle": "title", "title": "title", "pubdate": "date", "firstpublishedtime": "date",
         "publishdate": "date", "contentsource": "issuer", "url": "source", "og:url": "source",
         "og:title": "title"}


def _soup(path: Path, data: bytes) -> BeautifulSoup:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(f"{path}: binary data, not an HTML page")
    soup = BeautifulSoup(data, "lxml")  # decodes by BOM, <meta charset> or detection (gb2312 pages included)
    if soup.body is None or not soup.body.get_text(strip=True):
        raise DocumentError(f"{path}: an HTML page without text")
    return soup


def _is_boilerplate(tag: Tag) -> bool:
    names = " ".join([tag.get("id") or "", *(tag.get("class") or [])])
    return bool(names.strip()) and bool(_BOILERPLATE.search(names))


def _strip(soup: BeautifulSoup) -> None:
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for tag in soup.find_all(_is_boilerplate):
        if not tag.decomposed and not any(tag.select(s) for s in _BODY_SELECTORS[:9]):
            tag.decompose()


def _body(soup: BeautifulSoup) -> Tag:
    for selector in _BODY_SELECTORS:
        found = soup.select_one(selector)
        if found is not None and len(found.get_text(strip=True)) > 20:
            return found
    scores: dict[int, tuple[int, Tag]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            total = scores.get(id(parent), (0, parent))[0] + len(p.get_text(strip=True))
            scores[id(parent)] = (total, parent)
    return max(scores.values(), key=lambda s: s[0])[1] if scores else soup.body


def _is_data_table(table: Tag) -> bool:
    """A table of cells (not a page layout): no nested table, and some row with two or more cells."""
    return table.find("table") is None and any(len(tr.find_all(["td", "th"], recursive=False)) > 1
                                                for tr in table.find_all("tr"))


def _rows(table: Tag) -> list[str]:
    return [table_row([c.get_text(" ", strip=True) for c in tr.find_all(["td", "th"], recursive=False)])
            for tr in table.find_all("tr")]


class _Blocks:
    """Walks an element into lines: block elements end a line, inline text joins, <br> breaks."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.inline: list[str] = []

    def flush(self) -> None:
        text = " ".join("".join(self.inline).split())
        if text:
            self.lines.append(text)
        self.inline = []

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if type(child) is NavigableString:  # not a comment or CDATA
                    self.inline.append(str(child))
            elif child.name == "br":
                self.flush()
            elif child.name == "table" and _is_data_table(child):
                self.flush()
                self.lines += _rows(child)
            elif child.name in ("h2", "h3", "h4", "h5", "h6"):
                self.flush()
                text = " ".join(child.get_text(" ", strip=True).split())
                if text:
                    self.lines.append(heading_line(text, int(child.name[1]) - 1))
            elif child.name in _BLOCK or child.find(_BLOCK) is not None:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.inline.append(child.get_text())


def page_properties(soup: BeautifulSoup) -> dict[str, str]:
    """Metadata from <meta name=… content=…>, the canonical link and the <title>."""
    out: dict[str, str] = {}
    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or "").strip().lower()
        value = " ".join(str(meta.get("content") or "").split())
        if key in _META and value and _META[key] not in out:
            out[_META[key]] = value
    if "date" in out:
        out["date"] = out["date"][:10]
    if "title" not in out and soup.title and soup.title.string:
        out["title"] = re.split(r"\s*[_|｜]\s*|\s+-\s+", soup.title.string.strip())[0]
    link = soup.find("link", rel="canonical")
    if "source" not in out and link is not None and link.get("href"):
        out["source"] = str(link["href"])
    return out


def info_lines(soup: BeautifulSoup, body: Tag) -> list[str]:
    """Rows of the page's info tables outside the body (索引号 / 发文机关 / 发文字号 …), for metadata."""
    return [row for table in soup.find_all("table") if body not in table.parents and table is not body
            and _is_data_table(table) for row in _rows(table)]


def read(path: Path, data: bytes) -> Extracted:
    soup = _soup(path, data)
    properties = page_properties(soup)
    _strip(soup)
    body = _body(soup)
    heading = soup.find("h1")
    if heading is not None and body not in heading.parents and "title" not in properties:
        properties["title"] = " ".join(heading.get_text(" ", strip=True).split())
    walker = _Blocks()
    walker.walk(body)
    walker.flush()
    if not walker.lines:
        raise DocumentError(f"{path}: no article text found in the page")
    return Extracted(text=blocks_to_text(walker.lines), format="html", encoding=soup.original_encoding or "utf-8",
                     properties=properties, header=tuple(info_lines(soup, body)))
