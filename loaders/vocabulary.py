"""The loaders' vocabularies, kept once as data in loaders/data/ and read by the rules.

Role labels, role words, table column headers, body suffixes, collective words, goal verbs, comparators and
units are edited as text files; this module reads each once and offers it as a mapping or a regular
expression, longest entries first so that 牵头单位 wins over 牵头.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from loaders.text import word_list

_DATA = Path(__file__).parent / "data"

LEAD, CO, SOLE, UNSPECIFIED = "lead", "co", "sole", "unspecified"


def rows(name: str) -> list[list[str]]:
    """Tab-separated rows of loaders/data/NAME, comments and blank lines skipped."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def role_labels() -> dict[str, str]:
    """Label → role (lead | co | unspecified): 牵头单位 → lead."""
    return {label: role for label, role in rows("role_labels.tsv")}


@cache
def role_words() -> dict[str, str]:
    """Role word written after bodies → meaning (lead | co | shared | duty)."""
    return {word: meaning for word, meaning in rows("role_words.tsv")}


@cache
def label_pattern() -> re.Pattern[str]:
    """A role label opening a clause, with an optional level prefix and the colon: 市级牵头单位："""
    return re.compile(rf"^(?:[省市县区]级)?(?P<label>{alternation(list(role_labels()))})\s*[：:]\s*")


@cache
def role_word_pattern() -> re.Pattern[str]:
    """A role word closing a list of bodies (甲局、乙局按职责分工负责), also in brackets (甲局（牵头）), or a label as a
    predicate (甲局为牵头单位)."""
    words, labels = alternation(list(role_words())), alternation(list(role_labels()))
    return re.compile(rf"(?:(?P<word>{words})|（(?P<bracketed>{words})）|[为是](?P<label>{labels}))$")


@cache
def bracketed_label_pattern() -> re.Pattern[str]:
    """A role label written as a bracketed heading instead of with a colon: 【牵头单位】甲局."""
    return re.compile(rf"【(?P<label>(?:[省市县区]级)?(?:{alternation(list(role_labels()))}))】")


@cache
def glued_label_pattern() -> re.Pattern[str]:
    """A label that follows a name with no punctuation between (spaces dropped): 甲局配合单位：乙局."""
    return re.compile(rf"(?<=[^\s：:，,；;、（(级])(?=(?:[省市县区]级)?(?:{alternation(list(role_labels()))})\s*[：:])")


@cache
def table_columns() -> dict[str, str]:
    """Header word → column kind; owner labels map to lead, co or resp."""
    columns = {word: kind for kind, words in rows("table_columns.tsv") for word in words.split(",")}
    owner_kind = {LEAD: "lead", CO: "co", UNSPECIFIED: "resp"}
    columns.update({label: owner_kind[role] for label, role in role_labels().items()})
    return columns


@cache
def body_suffix_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(word_list('body_suffixes'))}|）)$")


@cache
def generic_body_pattern() -> re.Pattern[str]:
    """A collective word that names no body: 有关部门, 各有关单位, 其他相关部门和单位."""
    prefix = r"(?:各|有关|相关|其他|其余|各级|各地|国务院|中央|国家|[省市县区](?:级|直|委|政府)?|地方|及|和|与|等)*"
    return re.compile(rf"^{prefix}(?:{alternation(word_list('generic_bodies'))})$")


# The declaration that the body listed first leads: 列第一位者为牵头单位, 排在第一位的为牵头部门, 首位为牵头单位,
# with what may follow it (，其他为配合单位 / ，下同).
FIRST_LISTED_LEADS = re.compile(
    r"(?:[（(]?\s*(?:各项任务中|上述任务中|以上任务)?(?:[列排位居]?(?:在|于)?(?:第一|首)(?:位|个|名)?(?:者|的)?"
    r"(?:单位|部门|责任单位)?|第一个单位|首位)(?:为|是)(?:牵头|主要负责|主责)(?:单位|部门)?"
    r"(?:[，,；;]?\s*(?:其他|其余|其他单位|其余单位)(?:为|是)(?:配合|参与|协办)(?:单位|部门)?)?"
    r"(?:[，,；;]?\s*下同)?\s*[）)]?)"
)
