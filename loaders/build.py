"""Stage 5, build: extracted facts into the in-memory graph, with stable ids.

A target stated in prose and restated in a table (a task row, an indicator table) is one Target node,
linked from every measure that states it; two prose statements stay two targets.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from graph.model import PolicyGraph
from loaders.extract import ExtractedDocument
from loaders.resolve import actor_id, jurisdiction_of
from loaders.segment import Span
from loaders.targets import TargetMention
from loaders.text import compare_key, stable_id


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
class _TargetGroup:
    mentions: list[tuple[TargetMention, Span, int, bool, str | None]]  # mention, span, strength, from table, owner

    @property
    def best(self) -> TargetMention:
        return max(self.mentions, key=lambda m: (m[2], m[3]))[0]


def _group_targets(mentions: list[tuple[TargetMention, Span, int, bool, str | None]]) -> list[_TargetGroup]:
    groups: list[_TargetGroup] = []
    for entry in mentions:
        mention, _, _, from_table, _ = entry
        match = None
        for group in groups:
            head = group.mentions[0][0]
            restated = from_table or any(m[3] for m in group.mentions)
            if (restated and head.value == mention.value and compare_key(head.unit) == compare_key(mention.unit)
                    and similarity(head.indicator, mention.indicator) >= 0.5):
                match = group
                break
        if match is None:
            groups.append(_TargetGroup([entry]))
        else:
            match.mentions.append(entry)
    return groups


def build_graph(doc: ExtractedDocument, content: str) -> PolicyGraph:
    graph = PolicyGraph()
    meta = doc.metadata
    doc_id = document_id(meta.title, doc.source_file)
    jurisdiction = jurisdiction_of(meta.region, doc.text)
    graph.add_node(doc_id, "Document", title=meta.title or None, doc_number=meta.doc_number, issuer=meta.issuer,
                   issued_on=meta.issued_on, region=meta.region, source_file=doc.source_file,
                   wrapper_title=doc.wrapper_title or None, period_end=doc.period_end,
                   content_hash=hashlib.sha256(content.encode("utf-8")).hexdigest())

    def provenance(span: Span) -> dict:
        return {"doc_id": doc_id, "source_file": doc.source_file, "line": span.line,
                "char_start": span.start, "char_end": span.end}

    def add_actor(name: str) -> str:
        node_id, region = actor_id(name, jurisdiction)
        graph.add_node(node_id, "Actor", name=name, aliases=[name], region=region)
        return node_id

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

    mentions: list[tuple[TargetMention, Span, int, bool, str | None]] = [
        (m, span, strength, span.start == span.end or m.start == m.end == 0, None)
        for m, span, strength in doc.targets
    ]
    for measure in doc.measures:
        measure_id = stable_id("measure", doc_id, measure.key)
        graph.add_node(measure_id, "Measure", number=measure.number, title=measure.title, text=measure.text,
                       path=measure.key, kind=measure.kind, category=measure.category, deadline=measure.deadline,
                       deadline_text=measure.deadline_text, key_task=measure.key_task, **provenance(measure.span))
        parent = section_ids.get(measure.parent, doc_id) if measure.parent else doc_id
        graph.add_relationship("PART_OF", measure_id, parent, doc_id=doc_id)
        for owner in measure.owners:
            graph.add_relationship("RESPONSIBLE_FOR", add_actor(owner.assignment.name), measure_id,
                                   role=owner.assignment.role, text=owner.text, doc_id=doc_id,
                                   line=owner.span.line, char_start=owner.span.start, char_end=owner.span.end)
        mentions.extend((m, span, strength, measure.kind == "table_row", measure_id)
                        for m, span, strength in measure.targets)

    for group in _group_targets(mentions):
        best = group.best
        due = next((m[0].due for m in group.mentions if m[3] and m[0].due), None) or next(
            (m[0].due for m in group.mentions if m[0].due), None)
        first_span = group.mentions[0][1]
        target_id = stable_id("target", doc_id, compare_key(best.indicator), repr(best.value), best.unit)
        graph.add_node(target_id, "Target", indicator=best.indicator, value=best.value, upper=best.upper,
                       unit=best.unit, comparator=best.comparator, due=due, text=best.text,
                       **provenance(first_span))
        for _, _, _, _, owner in group.mentions:
            graph.add_relationship("HAS_TARGET", owner or doc_id, target_id, doc_id=doc_id)

    for citation, span in doc.citations:
        cited_id = document_id(citation.title, citation.title)
        graph.add_node(cited_id, "Document", title=citation.title, doc_number=citation.doc_number)
        graph.add_relationship("CITES", doc_id, cited_id, text=citation.title, doc_id=doc_id, line=span.line,
                               char_start=span.start, char_end=span.end)
    return graph
