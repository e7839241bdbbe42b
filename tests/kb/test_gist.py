"""What an item asks of a unit, cut from the item's own text (kb.duty.gist): pure, no index."""
import pytest

from core.clause import Clause
from kb.duty import gist


def _item(heading, text):
    return Clause(id="d#1", doc="d", title="t", section=("一、任务", heading), heading=heading, kind="item",
                  text=heading + text)


@pytest.mark.parametrize("heading,text,unit,expected", [
    # one labelled tag at the end: the item's first sentence
    ("1.建设平台。", "建成市级平台。完善服务。（牵头单位：市工信局；配合单位：市财政局）", "市财政局", "建成市级平台"),
    # two tags in one item: the stretch before the tag that names the unit
    ("(3)核算。", "核实数据。(牵头单位:省自然资源厅)规范费用的核算。(牵头单位:省税务局、省财政厅)", "省财政厅", "规范费用的核算"),
    ("(3)核算。", "核实数据。(牵头单位:省自然资源厅)规范费用的核算。(牵头单位:省税务局、省财政厅)", "省自然资源厅", "核实数据"),
    # square-bracket tag of the Chengdu plan, and the unlabelled 等负责 form of a State Council opinion
    ("（一）产业规模。", "到2025年达到5000亿元。［责任单位：市经信局、市统计局］", "市统计局", "到2025年达到5000亿元"),
    ("（五）优化布局。", "鼓励大型企业转型；支持中小企业。（工业和信息化部、商务部等负责）", "商务部", "鼓励大型企业转型"),
    # a unit's own brackets inside the tag do not end it
    ("(九)改造。", "支持改建。〔牵头单位:市工信局,配合单位:属地人民政府(管委会)、市财政局〕", "市财政局", "支持改建"),
])
def test_gist_is_the_work_the_units_tag_covers(heading, text, unit, expected):
    assert gist(_item(heading, text), unit) == expected


def test_gist_is_cut_to_width():
    long = "推进" + "软件" * 40 + "。［责任单位：市经信局］"
    out = gist(_item("1.软件。", long), "市经信局", width=10)
    assert out == long[:10] + "…"


@pytest.mark.parametrize("text,expected", [
    ("建立由农业农村部、工业和信息化部牵头的协调机制。（工业和信息化部、农业农村部等负责）", ""),
    ("推进创新，支持企业，会同市财政局设立基金。［责任单位：市经信局、市财政局］", "推进创新，支持企业"),
    ("——产业规模。全市收入突破8000亿元。［责任单位：市经信局、市统计局］", "全市收入突破8000亿元"),
])
def test_gist_stops_before_another_unit_and_skips_the_title(text, expected):
    """The gist is about the unit asked: a phrase naming another unit ends it; a title repeated as the first
    sentence (——产业规模。) is not the work."""
    others = ("农业农村部", "工业和信息化部", "市财政局", "市统计局")
    c = Clause(id="d#1", doc="d", title="t", section=("三、目标", "产业规模"), heading="", kind="item", text=text)
    assert gist(c, "市经信局", names_other=lambda s: any(o in s for o in others)) == expected
