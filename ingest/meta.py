"""Document metadata (title, 文号, issuer, date, source, status): pure functions over text and mappings.

Three layers, the first that states a field wins: a sidecar `<file>.meta.json`,
then what the format carries (Markdown front matter, docx core properties, an
HTML page's meta block), then what the text itself says:

- a header block of `文号：…` / `发布机关：…` / `发布日期：…` / `成文日期：…` /
  `来源：…` / `状态：…` lines (or TAB-separated label/value cells of an info table);
- a government notice's title line (`成都市人民政府办公厅关于印发…的通知`, issuer
  = the body before 关于) and its 文号 line (`成办发〔2019〕22号`);
- the date line that closes a notice (`2019年6月25日`, with the issuer above it);
- a law's adoption and amendment lines (`（2019年4月23日第十三届全国人民代表大会
  常务委员会第十次会议通过）`): the latest date, the body that adopted it.

The title is the document's title line, never its 文号 line; without one it is
the file name.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from core.clause import DocMeta
from core.numerals import cn_to_int

FIELDS = ("title", "doc_number", "issuer", "date", "source", "status", "lead_convention")
# labels (English and Chinese) used by sidecars, front matter and header blocks -> DocMeta field
LABELS = {
    "title": "title", "标题": "title", "名称": "title", "name": "title",
    "doc_number": "doc_number", "文号": "doc_number", "发文字号": "doc_number", "发文文号": "doc_number",
    "number": "doc_number",
    "issuer": "issuer", "发布机关": "issuer", "发文机关": "issuer", "制定机关": "issuer", "发文单位": "issuer",
    "发布单位": "issuer", "制发机关": "issuer", "author": "issuer", "department": "issuer",
    "date": "date", "发布日期": "date", "成文日期": "date", "发文日期": "date", "公布日期": "date",
    "印发日期": "date", "published": "date", "publish_date": "date",
    "source": "source", "来源": "source", "url": "source", "信息来源": "source",
    "status": "status", "状态": "status", "时效性": "status", "效力状态": "status", "有效性": "status",
    "lead_convention": "lead_convention", "牵头惯例": "lead_convention",
}
FIRST_LISTED = "first_listed"
# how a sidecar may say that the first-listed unit leads by the issuer's practice
_FIRST_LISTED_WORDS = {FIRST_LISTED, "first", "首位牵头", "名单首位牵头", "排第一的牵头", "第一个牵头"}
HEADER_LINES = 40  # a header block, title and 文号 come before this many non-empty lines
CLOSING_LINES = 12  # a notice's signature date is within this many non-empty lines of its end

_LABEL_LINE = re.compile(r"^\s*([^\s:：]{1,12}(?:[ \u3000]+[^\s:：]{1,4})*)\s*[:：]\s*(.*)$")
DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,16}[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*号$"
                        r"|^[\u4e00-\u9fff]{0,20}令\s*[（(]?第\s*\d{1,5}\s*号[）)]?$")
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?")
_CN_DATE = re.compile(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_DATE_LINE = re.compile(r"^[（(]?\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零一二三四五六七八九]{4}年"
                        r"[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*[）)]?$")
_PRINTED = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}?(\d{4}年\d{1,2}月\d{1,2}日)印发$")
_ADOPTION = re.compile(r"^[（(]?(\d{4}年\d{1,2}月\d{1,2}日)(.{0,80}?)(通过|发布|公布|修正|修订|批准|施行)[）)]?$")
_TITLE_END = re.compile(r"(通知|意见|决定|批复|办法|规定|条例|细则|规划|方案|纲要|计划|指南|通告|公告|报告|函|法|规则|"
                        r"措施|政策|实施意见|指导意见|清单|目录|标准|章程|准则|解释|答复|令|[）)]|年)$")
_STRONG_END = re.compile(r"(通知|决定|批复|函|公告|通告|意见|令)$")  # a notice's title ends here; 规划/办法 may go on
_ORGANISATION = re.compile(r"(政府|办公厅|办公室|委员会|常务委员会|局|厅|部|院|委|署|会|中心|银行|总局|小组)$")
_SENTENCE = re.compile(r"[。；;！？!?]")
_STATUS = (("废止", "已废止"), ("失效", "已废止"), ("修订", "已修订"), ("修改", "已修订"), ("修正", "已修订"),
           ("有效", "有效"))


def iso_date(text: str) -> str:
    """`2019年6月25日`, `2019-06-25`, `2019.6.25`, `二〇一九年六月二十五日` -> `2019-06-25`; "" if none."""
    m = _DATE.search(text)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        c = _CN_DATE.search(text)
        if not c:
            return ""
        y = int("".join(str("〇一二三四五六七八九".index(ch) if ch != "零" else 0) for ch in c.group(1)))
        mo, d = cn_to_int(c.group(2)), cn_to_int(c.group(3))
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else ""


def normal_status(text: str) -> str:
    for word, status in _STATUS:
        if word in text:
            return status
    return text.strip()


def field_of(label: str) -> str | None:
    key = re.sub(r"[\s\u3000]+", "", str(label)).strip()
    return LABELS.get(key) or LABELS.get(key.lower())


def clean_value(name: str, value: object) -> str:
    """A stated value as DocMeta keeps it: dates in ISO form, status normalised, whitespace collapsed."""
    if isinstance(value, (list, tuple)):
        value = "、".join(str(v) for v in value)
    text = " ".join(str(value if value is not None else "").split())
    if name == "date":
        return iso_date(text) or (text[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", text) else "")
    if name == "status":
        return normal_status(text) if text else ""
    if name == "doc_number":
        return text.replace(" ", "")
    if name == "lead_convention":
        return FIRST_LISTED if text.replace(" ", "").lower() in _FIRST_LISTED_WORDS else ""
    return text


def fields_from_mapping(mapping: Mapping[str, object]) -> dict[str, str]:
    """DocMeta fields named in a sidecar or front-matter mapping (unknown keys ignored, first label wins)."""
    out: dict[str, str] = {}
    for key, value in mapping.items():
        name = field_of(key)
        if name and name not in out and clean_value(name, value):
            out[name] = clean_value(name, value)
    return out


def labelled_pairs(line: str) -> list[tuple[str, str]]:
    """(label, value) pairs of a header line `发布机关：X`, or of a TAB row `发文机关：\tX\t成文日期：\tY`."""
    cells = [c.strip() for c in line.split("\t")]
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(cells):
        m = _LABEL_LINE.match(cells[i])
        label = m.group(1) if m else cells[i]
        if field_of(label):
            value = m.group(2).strip() if m else ""
            if not value and i + 1 < len(cells) and not field_of(cells[i + 1].rstrip(":：")):
                value, i = cells[i + 1], i + 1
            pairs.append((label, value))
        i += 1
    return pairs


def _content_lines(text: str) -> list[str]:
    """Non-empty lines without Markdown front matter fences, comments and `#` marks."""
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line == "---" or line.startswith("<!--"):
            continue
        lines.append(re.sub(r"^#{1,6}\s*", "", line))
    return lines


def is_title_line(line: str) -> bool:
    flat = re.sub(r"\s+", "", line)
    return (4 <= len(flat) <= 80 and not _SENTENCE.search(flat) and not DOC_NUMBER.match(flat)
            and not _LABEL_LINE.match(line) and not _DATE_LINE.match(flat) and "\t" not in line
            and not re.match(r"^[\d一二三四五六七八九十]+[、．.]|^第[一二三四五六七八九十百\d]+[章条节编]|^[（(]", flat))


def _continues_title(line: str) -> bool:
    """The second line of a title wrapped over two: short, no sentence, no date, ends like a title."""
    return (len(line) <= 40 and not _SENTENCE.search(line) and not DOC_NUMBER.match(line) and not field_of(line)
            and not _DATE.search(line) and not _LABEL_LINE.match(line) and bool(_TITLE_END.search(line)))


def find_title(lines: list[str]) -> str:
    """The first title-like line before the body starts (a title wrapped over two lines is joined)."""
    for i, line in enumerate(lines[:HEADER_LINES]):
        if len(line) > 80 or _SENTENCE.search(line):
            return ""  # the body has begun: a title comes before it
        if not is_title_line(line) or field_of(line):
            continue
        title = re.sub(r"\s+", "", line)
        nxt = re.sub(r"\s+", "", lines[i + 1]) if i + 1 < len(lines) else ""
        if nxt and _continues_title(nxt) and (not _STRONG_END.search(title) and ("关于" in title or not _TITLE_END.search(title))):
            title += nxt
        if _TITLE_END.search(title) or "关于" in title or i == 0:
            return title
    return ""


def _issuer_of_title(title: str) -> str:
    head = title.split("关于", 1)[0] if "关于" in title else ""
    return head if head and _ORGANISATION.search(head) else ""


def _adopting_body(text: str) -> tuple[str, str]:
    """(issuer, decree number) from the middle of an adoption line: `第十三届全国人民代表大会常务委员会第十次会议`."""
    text = re.sub(r"《.*", "", text)
    decree = re.search(r"^(.*?)令第\d+号$", text)
    if decree:
        return decree.group(1), text
    text = re.sub(r"第[一二三四五六七八九十百]+届|第[一二三四五六七八九十百]+次(?:全体)?会议|常务会议|会议$", "", text)
    return (text, "") if _ORGANISATION.search(text) else ("", "")


def _adoption(lines: list[str]) -> dict[str, str]:
    """A law's adoption/amendment lines: the latest date; the body (and decree) that adopted or issued it."""
    found = [m for line in lines[:HEADER_LINES] for m in [_ADOPTION.match(re.sub(r"\s+", "", line))] if m]
    if not found:
        return {}
    out = {"date": max(iso_date(m.group(1)) for m in found)}
    for m in found:
        if m.group(3) in ("通过", "发布", "公布"):
            issuer, decree = _adopting_body(m.group(2))
            out |= {k: v for k, v in (("issuer", issuer), ("doc_number", decree)) if v}
            break
    return out


