"""Stage 2, normalise: clean text into logical lines, each remembering where it started in the file.

What is removed or mended, and why:
- full-width digits and letters become ASCII and ASCII brackets become full-width, so one rule matches both;
- spaces between Chinese characters (PDF layout) are dropped; spaces next to digits or Latin are kept
  because space-separated tables rely on them;
- page numbers (—6—, - 17 -), image placeholders, Word anchors and the 抄送 / 印发 footer are dropped;
- lines hard-wrapped by PDF extraction are joined back into paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.text import CJK


@dataclass(frozen=True)
class Line:
    text: str
    number: int  # 1-based line number in the source file where this logical line starts
    indented: bool = False  # began with white space: in PDF text, often the first line of a page


_WIDTH_MAP = {ord("("): "（", ord(")"): "）", ord("﹝"): "〔", ord("﹞"): "〕", ord("％"): "%", ord("\u3000"): " "}
_WIDTH_MAP.update({code: chr(code - 0xFEE0) for code in range(0xFF10, 0xFF1A)})  # ０-９
_WIDTH_MAP.update({code: chr(code - 0xFEE0) for code in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_WIDTH_MAP.update({code: chr(code - 0xFEE0) for code in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_WIDTH_MAP[0xFF0E] = "．"  # keep the full stop used as a numbering mark

_CJK_PUNCT = "，。、；：！？“”‘’《》（）【】〔〕…—"
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{CJK}{_CJK_PUNCT}]) +(?=[{CJK}{_CJK_PUNCT}])")
_PAGE_NUMBER = re.compile(r"^[—–\-－─_\s]*[—–\-－─]\s*\d{1,4}\s*[—–\-－─][—–\-－─\s]*$|^第\s*\d+\s*页(共\s*\d+\s*页)?$")
_PLACEHOLDER = re.compile(r"^\[(image|图片|img)[:：][^\]]*\]$|^_\d{6,}$|^!\[[^\]]*\]\([^)]*\)$", re.IGNORECASE)
_FOOTER_START = re.compile(r"^抄\s*送[：:]")
_PRINTED_ON = re.compile(r"^\S.*\d{4}年\d{1,2}月\d{1,2}日\s*印发$")

# A line that opens a new structural unit is never the tail of the previous paragraph.
STRUCTURE_MARK = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]"
    r"|[①-⑳]|第[一二三四五六七八九十百]+[章节条部分]|专栏\s*[\d一二三四五六七八九十]*|附件|附表|表\s*\d|——|—\s)"
)
HEADING_MARK = re.compile(STRUCTURE_MARK.pattern.replace("|——|—\\s)", ")"))
_TERMINAL = "。！？；：…”’）〕】》★☆!?;:"
_STANDALONE = re.compile(r"\S{0,12}〔\d{4}〕\d+号$|\d{4}年\d{1,2}月\d{1,2}日$|（此件.*）$")
# A caption such as 表1 … opens a space-separated table whose short lines must stay apart.
TABLE_CAPTION = re.compile(r"^表\s*\d+\s*\S")


_ENTITY = re.compile(r"&(?:[a-z]{2,6}|#\d{2,5});")  # HTML entities left in crawled text (&nbsp; &sp;)


# In a table cell a space between two words separates them (市公安局 市应急局); one beside a single character is
# letter-spacing (具 体 举 措).
_SPACE_BETWEEN_WORDS = re.compile(f"(?<=[{CJK}]{{2}}) +(?=[{CJK}]{{2}})")


def _clean_line(raw: str) -> str:
    text = raw.translate(_WIDTH_MAP).replace("\xa0", " ")
    if "&" in text:
        text = _ENTITY.sub(" ", text)
    text = text.strip(" \r\n\f\v")
    if " " not in text:
        return text
    if "\t" in text:
        return "\t".join(_SPACE_BETWEEN_CJK.sub("", _SPACE_BETWEEN_WORDS.sub("\x00", cell)).replace("\x00", " ")
                         for cell in text.split("\t"))
    return _SPACE_BETWEEN_CJK.sub("", text)


def starts_structure(raw: str) -> bool:
    """Whether a raw line opens a new structural unit (heading, numbered item, box, annex)."""
    return bool(STRUCTURE_MARK.match(_clean_line(raw)))


def _is_heading(text: str) -> bool:
    return bool(HEADING_MARK.match(text)) and "。" not in text and len(text) < 40


def _unclosed(text: str) -> bool:
    return any(opening in text and text.count(opening) > text.count(closing)
               for opening, closing in ("《》", "（）", "〔〕", "【】"))


def _wrap_width(lines: list[str]) -> int | None:
    """The width a PDF wrapped its lines at, when most lines share one; None for paragraph-per-line text."""
    lengths = [len(t) for t in lines if len(t) >= 12]
    if len(lengths) < 20:
        return None
    width, _ = Counter(lengths).most_common(1)[0]
    near = sum(1 for n in lengths if abs(n - width) <= 2)
    return width if width <= 60 and near >= 0.3 * len(lengths) else None


def _standalone(text: str) -> bool:
    """A line that stands alone: a document number, a date, a (此件…) note, a 的通知 title."""
    return text.endswith("的通知") or bool(_STANDALONE.match(text))


def _continues(prev: str, nxt: Line, wrap_width: int | None) -> bool:
    """Whether `nxt` is the rest of the paragraph that `prev` started."""
    if not prev or "\t" in prev or "\t" in nxt.text:
        return False
    if _unclosed(prev):
        return True
    if _standalone(prev) or _standalone(nxt.text):
        return False
    if STRUCTURE_MARK.match(nxt.text) or prev[-1] in _TERMINAL or _is_heading(prev):
        return False
    if wrap_width is not None:
        return len(prev) >= wrap_width - 4
    # Paragraph-per-line text: a break inside a sentence, after a line that already reads as prose.
    return len(prev) >= 20 and any(p in prev for p in "，。、；")


def normalise(text: str) -> list[Line]:
    """Clean `text` and return its logical lines (blank lines dropped)."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned: list[Line] = []
    in_footer = False
    for number, raw in enumerate(raw_lines, start=1):
        line = _clean_line(raw)
        # The 抄送 (copied to) block closes an official document; only an annex may follow it.
        if _FOOTER_START.match(line):
            in_footer = True
        elif in_footer and line.startswith("附件"):
            in_footer = False
        if in_footer or not line or _PAGE_NUMBER.match(line) or _PLACEHOLDER.match(line) or _PRINTED_ON.match(line):
            continue
        cleaned.append(Line(line, number, indented=raw[:1].isspace() and not raw.startswith("\t")))

    width = _wrap_width([ln.text for ln in cleaned])
    joined: list[Line] = []
    in_caption_table = False
    for line in cleaned:
        if TABLE_CAPTION.match(line.text):
            in_caption_table = True
        elif in_caption_table and _is_heading(line.text):
            in_caption_table = False
        if joined and not in_caption_table and _continues(joined[-1].text, line, width):
            prev = joined[-1]
            joined[-1] = Line(_SPACE_BETWEEN_CJK.sub("", prev.text + line.text), prev.number, prev.indented)
        else:
            joined.append(line)
    return joined
