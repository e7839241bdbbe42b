"""Chinese numerals: `十二` → 12, `一百零三` → 103."""
from __future__ import annotations

import re

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_to_int(numeral: str) -> int:
    """`十二` → 12, `一百零三` → 103, `7` → 7."""
    if numeral.isdigit():
        return int(numeral)
    total, digit = 0, 0
    for ch in numeral:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (digit or 1) * _CN_UNITS[ch]
            digit = 0
        else:
            raise ValueError(f"not a Chinese numeral: {numeral!r}")
    return total + digit



_COUNTED = "级类星档套孩胎"  # 二级能效 / 2级能效, 三孩 / 3孩: a grade or an ordinal people write either way
_CN_COUNTED = re.compile(f"[一二两三四五六七八九十]+(?=[{_COUNTED}])")
_DIGIT_COUNTED = re.compile(f"(?<![\\d.])[1-9]\\d?(?=[{_COUNTED}])")
_CN = "零一二三四五六七八九"


def int_to_cn(n: int) -> str:
    """1–99 in Chinese numerals: 2 → 二, 12 → 十二, 30 → 三十."""
    tens, ones = divmod(n, 10)
    return ((_CN[tens] if tens > 1 else "") + "十" if tens else "") + (_CN[ones] if ones else "")


def numeral_forms(word: str) -> tuple[str, ...]:
    """The word with a grade or ordinal written the other way (`二级` ↔ `2级`, `三孩` ↔ `3孩`); itself if none."""
    return tuple(dict.fromkeys((word, _CN_COUNTED.sub(lambda m: str(cn_to_int(m.group(0))), word),
                                _DIGIT_COUNTED.sub(lambda m: int_to_cn(int(m.group(0))), word))))
