"""Who is responsible: the notes and table cells that name bodies, read into (body, role) assignments.

Families of notes, each a rule below (the words themselves are data: loaders/data/role_labels.tsv,
role_words.tsv, generic_bodies.txt, body_suffixes.txt):
- labels that may open any clause: （牵头单位：甲局，配合单位：乙局、丙委，各区政府）, 〔责任单位：甲局；协办单位：乙局〕;
- role words after the bodies they qualify: 甲局牵头，乙局配合; 甲局会同乙局负责;
- plain lists: 甲局、乙局负责 is unspecified, unless the document declares that the first listed body leads
  (列第一位者为牵头单位, possibly inside the first note itself); one body 负责 is sole;
- collective tails: 甲、乙等有关部门和单位负责 names 甲 and 乙; 有关部门 names no body, 各区政府 does.

Roles: lead, co (配合, 参与, or 按职责分工负责 beside a lead), sole, unspecified.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from loaders.dates import normalise_deadline
from loaders.vocabulary import (
    CO,
    FIRST_LISTED_LEADS,
    LEAD,
    SOLE,
    UNSPECIFIED,
    alternation,
    body_suffix_pattern,
    bracketed_label_pattern,
    generic_body_pattern,
    glued_label_pattern,
    label_pattern,
    role_labels,
    role_word_pattern,
    role_words,
    table_columns,
)

__all__ = ["CO", "LEAD", "SOLE", "UNSPECIFIED", "Assignment", "Note", "find_notes", "note_deadline",
           "parse_responsibility", "split_top_level"]

_OPENING, _CLOSING = "（〔【[", "）〕】]"
_CLAUSE_SEPARATORS = "，,；;。"
_ROLE_STRENGTH = {LEAD: 0, SOLE: 1, CO: 2, UNSPECIFIED: 3}


@dataclass(frozen=True)
class Assignment:
    name: str  # the body as written
    role: str


@dataclass(frozen=True)
class Note:
    """A responsibility note found in a paragraph."""

    text: str  # what it says, without its brackets
    start: int  # offsets of the whole note (brackets included) in the paragraph
    end: int


def split_top_level(text: str, separators: str) -> list[str]:
    """`text` cut at `separators` outside brackets: 各县（市、区）政府 stays one piece.

    >>> split_top_level("甲局、各县（市、区）政府", "、")
    ['甲局', '各县（市、区）政府']
    """
    pieces, current, depth = [], [], 0
    for char in text:
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING and depth:
            depth -= 1
        if depth == 0 and char in separators:
            pieces.append("".join(current))
            current = []
        else:
            current.append(char)
    pieces.append("".join(current))
    return pieces


# --- one note into assignments ------------------------------------------------------------------------------

@dataclass
class _Group:
    """Bodies that share one role statement."""

    names: list[str]
    label_role: str | None  # the role a label or a table column gives
    word: str | None  # the meaning of the role word after them (lead | co | duty)


def _unwrap(text: str) -> str:
    """A whole note in brackets loses them; a name ending in （知识产权局） keeps its own."""
    text = text.strip()
    return text[1:-1] if next(_bracket_groups(text), None) == (0, len(text)) else text


def _strip_declaration(text: str) -> tuple[str, bool]:
    """The note without a 列第一位者为牵头单位 declaration, and whether it had one."""
    stripped = FIRST_LISTED_LEADS.sub("，", text)
    return stripped, stripped != text


_CONVENTION = re.compile(r"不再列出|不再一一列出|以下均|以下各项|下同")
_SPLIT_NAMES = re.compile(r"以及|(?<=等)[和及与]|及(?=[\u4e00-\u9fff])")
_LEADING = re.compile(r"^(?:由|请|并由|均由)")


def _pieces(clause: str) -> Iterator[tuple[str, str | None]]:
    """The pieces of a clause, each a name list with the role word that closes it (or None).

    甲局会同乙局负责 reads as 甲局 leading with 乙局.
    """
    for part in split_top_level(clause, "、/ \t"):
        for name in (n for piece in _SPLIT_NAMES.split(part) for n in _split_joined(piece)):
            lead, together, rest = name.partition("会同")
            if together and lead.strip():
                yield lead, "lead"
                name = rest
            match = role_word_pattern().search(name.strip())
            if match:
                yield name.strip()[:match.start()], _meaning(match)
            else:
                yield name, None


def _split_joined(piece: str) -> list[str]:
    """甲局和乙委 names two bodies when both sides end like a body; 发展和改革委员会 and 住房和城乡建设局 are one."""
    for joiner in ("和", "与"):
        left, found, right = piece.partition(joiner)
        bare_right = role_word_pattern().sub("", right.strip())
        if found and len(left) >= 3 and body_suffix_pattern().search(left) and body_suffix_pattern().search(bare_right):
            return [left, *_split_joined(right)]
    return [piece]


def _meaning(match: re.Match[str]) -> str:
    """What a role word (牵头, （牵头）) or a predicate label (为牵头单位) says: lead, co or duty."""
    if match.group("label"):
        return {LEAD: LEAD, CO: CO}.get(role_labels()[match.group("label")], "duty")
    return role_words()[match.group("word") or match.group("bracketed")]


def _names(piece: str) -> list[str]:
    """The bodies a piece names: 甲局等有关部门 → [甲局]; 有关部门 → []."""
    name = _LEADING.sub("", piece.strip(" 。.，,：:"))
    tail = name.find("等")
    while tail > 0:
        rest = name[tail + 1:]
        if not rest or generic_body_pattern().match(rest):
            name = name[:tail]
            break
        tail = name.find("等", tail + 1)
    if not name or generic_body_pattern().match(name):
        return []
    if not 2 <= len(name) <= 40 or re.search(r"[：:。由]|^\d|\d{4}年", name):
        return []  # a date, a sentence or a scope remark (技工院校内由…部门负责), not a body
    return [name]


def _groups(text: str, default_role: str | None) -> Iterator[_Group]:
    label_role = default_role
    text = glued_label_pattern().sub("；", text)  # （牵头单位：甲局 配合单位：乙局） lost its space in normalise
    for clause in split_top_level(text, _CLAUSE_SEPARATORS):
        clause = clause.strip()
        if _CONVENTION.search(clause):
            continue  # （以下各项均需各县（市、区）政府落实，不再列出）: how to read the notes, not owners here
        label = label_pattern().match(clause)
        if label:
            label_role = role_labels()[label.group("label")]
            clause = clause[label.end():]
        elif _deadline_label().match(clause):
            continue  # 完成时限：… inside a note is a deadline, read by note_deadline
        pending: list[str] = []
        for piece, word in _pieces(clause):
            pending.extend(_names(piece))
            if word:
                yield _Group(pending, label_role, word)
                pending = []
        if pending:
            yield _Group(pending, label_role, None)


def _role(group: _Group, has_lead: bool, has_co: bool, total: int) -> str:
    if group.label_role in (LEAD, CO) and group.word not in (LEAD, CO):
        return group.label_role
    if group.word in (LEAD, CO):
        return group.word
    if group.word == "duty":
        if has_lead:
            return CO
        if has_co:
            return LEAD  # 甲局负责，乙局配合: the one responsible beside helpers leads
        return SOLE if total == 1 else UNSPECIFIED
    if has_lead and group.label_role in (None, UNSPECIFIED):
        return CO  # 责任单位：甲局（牵头），乙局、丙委: beside a lead the others work with it
    return group.label_role or UNSPECIFIED


@lru_cache(maxsize=16384)
def parse_responsibility(text: str, first_listed_leads: bool = False, default_role: str | None = None
                         ) -> tuple[Assignment, ...]:
    """Bodies and roles named in a note or a table cell.

    `default_role` is the role a table column gives (a 牵头单位 column: lead) when the text names none;
    `first_listed_leads`: the document declared that the first body listed leads.

    >>> [(a.name, a.role) for a in parse_responsibility("牵头单位：甲局，配合单位：乙局、丙委，各区政府")]
    [('甲局', 'lead'), ('乙局', 'co'), ('丙委', 'co'), ('各区政府', 'co')]
    >>> [(a.name, a.role) for a in parse_responsibility("甲局、乙委等有关部门和单位负责")]
    [('甲局', 'unspecified'), ('乙委', 'unspecified')]
    """
    text, declared = _strip_declaration(_unwrap(text))
    groups = [g for g in _groups(text, default_role) if g.names]
    has_lead = any(g.label_role == LEAD or g.word == LEAD for g in groups)
    has_co = any(g.word == CO for g in groups)
    total = sum(len(g.names) for g in groups)
    assignments = [Assignment(name, _role(g, has_lead, has_co, total)) for g in groups for name in g.names]
    if (first_listed_leads or declared) and not has_lead and default_role is None and assignments:
        first, *rest = assignments
        assignments = [Assignment(first.name, SOLE if not rest else LEAD)]
        assignments += [Assignment(a.name, CO if a.role in (UNSPECIFIED, SOLE) else a.role) for a in rest]
    best: dict[str, Assignment] = {}
    for assignment in assignments:  # one body named twice keeps its strongest role
        known = best.get(assignment.name)
        if known is None or _ROLE_STRENGTH[assignment.role] < _ROLE_STRENGTH[known.role]:
            best[assignment.name] = assignment
    return tuple(best.values())


@cache
def _deadline_label() -> re.Pattern[str]:
    """完成时限：2024年底 inside a note: a deadline label (table_columns.tsv) and its value."""
    words = alternation([w for w, kind in table_columns().items() if kind == "deadline"])
    return re.compile(rf"(?:^|(?<=[；;，,\s]))(?:{words})\s*[：:]\s*(?P<value>[^；;，,。）〕】]+)")


def note_deadline(text: str) -> str | None:
    """The 完成时限 a note states beside its bodies (〔责任单位：甲局；完成时限：2024年底〕), normalised."""
    match = _deadline_label().search(text)
    return normalise_deadline(match.group("value")) if match else None


# --- notes in running text -------------------------------------------------------------------------------------

def _bracket_groups(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every top-level bracketed group of `text`, brackets included."""
    depth, start = 0, 0
    for i, char in enumerate(text):
        if char in _OPENING:
            if depth == 0:
                start = i
            depth += 1
        elif char in _CLOSING and depth:
            depth -= 1
            if depth == 0:
                yield start, i + 1


