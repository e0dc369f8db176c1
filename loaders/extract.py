"""Stage 4, extract: the segmented document into typed facts — sections, measures, owners, targets, citations.

Which numbered items are measures:
- the leaves of the numbering tree (an item with numbered sub-items is a heading) in sections that carry tasks;
  sections of principles, goals, background, schedule and safeguards hold none;
- but every item of a style numbered continuously across sections (（一）…（二十七） under 一、…八、), wherever
  it stands;
- and every item that carries its own owner note, wherever it stands (also under 保障措施);
- never articles (第一条) or decimal clauses (1.1), which are structure, unless they carry an owner note.
Goal sections give the document-level targets, background sections only baselines (never targets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders import dates
from loaders.metadata import Metadata
from loaders.references import Citation, find_citations
from loaders.responsibility import CO, LEAD, Assignment, find_notes, note_deadline, parse_responsibility
from loaders.segment import Item, Paragraph, SegmentedDocument, Span, Table
from loaders.tables import TaskRow, indicator_rows, task_rows
from loaders.targets import TargetMention, find_targets
from loaders.text import chinese_to_int, similarity
from loaders.vocabulary import FIRST_LISTED_LEADS

__all__ = ["ExtractedDocument", "ExtractedMeasure", "ExtractedSection", "OwnerMention", "StatedTarget", "extract",
           "sentence_around"]

# Sections that state no tasks, recognised by how their heading ends.  Only section headings are judged
# this way: a measure titled 实施知识产权目标绩效管理 is still a measure.
NON_TASK_SECTION = re.compile(
    r"(原则|指导思想|总体思路|总体要求|目标|进度安排|时序进度|进度|步骤|阶段|保障措施|保障|组织实施|组织领导|组织形式|"
    r"实施要求|工作要求|工作安排|时间安排|基础|形势|背景|现状|情况|趋势|意义|成效|回顾|范围|附则)$"
)
GOAL_SECTION = re.compile(r"目标|指标")
BASELINE_SECTION = re.compile(r"基础|形势|背景|现状|成效|回顾")
_STRUCTURE_MARKERS = ("article", "dec1", "dec2", "dec3", "dec4", "chapter")
_KEY_MARK = re.compile(r"\s*[★☆▲]\s*")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass
class ExtractedSection:
    key: str
    number: str
    title: str
    span: Span
    parent: str | None  # key of the parent section, None for the document


@dataclass
class OwnerMention:
    assignment: Assignment
    text: str  # the note or cell it was read from
    span: Span
    sentence: str  # the source sentence (or table row) the note belongs to


@dataclass
class StatedTarget:
    """A goal as stated at one place: prose, a task-table row or an indicator table."""

    mention: TargetMention
    span: Span
    from_table: bool
    sentence: str  # the source sentence (or table row) that states it


@dataclass
class ExtractedMeasure:
    key: str
    number: str
    title: str
    text: str
    kind: str  # item | table_row | box
    span: Span
    parent: str | None
    deadline: str | None = None
    deadline_text: str | None = None
    key_task: bool | None = None
    category: str | None = None
    owners: list[OwnerMention] = field(default_factory=list)
    targets: list[StatedTarget] = field(default_factory=list)


@dataclass
class ExtractedDocument:
    source_file: str
    metadata: Metadata
    period_end: str | None
    sections: list[ExtractedSection]
    measures: list[ExtractedMeasure]
    targets: list[StatedTarget]  # document-level goals
    citations: list[tuple[Citation, Span]]
    text: str


def _span_within(paragraph_span: Span, start: int, end: int) -> Span:
    return Span(paragraph_span.line, paragraph_span.start + start, paragraph_span.start + end)


_SENTENCE_END = "。；！？"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end]; a note that closes a sentence brings that sentence."""
    head = start - 1 if start > 0 and text[start - 1] in _SENTENCE_END else start
    head = max(text.rfind(mark, 0, head) for mark in _SENTENCE_END) + 1
    tails = [i for i in (text.find(mark, max(start, end - 1)) for mark in _SENTENCE_END) if i >= 0]
    return text[head:min(tails) + 1 if tails else len(text)].strip()


def _number_value(marker: str, number: str) -> int | None:
    if marker == "circ":
        return _CIRCLED.find(number) + 1 or None
    if number.isascii() and number.isdigit():
        return int(number)
    return chinese_to_int(number)


