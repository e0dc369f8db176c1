"""Stage 3, segment: logical lines into front matter, a tree of numbered items, 专栏 boxes, annexes and tables.

Numbering levels are not fixed: the first marker style met becomes the top level, the next new
style its child, and so on, so a plan that starts at 1. or at （一） is read as correctly as one that
starts at 一、.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.frame import Frame, find_frame
from loaders.normalise import HEADING_MARK, TABLE_CAPTION, Line


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
    frame: Frame  # heading, wrapper, 发文字号, signatures
    front_matter: list[Paragraph]  # the lines before the policy's own text
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
    ("dec", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\s*(?=[^\d.．\s])")),
]
# Numbered clauses of a 预案 (1 总则, 1.1 编制目的): the top level is a bare number before a short heading, read
# only in documents that also number 1.1.
_DECIMAL_TOP = re.compile(r"^(\d{1,2})\s+(?=[\u4e00-\u9fff])")
_DECIMAL = re.compile(r"^\d{1,2}\.\d{1,2}\s*[\u4e00-\u9fff]")
_PATH_FORMAT = {"cn": "{}", "pcn": "({})", "ar": "{}", "par": "({})", "circ": "{}", "chapter": "第{}章",
                "article": "第{}条"}
_BOX = re.compile(r"^专栏\s*([\d一二三四五六七八九十]*)\s*[：:]?\s*(.*)$")
_ANNEX = re.compile(r"^附件\s*(\d*)\s*[：:]?\s*$")
_ANNEX_LIST = re.compile(r"^附件\s*[：:]")
_CONTENTS = re.compile(r"^目录$")
_NOTES = re.compile(r"^(注|说明|备注|注释)\s*[：:]")


def _split_title(rest: str) -> tuple[str, str]:
    """A heading line's own title (its first short sentence) and its full text."""
    sentence = rest.split("。", 1)[0]
    if "。" in rest and len(sentence) <= 40:
        return sentence, rest
    if len(rest) <= 40:
        return rest, ""
    clause = re.split(r"[，；]", rest, maxsplit=1)[0]
    return (clause if len(clause) <= 40 else rest[:40]), rest


def _numbering(text: str, decimal: bool) -> tuple[str, str, str]:
    """The numbering style, number and rest of a line that opens a numbered item ("" when none).
    Decimal clauses are one style per depth (dec1 for 1, dec2 for 1.1), so that they nest."""
    if decimal:
        top = _DECIMAL_TOP.match(text)
        if top and len(text) < 40:
            return "dec1", top.group(1), text[top.end():]
    for marker, pattern in _MARKERS:
        match = pattern.match(text)
        if match:
            if marker == "dec":
                return f"dec{match.group(1).count('.') + 1}", match.group(1), text[match.end():]
            return marker, match.group(1), text[match.end():]
    return "", "", ""


def _skipped_lines(lines: list[Line], frame: Frame) -> set[int]:
    """Lines that belong to no item: signature blocks, and a table of contents (目录, then the headings it lists
    until the first of them is printed again)."""
    skipped = {i for signature in frame.signatures for i in range(signature.start, signature.end)}
    for index in range(frame.body_start, len(lines)):
        if _CONTENTS.match(lines[index].text) and index + 1 < len(lines):
            first = lines[index + 1].text
            repeat = next((j for j in range(index + 2, len(lines)) if lines[j].text == first), None)
            if repeat is not None:
                skipped.update(range(index, repeat))
            break
    return skipped


