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


# How a wrapper notice carries its document: 现将《X》印发给你们, 《X》已经国务院同意，现转发给你们, 现予公布.
_CARRIES = re.compile(r"(?:现将|现把|现予|已经.{0,12}同意).{0,30}?(?:印发|转发|批转|公布|颁布|发布)|"
                      r"(?:印发|转发|批转)给你们")
_SHORT_NAME = re.compile(r"(以下简称|简称|下称)\s*$")


def _self_reference(text: str, match: re.Match[str], front_end: int) -> bool:
    """本《意见》; （以下简称《方案》）; and, in a wrapper notice, the document it carries (现将《X》印发给你们)."""
    before = text[max(0, match.start() - 6):match.start()]
    if before.endswith("本") or _SHORT_NAME.search(before):
        return True
    if match.start() >= front_end:
        return False
    sentence_start = max(text.rfind(mark, 0, match.start()) for mark in "。；\n") + 1
    sentence_end = min((i for i in (text.find(mark, match.end()) for mark in "。；\n") if i >= 0), default=len(text))
    sentence = re.sub(r"《[^《》]*》", "《》", text[sentence_start:sentence_end])  # titles say 印发 too
    return bool(_CARRIES.search(sentence))


def find_citations(text: str, own_titles: list[str], front_end: int = 0) -> list[Citation]:
    """Citations in `text`, one per document: the own title and self-references are skipped (`front_end`: where
    the wrapper notice that carries the document ends), and a title that is the tail of another
    (国务院《关于…》 beside 《国务院关于…》) is the same document."""
    own = {compare_key(t) for t in own_titles if t}
    # Short names a text defines (以下简称《方案》) stand for a title already cited, or its own.
    own |= {compare_key(m.group(1)) for m in _TITLE.finditer(text)
            if _SHORT_NAME.search(text[max(0, m.start() - 6):m.start()])}
    found: list[Citation] = []
    for match in _TITLE.finditer(text):
        title = match.group(1).strip()
        if compare_key(title) in own or not compare_key(title) or _self_reference(text, match, front_end):
            continue
        number = _NUMBER_AFTER.match(text[match.end():])
        found.append(Citation(title, normalise_doc_number(number.group(1)) if number else None,
                              match.start(), match.end()))
    merged: list[Citation] = []
    for cite in sorted(found, key=lambda c: -len(compare_key(c.title))):
        key = compare_key(cite.title)
        # 国务院《关于…》 beside 《国务院关于…》: the shorter title lacks only its issuer.
        same = next((m for m in merged if key.startswith("关于") and compare_key(m.title).endswith(key)), None)
        if same is None:
            merged.append(cite)
        elif same.doc_number is None and cite.doc_number:
            merged[merged.index(same)] = Citation(same.title, cite.doc_number, same.start, same.end)
    return sorted(merged, key=lambda c: c.start)