def _closing(lines: list[str]) -> dict[str, str]:
    """The date line that closes a notice, and the issuing body on the line above it."""
    tail = lines[-CLOSING_LINES:]
    for i in range(len(tail) - 1, -1, -1):
        flat = re.sub(r"\s+", "", tail[i])
        if _DATE_LINE.match(flat):
            out = {"date": iso_date(flat)}
            above = re.sub(r"\s+", "", tail[i - 1]) if i else ""
            if above and _ORGANISATION.search(above) and not _SENTENCE.search(above) and len(above) <= 40:
                out["issuer"] = above
            return out
    return {}


ISSUER_LINES = 8  # a red-head's issuing bodies stand within this many lines of the top
_RED_HEAD = re.compile(r"文件$")


def _joint_header(lines: list[str]) -> dict[str, str]:
    """Two or more issuing bodies heading a joint notice, one per line (济南市商务局 / 济南市发展和改革委员会文件 / …) or
    spaced on one (天河区科技工业和信息化局 天河区人力资源和社会保障局 中共天河区委统战部): all of them, in order."""
    names: list[str] = []
    for line in lines[1:ISSUER_LINES]:
        parts = [_RED_HEAD.sub("", p) for p in line.split()]
        if parts and all(_ORGANISATION.search(p) and not _SENTENCE.search(p) and not re.search(r"[:：，,、]", p)
                         and 4 <= len(p) <= 30 for p in parts):
            names += parts
        elif names:
            break
    return {"issuer": "、".join(dict.fromkeys(names))} if len(names) >= 2 else {}


