"""Document metadata rules (ingest/meta.py): text, front matter, sidecar, in that order of trust reversed."""
from __future__ import annotations

import json

import pytest

from ingest.meta import fields_from_mapping, iso_date, merge, text_fields
from ingest.read import document_meta, read_source
from tests.conftest import PLAN, law

NOTICE = """成都市人民政府办公厅关于印发成都市促进软件产业
高质量发展若干政策的通知
成办发〔2019〕22号

各区（市）县政府，市政府各部门：
现将《成都市促进软件产业高质量发展若干政策》印发给你们，请认真贯彻执行。

成都市人民政府办公厅
2019年6月25日
"""


def test_notice_title_number_issuer_and_closing_date():
    assert text_fields(NOTICE) == {"title": "成都市人民政府办公厅关于印发成都市促进软件产业高质量发展若干政策的通知",
                                   "doc_number": "成办发〔2019〕22号", "issuer": "成都市人民政府办公厅",
                                   "date": "2019-06-25"}


def test_title_is_never_the_number_line():
    assert text_fields("川府发〔2020〕3号\n四川省人民政府关于优化营商环境的意见\n各市：\n现提出以下意见。")["title"] == \
        "四川省人民政府关于优化营商环境的意见"


def test_header_block_labels_win_over_inference():
    text = "标题：关于做好2024年稳岗工作的通知\n发文机关：\t四川省人力资源和社会保障厅\t成文日期：\t2024年3月1日\n" \
           "时效性：现行有效\n来源：https://example.gov.cn/a.html\n正文第一段。"
    assert text_fields(text) == {"title": "关于做好2024年稳岗工作的通知", "issuer": "四川省人力资源和社会保障厅",
                                 "date": "2024-03-01", "status": "有效", "source": "https://example.gov.cn/a.html"}


def test_law_adoption_lines_give_the_latest_date_and_the_adopting_body():
    emblem = text_fields(law("国徽法").read_text(encoding="utf-8"))
    assert emblem == {"title": "中华人民共和国国徽法", "date": "2020-10-17", "issuer": "全国人民代表大会常务委员会"}
    bracketed = text_fields("中华人民共和国个人信息保护法\n（2021年8月20日第十三届全国人民代表大会常务委员会第三十次会议通过）\n第一条 为了保护个人信息权益，制定本法。")
    assert bracketed == {"title": "中华人民共和国个人信息保护法", "date": "2021-08-20", "issuer": "全国人民代表大会常务委员会"}
    decree = text_fields(law("公民举报危害国家安全行为奖励办法").read_text(encoding="utf-8"))
    assert decree["issuer"] == "中华人民共和国国家安全部" and decree["doc_number"] == "中华人民共和国国家安全部令第2号"


def test_text_without_a_title_line_has_none():
    assert "title" not in text_fields(PLAN.read_text(encoding="utf-8"))


def test_dates_in_any_written_form():
    assert [iso_date(t) for t in ("2019年6月25日", "2019-6-5", "2019.06.25", "二〇一九年六月二十五日", "无日期")] == \
        ["2019-06-25", "2019-06-05", "2019-06-25", "2019-06-25", ""]


def test_sidecar_beats_format_beats_text(tmp_path):
    path = tmp_path / "notice.md"
    path.write_text("---\ntitle: 前言标题\n发布日期: 2020-01-02\n---\n" + NOTICE, encoding="utf-8")
    meta = document_meta(read_source(path))
    assert (meta.title, meta.date, meta.doc_number) == ("前言标题", "2020-01-02", "成办发〔2019〕22号")
    (tmp_path / "notice.md.meta.json").write_text(json.dumps({"title": "旁注标题", "状态": "已废止"}), encoding="utf-8")
    meta = document_meta(read_source(path))
    assert (meta.title, meta.date, meta.status, meta.issuer) == ("旁注标题", "2020-01-02", "已废止", "成都市人民政府办公厅")


