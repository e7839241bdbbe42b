"""What kind of body a unit name denotes, by the general rules of Chinese government naming. Pure.

Serves constraints in questions (`哪些区`, `哪个不是市级部门`, `企业或集团`, `国家机构`) on
any city's documents: the rules read the name's shape, never a list of one city's units.
"""
from __future__ import annotations

import re

DISTRICT = "district"
CITY = "city"
PARTY = "party"
ENTERPRISE = "enterprise"
NATIONAL = "national"

_RULES = (
    # national or provincial bodies, including the tax bureau of a city (国家税务总局X市税务局 is vertically managed)
    (NATIONAL, re.compile(r"^(国家|中国|中央|国务院|省|自治区|海关|.{0,6}海关$)|^国家税务总局|人民银行|银保监|证监|金融监管总局|通信管理局$|^四川省|^广东省|^[\u4e00-\u9fff]{2,3}省")),
    (ENTERPRISE, re.compile(r"(集团|公司|银行|有限|股份|交易所|协会|学会|联合会|商会)(（[^）]*）)?$")),
    (PARTY, re.compile(r"^(市委|区委|县委|省委|党委)|^(共青团|团市委|市总工会|市妇联|市科协|市侨联|市残联)")),
    (DISTRICT, re.compile(r"^[\u4e00-\u9fff]{2,3}市$|(区|县|县级市|新区|高新区|开发区|园区|管委会|街道|乡镇)(（[^）]*）)?$|^各区|区（市）县|区\(市\)县|县（市、区）")),
    (CITY, re.compile(r"^(市|[\u4e00-\u9fff]{2,4}市)[\u4e00-\u9fff（）]*(局|委|委员会|办|办公室|厅|中心|院|署|所|馆|队|站|部)$")),
)


def unit_kind(name: str) -> str:
    """district | city | party | enterprise | national; an unrecognised shape counts as a city body."""
    for kind, pattern in _RULES:
        if pattern.search(name):
            return kind
    return CITY