def _labelled(inner: str) -> bool:
    return any(label_pattern().match(clause.strip()) for clause in split_top_level(inner, _CLAUSE_SEPARATORS))


def _closes_sentence(before: str, after: str) -> bool:
    return before.rstrip()[-1:] in ("。", "；", "") or after.lstrip()[:1] in ("。", "；", ";", "")


def _is_note(inner: str, before: str, after: str) -> bool:
    """Labelled notes stand anywhere; others close a sentence and name bodies: with a role word
    (甲局牵头，乙局参与; 甲、乙等负责), or as a bare list (市民政局、市财政局). A single bracketed name right after a
    word is part of that name (市场监管局（知识产权局）), not a note."""
    if _labelled(inner):
        return True
    if not (_closes_sentence(before, after) or after.lstrip()[:1] in ("，", ",")):
        return False
    stripped, declared = _strip_declaration(inner)
    groups = [g for g in _groups(stripped, None)]
    names = [n for g in groups for n in g.names]
    bodies = [n for n in names if body_suffix_pattern().search(n)]
    if not bodies or len(bodies) < len(names):
        return False
    if declared or any(g.word for g in groups):
        return True
    return _closes_sentence(before, after) and (len(names) > 1 or before.rstrip()[-1:] in ("。", "；", ""))


