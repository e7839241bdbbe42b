"""The multi-format test library: shipped files (tests/fixtures/library/) plus a docx and a PDF written here
with the same libraries the readers use (python-docx; fpdf2 with a CJK font from a Debian package)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from tests.conftest import PLAN

LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "library"
CJK_FONT_PACKAGE = "fonts-wqy-microhei"

_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3．"))


def cjk_font() -> Path:
    """A TrueType font with Chinese glyphs; none installed is a failure that says what to install."""
    try:
        listing = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        listing = ""
    fonts = sorted(line.split(":")[0].strip() for line in listing.splitlines() if line.strip())
    preferred = [f for f in fonts if "wqy" in f.lower()] + fonts
    if not preferred:
        raise AssertionError(f"no CJK font found by `fc-list :lang=zh`: install the Debian package {CJK_FONT_PACKAGE} "
                             "(`apt-get install fonts-wqy-microhei`, as .ci/run does) to generate the test PDF")
    return Path(preferred[0])


def _numbering(document: Document) -> str:
    """Add a three-level Chinese list (一、 / （一） / 1．) to the document; returns its numId."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _numbered(document: Document, text: str, level: int, num_id: str) -> None:
    p = document.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def write_docx(path: Path, amount: str = "3万元") -> Path:
    """A notice as a Word file: title style, automatic Chinese numbering, a heading style, a table, properties."""
    document = Document()
    document.core_properties.title = "成都市新经济人才安居补贴实施细则"
    document.core_properties.author = "成都市新经济发展委员会"
    document.core_properties.identifier = "成新经发〔2022〕8号"
    document.add_paragraph("成都市新经济人才安居补贴实施细则", style="Title")
    num = _numbering(document)
    _numbered(document, "补贴对象", 0, num)
    _numbered(document, "在本市新经济企业全职工作的本科及以上学历人才。", 1, num)
    _numbered(document, "与用人单位签订三年以上劳动合同。", 1, num)
    _numbered(document, "补贴标准", 0, num)
    document.add_paragraph(f"博士每人每年补贴{amount}，硕士每人每年补贴2万元，本科每人每年补贴1万元。")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, (("学历", "年补贴", "期限"), ("博士", amount, "3年"), ("硕士", "2万元", "3年"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    _numbered(document, "申报程序", 0, num)
    _numbered(document, "用人单位每年6月统一申报。", 1, num)
    document.add_paragraph("附则", style="Heading 1")
    document.add_paragraph("本细则自2022年9月1日起施行。")
    document.save(path)
    return path


def write_pdf(path: Path) -> Path:
    """A two-page notice as a PDF with a text layer (fpdf2, CJK TrueType font)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    font = cjk_font()
    pdf.add_font("cjk", fname=str(font))
    pdf.set_font("cjk", size=12)
    pages = (
        ["成都市软件企业首版次产品认定办法", "成经信发〔2020〕11号", "",
         "第一条 为鼓励软件企业创新，支持首版次软件产品推广应用，制定本办法。",
         "第二条 本办法所称首版次软件产品，是指在国内率先实现重大技术突破、",
         "拥有自主知识产权、尚未取得显著市场业绩的软件产品。",
         "第三条 申请认定的企业应当在本市注册，具有独立法人资格。"],
        ["第四条 经认定的首版次软件产品，按其首年销售合同金额的20%给予企业奖励，",
         "单个产品最高不超过300万元。",
         "第五条 本办法自发布之日起施行。", "", "成都市经济和信息化局", "2020年8月10日"],
    )
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 10, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_library(folder: Path, plan: bool = True) -> Path:
    """The fixture library copied to `folder`, with the generated docx and PDF (and the plan with its sidecar)."""
    shutil.copytree(LIBRARY, folder)
    write_docx(folder / "人才安居补贴细则.docx")
    write_pdf(folder / "首版次产品认定办法.pdf")
    if plan:
        shutil.copy(PLAN, folder)
        shutil.copy(PLAN.with_name(PLAN.name + ".meta.json"), folder)
    return folder
