"""Document metadata, read after segmentation: title, 发文字号, issuer, date of issue, region.

The title is the policy's own (the document a 印发/转发 wrapper or a 令 carries, else the heading); issuer and
date come from the signature block (the wrapper's, or the notice's own at its end), then from a web page's
information table, then from the heading (国务院办公厅关于…).  Region: documents of 国务院, its offices and
ministries are 全国; otherwise the place the issuer names, then the title, then the city the text names
most — a city's document never falls back to its province.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.frame import parse_date
from loaders.jurisdiction import national_body, split_place
from loaders.segment import SegmentedDocument
from loaders.text import compare_key
from loaders.topics import words

__all__ = ["Metadata", "read_metadata", "region_of"]

_DRAFT = re.compile(r"（[^）]*(征求意见|送审|讨论|草案)[^）]*稿?）$")
_ISSUER_HEAD = re.compile(r"^(.{2,30}?(?:人民政府|政府|办公室|办公厅|委员会|局|厅|部|委|院))(?:关于|转发|批转)")
NATIONWIDE = "全国"


@dataclass(frozen=True)
class Metadata:
    title: str
    doc_number: str | None
    issuer: str | None
    issued_on: str | None
    region: str | None
    wrapper_title: str  # the 关于印发…的通知 heading when the policy came wrapped, else ""


def region_of(name: str | None) -> str | None:
    """The place a body name or a title names first: 南通市通州区人民政府 → 南通市通州区.

    >>> region_of("南通市通州区人民政府"), region_of("株洲市城镇老旧小区改造方案"), region_of("城市更新行动方案")
    ('南通市通州区', '株洲市', None)
    """
    return split_place(name)[0] or None if name else None


def _issuer(doc: SegmentedDocument) -> str | None:
    frame = doc.frame
    signature = frame.signature
    if signature and signature.issuers:
        signed = "、".join(signature.issuers)
        head = _ISSUER_HEAD.match(frame.heading)
        # Joint issuers signed on one line lose the space between them: a heading that lists them with 、 splits them.
        listed = head and "、" in head.group(1) and compare_key(head.group(1)) == compare_key(signed)
        return head.group(1) if listed else signed
    if frame.wrapper == "order" and frame.heading.endswith("令"):
        return re.sub(r"^中华人民共和国", "", frame.heading)[:-1] or None
    if frame.info.get("发文机关"):
        return frame.info["发文机关"]
    head = _ISSUER_HEAD.match(frame.heading)
    return head.group(1) if head else None


def _issued_on(doc: SegmentedDocument) -> str | None:
    signature = doc.frame.signature
    if signature:
        return signature.date
    written = doc.frame.info.get("成文日期", "")
    return parse_date(written) or (written if re.fullmatch(r"\d{4}-\d{2}-\d{2}", written) else None)


_NOT_CITIES = ("城市", "都市", "超市", "上市", "门市", "股市", "夜市", "集市", "全市", "各市", "本市", "该市")


def _most_named_city(text: str) -> str | None:
    """The city a text names most: a word of the dictionary ending in 市 (湘潭市), not a common word (城市)."""
    counts = Counter(word for word in words(text) if 3 <= len(word) <= 5 and word.endswith("市")
                     and not word.endswith(_NOT_CITIES))
    return counts.most_common(1)[0][0] if counts else None


def _region(issuer: str | None, title: str, text: str) -> str | None:
    if issuer and all(national_body(name) for name in issuer.split("、")):
        return NATIONWIDE
    return region_of(issuer) or region_of(title) or _most_named_city(text)


def read_metadata(doc: SegmentedDocument) -> Metadata:
    frame = doc.frame
    title = _DRAFT.sub("", frame.title).strip()
    issuer = _issuer(doc)
    wrapper_title = frame.heading if frame.wrapper in ("issue", "forward") else ""
    return Metadata(title, frame.doc_number, issuer, _issued_on(doc), _region(issuer, title, doc.text),
                    wrapper_title)
