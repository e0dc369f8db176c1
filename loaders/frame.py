"""The frame around a policy's text: heading, 发文字号, addressees, wrapper notice, signature blocks.

Part of stage 3 (segment).  An official document opens with its heading (possibly wrapped over lines), the
发文字号 and the addressees, and closes with a signature block: the issuing bodies and the date, then
（此件公开发布）.  A wrapper notice (关于印发X的通知, 转发Y的通知, a 令 that promulgates a regulation) has its own
signature right after its few paragraphs, and the policy it carries follows, often under its own title.
A government web page may add an information table (索引号, 发文机关, 成文日期, 标题, 发文字号): that is
metadata, never the heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.normalise import HEADING_MARK, Line
from loaders.references import DOC_NUMBER
from loaders.text import chinese_to_int, compare_key

__all__ = ["Frame", "Signature", "find_frame", "parse_date"]

_CN_DIGITS = {c: i % 10 for i, c in enumerate("〇一二三四五六七八九零")} | {"○": 0, "O": 0, "Ｏ": 0, "0": 0}
_CN_DIGIT = "".join(_CN_DIGITS)
_DATE = re.compile(
    rf"^(?P<y>\d{{4}}|[{_CN_DIGIT}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*日$"
)
_ISSUER_END = re.compile(r"(人民政府|政府|办公室|办公厅|委员会|局|厅|部|院|委|会|中心|管委会|总署|署|办|政府令)$")
_SIGNER = re.compile(r"^(总理|省长|市长|区长|县长|主席|主任|部长|局长)\s*\S{2,4}$")
_PUBLIC_NOTE = re.compile(r"^（(此件|本文|此文)[^）]{0,12}）$")
_INFO_FIELD = re.compile(r"^(索引号|主题分类|发文机关|成文日期|标题|发文字号|发布日期|主题词|有效性|文号|发布机构|生成日期)"
                         r"\s*[：:]?\s*")
_ORDER_NUMBER = re.compile(r"^第\s*(\d+)\s*号$")
_LETTERHEAD = re.compile(r"^\S{2,30}文件$")
_ADDRESSEES = re.compile(r"[：:]$")
_WRAPPERS = (
    ("issue", re.compile(r"关于(?:印发|发布|颁发|颁布|公布|下发)(?P<inner>.+?)的(?:通知|函|决定)$")),
    ("forward", re.compile(r"(?:批转|转发)(?P<inner>.+?)的(?:通知|函)$")),
)


@dataclass(frozen=True)
class Signature:
    """A signature block: who signed, when, and the lines it spans."""

    issuers: tuple[str, ...]  # issuing bodies as signed (joint issuers one each)
    signer: str | None  # a person signing for the issuer (总理 李克强)
    date: str  # ISO date
    start: int  # index of its first line
    end: int  # index after its last line (a （此件公开发布） note included)


@dataclass
class Frame:
    heading: str  # the document's own heading as printed, lines joined
    wrapper: str  # "" | "issue" (印发) | "forward" (转发) | "order" (令)
    title: str  # the policy's own title: the wrapped document's, or the heading
    doc_number: str | None
    body_start: int  # index of the first line of the policy's text
    signatures: list[Signature] = field(default_factory=list)
    info: dict[str, str] = field(default_factory=dict)  # a web page's information table

    @property
    def signature(self) -> Signature | None:
        """The signature that dates and issues the document: the wrapper's, or the notice's own."""
        return self.signatures[0] if self.signatures else None


def parse_date(text: str) -> str | None:
    """A written date as ISO: 2019年1月27日 or 一九九六年二月五日 → 1996-02-05.

    >>> parse_date("二〇〇五年六月十一日"), parse_date("2019年1月27日"), parse_date("明年")
    ('2005-06-11', '2019-01-27', None)
    """
    match = _DATE.match(text.strip())
    if not match:
        return None
    year = match.group("y")
    if not year.isdigit():
        year = "".join(str(_CN_DIGITS[c]) for c in year)
    month, day = (int(v) if v.isdigit() else chinese_to_int(v) for v in (match.group("m"), match.group("d")))
    if not (month and day and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year}-{month:02d}-{day:02d}"


def _issuer_line(text: str) -> list[str] | None:
    """The issuing bodies a signature line names (国务院办公厅 中央军委办公厅 → two), or None."""
    if len(text) > 40 or re.search(r"[，。；：,;:]", text):
        return None
    names = [n for n in re.split(r"[\s、]+", text) if n]
    return names if names and all(_ISSUER_END.search(n) and len(n) >= 2 for n in names) else None


def _signatures(lines: list[Line]) -> list[Signature]:
    found = []
    for index, line in enumerate(lines):
        date = parse_date(line.text)
        if date is None:
            continue
        start, issuers, signer = index, [], None
        while start > 0 and len(issuers) < 4:
            previous = lines[start - 1].text
            names = _issuer_line(previous)
            if names is None and _SIGNER.match(previous) and signer is None and not issuers:
                signer = previous
            elif names is None:
                break
            else:
                issuers = names + issuers
            start -= 1
        if not issuers and signer is None and start == index and index > 0 and not _after_paragraph(lines, index):
            continue
        end = index + 1
        if end < len(lines) and _PUBLIC_NOTE.match(lines[end].text):
            end += 1
        found.append(Signature(tuple(issuers), re.sub(r"\s+", " ", signer) if signer else None, date, start, end))
    return found


def _after_paragraph(lines: list[Line], index: int) -> bool:
    """A date alone on its line right after a paragraph of prose still closes a notice (no issuer printed)."""
    return lines[index - 1].text[-1:] in "。！" and len(lines[index - 1].text) > 20


def _info_table(lines: list[Line]) -> tuple[dict[str, str], int]:
    """A web page's information table at the top (label：value lines or tab-separated label/value cells)."""
    info: dict[str, str] = {}
    index = 0
    while index < len(lines):
        cells = [c.strip() for c in re.split(r"\t", lines[index].text) if c.strip()]
        pairs = []
        for cell in cells:
            match = _INFO_FIELD.match(cell)
            if match and cell[match.end():]:
                pairs.append((match.group(1), cell[match.end():].strip()))
            elif match:
                pairs.append((match.group(1), ""))
            elif pairs and not pairs[-1][1]:
                pairs[-1] = (pairs[-1][0], cell)
            else:
                return info, index
        info.update((k, v) for k, v in pairs if v)
        index += 1
    return info, index


