"""Segmentation of the plan's vocabulary and the BM25 token view."""
from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import bm25s
import jieba
import pytest

from core.segment import STOPWORDS_PATH, USERDICT_PATH, Segmenter, corpus_segmenter, default_segmenter, read_word_list
from core.units import load_units
from ingest.build import corpus_words

CORPUS = Path(__file__).parents[2] / "corpus" / "chengdu-software-plan-2019-2025.txt"
# the plan's own words (its places, its coined terms) live beside it, not in the project dictionary
PLAN_USERDICT = CORPUS.with_name(CORPUS.stem + ".userdict.txt")
CJK = re.compile(r"[\u4e00-\u9fff]")

DOMAIN_TERMS = (
    "首版次", "云大物移智", "蓉贝", "1+5+N", "5+5+1", "五大产业基地", "核心聚集区", "融合应用", "软件名城",
    "世界软件名城", "中国软件名城", "离岸服务外包", "软件业务收入", "市场主体", "创新实力", "专业载体",
    "融资体系", "产业规模", "招大引强", "独角兽", "成德绵眉泸", "一带一路", "放管服", "五区协同", "一干多支",
    "知识产权", "从业人员", "工业软件", "数字文创", "网络信息安全", "集成电路设计", "智慧旅游", "天府软件园",
)


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    """The segmenter the shipped corpus is indexed with: project dictionary plus the plan's own words."""
    return corpus_segmenter(corpus_words(CORPUS.parent))


def _dictionaries() -> set[str]:
    return set(read_word_list(USERDICT_PATH)) | set(read_word_list(PLAN_USERDICT))


def test_the_project_dictionary_names_no_city_of_the_first_document() -> None:
    assert [w for w in read_word_list(USERDICT_PATH) if re.search(r"成都|四川|天府|锦江|青羊|蓉", w)] == []


def _unit_forms() -> list[str]:
    """Every Chinese unit name, full name and alias (English ones hold spaces)."""
    forms = [form for unit in load_units().all() for form in unit.forms]
    return [form for form in forms if CJK.search(form)]


def test_every_unit_name_and_chinese_alias_is_one_word(segmenter: Segmenter) -> None:
    assert [form for form in _unit_forms() if segmenter.words(form) != [form]] == []


def test_every_unit_name_and_chinese_alias_is_in_the_user_dictionary() -> None:
    assert set(_unit_forms()) - _dictionaries() == set()


@pytest.mark.parametrize("term", DOMAIN_TERMS)
def test_domain_term_is_one_word(segmenter: Segmenter, term: str) -> None:
    assert segmenter.words(term) == [term]


def test_every_user_dictionary_entry_is_one_word(segmenter: Segmenter) -> None:
    assert [word for word in sorted(_dictionaries()) if segmenter.words(word) != [word]] == []


def test_plus_formulas_stay_one_token_in_context(segmenter: Segmenter) -> None:
    assert segmenter.words("按照“1+5+N”总体格局，构建“5+5+1”现代产业体系") == [
        "按照", "“", "1+5+N", "”", "总体", "格局", "，", "构建", "“", "5+5+1", "”", "现代产业体系",
    ]
    assert segmenter.words("1 + 5 + n 布局") == ["1+5+n", "布局"]
    assert segmenter.tokens("“1+5+N”总体格局") == ["1+5+n", "总体", "格局"]
    assert segmenter.tokens("1+5+n") == segmenter.tokens("1+5+N") == ["1+5+n"]


def test_plus_between_words_still_splits(segmenter: Segmenter) -> None:
    assert segmenter.tokens("5G+8K直播") == ["5g", "8k", "直播"]


def test_tokens_drop_stop_words_and_punctuation(segmenter: Segmenter) -> None:
    assert segmenter.tokens("请问市经信局牵头哪些任务？") == ["市经信局", "经信局", "牵头", "任务"]
    assert segmenter.tokens("谁负责什么？有多少？") == ["负责"]


