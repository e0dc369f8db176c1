"""Stage 3, segment: logical lines into front matter, a tree of numbered items, 专栏 boxes, annexes and tables.

Numbering levels are not fixed: the first marker style met becomes the top level, the next new
style its child, and so on, so a plan that starts at 1. or at （一） is read as correctly as one that
starts at 一、.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.normalise import HEADING_MARK, TABLE_CAPTION, Line
from loaders.text import compare_key


@dataclass
class Span:
    """Where something sits: original line number and character offsets in the normalised text."""

    line: int
    start: int
    end: int


@dataclass
class Paragraph:
    text: str
    span: Span


@dataclass
class TableRow:
    cells: list[str]
    span: Span


@dataclass
class Table:
    header: list[str]
    rows: list[TableRow]
    span: Span
    tab_separated: bool = True


@dataclass
class Item:
    """A numbered unit of the text (heading or measure), a 专栏 box, an annex, or the body itself."""

    kind: str  # "body" | "item" | "box" | "annex"
    marker: str  # numbering style: cn 一、 | pcn （一） | ar 1. | par （1） | circ ① | chapter | article
    number: str
    title: str
    text: str
    span: Span
    path: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    boxes: list[Item] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    parent: Item | None = field(default=None, repr=False)


@dataclass
class SegmentedDocument:
    text: str  # the normalised text all spans point into
    front_matter: list[Paragraph]
    title: str
    wrapper_title: str
    body: Item
    annexes: list[Item]
    line_numbers: list[int]  # source line number of each normalised line

    def span_at(self, start: int, end: int) -> Span:
        """The span of offsets `start`..`end` in the normalised text, with its source line."""
        return Span(self.line_numbers[self.text.count("\n", 0, start)], start, end)


_MARKERS: list[tuple[str, re.Pattern[str]]] = [
    ("cn", re.compile(r"^([一二三四五六七八九十]+)、\s*")),
    ("pcn", re.compile(r"^[（(]([一二三四五六七八九十]+)[）)]\s*")),
    ("ar", re.compile(r"^(\d{1,2})\s*[.．、](?!\d)\s*")),
    ("par", re.compile(r"^[（(](\d{1,2})[）)]\s*")),
    ("circ", re.compile(r"^([①-⑳])\s*")),
    ("chapter", re.compile(r"^第([一二三四五六七八九十百]+)[章部分]+\s*")),
    ("article", re.compile(r"^第([一二三四五六七八九十百]+)条\s*")),
]
_PATH_FORMAT = {"cn": "{}", "pcn": "({})", "ar": "{}", "par": "({})", "circ": "{}", "chapter": "第{}章",
                "article": "第{}条"}
_BOX = re.compile(r"^专栏\s*([\d一二三四五六七八九十]*)\s*[：:]?\s*(.*)$")
_ANNEX = re.compile(r"^附件\s*(\d*)\s*[：:]?\s*$")
_ANNEX_LIST = re.compile(r"^附件\s*[：:]")
_WRAPPER = re.compile(r"关于印发(.+?)的通知")
_SUBTITLE = re.compile(r"^（[^）]*）$")
_FRONT_END = re.compile(r"^（此件.*）$|^\d{4}年\d{1,2}月\d{1,2}日$")


def _split_title(rest: str) -> tuple[str, str]:
    """A heading line's own title (its first short sentence) and its full text."""
    sentence = rest.split("。", 1)[0]
    if "。" in rest and len(sentence) <= 40:
        return sentence, rest
    if len(rest) <= 40:
        return rest, ""
    clause = re.split(r"[，；]", rest, maxsplit=1)[0]
    return (clause if len(clause) <= 40 else rest[:40]), rest


def _find_body_start(lines: list[Line]) -> tuple[int, str, str]:
    """Index of the first body line, the policy's own title and the 关于印发…的通知 wrapper title."""
    wrapper_title, inner, start = "", "", 0
    for i in range(min(len(lines), 8)):
        for span in (1, 2, 3, 4):  # the wrapper title may be wrapped over several short lines
            joined = "".join(ln.text for ln in lines[i:i + span])
            match = _WRAPPER.search(joined)
            if match and joined.endswith("通知"):
                wrapper_title, inner, start = joined, match.group(1).strip("《》 "), i + span
                break
        if inner:
            break
    if inner:
        target = compare_key(inner)
        for i in range(start, min(len(lines), start + 25)):
            for span in (1, 2, 3):
                joined = "".join(ln.text for ln in lines[i:i + span])
                if compare_key(joined) == target:
                    return i + span, inner, wrapper_title
        # The title is not repeated: the body begins after the signature block.
        end = start
        for i in range(start, min(len(lines), start + 15)):
            if _FRONT_END.match(lines[i].text):
                end = i + 1
        return end, inner, wrapper_title
    # No wrapper: the first short lines are the title; a parenthesised line is a subtitle.
    title_parts: list[str] = []
    i = 0
    while i < len(lines) and len(title_parts) < 3:
        text = lines[i].text
        if _SUBTITLE.match(text):
            if re.search(r"\d{4}", text):
                title_parts.append(text)
            i += 1
            continue
        if title_parts and (len(text) > 40 or any(p in text for p in "，。；：\t") or HEADING_MARK.match(text)):
            break
        title_parts.append(text)
        i += 1
    return i, "".join(title_parts), ""