def continuous_styles(body: Item) -> set[str]:
    """Numbering styles that run on across sections instead of restarting: （一）…（二十七） under 一、…八、.

    A style counts when, under the second parent that holds it, the first item is not numbered 1.
    """
    first_under: dict[str, list[tuple[int, int | None]]] = {}
    stack = list(reversed(body.children))
    while stack:
        item = stack.pop()
        if item.children:
            head = item.children[0]
            first_under.setdefault(head.marker, []).append((id(item), _number_value(head.marker, head.number)))
        stack.extend(reversed(item.children))
    return {marker for marker, firsts in first_under.items() if len(firsts) >= 2 and (firsts[1][1] or 0) > 1}


def _has_task_table(item: Item) -> bool:
    return any(table.tab_separated and task_rows(table) for table in item.tables)


def _last_leaf(item: Item) -> Item | None:
    while item.children:
        item = item.children[-1]
    return item if item.kind == "item" else None


def _flatten(item: Item) -> list[Item]:
    items = [item]
    for child in item.children:
        items.extend(_flatten(child))
    return items


def _first_sentence(text: str) -> str:
    sentence = re.split(r"[。；]", text, maxsplit=1)[0]
    return sentence if len(sentence) <= 40 else sentence[:40]


def _row_text(rows) -> str:
    return " | ".join(cell.strip() for row in rows for cell in row.cells if cell.strip())


def _own_notes(item: Item) -> bool:
    return any(find_notes(text) for text in [item.text or item.title, *(p.text for p in item.paragraphs)])