def _printed(lines: list[str]) -> dict[str, str]:
    """No signature date anywhere: the 版记's `X办公室 2025年1月20日印发` at the very end dates the notice."""
    for line in reversed(lines[-CLOSING_LINES:]):
        if (m := _PRINTED.match(re.sub(r"\s+", "", line))) is not None:
            return {"date": iso_date(m.group(1))}
    return {}


def _dated_header(lines: list[str]) -> dict[str, str]:
    """A date standing on its own line near the top: `(2012年9月19日)` under an 实施意见's title, or the
    印发通知's signature date above the attached measures."""
    for line in lines[:HEADER_LINES]:
        flat = re.sub(r"\s+", "", line)
        if _DATE_LINE.match(flat):
            return {"date": iso_date(flat)}
    return {}


def _header_fields(lines: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in lines:
        for label, value in labelled_pairs(line):
            name = field_of(label)
            if name and name not in out and clean_value(name, value):
                out[name] = clean_value(name, value)
        flat = re.sub(r"\s+", "", line)
        if "doc_number" not in out and DOC_NUMBER.match(flat):
            out["doc_number"] = flat
    return out


def text_fields(text: str) -> dict[str, str]:
    """What the text states about itself; labelled header lines beat what is inferred."""
    lines = _content_lines(text)
    out = _header_fields(lines[:HEADER_LINES])
    title = find_title(lines)
    if title and "title" not in out:
        out["title"] = title
    inferred = {"issuer": _issuer_of_title(out.get("title", ""))}
    for layer in (_adoption(lines), _joint_header(lines), _closing(lines), _dated_header(lines), _printed(lines), inferred):
        for name, value in layer.items():
            if value and name not in out:
                out[name] = value
    return out


def merge(doc: str, path: str, fmt: str, layers: Iterable[Mapping[str, str]]) -> DocMeta:
    """DocMeta from layers in priority order (sidecar, format, text); the title defaults to the file name."""
    chosen: dict[str, str] = {}
    for layer in layers:
        for name in FIELDS:
            value = layer.get(name, "")
            if value and name not in chosen:
                chosen[name] = value
    return DocMeta(doc=doc, title=chosen.pop("title", "") or doc, path=path, format=fmt, **chosen)
