"""Markdown: the text as it is (headings are section levels for the parser), YAML front matter as metadata.

python-frontmatter reads the `---` block; the block stays in the text, where the
cleaner sets it aside as a front-matter artifact, so line numbers do not move.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import frontmatter
import yaml

from core.errors import DocumentError
from ingest.formats import Extracted
from ingest.formats.text import decode

# front-matter keys (English and Chinese) -> DocMeta field
KEYS = {
    "title": "title", "标题": "title", "name": "title",
    "doc_number": "doc_number", "文号": "doc_number", "number": "doc_number", "发文字号": "doc_number",
    "issuer": "issuer", "发布机关": "issuer", "发文机关": "issuer", "author": "issuer", "department": "issuer",
    "date": "date", "发布日期": "date", "成文日期": "date", "published": "date", "publish_date": "date",
    "source": "source", "来源": "source", "url": "source",
    "status": "status", "状态": "status", "时效性": "status",
}


def _value(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    return str(value).strip() if value is not None else ""


def front_matter_properties(metadata: dict) -> dict[str, str]:
    """DocMeta fields named in a front-matter mapping (unknown keys ignored)."""
    out: dict[str, str] = {}
    for key, value in metadata.items():
        name = KEYS.get(str(key).strip().lower()) or KEYS.get(str(key).strip())
        if name and name not in out and _value(value):
            out[name] = _value(value)
    return out


def read(path: Path, data: bytes) -> Extracted:
    text, encoding = decode(path, data)
    try:
        metadata, _ = frontmatter.parse(text)
    except yaml.YAMLError as e:
        raise DocumentError(f"{path}: front matter is not valid YAML ({str(e).splitlines()[0]})") from None
    properties = front_matter_properties(metadata) if isinstance(metadata, dict) else {}
    return Extracted(text=text, format="md", encoding=encoding, properties=properties)
