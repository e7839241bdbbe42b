"""Numbering markers of Chinese policy documents and laws, and their rank.

A lower rank is a higher level. Ranks are relative: a document that starts
at `一、` simply never uses ranks 0–4. Where a document numbers its articles
inside parts (`一、政策支持` / `第1条`), the parser moves articles below the
parts' headings (see `articles_under_headings`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from core.numerals import cn_to_int

_N = r"[零〇一二两三四五六七八九十百千\d]+"

ARTICLE_RANK = 4  # 第X条: the smallest unit of a law; numbering below it stays inside
HEADING_RANK = 5  # 一、
# 第X条 running inside parts (一、 > （一） > 第N条, as 若干措施 and many 司法解释 write them):
# below the sub-heading （一）(6), above the `1.` items (7) that stay inside the article
PART_ARTICLE_RANK = 6.5


@dataclass(frozen=True)
class Marker:
    kind: str  # part|chapter|subsection|article|heading|section|item|subitem|target|stage|lead|markdown
    rank: float  # whole numbers, but for an article inside parts (PART_ARTICLE_RANK)
    key: str  # path key for the clause id
    label: str  # the heading label shown in a section path
    heading_only: bool  # the paragraph is just the heading, no body


# (kind, rank, pattern, key prefix). Patterns run on whitespace-free text.
_NUMBERED = (
    ("part", 1, re.compile(rf"^第({_N})编"), "b"),
    ("chapter", 2, re.compile(rf"^第({_N})章"), "c"),
    ("subsection", 3, re.compile(rf"^第({_N})节"), "j"),
    ("article", ARTICLE_RANK, re.compile(rf"^第({_N})条"), "a"),
    ("heading", HEADING_RANK, re.compile(r"^([一二三四五六七八九十]+)、"), ""),
    ("section", 6, re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]"), ""),
    ("item", 7, re.compile(r"^(\d{1,3})[．.、](?![\d．.])"), ""),
    ("subitem", 8, re.compile(r"^[（(](\d{1,3})[）)]"), ""),
)
_TARGET = re.compile(r"^——([^。——]{1,20})。")
_STAGE = re.compile(r"^(第([一二三四五六七八九十]+)阶段[，,][^。]{1,40})。")
_LEAD = re.compile(r"^([\u4e00-\u9fff]{2,8})。(?=.)")
# a bare `附件` / `附件1` line, or `附件2：XX分工表` (a short name, no sentence), opens appended text
_APPENDIX = re.compile(r"^附件([一二三四五六七八九十\d]*)(?:[:：]?$|[:：]?([^。；;，,]{2,40})$)")
_MARKDOWN = re.compile(r"^(#{1,6})\s*(.+?)\s*$")
_TITLE_MAX = 40  # a heading title longer than this is body text, not a label


def _title_after(text: str, start: int) -> tuple[str, bool]:
    """The heading title after a numbering marker, and whether nothing follows it."""
    rest = text[start:]
    stop = rest.find("。")
    if stop == -1:
        short = len(rest) <= _TITLE_MAX and not re.search(r"[；;：:，,]$", rest)
        return (rest, True) if short else ("", False)
    return (rest[:stop] if stop <= _TITLE_MAX else ""), False  # a sentence is content, not a bare heading


def match_marker(text: str, allow_lead: bool = True) -> Marker | None:
    """The numbering marker that opens `text` (whitespace already removed), if any."""
    if _APPENDIX.match(text):
        return appendix_marker(text)
    for kind, rank, pattern, prefix in _NUMBERED:
        m = pattern.match(text)
        if m:
            number = cn_to_int(m.group(1))
            if kind == "article":  # an article's label is its number; the rest is body
                return Marker(kind, rank, f"{prefix}{number}", m.group(0), False)
            title, only = _title_after(text, m.end())
            return Marker(kind, rank, f"{prefix}{number}", m.group(0) + title, only)
    m = _TARGET.match(text)
    if m:
        return Marker("target", 7, m.group(1), m.group(1), len(m.group(0)) == len(text))
    m = _STAGE.match(text)
    if m:
        return Marker("stage", 7, f"s{cn_to_int(m.group(2))}", m.group(1), False)
    m = _LEAD.match(text) if allow_lead else None
    if m:
        return Marker("lead", 7, m.group(1), m.group(1), False)
    return None


def articles_under_headings(markers: Sequence[Marker | None]) -> bool:
    """Whether the articles run inside parts (`一、政策支持` / `第1条` … `二、支持范围` / `（一）…` / `第2条`)
    rather than chapters enclosing articles (`第一章` / `第一条` / `（一）`, as in laws).

    The document's shape decides: no 第X编/章/节 anywhere, and when the first 第X条 comes, a `一、`
    heading is still open and is a bare title. A `一、` that is a sentence (an amending decision's
    `一、删除第一条第二项。`) or one closed by an appendix or a higher heading does not enclose articles.
    """
    present = [m for m in markers if m is not None]
    if any(m.kind in ("part", "chapter", "subsection") for m in present):
        return False
    part: Marker | None = None  # the `一、` heading open at this point
    for m in present:
        if m.kind == "article":
            return part is not None and part.heading_only
        if m.kind == "heading":
            part = m
        elif m.rank < HEADING_RANK:  # an appendix or a higher Markdown heading closes it
            part = None
    return False


_ITEM_DIGIT = re.compile(r"^(\d{1,3})[．.](?=\d)")


def item_after(text: str, previous: int) -> Marker | None:
    """`11.121人才梯队项目`: a number followed by a digit is an item only where it continues a list
    (after item 10); elsewhere `1.5万人次` at a line's start is a decimal, not numbering."""
    m = _ITEM_DIGIT.match(text)
    if not m or int(m.group(1)) != previous + 1:
        return None
    title, only = _title_after(text, m.end())
    return Marker("item", 7, str(previous + 1), m.group(0) + title, only)