class _Extractor:
    def __init__(self, doc: SegmentedDocument, metadata: Metadata, source_file: str) -> None:
        self.doc = doc
        self.metadata = metadata
        self.source_file = source_file
        self.period_end = dates.period_end(metadata.title, doc.text)
        self.first_listed_leads = bool(FIRST_LISTED_LEADS.search(doc.text))
        self.continuous = continuous_styles(doc.body)
        self.sections: list[ExtractedSection] = []
        self.measures: list[ExtractedMeasure] = []
        self.doc_targets: list[StatedTarget] = []
        # Owners named on a section heading, for the measures under it that name none of their own.
        self.section_owners: dict[str | None, list[OwnerMention]] = {}
        self.goal_items: set[int] = set()  # items whose goals were read with their goals section
        self.closing_item = _last_leaf(doc.body)

    # --- the walk -------------------------------------------------------------------------------------
    def run(self) -> ExtractedDocument:
        self.add_preamble_goals(self.doc.body)
        self.walk(self.doc.body, None, task_scope=True, structure=False)
        for annex in self.doc.annexes:
            key = annex.path
            self.sections.append(ExtractedSection(key, annex.number, annex.title or f"附件{annex.number}",
                                                  annex.span, None))
            self.walk(annex, key, task_scope=True, structure=False)
        self.drop_annex_summaries()
        own_titles = [self.metadata.title, self.doc.frame.heading, *(annex.title for annex in self.doc.annexes)]
        carried = self.doc.front_matter[-1].span.end if self.doc.front_matter else 0
        citations = [(c, self.doc.span_at(c.start, c.end))
                     for c in find_citations(self.doc.text, own_titles, front_end=carried)]
        return ExtractedDocument(self.source_file, self.metadata, self.period_end, self.sections, self.measures,
                                 self.doc_targets, citations, self.doc.text)

    def walk(self, item: Item, section_key: str | None, task_scope: bool, structure: bool) -> None:
        for box in item.boxes:
            self.add_box(box, section_key)
        for table in item.tables:
            self.add_table(table, item, section_key)
        for child in item.children:
            self.visit(child, item, section_key, task_scope, structure)

    def visit(self, child: Item, parent: Item, section_key: str | None, task_scope: bool, structure: bool) -> None:
        is_section_heading = bool(child.children) or parent.kind in ("body", "annex")
        is_task = task_scope and not (is_section_heading and NON_TASK_SECTION.search(child.title))
        in_structure = structure or child.marker in _STRUCTURE_MARKERS
        is_measure = _own_notes(child) or (not in_structure and (is_task or child.marker in self.continuous))
        goals = (GOAL_SECTION.search(child.title) and not BASELINE_SECTION.search(child.title)
                 and id(child) not in self.goal_items)  # a goal item of a goals section is read with it
        # A heading over only boxes or a task table is a section; the boxes and rows are its measures.
        if child.children or ((child.boxes or _has_task_table(child)) and not child.paragraphs):
            if goals:
                self.add_goals(child)
            key = child.path
            title = self.note_section_owners(child, key, section_key)
            self.sections.append(ExtractedSection(key, child.number, title, child.span, section_key))
            self.walk(child, key, is_task, in_structure)
            return
        if is_measure:
            self.add_item(child, section_key)
        elif in_structure:  # an article or a decimal clause: structure, kept as a section
            self.sections.append(ExtractedSection(child.path, child.number, child.title, child.span, section_key))
        elif goals:
            self.add_goals(child)
        for table in child.tables:
            self.add_table(table, child, section_key)

    def note_section_owners(self, heading: Item, key: str, parent_key: str | None) -> str:
        """Record the owners a section heading names (（一）完善居家养老服务（市民政局、市卫生健康委）), or else its
        parent's; return the heading's title without the note."""
        text = heading.text or heading.title
        notes = find_notes(text)
        if not notes:
            self.section_owners[key] = self.section_owners.get(parent_key, [])
            return heading.title
        owners = []
        for note in notes:
            span = Span(heading.span.line, heading.span.end - (len(text) - note.start), heading.span.end)
            owners.extend(self.owners(note.text, span, text))
        self.section_owners[key] = owners
        return heading.title[:notes[0].start].rstrip()  # the title is a prefix of the heading's text

    def owners(self, note: str, span: Span, sentence: str, default_role: str | None = None) -> list[OwnerMention]:
        """The bodies a note or table cell names, each with where it was read."""
        return [OwnerMention(a, note, span, sentence)
                for a in parse_responsibility(note, self.first_listed_leads, default_role=default_role)]

    # --- measures from numbered items and 专栏 boxes ---------------------------------------------------------
    def add_item(self, item: Item, section_key: str | None) -> None:
        """An item's paragraphs make one measure; a paragraph that closes with its own owner note ends one, and
        a following paragraph with a note of its own is the next (2b, 2c). Paragraphs with no note of their own
        after a noted one stay with it."""
        units: list[list[Paragraph]] = [[Paragraph(item.text or item.title, item.span)]]
        for paragraph in item.paragraphs:
            closed = _closed_by_note(units[-1][-1].text)
            if closed and find_notes(paragraph.text):
                units.append([paragraph])
            elif closed and item is self.closing_item:
                break  # after the body's last measure, un-noted paragraphs close the document (各地区要…)
            else:
                units[-1].append(paragraph)
        for index, unit in enumerate(units):
            key = item.path + ("" if index == 0 else chr(ord("a") + index))
            title = item.title if index == 0 else _first_sentence(unit[0].text)
            self.add_measure(key, item.number, title, unit, "item", section_key)

    def add_box(self, box: Item, section_key: str | None) -> None:
        head = Paragraph(box.title, box.span)
        self.add_measure(box.path, box.number, box.title, [head, *box.paragraphs], "box", section_key)

    def add_measure(self, key: str, number: str, title: str, paragraphs: list[Paragraph], kind: str,
                    section_key: str | None) -> None:
        owners: list[OwnerMention] = []
        texts = []
        note_date = None
        for paragraph in paragraphs:
            text = paragraph.text
            for note in reversed(find_notes(text)):
                span = _span_within(paragraph.span, note.start, note.end)
                owners[:0] = self.owners(note.text, span, sentence_around(text, note.start, note.end))
                note_date = note_date or note_deadline(note.text)
                text = (text[:note.start].rstrip() + text[note.end:]).strip()
            texts.append(text)
        body = "\n".join(t for t in texts if t)
        owners = owners or list(self.section_owners.get(section_key, []))
        key_task = True if _KEY_MARK.search(body) else None
        body = _KEY_MARK.sub("", body)
        date = dates.last_goal_date(body)
        start, end = paragraphs[0].span.start, paragraphs[-1].span.end
        measure = ExtractedMeasure(key, number, title, body, kind, Span(paragraphs[0].span.line, start, end),
                                   section_key, deadline=note_date or (date.value if date else None),
                                   deadline_text=date.text if date else None, key_task=key_task, owners=owners)
        due = measure.deadline if measure.deadline and measure.deadline[:1].isdigit() else self.period_end
        for paragraph in paragraphs:
            for mention in find_targets(paragraph.text, require_goal_form=True, due=due):
                span = _span_within(paragraph.span, mention.start, mention.end)
                sentence = sentence_around(paragraph.text, mention.start, mention.end)
                measure.targets.append(StatedTarget(mention, span, False, sentence))
        self.measures.append(measure)

    # --- tables --------------------------------------------------------------------------------------------
    def add_table(self, table: Table, container: Item, section_key: str | None) -> None:
        rows = task_rows(table) if table.tab_separated else []
        if rows:
            starred = any(_KEY_MARK.search(r.text) for r in rows)
            prefix = container.path if container.kind != "body" else "table"
            ordinal = container.tables.index(table)
            if ordinal:
                prefix = f"{prefix}.t{ordinal + 1}"
            for row in rows:
                self.add_task_row(row, f"{prefix}.{row.number}", starred, section_key)
            return
        due = self.section_due(container) if GOAL_SECTION.search(container.title) else None
        for row in indicator_rows(table):
            names = row.indicator.split("/") if len(row.values) > 1 else [row.indicator]
            if len(names) != len(row.values):
                names = [row.indicator] * len(row.values)
            for name, value in zip(names, row.values, strict=True):
                mention = TargetMention(name.strip(), value, row.unit, row.comparator,
                                        " ".join(row.row.cells).strip(), 0, 0, None, due)
                self.doc_targets.append(StatedTarget(mention, row.row.span, True, _row_text([row.row])))

    def add_task_row(self, row: TaskRow, key: str, starred: bool, section_key: str | None) -> None:
        text = _KEY_MARK.sub("", row.text).strip()
        deadline_text = row.cells.get("deadline") or None
        deadline = dates.normalise_deadline(deadline_text)
        owners = []
        row_text = _row_text(row.rows)
        span = Span(row.row.span.line, row.row.span.start, row.rows[-1].span.end)
        for column, role in (("lead", LEAD), ("co", CO), ("resp", None)):
            cell = row.cells.get(column)
            if cell:
                owners.extend(self.owners(cell, span, row_text, default_role=role))
        due = deadline if deadline and re.match(r"^\d{4}", deadline) else None
        title = row.title or _first_sentence(text)
        measure = ExtractedMeasure(key, row.number, title, text, "table_row", span, section_key, deadline=deadline,
                                   deadline_text=deadline_text,
                                   key_task=bool(_KEY_MARK.search(row.text)) if starred else None,
                                   category=row.cells.get("category") or row.category or None, owners=owners)
        measure.targets.extend(StatedTarget(mention, span, True, row_text)
                               for mention in find_targets(text, require_goal_form=True, due=due))
        self.measures.append(measure)

    def drop_annex_summaries(self) -> None:
        """A body item that only names an item the annex details (实施人才培育工程。) is that item, once."""
        annexed = [m for m in self.measures if m.key.startswith("annex")]
        if not annexed:
            return
        self.measures = [m for m in self.measures if m.key.startswith("annex") or m.owners or len(m.text) > 30
                         or not any(similarity(m.title, a.title) >= 0.8 for a in annexed)]

    # --- document-level goals -------------------------------------------------------------------------------
    def section_due(self, item: Item) -> str | None:
        text = "\n".join([item.title, item.text, *(p.text for p in item.paragraphs)])
        date = dates.last_goal_date(text)
        return date.value if date else self.period_end

    def add_preamble_goals(self, body: Item) -> None:
        """Goals stated before the first numbered item, in a paragraph that dates them (到2022年，…)."""
        for paragraph in body.paragraphs:
            if dates.goal_dates(paragraph.text):
                self.add_goal_paragraph(paragraph, self.period_end, require_goal_form=True)

    def add_goals(self, section: Item) -> None:
        due = self.period_end
        items = _flatten(section)
        self.goal_items.update(id(item) for item in items)
        for item in items:
            for paragraph in [Paragraph(item.text or item.title, item.span), *item.paragraphs]:
                date = dates.last_goal_date(paragraph.text)
                # A date stated at the head of a goals section holds for the paragraphs that follow.
                if date and date.end < 30:
                    due = date.value
                elif dates.PERIOD_END_PHRASE.search(paragraph.text) and self.period_end:
                    due = self.period_end
                self.add_goal_paragraph(paragraph, due, require_goal_form=False)

    def add_goal_paragraph(self, paragraph: Paragraph, due: str | None, require_goal_form: bool) -> None:
        text = paragraph.text
        self.doc_targets.extend(
            StatedTarget(mention, _span_within(paragraph.span, mention.start, mention.end), False,
                         sentence_around(text, mention.start, mention.end))
            for mention in find_targets(text, require_goal_form=require_goal_form, due=due))


def _closed_by_note(text: str) -> bool:
    notes = find_notes(text)
    return bool(notes) and not text[notes[-1].end:].strip(" 。；;")


def extract(doc: SegmentedDocument, metadata: Metadata, source_file: str) -> ExtractedDocument:
    return _Extractor(doc, metadata, source_file).run()