def _heading(lines: list[Line], start: int) -> tuple[list[str], int]:
    """The heading lines from `start`: short lines before the 发文字号, the addressees or the first prose."""
    parts: list[str] = []
    index = start
    while index < len(lines) and len(parts) < 4:
        text = lines[index].text
        if _is_doc_number(text) or parse_date(text) or (parts and _ADDRESSEES.search(text)):
            break
        if re.match(r"^（[^）]*）$", text):  # a subtitle: (2022-2025年) belongs to the title; a draft note does not
            if re.search(r"\d{4}", text) and "日" not in text:
                parts.append(text)
            index += 1
            continue
        if parts and (len(text) > 40 or re.search(r"[，。；：,;:\t]", text) or HEADING_MARK.match(text)
                      or re.match(r"^\d{1,2}(?:\.\d{1,2})*\s*[\u4e00-\u9fff]|^目录$", text)):
            break  # prose, a numbered heading (1 总则) or a table of contents: the heading has ended
        parts.append(text)
        index += 1
    return parts, index


def _is_doc_number(text: str) -> bool:
    return len(text) < 40 and bool(DOC_NUMBER.fullmatch(text.strip()) or _ORDER_NUMBER.match(text.strip()))


def _doc_number(heading: str, lines: list[Line], index: int) -> tuple[str | None, int]:
    """The 发文字号 printed under the heading (国发〔2019〕5号; 第707号 under a 令 heading: 国令第707号)."""
    for offset in range(index, min(index + 2, len(lines))):
        text = lines[offset].text.strip()
        order = _ORDER_NUMBER.match(text)
        if order and heading.endswith("令"):
            issuer = re.sub(r"^中华人民共和国", "", heading)[:-1]
            prefix = "国令" if issuer == "国务院" else f"{issuer}令"
            return f"{prefix}第{order.group(1)}号", offset + 1
        if _is_doc_number(text) and not order:
            return re.sub(r"\s+", "", text), offset + 1
    return None, index


