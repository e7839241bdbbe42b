"""The lexicon from the words users type to the words documents use (a data file, loaded once)."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).with_name("data") / "synonyms.json"


@lru_cache(maxsize=1)
def load_synonyms(path: Path = PATH) -> dict[str, tuple[str, ...]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {k: tuple(v) for k, v in data.items() if not k.startswith("_")}


# an official name of a government body (城市管理部门, 公安机关交通管理部门); not an institution (养老机构)
_GOVERNMENT = re.compile(r"(部门|机关|局|委员会|厅|办公室|执法组织)$")


def names_body(word: str) -> bool:
    """Does the lexicon read `word` as a government body (城管 → 城市管理部门, 交警 → 公安机关交通管理部门)?"""
    return any(_GOVERNMENT.search(s) for s in load_synonyms().get(word, ()))
