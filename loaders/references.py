"""Cited documents: 《…》 titles, with the 发文字号 printed right after them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text import compare_key

_TITLE = re.compile(r"《([^《》\n]{2,100})》")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［【（(]\s*(?:19|20)\d{2}\s*[〕\]］】）)]\s*第?\s*\d{1,5}\s*号")
_NUMBER_AFTER = re.compile(rf"^\s*[（(]\s*({DOC_NUMBER.pattern})\s*[）)]")


@dataclass(frozen=True)
class Citation:
    title: str
    doc_number: str | None
    start: int  # offset of 《 in the searched text
    end: int


def normalise_doc_number(number: str) -> str:
    """One spelling for 发文字号: year in 〔〕, no spaces."""
    number = re.sub(r"\s+", "", number)
    return re.sub(r"[\[［【（(﹝]((?:19|20)\d{2})[\]］】）)﹞]", r"〔\1〕", number)


def find_citations(text: str, own_titles: list[str]) -> list[Citation]:
    """Citations in `text`, one per document: the own title is skipped, and a title that is the tail of
    another (国务院《关于…》 beside 《国务院关于…》) is the same document."""
    own = {compare_key(t) for t in own_titles if t}
    found: list[Citation] = []
    for match in _TITLE.finditer(text):
        title = match.group(1).strip()
        if compare_key(title) in own or not compare_key(title):
            continue
        number = _NUMBER_AFTER.match(text[match.end():])
        found.append(Citation(title, normalise_doc_number(number.group(1)) if number else None,
                              match.start(), match.end()))
    merged: list[Citation] = []
    for cite in sorted(found, key=lambda c: -len(compare_key(c.title))):
        key = compare_key(cite.title)
        same = next((m for m in merged if compare_key(m.title).endswith(key)), None)
        if same is None:
            merged.append(cite)
        elif same.doc_number is None and cite.doc_number:
            merged[merged.index(same)] = Citation(same.title, cite.doc_number, same.start, same.end)
    return sorted(merged, key=lambda c: c.start)
