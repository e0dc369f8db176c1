"""Stage 6, build: resolved facts into the in-memory graph, with stable ids.

A target stated in prose and restated in a table (a task row, an indicator table) is one Target node,
linked from every measure that states it; two prose statements stay two targets.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import PolicyGraph
from loaders.dates import deadline_of
from loaders.extract import StatedTarget
from loaders.links import restatements
from loaders.resolve import Body, ResolvedDocument, cited_document_id
from loaders.segment import Span
from loaders.text import compare_key, similarity, stable_id
from loaders.topics import topics


@dataclass
class _Statement:
    stated: StatedTarget
    owner: str | None  # the measure that states it, None for a document-level goal


def _trust(statement: _Statement) -> tuple[int, bool]:
    """How far a statement's comparator can be trusted when one goal is stated twice: a table's ≥ beats
    prose wording (以上, 达), which beats a bare number."""
    stated = statement.stated
    if stated.mention.comparator == "=":
        return 1, stated.from_table
    return (3 if stated.from_table else 2), stated.from_table


def _group_targets(statements: list[_Statement]) -> list[list[_Statement]]:
    """Statements of one goal: same value and unit, similar indicator, and at least one of them in a table
    (two prose statements are two goals)."""
    groups: list[list[_Statement]] = []
    for statement in statements:
        mention = statement.stated.mention
        for group in groups:
            head = group[0].stated.mention
            restated = statement.stated.from_table or any(s.stated.from_table for s in group)
            if (restated and head.value == mention.value and compare_key(head.unit) == compare_key(mention.unit)
                    and similarity(head.indicator, mention.indicator) >= 0.5):
                group.append(statement)
                break
        else:
            groups.append([statement])
    return groups


class _Builder:
    """Adds one resolved document's nodes and edges to a graph."""

    def __init__(self, resolved: ResolvedDocument, content_hash: str) -> None:
        self.resolved = resolved
        self.doc = resolved.document
        self.doc_id = resolved.doc_id
        self.content_hash = content_hash
        self.graph = PolicyGraph()

    def provenance(self, span: Span) -> dict:
        return {"doc_id": self.doc_id, "source_file": self.doc.source_file, "line": span.line,
                "char_start": span.start, "char_end": span.end}

    def actor(self, body: Body) -> str:
        self.graph.add_node(body.id, "Actor", name=body.name, aliases=[body.written], region=body.region,
                            kind=body.kind, level=body.level)
        return body.id

    def build(self) -> PolicyGraph:
        self.add_document()
        section_ids = self.add_sections()
        statements = [_Statement(stated, None) for stated in self.doc.targets]
        for measure, bodies in zip(self.doc.measures, self.resolved.owners, strict=True):
            statements.extend(self.add_measure(measure, bodies, section_ids))
        for link in restatements(self.doc.measures):
            self.graph.add_relationship("IMPLEMENTS", stable_id("measure", self.doc_id, link.row),
                                        stable_id("measure", self.doc_id, link.measure), doc_id=self.doc_id,
                                        score=link.score)
        for group in _group_targets(statements):
            self.add_target(group)
        self.add_citations()
        for succession in self.resolved.successions:
            self.graph.add_relationship("SUCCEEDED_BY", self.actor(succession.predecessor),
                                        self.actor(succession.successor), year=succession.year)
        return self.graph

    def add_document(self) -> None:
        meta = self.doc.metadata
        self.graph.add_node(self.doc_id, "Document", title=meta.title or None, doc_number=meta.doc_number,
                            issuer=meta.issuer, issued_on=meta.issued_on, region=meta.region,
                            source_file=self.doc.source_file, wrapper_title=meta.wrapper_title or None,
                            period_end=self.doc.period_end, content_hash=self.content_hash)
        for issuer in self.resolved.issuers:
            self.graph.add_relationship("ISSUED_BY", self.doc_id, self.actor(issuer), doc_id=self.doc_id)

    def add_sections(self) -> dict[str, str]:
        section_ids: dict[str, str] = {}
        for section in self.doc.sections:
            section_id = stable_id("section", self.doc_id, section.key)
            section_ids[section.key] = section_id
            self.graph.add_node(section_id, "Section", number=section.number, title=section.title, path=section.key,
                                **self.provenance(section.span))
            parent = section_ids.get(section.parent, self.doc_id) if section.parent else self.doc_id
            self.graph.add_relationship("PART_OF", section_id, parent, doc_id=self.doc_id)
        return section_ids

    def add_measure(self, measure, bodies: list[Body], section_ids: dict[str, str]) -> list[_Statement]:
        measure_id = stable_id("measure", self.doc_id, measure.key)
        due = deadline_of(measure.deadline, self.doc.period_end)
        self.graph.add_node(measure_id, "Measure", number=measure.number, title=measure.title, text=measure.text,
                            path=measure.key, kind=measure.kind, category=measure.category,
                            deadline=measure.deadline, deadline_text=measure.deadline_text,
                            key_task=measure.key_task, deadline_kind=due.kind, deadline_date=due.date,
                            **self.provenance(measure.span))
        parent = section_ids.get(measure.parent, self.doc_id) if measure.parent else self.doc_id
        self.graph.add_relationship("PART_OF", measure_id, parent, doc_id=self.doc_id)
        for owner, body in zip(measure.owners, bodies, strict=True):
            self.graph.add_relationship("RESPONSIBLE_FOR", self.actor(body), measure_id,
                                        role=owner.assignment.role, text=owner.text, sentence=owner.sentence,
                                        doc_id=self.doc_id, line=owner.span.line, char_start=owner.span.start,
                                        char_end=owner.span.end)
        for topic in topics(measure.text):
            topic_id = stable_id("topic", topic.word)
            self.graph.add_node(topic_id, "Topic", name=topic.word)
            self.graph.add_relationship("ABOUT", measure_id, topic_id, doc_id=self.doc_id, weight=topic.weight)
        return [_Statement(stated, measure_id) for stated in measure.targets]

    def add_target(self, group: list[_Statement]) -> None:
        best = max(group, key=_trust).stated.mention
        # A table row's deadline is the most specific due date a goal has.
        dues = [s.stated.mention.due for s in sorted(group, key=lambda s: not s.stated.from_table)]
        due = next((d for d in dues if d), None)
        target_id = stable_id("target", self.doc_id, compare_key(best.indicator), repr(best.value), best.unit)
        self.graph.add_node(target_id, "Target", indicator=best.indicator, value=best.value, upper=best.upper,
                            unit=best.unit, comparator=best.comparator, due=due, text=best.text,
                            sentence=group[0].stated.sentence, **self.provenance(group[0].stated.span))
        for statement in group:
            self.graph.add_relationship("HAS_TARGET", statement.owner or self.doc_id, target_id, doc_id=self.doc_id)

    def add_citations(self) -> None:
        for citation, span in self.doc.citations:
            cited_id = cited_document_id(citation.title)
            self.graph.add_node(cited_id, "Document", title=citation.title, doc_number=citation.doc_number)
            self.graph.add_relationship("CITES", self.doc_id, cited_id, text=citation.title, doc_id=self.doc_id,
                                        line=span.line, char_start=span.start, char_end=span.end)


def build_graph(resolved: ResolvedDocument, content_hash: str) -> PolicyGraph:
    """The document's graph: its Document node, sections, measures, owners, targets, citations, topics."""
    return _Builder(resolved, content_hash).build()
