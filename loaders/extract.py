"""Stage 4, extract: the segmented document into typed facts — sections, measures, owners, targets, citations.

Which numbered items are measures: leaves of the tree (items with no numbered children), in sections
that carry tasks.  Sections of principles, goals, background, schedule and safeguards hold no measures;
goal sections give the document-level targets, background sections only baselines (not targets).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders import dates
from loaders.metadata import Metadata, extract_metadata
from loaders.references import Citation, find_citations
from loaders.responsibility import CO, FIRST_LISTED_LEADS, LEAD, Assignment, parse_responsibility, trailing_note
from loaders.segment import Item, Paragraph, SegmentedDocument, Span, Table
from loaders.tables import indicator_rows, task_rows
from loaders.targets import TargetMention, find_targets

# Sections that state no tasks, recognised by how their heading ends.  Only section headings are judged
# this way: a measure titled 实施知识产权目标绩效管理 is still a measure.
NON_TASK_SECTION = re.compile(
    r"(原则|指导思想|总体思路|总体要求|目标|进度安排|时序进度|进度|步骤|阶段|保障措施|保障|组织实施|组织领导|实施要求|"
    r"工作要求|基础|形势|背景|现状|意义|成效|回顾|适用范围|附则)$"
)
GOAL_SECTION = re.compile(r"目标|指标")
BASELINE_SECTION = re.compile(r"基础|形势|背景|现状|成效|回顾")
_KEY_MARK = re.compile(r"\s*[★☆▲]\s*")


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
    wrapper_title: str
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


class _Extractor:
    def __init__(self, doc: SegmentedDocument, source_file: str) -> None:
        self.doc = doc
        self.source_file = source_file
        front = [p.text for p in doc.front_matter]
        self.metadata = extract_metadata(doc.title, doc.wrapper_title, front)
        self.period_end = dates.period_end(self.metadata.title, doc.text)
        self.first_listed_leads = bool(FIRST_LISTED_LEADS.search(doc.text))
        self.sections: list[ExtractedSection] = []
        self.measures: list[ExtractedMeasure] = []
        self.doc_targets: list[StatedTarget] = []
        # Owners named on a section heading, for the measures under it that name none of their own.
        self.section_owners: dict[str | None, list[OwnerMention]] = {}

    # --- the walk -------------------------------------------------------------------------------------
    def run(self) -> ExtractedDocument:
        self.walk(self.doc.body, None, task_scope=True)
        for annex in self.doc.annexes:
            key = annex.path
            self.sections.append(ExtractedSection(key, annex.number, annex.title or f"附件{annex.number}",
                                                  annex.span, None))
            self.walk(annex, key, task_scope=True)
        own_titles = [self.metadata.title, self.doc.title]
        inner = re.search(r"关于印发(.+?)的通知", self.doc.wrapper_title)
        if inner:
            own_titles.append(inner.group(1).strip("《》"))
        citations = [(c, self.doc.span_at(c.start, c.end)) for c in find_citations(self.doc.text, own_titles)]
        return ExtractedDocument(self.source_file, self.metadata, self.doc.wrapper_title, self.period_end,
                                 self.sections, self.measures, self.doc_targets, citations, self.doc.text)

    def walk(self, item: Item, section_key: str | None, task_scope: bool) -> None:
        for box in item.boxes:
            self.add_box(box, section_key)
        for table in item.tables:
            self.add_table(table, item, section_key)
        for child in item.children:
            is_section_heading = bool(child.children) or item.kind in ("body", "annex")
            is_task = task_scope and not (is_section_heading and NON_TASK_SECTION.search(child.title))
            if GOAL_SECTION.search(child.title) and not BASELINE_SECTION.search(child.title):
                self.add_goals(child)
            # A heading over only boxes or a task table is a section; the boxes and rows are its measures.
            if child.children or ((child.boxes or _has_task_table(child)) and not child.paragraphs):
                key = child.path
                title = self.note_section_owners(child, key, section_key)
                self.sections.append(ExtractedSection(key, child.number, title, child.span, section_key))
                self.walk(child, key, is_task)
                continue
            if is_task:
                self.add_item(child, section_key)
            for table in child.tables:
                self.add_table(table, child, section_key)

    def note_section_owners(self, heading: Item, key: str, parent_key: str | None) -> str:
        """Record the owners a section heading names (（一）完善居家养老服务（市民政局、市卫生健康委）), or else its
        parent's; return the heading's title without the note."""
        text = heading.text or heading.title
        note = trailing_note(text)
        if note is None:
            self.section_owners[key] = self.section_owners.get(parent_key, [])
            return heading.title
        note_text, note_start = note
        span = Span(heading.span.line, heading.span.end - (len(text) - note_start), heading.span.end)
        self.section_owners[key] = self.owners(note_text, span, text)
        return heading.title[:note_start].rstrip()  # the title is a prefix of the heading's text

    def owners(self, note: str, span: Span, sentence: str, default_role: str | None = None) -> list[OwnerMention]:
        """The bodies a note or table cell names, each with where it was read."""
        return [OwnerMention(a, note, span, sentence)
                for a in parse_responsibility(note, self.first_listed_leads, default_role=default_role)]

    # --- measures from numbered items and 专栏 boxes ---------------------------------------------------------
    def add_item(self, item: Item, section_key: str | None) -> None:
        first = Paragraph(item.text or item.title, item.span)
        units: list[list[Paragraph]] = [[first]]
        for paragraph in item.paragraphs:
            # After a paragraph that closed with its own owner note, the next paragraph is a new measure.
            if trailing_note(units[-1][-1].text):
                units.append([paragraph])
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
                    section_key: str | None) -> ExtractedMeasure:
        owners: list[OwnerMention] = []
        texts = []
        for paragraph in paragraphs:
            text = paragraph.text
            note = trailing_note(text)
            if note:
                note_text, note_start = note
                span = _span_within(paragraph.span, note_start, len(text))
                owners.extend(self.owners(note_text, span, sentence_around(text, note_start, len(text))))
                text = text[:note_start].rstrip()
            texts.append(text)
        body = "\n".join(t for t in texts if t)
        owners = owners or list(self.section_owners.get(section_key, []))
        key_task = True if _KEY_MARK.search(body) else None
        body = _KEY_MARK.sub("", body)
        date = dates.last_goal_date(body)
        start, end = paragraphs[0].span.start, paragraphs[-1].span.end
        measure = ExtractedMeasure(key, number, title, body, kind, Span(paragraphs[0].span.line, start, end),
                                   section_key, deadline=date.value if date else None,
                                   deadline_text=date.text if date else None, key_task=key_task, owners=owners)
        due = measure.deadline or self.period_end  # a goal with no date of its own is due at the period's end
        for paragraph in paragraphs:
            for mention in find_targets(paragraph.text, require_goal_form=True, due=due):
                span = _span_within(paragraph.span, mention.start, mention.end)
                sentence = sentence_around(paragraph.text, mention.start, mention.end)
                measure.targets.append(StatedTarget(mention, span, False, sentence))
        self.measures.append(measure)
        return measure

    # --- tables --------------------------------------------------------------------------------------------
    def add_table(self, table: Table, container: Item, section_key: str | None) -> None:
        rows = task_rows(table) if table.tab_separated else []
        if rows:
            starred = any(_KEY_MARK.search(r.cells["task"]) for r in rows)
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
                self.doc_targets.append(StatedTarget(mention, row.row.span, True, _row_text(row.row)))

    def add_task_row(self, row, key: str, starred: bool, section_key: str | None) -> None:
        task = row.cells["task"]
        text = _KEY_MARK.sub("", task).strip()
        deadline_text = row.cells.get("deadline") or None
        deadline = dates.normalise_deadline(deadline_text)
        owners = []
        row_text = _row_text(row.row)
        for column, role in (("lead", LEAD), ("co", CO), ("resp", None)):
            cell = row.cells.get(column)
            if cell:
                owners.extend(self.owners(cell, row.row.span, row_text, default_role=role))
        due = deadline if deadline and re.match(r"^\d{4}", deadline) else None
        measure = ExtractedMeasure(key, row.number, _first_sentence(text), text, "table_row", row.row.span,
                                   section_key, deadline=deadline, deadline_text=deadline_text,
                                   key_task=bool(_KEY_MARK.search(task)) if starred else None,
                                   category=row.cells.get("category") or None, owners=owners)
        measure.targets.extend(StatedTarget(mention, row.row.span, True, row_text)
                               for mention in find_targets(text, require_goal_form=True, due=due))
        self.measures.append(measure)

    # --- document-level goals -------------------------------------------------------------------------------
    def section_due(self, item: Item) -> str | None:
        text = "\n".join([item.title, item.text, *(p.text for p in item.paragraphs)])
        date = dates.last_goal_date(text)
        return date.value if date else self.period_end

    def add_goals(self, section: Item) -> None:
        due = self.period_end
        for item in _flatten(section):
            for paragraph in [Paragraph(item.text or item.title, item.span), *item.paragraphs]:
                text = paragraph.text
                date = dates.last_goal_date(text)
                # A date stated at the head of a goals section holds for the paragraphs that follow.
                if date and date.end < 30:
                    due = date.value
                elif dates.PERIOD_END_PHRASE.search(text) and self.period_end:
                    due = self.period_end
                self.doc_targets.extend(
                    StatedTarget(mention, _span_within(paragraph.span, mention.start, mention.end), False,
                                 sentence_around(text, mention.start, mention.end))
                    for mention in find_targets(text, require_goal_form=False, due=due))


def _row_text(row) -> str:
    return " | ".join(cell.strip() for cell in row.cells if cell.strip())


def _has_task_table(item: Item) -> bool:
    return any(table.tab_separated and task_rows(table) for table in item.tables)


def _flatten(item: Item) -> list[Item]:
    items = [item]
    for child in item.children:
        items.extend(_flatten(child))
    return items


def _first_sentence(text: str) -> str:
    sentence = re.split(r"[。；]", text, maxsplit=1)[0]
    return sentence if len(sentence) <= 40 else sentence[:40]


def extract(doc: SegmentedDocument, source_file: str) -> ExtractedDocument:
    return _Extractor(doc, source_file).run()
