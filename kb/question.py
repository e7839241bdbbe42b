"""Prepare a question: bound its length, drop control characters, set aside instructions aimed at the bot."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = {"Cc", "Cf", "Cs", "Co", "Cn"}
_CLAUSE_SPLIT = re.compile(r"(?<=[，,。；;！!？?\n])")
# Phrases that address the bot rather than ask about the document. The clause holding one is set aside.
_INSTRUCTION = re.compile(
    r"忽略|无视|忘记|忘掉|不要理会|覆盖.{0,4}(指令|设定)|你现在是|你是一[个名位]|扮演|假装|系统提示|提示词|"
    r"推荐.{0,6}(股票|基金|理财|彩票)|炒股|买什么股|(输出|打印|显示).{0,6}(指令|提示|prompt)|"
    r"ignore (all |the )?(previous|above|prior)|disregard|you are now|act as|pretend|system prompt|jailbreak|"
    r"^(注意|通知|重要|系统)[:：]|直接(回复|回答|输出|说)|(只|仅)(回复|回答|输出|说)|(回复|输出|回答)[:：]?[“\"「]|"
    r"reply (with|only)|respond (with|only)|just say|say only",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_LATIN = re.compile(r"[A-Za-z]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Question:
    raw: str
    text: str  # what is answered
    notices: tuple[str, ...] = ()
    set_aside: tuple[str, ...] = ()  # instruction-like parts, treated as content and not obeyed

    @property
    def empty(self) -> bool:
        return not _CONTENT.search(self.text)

    @property
    def english(self) -> bool:
        return len(_LATIN.findall(self.text)) > 3 * len(_CJK.findall(self.text))


def visible(text: str) -> str:
    """Drop control, format (zero-width) and unassigned characters; fold whitespace runs."""
    kept = "".join(ch if unicodedata.category(ch) not in _INVISIBLE or ch in "\n\t" else "" for ch in text)
    return re.sub(r"\s+", " ", kept).strip()


def prepare(raw: str, max_chars: int) -> Question:
    """A question ready for answering; never raises on odd input."""
    if not isinstance(raw, str):
        raw = "" if raw is None else str(raw)
    notices = []
    if len(raw) > max_chars:
        raw_cut = raw[:max_chars]
        notices.append(f"问题过长（{len(raw)} 字），已截取前 {max_chars} 字作答。")
    else:
        raw_cut = raw
    text = visible(raw_cut)
    parts = [p for p in _CLAUSE_SPLIT.split(text) if p.strip()]
    aside = tuple(p for p in parts if _INSTRUCTION.search(p))
    kept = "".join(p for p in parts if p not in aside).strip(" ，,")
    if aside:
        notices.append("问题中要求改变角色、忽略规则或做与文件无关之事的内容已被忽略，只回答与文件有关的部分。")
    return Question(raw=raw, text=kept, notices=tuple(notices), set_aside=aside)


# a clause that asks something (not a statement before the question: `我爸85岁，家里经济困难，…能资助多少？`)
_ASKS = re.compile(r"几|多少|多久|多长|什么|啥|哪|谁|吗|么|呢|怎么|怎样|如何|是否|能否|可否|(?P<v>[\u4e00-\u9fff])[不没](?P=v)")
MAX_PARTS = 3


def question_parts(text: str) -> list[str]:
    """The questions one message asks (`有效期几年？续期要提前多久？`), each to be answered in turn; a message that
    asks one question (or whose parts do not each ask something) stays whole."""
    chunks = [c.strip(" ，,") for c in re.split(r"(?<=[？?])", text) if c.strip(" ，,？?")]
    if not 2 <= len(chunks) <= MAX_PARTS or not all(_ASKS.search(c) for c in chunks):
        return [text]
    return chunks