class _Builder:
    """Walks the body lines once, keeping a stack of open numbered items."""

    def __init__(self, text_offsets: list[int], lines: list[Line]) -> None:
        self.offsets = text_offsets
        self.lines = lines
        self.body = Item("body", "body", "", "", "", Span(0, 0, 0), "body")
        self.annexes: list[Item] = []
        self.container = self.body
        self.stack: list[Item] = []
        self.box: Item | None = None
        self.table: Table | None = None
        self.in_annex_list = False

    def span(self, index: int) -> Span:
        start = self.offsets[index]
        return Span(self.lines[index].number, start, start + len(self.lines[index].text))

    def current(self) -> Item:
        return self.stack[-1] if self.stack else self.container

    def close_open_blocks(self) -> None:
        self.box = None
        self.table = None

    def add(self, index: int) -> None:
        line = self.lines[index]
        text = line.text
        if "\t" in text:
            self.add_table_row(index, text.split("\t"))
            return
        if self.table is not None and not self.table.tab_separated:
            if HEADING_MARK.match(text) and not re.match(r"^\d", text):
                self.table = None
            else:
                self.table.rows.append(TableRow([text], self.span(index)))
                return
        self.table = None
        if self.in_annex_list and re.match(r"^\d{1,2}\s*[.．、]", text) and "。" not in text and len(text) < 40:
            return  # an entry of the 附件：1. … 2. … list, not a numbered item
        self.in_annex_list = bool(_ANNEX_LIST.match(text)) and not _ANNEX.match(text)
        if _ANNEX.match(text):
            self.open_annex(index, _ANNEX.match(text).group(1))
            return
        if self.container.kind == "annex" and not self.container.title and not HEADING_MARK.match(text):
            self.container.title = text
            return
        if TABLE_CAPTION.match(text):
            self.box = None
            self.table = Table([], [], self.span(index), tab_separated=False)
            self.current().tables.append(self.table)
            return
        box = _BOX.match(text)
        if box:
            self.open_box(index, box.group(1), box.group(2))
            return
        if self.box is not None and not line.indented and not HEADING_MARK.match(text):
            self.box.paragraphs.append(Paragraph(text, self.span(index)))
            return
        self.box = None
        for marker, pattern in _MARKERS:
            match = pattern.match(text)
            if match:
                self.open_item(index, marker, match.group(1), text[match.end():])
                return
        self.current().paragraphs.append(Paragraph(text, self.span(index)))

    def add_table_row(self, index: int, cells: list[str]) -> None:
        self.box = None
        cells = [c.strip() for c in cells]
        if self.table is None or not self.table.tab_separated:
            self.table = Table([], [], self.span(index))
            self.current().tables.append(self.table)
        self.table.rows.append(TableRow(cells, self.span(index)))

    def open_annex(self, index: int, number: str) -> None:
        self.close_open_blocks()
        number = number or str(len(self.annexes) + 1)
        annex = Item("annex", "annex", number, "", "", self.span(index), f"annex{number}")
        self.annexes.append(annex)
        self.container = annex
        self.stack = []

    def open_box(self, index: int, number: str, title: str) -> None:
        self.table = None
        parent = self.stack[-2] if len(self.stack) >= 2 else self.container
        number = number or str(len(parent.boxes) + 1)
        box = Item("box", "box", number, title, "", self.span(index), f"专栏{number}", parent=parent)
        parent.boxes.append(box)
        self.box = box

    def open_item(self, index: int, marker: str, number: str, rest: str) -> None:
        self.close_open_blocks()
        markers = [item.marker for item in self.stack]
        if marker in markers:
            del self.stack[markers.index(marker):]
        parent = self.current()
        title, text = _split_title(rest)
        prefix = "" if parent.kind == "body" else parent.path + "."
        item = Item("item", marker, number, title, text, self.span(index),
                    prefix + _PATH_FORMAT[marker].format(number), parent=parent)
        parent.children.append(item)
        self.stack.append(item)


def segment(lines: list[Line]) -> SegmentedDocument:
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line.text) + 1
    text = "\n".join(line.text for line in lines)

    body_start, title, wrapper_title = _find_body_start(lines)
    builder = _Builder(offsets, lines)
    front = [Paragraph(lines[i].text, builder.span(i)) for i in range(body_start)]
    for index in range(body_start, len(lines)):
        builder.add(index)
    return SegmentedDocument(text, front, title, wrapper_title, builder.body, builder.annexes,
                             [line.number for line in lines])