def _sentence_starts(paragraph: str, start: int) -> Iterator[int]:
    if start == 0:
        yield 0
    for i in range(start, len(paragraph)):
        if paragraph[i] in "。；;":
            yield i + 1


@lru_cache(maxsize=16384)
def find_notes(paragraph: str) -> tuple[Note, ...]:
    """Every responsibility note in a paragraph: bracketed ones that close a sentence group, and an
    unbracketed 责任单位：… that ends it. Several notes in one paragraph all count.

    >>> [n.text for n in find_notes("建设平台（甲局牵头）。推进共享。（乙局、丙委负责）")]
    ['甲局牵头', '乙局、丙委负责']
    """
    if not any(mark in paragraph for mark in ("：", ":", *_OPENING)):
        return ()
    # 【牵头单位】甲局【配合单位】乙局: a label in brackets reads as 牵头单位：…, same length, offsets kept.
    written, paragraph = paragraph, bracketed_label_pattern().sub(lambda m: f"；{m.group('label')}：", paragraph)
    notes = [Note(paragraph[start + 1:end - 1], start, end) for start, end in _bracket_groups(paragraph)
             if _is_note(paragraph[start + 1:end - 1], paragraph[:start], paragraph[end:])]
    for start in _sentence_starts(paragraph, notes[-1].end if notes else 0):
        rest = paragraph[start:]
        if label_pattern().match(rest.lstrip()) and parse_responsibility(rest):
            opened = start - 1 if start and written[start - 1] == "【" else start  # the note takes its bracket
            notes.append(Note(rest.strip().rstrip("。；; "), opened, len(paragraph)))
            break
    return tuple(notes)