def test_tokens_keep_numbers_and_units_apart(segmenter: Segmenter) -> None:
    assert segmenter.tokens("到2025年软件业务收入突破 8000亿元，年均增长15%") == [
        "2025", "年", "软件业务收入", "软件", "业务", "收入", "软件业", "业务收入", "突破", "8000", "亿元",
        "年均增长", "年均", "增长", "15",
    ]


def test_tokens_add_dictionary_subwords_of_long_words(segmenter: Segmenter) -> None:
    tokens = segmenter.tokens("成都市经信局")
    assert tokens[0] == "成都市经信局"
    assert {"市经信局", "经信局"} <= set(tokens)


def test_tokens_lowercase_ascii(segmenter: Segmenter) -> None:
    assert segmenter.tokens("NB-IoT 和 SaaS") == ["nb", "iot", "saas"]


def test_tokens_of_the_corpus_hold_no_whitespace_punctuation_or_stop_words(segmenter: Segmenter) -> None:
    tokens = set(segmenter.tokens(CORPUS.read_text(encoding="utf-8")))
    assert {token for token in tokens if not re.fullmatch(r"[\w.+%]*\w[\w.+%]*", token)} == set()
    assert tokens & segmenter.stopwords == set()
    assert {"首版次", "1+5+n", "市市场监管局", "8000"} <= tokens


def test_words_keep_stop_words(segmenter: Segmenter) -> None:
    assert segmenter.words("哪些单位是牵头的？") == ["哪些", "单位", "是", "牵头", "的", "？"]


def test_question_words_are_stop_words_and_domain_words_are_not(segmenter: Segmenter) -> None:
    assert {"哪些", "什么", "多少", "谁", "请问", "的", "了", "和", "是", "在", "有", "吗", "呢"} <= segmenter.stopwords
    protected = _dictionaries() | {"规划", "软件", "产业", "成都", "牵头", "负责", "目标", "任务"}
    assert segmenter.stopwords & protected == set()


def test_segmenter_does_not_touch_the_global_jieba(segmenter: Segmenter) -> None:
    assert segmenter.words("云大物移智") == ["云大物移智"]
    assert jieba.lcut("云大物移智") != ["云大物移智"]


def test_concurrent_use_gives_the_serial_result(segmenter: Segmenter) -> None:
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(segmenter.tokens, lines)) == [segmenter.tokens(line) for line in lines]


def test_default_segmenter_is_built_once() -> None:
    assert default_segmenter() is default_segmenter()


def test_fingerprint_is_stable_and_tracks_settings(segmenter: Segmenter) -> None:
    assert default_segmenter().fingerprint == Segmenter().fingerprint
    assert default_segmenter().fingerprint != Segmenter(hmm=False).fingerprint
    assert segmenter.fingerprint != default_segmenter().fingerprint  # a corpus's own words change the tokens


def test_missing_dictionary_is_reported_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="nope.txt"):
        Segmenter(userdict_path=tmp_path / "nope.txt", stopwords_path=STOPWORDS_PATH)


def test_segmenter_plugs_into_bm25s_as_splitter(segmenter: Segmenter) -> None:
    docs = [
        "按照“1+5+N”总体格局，错位发展、梯次配套。",
        "扶持推出一批“首版次”软件产品。［责任单位：市经信局、市委保密机要局］",
        "年均新增市场主体数量不少于1.8万个。［责任单位：市经信局、市市场监管局］",
    ]
    tokenizer = bm25s.tokenization.Tokenizer(lower=False, splitter=segmenter.tokens, stopwords=None)
    retriever = bm25s.BM25()
    retriever.index(tokenizer.tokenize(docs, return_as="tuple", show_progress=False), show_progress=False)
    query = tokenizer.tokenize(["请问哪些单位负责首版次？"], update_vocab=False, return_as="tuple", show_progress=False)
    ids, _ = retriever.retrieve(query, k=1, show_progress=False)
    assert ids.tolist() == [[1]]
    query = tokenizer.tokenize(["市场监管局"], update_vocab=False, return_as="tuple", show_progress=False)
    ids, _ = retriever.retrieve(query, k=1, show_progress=False)
    assert ids.tolist() == [[2]]
