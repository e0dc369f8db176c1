"""Document metadata from the front matter: 发文字号, issuer, date of issue, region."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.references import DOC_NUMBER, normalise_doc_number

_DATE = re.compile(r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")
_ISSUER = re.compile(r"(人民政府|政府|办公室|办公厅|委员会|局|厅|部|院|委|会|中心|管委会)$")
_REGION = re.compile(
    r"^((?:[\u4e00-\u9fff]{2,8}?(?:省|自治区))?(?:[\u4e00-\u9fff]{1,8}?(?:市|自治州|地区|盟))?"
    r"(?:[\u4e00-\u9fff]{1,8}?(?:区|县|旗))?)"
)
_DRAFT = re.compile(r"（[^）]*(征求意见|送审|讨论|草案)[^）]*稿?）$")


@dataclass(frozen=True)
class Metadata:
    title: str
    doc_number: str | None
    issuer: str | None
    issued_on: str | None
    region: str | None


def region_of(name: str | None) -> str | None:
    """The jurisdiction a body or title names first: 南通市通州区人民政府 → 南通市通州区."""
    if not name:
        return None
    match = _REGION.match(name)
    region = match.group(1) if match else ""
    return region or None


def extract_metadata(title: str, wrapper_title: str, front_lines: list[str]) -> Metadata:
    title = _DRAFT.sub("", title).strip()
    doc_number = next((normalise_doc_number(m.group(0)) for line in front_lines
                       for m in [DOC_NUMBER.search(line)] if m and len(line) < 40), None)
    issued_on, issuer = None, None
    for i, line in enumerate(front_lines):
        date = _DATE.match(line)
        if date:
            issued_on = f"{date.group(1)}-{int(date.group(2)):02d}-{int(date.group(3)):02d}"
            previous = front_lines[i - 1] if i else ""
            if _ISSUER.search(previous) and len(previous) <= 30:
                issuer = previous
            break
    if issuer is None and wrapper_title:
        head = wrapper_title.split("关于", 1)[0]
        issuer = head if len(head) >= 4 and _ISSUER.search(head) else None
    region = region_of(issuer) or region_of(title)
    return Metadata(title, doc_number, issuer, issued_on, region)
