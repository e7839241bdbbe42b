"""Bad documents get a message naming the file (and line); odd encodings are read."""
from __future__ import annotations

import pytest

from ingest.read import find_documents, parse_source, read_source
from core.errors import DocumentError
from tests.conftest import PLAN, plan_text


def test_gb18030_file_is_detected_and_read(tmp_path):
    path = tmp_path / "plan-gb.txt"
    path.write_bytes(plan_text().encode("gb18030"))
    source = read_source(path)
    assert source.encoding == "gb18030"
    assert len(parse_source(source).clauses) == 52


def test_bom_and_crlf_do_not_change_the_clauses(tmp_path, plan):
    path = tmp_path / "plan-bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + plan_text().replace("\n", "\r\n").encode("utf-8"))
    doc = parse_source(read_source(path))
    assert [c.text for c in doc.clauses] == [c.text for c in plan.clauses]


def test_empty_file_is_rejected_by_name(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"empty\.txt: empty document"):
        read_source(path)


def test_undecodable_bytes_name_the_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes("第一行\n第二行\n".encode("utf-8") + b"\xff\xfe\xfd\xfc\x80")
    with pytest.raises(DocumentError, match=r"bad\.txt: line 3: neither UTF-8 nor GB18030"):
        read_source(path)


def test_binary_file_is_rejected(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    with pytest.raises(DocumentError, match=r"image\.txt: line 3: binary data"):
        read_source(path)


def test_unclosed_tag_names_file_and_line(tmp_path):
    text = plan_text().replace("［责任单位：市政府督查室、市经信局，", "［责任单位：市政府督查室、市经信局，有关", 1)
    text = text.replace("有关市级部门，有关区（市）县］\n\n（二）加强政策保障", "有关市级部门\n\n（二）加强政策保障", 1)
    path = tmp_path / "unclosed.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DocumentError, match=r"unclosed\.txt: line 5\d\d: responsibility tag opened and never closed"):
        parse_source(read_source(path))


def test_unreadable_path_is_named(tmp_path):
    with pytest.raises(DocumentError, match=r"missing\.txt: cannot read"):
        read_source(tmp_path / "missing.txt")
    with pytest.raises(DocumentError, match=r"nowhere: no such file or folder"):
        find_documents(tmp_path / "nowhere")


def test_unstructured_text_falls_back_to_paragraphs_with_a_warning(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_text("会议纪要\n\n请各单位按时报送材料。\n\n下周召开推进会。\n", encoding="utf-8")
    doc = parse_source(read_source(path))
    assert [c.text for c in doc.clauses] == ["会议纪要", "请各单位按时报送材料。", "下周召开推进会。"]
    assert doc.warnings and "no recognisable structure" in doc.warnings[0]


def test_oversized_file_is_rejected(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 2048)
    with pytest.raises(DocumentError, match=r"huge\.txt: .* over the"):
        read_source(path, max_bytes=1024)


def test_shipped_corpus_is_found():
    assert find_documents(PLAN.parent) == [PLAN]
