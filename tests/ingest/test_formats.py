"""Each format reader: the text the parser reads, tables as TAB rows, pages, metadata, and refusals by name."""
from __future__ import annotations

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from core.errors import DocumentError
from ingest.read import document_meta, find_documents, page_map, parse_source, read_source, unsupported_files
from tests.ingest.library import LIBRARY, make_library, write_docx, write_pdf


def test_docx_numbering_headings_tables_and_properties(tmp_path):
    source = read_source(write_docx(tmp_path / "细则.docx"))
    lines = [ln for ln in source.text.splitlines() if ln]
    assert lines[:4] == ["成都市新经济人才安居补贴实施细则", "一、补贴对象", "（一）在本市新经济企业全职工作的本科及以上学历人才。",
                         "（二）与用人单位签订三年以上劳动合同。"]
    assert "二、补贴标准" in lines and "三、申报程序" in lines and "（一）用人单位每年6月统一申报。" in lines  # sub-level restarts
    assert "学历\t年补贴\t期限" in lines and "博士\t3万元\t3年" in lines
    assert "# 附则" in lines  # a heading style without its own number becomes a Markdown heading
    meta = document_meta(source)
    assert (meta.title, meta.doc_number, meta.issuer, meta.format) == (
        "成都市新经济人才安居补贴实施细则", "成新经发〔2022〕8号", "成都市新经济发展委员会", "docx")


def test_pdf_keeps_the_page_of_every_clause(tmp_path):
    source = read_source(write_pdf(tmp_path / "办法.pdf"))
    doc = parse_source(source)
    pages = page_map(source, doc)
    by_article = {c.id.split("#")[1]: pages[c.id] for c in doc.clauses}
    assert by_article["a2"] == 1 and by_article["a4"] == 2 and by_article["a5"] == 2
    assert any("拥有自主知识产权" in c.text and c.text.startswith("第二条") for c in doc.clauses)  # wrapped line re-joined
    meta = document_meta(source)
    assert (meta.title, meta.doc_number, meta.issuer, meta.date) == (
        "成都市软件企业首版次产品认定办法", "成经信发〔2020〕11号", "成都市经济和信息化局", "2020-08-10")


def test_encrypted_pdf_is_refused_by_name(tmp_path):
    writer = PdfWriter(clone_from=PdfReader(write_pdf(tmp_path / "plain.pdf")))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    with (tmp_path / "locked.pdf").open("wb") as f:
        writer.write(f)
    with pytest.raises(DocumentError, match=r"locked\.pdf: encrypted PDF that needs a password"):
        read_source(tmp_path / "locked.pdf")


def test_image_only_pdf_is_refused_by_name(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")  # a "scan": marks, no text layer
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(DocumentError, match=r"scan\.pdf: no text layer"):
        read_source(tmp_path / "scan.pdf")


def test_html_article_without_navigation_and_with_its_meta_block():
    source = read_source(LIBRARY / "中小企业纾困措施.html")
    for boilerplate in ("政务公开", "当前位置", "版权所有", "分享到", "相关文件", "统计代码", "索引号", "请输入关键词"):
        assert boilerplate not in source.text
    lines = [ln for ln in source.text.splitlines() if ln]
    assert lines[0] == "各市（州）人民政府，省政府各部门、各直属机构：" and lines[-1] == "2022年5月16日"
    assert "企业类型\t补贴比例\t上限" in lines and "微型企业\t70%\t10万元" in lines
    meta = document_meta(source)
    assert (meta.title, meta.doc_number, meta.issuer, meta.date) == (
        "四川省人民政府办公厅关于进一步支持中小企业纾困发展的若干措施", "川办发〔2022〕41号", "四川省人民政府办公厅",
        "2022-05-18")
    assert meta.source == "https://example.gov.cn/zcwj/2022/5/18/szfbgt-zxqy.shtml"


def test_markdown_front_matter_is_metadata():
    meta = document_meta(read_source(LIBRARY / "科技创新券管理办法.md"))
    assert (meta.title, meta.doc_number, meta.issuer, meta.date, meta.status, meta.format) == (
        "成都市科技创新券管理办法", "成科字〔2021〕7号", "成都市科学技术局", "2021-04-12", "有效", "md")


def test_gb18030_notice_is_read_with_its_title_number_and_date():
    source = read_source(LIBRARY / "稳岗返还通知.txt")
    assert source.encoding == "gb18030"
    meta = document_meta(source)
    assert meta.title == "成都市人力资源和社会保障局关于做好2023年稳岗返还资金申领工作的通知"  # two title lines joined
    assert (meta.doc_number, meta.issuer, meta.date) == ("成人社发〔2023〕15号", "成都市人力资源和社会保障局", "2023-03-20")


def test_companions_are_not_documents_and_unsupported_files_are_named(tmp_path):
    library = make_library(tmp_path / "lib", plan=True)
    (library / "README.md").write_text("# 说明\n", encoding="utf-8")
    (library / "SOURCES.md").write_text("来源\n", encoding="utf-8")
    (library / "plan.userdict.txt").write_text("蓉贝 5 n\n", encoding="utf-8")
    (library / "plan.units.json").write_text("{}", encoding="utf-8")
    (library / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 binary")
    names = sorted(p.name for p in find_documents(library))
    assert names == sorted(["中小企业纾困措施.html", "人才安居补贴细则.docx", "国徽法(2020-10-17).md",
                            "公共场所卫生管理条例(2019-04-23).md", "科技创新券管理办法.md", "稳岗返还通知.txt",
                            "首版次产品认定办法.pdf", "chengdu-software-plan-2019-2025.txt"])
    assert [p.name for p in unsupported_files(library)] == ["old.doc"]


def test_a_docx_that_is_not_a_zip_is_refused_by_name(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 encrypted")
    with pytest.raises(DocumentError, match=r"bad\.docx: an encrypted \.docx or an old binary \.doc"):
        read_source(tmp_path / "bad.docx")
    (tmp_path / "junk.docx").write_bytes(b"PK not really")
    with pytest.raises(DocumentError, match=r"junk\.docx: not a readable \.docx"):
        read_source(tmp_path / "junk.docx")
