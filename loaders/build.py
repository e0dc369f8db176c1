"""Stage 5, build: extracted facts into the in-memory graph, with stable ids.

A target stated in prose and restated in a table (a task row, an indicator table) is one Target node,
linked from every measure that states it; two prose statements stay two targets.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import PolicyGraph
from loaders.bodies import identify
from loaders.extract import ExtractedDocument, StatedTarget
from loaders.links import restatements
from loaders.resolve import jurisdiction_of
from loaders.segment import Span
from loaders.text import compare_key, stable_id
from loaders.topics import topics


def document_id(title: str, fallback: str) -> str:
    return stable_id("doc", compare_key(title) or fallback)


def similarity(a: str, b: str) -> float:
    """Bigram Dice of two compare keys; 1.0 when one contains the other."""
    a, b = compare_key(a), compare_key(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    x = {a[i:i + 2] for i in range(len(a) - 1)} or {a}
    y = {b[i:i + 2] for i in range(len(b) - 1)} or {b}
    return 2 * len(x & y) / (len(x) + len(y))


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


def build_graph(doc: ExtractedDocument, content_hash: str) -> tuple[str, PolicyGraph]:
    """The document's graph and the id of its Document node."""
    graph = PolicyGraph()
    meta = doc.metadata
    doc_id = document_id(meta.title, doc.source_file)
    jurisdiction = jurisdiction_of(meta.region, doc.text)
    graph.add_node(doc_id, "Document", title=meta.title or None, doc_number=meta.doc_number, issuer=meta.issuer,
                   issued_on=meta.issued_on, region=meta.region, source_file=doc.source_file,
                   wrapper_title=doc.wrapper_title or None, period_end=doc.period_end,
                   content_hash=content_hash)

    def provenance(span: Span) -> dict:
        return {"doc_id": doc_id, "source_file": doc.source_file, "line": span.line,
                "char_start": span.start, "char_end": span.end}

    def add_actor(name: str) -> str:
        body = identify(name, jurisdiction)
        graph.add_node(body.id, "Actor", name=body.name, aliases=[body.written], region=body.region, kind=body.kind,
                       level=body.level)
        return body.id

    if meta.issuer:
        graph.add_relationship("ISSUED_BY", doc_id, add_actor(meta.issuer), doc_id=doc_id)

    section_ids = {}
    for section in doc.sections:
        section_id = stable_id("section", doc_id, section.key)
        section_ids[section.key] = section_id
        graph.add_node(section_id, "Section", number=section.number, title=section.title, path=section.key,
                       **provenance(section.span))
        parent = section_ids.get(section.parent, doc_id) if section.parent else doc_id
        graph.add_relationship("PART_OF", section_id, parent, doc_id=doc_id)

    statements = [_Statement(stated, None) for stated in doc.targets]
    for measure in doc.measures:
        measure_id = stable_id("measure", doc_id, measure.key)
        graph.add_node(measure_id, "Measure", number=measure.number, title=measure.title, text=measure.text,
                       path=measure.key, kind=measure.kind, category=measure.category, deadline=measure.deadline,
                       deadline_text=measure.deadline_text, key_task=measure.key_task, **provenance(measure.span))
        parent = section_ids.get(measure.parent, doc_id) if measure.parent else doc_id
        graph.add_relationship("PART_OF", measure_id, parent, doc_id=doc_id)
        for owner in measure.owners:
            graph.add_relationship("RESPONSIBLE_FOR", add_actor(owner.assignment.name), measure_id,
                                   role=owner.assignment.role, text=owner.text, sentence=owner.sentence, doc_id=doc_id,
                                   line=owner.span.line, char_start=owner.span.start, char_end=owner.span.end)
        statements.extend(_Statement(stated, measure_id) for stated in measure.targets)
        for topic in topics(measure.text):
            topic_id = stable_id("topic", topic.word)
            graph.add_node(topic_id, "Topic", name=topic.word)
            graph.add_relationship("ABOUT", measure_id, topic_id, doc_id=doc_id, weight=topic.weight)

    for link in restatements(doc.measures):
        graph.add_relationship("IMPLEMENTS", stable_id("measure", doc_id, link.row),
                               stable_id("measure", doc_id, link.measure), doc_id=doc_id, score=link.score)

    for group in _group_targets(statements):
        best = max(group, key=_trust).stated.mention
        # A table row's deadline is the most specific due date a goal has.
        dues = [s.stated.mention.due for s in sorted(group, key=lambda s: not s.stated.from_table)]
        due = next((d for d in dues if d), None)
        target_id = stable_id("target", doc_id, compare_key(best.indicator), repr(best.value), best.unit)
        graph.add_node(target_id, "Target", indicator=best.indicator, value=best.value, upper=best.upper,
                       unit=best.unit, comparator=best.comparator, due=due, text=best.text,
                       sentence=group[0].stated.sentence, **provenance(group[0].stated.span))
        for statement in group:
            graph.add_relationship("HAS_TARGET", statement.owner or doc_id, target_id, doc_id=doc_id)

    for citation, span in doc.citations:
        cited_id = document_id(citation.title, citation.title)
        graph.add_node(cited_id, "Document", title=citation.title, doc_number=citation.doc_number)
        graph.add_relationship("CITES", doc_id, cited_id, text=citation.title, doc_id=doc_id, line=span.line,
                               char_start=span.start, char_end=span.end)
    return doc_id, graph