def test_the_plan_takes_its_title_from_its_sidecar():
    assert document_meta(read_source(PLAN)).title == "成都市软件产业发展规划（2019—2025年）"


def test_the_plan_says_in_its_sidecar_that_the_first_listed_leads():
    """The issuer's practice (the first unit of ［责任单位：…］ leads) is not in the plan's text: its sidecar says it."""
    assert document_meta(read_source(PLAN)).lead_convention == "first_listed"


@pytest.mark.parametrize("value,kept", [
    ("first_listed", "first_listed"), ("首位牵头", "first_listed"), ("名单首位牵头", "first_listed"),
    ("first", "first_listed"), ("随便写的", ""), ("", ""),
])
def test_a_sidecar_may_state_the_lead_convention(tmp_path, value, kept):
    path = tmp_path / "notice.md"
    path.write_text(NOTICE, encoding="utf-8")
    (tmp_path / "notice.md.meta.json").write_text(json.dumps({"牵头惯例": value}, ensure_ascii=False), encoding="utf-8")
    assert document_meta(read_source(path)).lead_convention == kept


def test_merge_defaults_the_title_to_the_file_name():
    assert merge("memo", "memo.txt", "txt", [{}, fields_from_mapping({"unknown": "x"})]).title == "memo"


# A notice with no signature date: the 版记 at its very end (`X办公室 2025年1月20日印发`) dates it; a signature date,
# where there is one, still wins.
@pytest.mark.parametrize("closing, date", [
    ("济南市商务局办公室 2025 年 1 月 20 日印发", "2025-01-20"),
    ("济南市商务局办公室2025年1月20日印发", "2025-01-20"),
    ("市政府办公室　2023年12月5日印发", "2023-12-05"),
    ("抄送：市委办公室。\n广州市人民政府办公厅秘书处 2022年3月1日印发", "2022-03-01"),
    ("宝山区人民政府办公室\n2019年5月5日\n宝山区人民政府办公室 2019年5月8日印发", "2019-05-05"),
])
def test_a_notices_print_line_dates_it_when_nothing_else_does(closing, date):
    text = "关于印发《某市补贴实施细则》的通知\n各区县：\n现印发给你们，请抓好贯彻落实。\n第一条 为了规范补贴，制定本细则。\n" + closing
    assert text_fields(text)["date"] == date


@pytest.mark.parametrize("head,issuer", [
    # a red-head of four bodies, one per line, one of them written `…文件`
    ("关于印发细则的通知\n济南市商务局\n济南市发展和改革委员会文件\n济南市财政局\n济南市市场监督管理局\n济商务字〔2025〕5号\n各区县：\n",
     "济南市商务局、济南市发展和改革委员会、济南市财政局、济南市市场监督管理局"),
    # three bodies spaced on one line
    ("关于印发办法的通知\n穗天科工信规字〔2023〕1号\n广州市天河区科技工业和信息化局 广州市天河区人力资源和社会保障局 中共广州市天河区委统战部\n区属各单位：\n",
     "广州市天河区科技工业和信息化局、广州市天河区人力资源和社会保障局、中共广州市天河区委统战部"),
    ("关于做好工作的通知\n市卫生健康委员会\n市财政局\n各区：\n", "市卫生健康委员会、市财政局"),
    ("关于做好工作的通知\n某某市人力资源和社会保障局　某某市财政局\n各县区：\n", "某某市人力资源和社会保障局、某某市财政局"),
    # labelled lines and a sentence are no issuers
    ("若干措施\n1.加强服务。\n牵头单位:市金融局\n责任单位:市财政局\n", ""),
])
def test_the_bodies_heading_a_joint_notice_are_its_issuers(head, issuer):
    """Class: a joint notice's red-head — two or more issuing bodies, one per line or spaced on one — is its issuer,
    every body of it, in order (这个办法是哪几个部门联合印发的)."""
    assert text_fields(head + "正文。\n").get("issuer", "") == issuer
