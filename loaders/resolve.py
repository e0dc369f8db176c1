"""Stage 5, resolve: identities — which Document node a file is, and which Actor node each body name is.

Identities never merge what differs:
- a document's id comes from its title together with its 发文字号, issuer, date and region (and, when none of
  those is known, its file), so two cities' plans of one title, or two versions, are two documents;
- a body's id comes from its key within its region (bodies.place); a body whose region the document does not
  say is scoped to that document, never to an empty region shared by every such document;
- a renamed body (data/body_aliases.tsv) is its successor only in documents issued after the reform, where
  the table says the reform applies; an earlier document keeps the body it wrote, linked by a Succession;
- two bodies listed in one note stay two, even when the reform table would map one onto the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from loaders.bodies import Placement, canonical, kind_of, place, reform_for
from loaders.extract import ExtractedDocument, OwnerMention
from loaders.jurisdiction import Jurisdiction, jurisdiction_of
from loaders.metadata import Metadata
from loaders.text import compare_key, stable_id

__all__ = ["Body", "ResolvedDocument", "Succession", "cited_document_id", "document_id", "identify", "resolve"]


@dataclass(frozen=True)
class Body:
    id: str
    name: str  # the name to show: as written, or the successor's when the document used a historical name
    written: str  # the name exactly as the document wrote it
    region: str | None
    kind: str
    level: str | None  # national | province | city | district | township


@dataclass(frozen=True)
class Succession:
    predecessor: Body
    successor: Body
    year: int


@dataclass
class ResolvedDocument:
    document: ExtractedDocument
    doc_id: str
    jurisdiction: Jurisdiction
    issuers: list[Body]
    owners: list[list[Body]]  # the body of each owner mention, measure by measure
    successions: list[Succession] = field(default_factory=list)


def document_id(meta: Metadata, source_file: str) -> str:
    """A loaded document's id: its title with what tells two same-titled documents apart."""
    parts = [meta.doc_number or "", meta.issuer or "", meta.issued_on or "", meta.region or ""]
    if not meta.doc_number and not meta.issued_on:
        parts.append(Path(source_file).stem)  # nothing else dates it: a file of its own (in any format)
    return stable_id("doc", compare_key(meta.title) or source_file, *parts)


def cited_document_id(title: str) -> str:
    """A document known only because it is cited: its title is all we know of it."""
    return stable_id("doc", compare_key(title))


_TOWNSHIP = ("镇", "乡", "街道", "办事处")


class _Resolver:
    def __init__(self, doc_id: str, jurisdiction: Jurisdiction, year: int | None) -> None:
        self.doc_id = doc_id
        self.jurisdiction = jurisdiction
        self.year = year
        self.successions: dict[tuple[str, str], Succession] = {}
        self._written: dict[str, Body] = {}

    def _body(self, placement: Placement, key: str, name: str, written: str) -> Body:
        scope = placement.region or f"document {self.doc_id}"
        level = "township" if canonical(key).endswith(_TOWNSHIP) else placement.level
        return Body(stable_id("actor", scope, key), name, written, placement.region, kind_of(key), level)

    def as_written(self, written: str) -> Body:
        """The body a name stands for before any reform is applied."""
        body = self._written.get(written)
        if body is None:
            placement = place(written, self.jurisdiction)
            body = self._written[written] = self._body(placement, placement.key, written, written)
        return body

    def body(self, written: str, together_with: tuple[str, ...] = ()) -> Body:
        """The body a name stands for; `together_with`: the other names of the same note, never merged into."""
        own = self.as_written(written)
        placement = place(written, self.jurisdiction)
        reform = reform_for(placement, self.jurisdiction)
        if reform is None:
            return own
        keep_apart = {self.as_written(name).id for name in together_with}
        successor_key = canonical(reform.successor).lstrip(placement.prefix) if placement.prefix else \
            canonical(reform.successor)
        successor = self._body(placement, successor_key, placement.prefix + reform.successor,
                               placement.prefix + reform.successor)
        if self.year is not None and self.year >= reform.year and successor.id not in keep_apart:
            return Body(successor.id, successor.name, written, successor.region, successor.kind, successor.level)
        if own.id != successor.id:
            self.successions.setdefault((own.id, successor.id), Succession(own, successor, reform.year))
        return own

    def note_bodies(self, mentions: list[OwnerMention]) -> list[Body]:
        """Bodies of a measure's owner mentions; names of one note are resolved with each other kept apart."""
        notes: dict[tuple[str, int], list[str]] = {}
        for mention in mentions:
            notes.setdefault((mention.text, mention.span.start), []).append(mention.assignment.name)
        return [self.body(m.assignment.name, tuple(n for n in notes[(m.text, m.span.start)] if n != m.assignment.name))
                for m in mentions]


def identify(written: str, jurisdiction: Jurisdiction, year: int | None = None, doc_id: str = "",
             together_with: tuple[str, ...] = ()) -> tuple[Body, list[Succession]]:
    """The body a name written in a document of `jurisdiction`, issued in `year`, stands for, and the
    successions it implies; `together_with`: the other names of the same note."""
    resolver = _Resolver(doc_id, jurisdiction, year)
    return resolver.body(written, together_with), list(resolver.successions.values())


def resolve(doc: ExtractedDocument) -> ResolvedDocument:
    meta = doc.metadata
    doc_id = document_id(meta, doc.source_file)
    jurisdiction = jurisdiction_of(meta.region, doc.text)
    year = int(meta.issued_on[:4]) if meta.issued_on else None
    resolver = _Resolver(doc_id, jurisdiction, year)
    issuers = [resolver.body(name) for name in meta.issuer.split("、")] if meta.issuer else []
    owners = [resolver.note_bodies(measure.owners) for measure in doc.measures]
    return ResolvedDocument(doc, doc_id, jurisdiction, issuers, owners, list(resolver.successions.values()))