def _wrapped_title(heading: str) -> tuple[str, str]:
    for kind, pattern in _WRAPPERS:
        match = pattern.search(heading)
        if match:
            return kind, match.group("inner").strip("《》 ")
    return "", heading


def _skip_inner_heading(lines: list[Line], start: int, title: str) -> tuple[int, str]:
    """After a wrapper's signature: the carried document's own heading (and its subtitle) if it is printed,
    after the letterhead (…文件) and 发文字号 that a printed copy may repeat."""
    while start < len(lines) and (_is_doc_number(lines[start].text) or _LETTERHEAD.match(lines[start].text)):
        start += 1
    target = compare_key(title)
    for span in (1, 2, 3):
        joined = "".join(ln.text for ln in lines[start:start + span])
        key = compare_key(joined)
        if key and (key == target or (len(joined) <= 60 and not re.search(r"[，。；：,;:]", joined)
                                      and span == 1 and not HEADING_MARK.match(joined)
                                      and _looks_like_title(joined))):
            index = start + span
            while index < len(lines) and re.match(r"^（[^）]*）$", lines[index].text):
                index += 1
            return index, joined
    return start, ""


def _looks_like_title(text: str) -> bool:
    return bool(re.search(r"(条例|办法|规定|细则|规则|方案|规划|计划|意见|预案|报告|请示|纲要|决定|制度|通知|标准|清单)$", text))


def find_frame(lines: list[Line]) -> Frame:
    """The frame of a document's lines: its heading, wrapper, 发文字号, signatures and where the policy's text
    starts."""
    info, start = _info_table(lines)
    letterhead_number = None
    while start < len(lines) and (_LETTERHEAD.match(lines[start].text) or _is_doc_number(lines[start].text)):
        if _is_doc_number(lines[start].text):  # a printed copy: 南通市人民政府文件, then the 发文字号, then the heading
            letterhead_number = re.sub(r"\s+", "", lines[start].text)
        start += 1
    parts, index = _heading(lines, start)
    heading = "".join(parts)
    doc_number, index = _doc_number(heading, lines, index)
    doc_number = doc_number or letterhead_number
    if doc_number is None:  # printed elsewhere in the front matter, or only in the web page's table
        doc_number = next((re.sub(r"\s+", "", line.text) for line in lines[index:index + 15]
                           if _is_doc_number(line.text) and not _ORDER_NUMBER.match(line.text.strip())),
                          re.sub(r"\s+", "", info.get("发文字号", "")) or None)
    signatures = _signatures(lines)
    wrapper, title = _wrapped_title(heading)
    if not wrapper and heading.endswith("令") and doc_number:
        wrapper = "order"
    first = next((s for s in signatures if s.start >= index), None)
    body_start = index
    if wrapper and first is not None:
        body_start, printed = _skip_inner_heading(lines, first.end, title)
        if wrapper == "order" and printed:
            title = printed
        elif wrapper == "order":
            title = _promulgated(lines[index:first.start]) or title
    elif wrapper:
        body_start = _after_repeated_title(lines, index, title)
    while body_start < len(lines) and _ADDRESSEES.search(lines[body_start].text) and len(lines[body_start].text) < 200:
        body_start += 1  # the addressees (各省、自治区、直辖市人民政府，国务院各部委：)
    return Frame(heading, wrapper, title or info.get("标题", ""), doc_number, body_start,
                 [s for s in signatures if s.start >= index], info)


def _promulgated(lines: list[Line]) -> str | None:
    """The regulation a 令 promulgates: 现公布《X》."""
    for line in lines:
        match = re.search(r"《([^》]+)》", line.text)
        if match:
            return match.group(1)
    return None


def _after_repeated_title(lines: list[Line], start: int, title: str) -> int:
    """A wrapper with no signature: the policy starts after its title is printed again, if it is."""
    target = compare_key(title)
    for i in range(start, min(len(lines), start + 25)):
        for span in (1, 2, 3):
            if compare_key("".join(ln.text for ln in lines[i:i + span])) == target:
                return i + span
    return start
