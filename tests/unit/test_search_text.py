"""How names, phones and typed queries become search tokens (no database needed)."""

from __future__ import annotations

import pytest

from crmdesk.domain.search_text import (
    SearchSubject,
    match_expression,
    phone_tokens,
    pinyin_tokens,
    search_document,
    sort_key,
    text_tokens,
)


def test_chinese_characters_are_tokens_of_their_own_and_full_width_is_folded() -> None:
    assert text_tokens("某某科技 ＡＢＣ１２３") == ["某", "某", "科", "技", "abc123"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("张三", {"zhangsan", "zs", "san", "s"}),
        ("单田芳", {"dantianfang", "dtf", "shantianfang", "stf"}),
        ("曾国藩", {"cengguofan", "zengguofan", "zgf"}),
        ("区志华", {"quzhihua", "ouzhihua", "ozh"}),
    ],
)
def test_pinyin_tokens_include_full_initials_and_surname_readings(
    name: str, expected: set[str]
) -> None:
    assert expected <= set(pinyin_tokens(name))


def test_phone_digits_are_stored_as_suffixes_so_a_prefix_query_finds_any_fragment() -> None:
    tokens = phone_tokens("+86 138-1234-8000")
    assert "13812348000" in tokens
    assert "8000" in tokens
    assert all(len(t) >= 3 for t in tokens)


def test_document_keeps_character_order_for_phrase_queries() -> None:
    document = search_document(SearchSubject(code="KH-A-1", names=["某某科技"]))
    assert " 某 某 科 技 " in f" {document} "


def test_sort_key_is_full_pinyin_then_initials() -> None:
    assert sort_key("张三") == "zhangsan zs"
    assert sort_key("Acme Ltd") == "acme ltd al"


def test_sort_key_keeps_latin_and_digits_of_mixed_names_in_place() -> None:
    assert sort_key("ABC科技有限公司").startswith("abc kejiyouxiangongsi")
    assert sort_key("3M中国").startswith("3m zhongguo")
    assert sort_key("3M中国") < sort_key("阿里巴巴") < sort_key("张三")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("zs", '"zs" *'),
        ("科技", '"科 技"'),
        ("张 zs", '"张" AND "zs" *'),
        ("138-1234", '("138 1234" * OR "1381234" *)'),
    ],
)
def test_typed_words_become_match_expressions(query: str, expected: str) -> None:
    assert match_expression(query) == expected


@pytest.mark.parametrize("query", ["", "   ", "---", "《》", '"', "*"])
def test_queries_without_words_match_nothing_rather_than_everything(query: str) -> None:
    assert match_expression(query) is None


def test_search_syntax_typed_by_a_user_is_taken_literally() -> None:
    expression = match_expression('NEAR("a" b) OR x*')
    assert expression == '("near a" * OR "neara" *) AND "b" * AND "or" * AND "x" *'