def appendix_marker(text: str) -> Marker:
    """An attachment opens a top-level section: `附件` (key appendix), `附件2` / `附件二：…` (appendix2)."""
    m = _APPENDIX.match(text)
    number = cn_to_int(m.group(1)) if m and m.group(1) else None
    return Marker("appendix", 0, f"appendix{number}" if number else "appendix", text.rstrip(":："), True)


def match_markdown(line: str) -> Marker | None:
    """A Markdown heading line; numbered headings inside it keep their own rank."""
    m = _MARKDOWN.match(line)
    if not m:
        return None
    title = re.sub(r"\s+", " ", re.sub(r"<!--.*?-->", "", m.group(2))).strip()
    inner = match_marker(re.sub(r"\s+", "", title), allow_lead=False)
    if inner is not None and inner.kind != "article":
        return Marker(inner.kind, inner.rank, inner.key, title, True)
    return Marker("markdown", len(m.group(1)) - 1, re.sub(r"\s+", "", title), title, True)


# The issuing notice on top of an issued document: a salutation or 文号, a paragraph that issues
# (现将…印发给你们), then the issuer and date (and 此件公开发布). Its shape is the same in every city.
_SALUTATION = re.compile(r"^[^。]{2,120}[：:]$")
DOC_NUMBER = re.compile(r"〔\d{4}〕\s*\d+\s*号$|\[\d{4}\]\s*\d+\s*号$")
_ISSUES = re.compile(r"现将|现印发|印发给你们|印发你们|予以印发|印发给各")
_DATE = re.compile(r"^(?:\d{4}|[〇○零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日$")
_PUBLICITY = re.compile(r"^[（(]此件[^）)]{0,12}[）)]$")
NOTICE_WITHIN = 25  # paragraphs: an issuing notice is short and comes first


def notice_length(paragraphs: list[str]) -> int:
    """How many leading paragraphs (whitespace-free) form an issuing notice; 0 if there is none."""
    head = paragraphs[:NOTICE_WITHIN]
    opened = issued = False
    for i, text in enumerate(head):
        opened = opened or bool(_SALUTATION.match(text) or DOC_NUMBER.search(text))
        issued = issued or (opened and bool(_ISSUES.search(text)))
        if issued and _DATE.match(text):
            end = i + 1
            while end < len(paragraphs) and _PUBLICITY.match(paragraphs[end]):
                end += 1
            return end if end < len(paragraphs) else 0  # a notice with nothing after it is the document itself
    return 0


# A policy list exported from a database (政策清单, 办事指南): an unnumbered title line, then fields `政策内容：…`,
# `申请渠道：…`; a line `服务对象：高校毕业生` before a title groups the records after it.
_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,6}[:：]")
_RECORD_TITLE = re.compile(r"^[^。，,；;：:！？!?]{2,30}$")
RECORD_FIELDS = 2  # field lines a title needs after it
RECORDS_MIN = 3  # records a document needs before its titles are read as such (one short line is no list)


def record_markers(paragraphs: Sequence[str], taken: Sequence[bool]) -> dict[int, Marker]:
    """Markers for the titles (and group lines) of a list of records; `taken`: lines that already have a marker.
    Empty unless the document holds RECORDS_MIN records or more. A field line directly before a title is a group
    (`服务对象：企业`) when its label first comes before any record: a record's last field (`申请渠道：…`) also
    stands before the next title, but never before the first."""
    def fields_after(i: int) -> int:
        """Field lines after line i, past one unlabelled sentence that may open the record (its content)."""
        start = i + 1
        if start < len(paragraphs) and not _FIELD.match(paragraphs[start]) and not _RECORD_TITLE.match(paragraphs[start]):
            start += 1
        n = 0
        while start + n < len(paragraphs) and _FIELD.match(paragraphs[start + n]):
            n += 1
        return n

    titles = [i for i, text in enumerate(paragraphs)
              if not taken[i] and _RECORD_TITLE.match(text) and fields_after(i) >= RECORD_FIELDS]
    if len(titles) < RECORDS_MIN:
        return {}
    first = titles[0]
    group_labels = {m.group(0) for i in range(first) if (m := _FIELD.match(paragraphs[i])) and i + 1 in titles}
    out: dict[int, Marker] = {}
    groups = 0
    for n, i in enumerate(titles, 1):
        before = _FIELD.match(paragraphs[i - 1]) if i else None
        if before is not None and before.group(0) in group_labels and not taken[i - 1]:
            groups += 1
            out[i - 1] = Marker("group", 6, f"grp{groups}", paragraphs[i - 1], True)
        out[i] = Marker("record", 7, f"rec{n}", paragraphs[i], True)
    return out
