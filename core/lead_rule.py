"""How a document says who leads when its annotations do not label 牵头: one shared pattern. Pure data."""
from __future__ import annotations

import re

# `列第一位者为牵头单位，下同` / `排在第一位的部门为牵头部门`: the first-listed unit of every annotation leads
FIRST_LEADS = re.compile(r"(列|排)(在)?第一(位|个)的?(者|单位|部门)?(为|是)牵头")