class _Builder:
    """Walks the body lines once, keeping a stack of open numbered items."""

    def __init__(self, text_offsets: list[int], lines: list[Line], decimal: bool) -> None:
        self.offsets = text_offsets
        self.lines = lines
        self.decimal = decimal  # the document numbers its clauses 1, 1.1, 1.1.1
        self.body = Item("body", "body", "", "", "", Span(0, 0, 0), "body")
        self.annexes: list[Item] = []
        self.container = self.body
        self.stack: list[Item] = []
        self.box: Item | None = None
        self.table: Table | None = None
        self.in_annex_list = False
        self.in_notes = False

    def span(self, index: int) -> Span:
        start = self.offsets[index]
        return Span(self.lines[index].number, start, start + len(self.lines[index].text))

    def current(self) -> Item:
        return self.stack[-1] if self.stack else self.container

    def close_open_blocks(self) -> None:
        self.box = None
        self.table = None

    def add(self, index: int) -> None:
        """Place one body line: in a table, a list the numbering must skip, an annex, a box, a numbered item,
        or as a paragraph of the item that is open."""
        text = self.lines[index].text
        placed = (self.table_row(index, text) or self.skipped_number(index, text) or self.annex_line(index, text)
                  or self.box_line(index, text) or self.numbered_line(index, text))
        if not placed:
            self.current().paragraphs.append(Paragraph(text, self.span(index)))

    def table_row(self, index: int, text: str) -> bool:
        """A row of a tab-separated table, or a line of the space-separated table under a 表N caption."""
        if "\t" in text or self.inside_table(index):
            self.add_table_row(index, text.split("\t"))
            return True
        spaced = self.table is not None and not self.table.tab_separated
        if spaced and (not HEADING_MARK.match(text) or re.match(r"^\d", text)):
            self.table.rows.append(TableRow([text], self.span(index)))
            return True
        self.table = None
        return False

    def skipped_number(self, index: int, text: str) -> bool:
        """Numbered lines that open no item: the entries of 附件：1. … 2. …, and the notes of a 注： block."""
        if self.in_annex_list and re.match(r"^\d{1,2}\s*[.．、]", text) and "。" not in text and len(text) < 40:
            return True
        if _NOTES.match(text):
            self.in_notes = True
        elif self.in_notes and (_ANNEX.match(text) or (HEADING_MARK.match(text) and not re.match(r"^[（(]?\d", text))):
            self.in_notes = False
        if self.in_notes:
            self.current().paragraphs.append(Paragraph(text, self.span(index)))
            return True
        self.in_annex_list = bool(_ANNEX_LIST.match(text)) and not _ANNEX.match(text)
        return False

    def annex_line(self, index: int, text: str) -> bool:
        """附件N opens an annex; the line after it is the annex's title."""
        annex = _ANNEX.match(text)
        if annex:
            self.open_annex(index, annex.group(1))
            return True
        if self.container.kind == "annex" and not self.container.title and not HEADING_MARK.match(text):
            self.container.title = text
            return True
        return False

    def box_line(self, index: int, text: str) -> bool:
        """A 表N caption, a 专栏 heading, or a line inside the open box."""
        if TABLE_CAPTION.match(text):
            self.box = None
            self.table = Table([], [], self.span(index), tab_separated=False)
            self.current().tables.append(self.table)
            return True
        box = _BOX.match(text)
        if box:
            self.open_box(index, box.group(1), box.group(2))
            return True
        if self.box is not None and not self.lines[index].indented and not HEADING_MARK.match(text):
            self.box.paragraphs.append(Paragraph(text, self.span(index)))
            return True
        self.box = None
        return False

    def numbered_line(self, index: int, text: str) -> bool:
        marker, number, rest = _numbering(text, self.decimal)
        if marker:
            self.open_item(index, marker, number, rest)
        return bool(marker)

    def inside_table(self, index: int) -> bool:
        """A short line between two rows of a tab-separated table is a row of it: a category (一、某方面（共5项）)."""
        text = self.lines[index].text
        following = self.lines[index + 1].text if index + 1 < len(self.lines) else ""
        return (self.table is not None and self.table.tab_separated and "\t" in following and len(text) <= 40
                and "。" not in text and not _ANNEX.match(text))

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
        if marker.startswith("dec"):  # 1.2.3 names its whole path already
            above = parent
            while above.marker.startswith("dec"):
                above = above.parent
            path = ("" if above.kind == "body" else above.path + ".") + number
        else:
            path = ("" if parent.kind == "body" else parent.path + ".") + _PATH_FORMAT[marker].format(number)
        item = Item("item", marker, number, title, text, self.span(index), path, parent=parent)
        parent.children.append(item)
        self.stack.append(item)


def segment(lines: list[Line]) -> SegmentedDocument:
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line.text) + 1
    text = "\n".join(line.text for line in lines)

    frame = find_frame(lines)
    decimal = sum(1 for line in lines if _DECIMAL.match(line.text)) >= 3
    builder = _Builder(offsets, lines, decimal)
    front = [Paragraph(lines[i].text, builder.span(i)) for i in range(frame.body_start)]
    skipped = _skipped_lines(lines, frame)
    for index in range(frame.body_start, len(lines)):
        if index not in skipped:
            builder.add(index)
    return SegmentedDocument(text, frame, front, builder.body, builder.annexes, [line.number for line in lines])
