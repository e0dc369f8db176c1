"""Who is responsible: bracketed notes 〔责任单位：A牵头，B、C按职责分工负责〕 and table cells, with roles.

Roles: lead (牵头), co (配合 / 参与 / 按职责分工负责 after a lead), sole (one body 负责),
unspecified (a plain list).  A document may declare that the first body listed leads
(列第一位者为牵头单位); then every plain list of several bodies has a lead and co-owners.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LEAD, CO, SOLE, UNSPECIFIED = "lead", "co", "sole", "unspecified"

_LABEL = re.compile(
    r"^(?P<label>责任单位|责任部门|牵头单位|牵头部门|主责单位|配合单位|配合部门|参与单位|参与部门|协办单位|协同单位|实施单位|"
    r"负责单位|责任主体|牵头|配合|参与)\s*[：:]\s*"
)
_LABEL_ROLE = {"牵头单位": LEAD, "牵头部门": LEAD, "主责单位": LEAD, "牵头": LEAD, "配合单位": CO, "配合部门": CO,
               "参与单位": CO, "参与部门": CO, "协办单位": CO, "协同单位": CO, "配合": CO, "参与": CO}
_SUFFIX = re.compile(r"(牵头负责|牵头抓总|牵头|按职责分工负责|按职责分工落实|按职能分工负责|分工负责|按职责负责|共同负责|"
                     r"配合|参与|协助|协同|协办|负责|落实)$")
_SUFFIX_ROLE = {"牵头负责": LEAD, "牵头抓总": LEAD, "牵头": LEAD, "配合": CO, "参与": CO, "协助": CO, "协同": CO,
                "协办": CO}
_SHARED = {"按职责分工负责", "按职责分工落实", "按职能分工负责", "分工负责", "按职责负责", "共同负责", "落实"}
_SEPARATORS = re.compile(r"[、，,；;/\s]+|及(?=[\u4e00-\u9fff])")
BODY_SUFFIX = re.compile(
    r"(局|委|办|院|部|厅|署|中心|政府|镇|乡|街道|区|县|市|省|会|组|队|公司|所|处|行|站|馆|社|园|关|校|团|室|庭|单位|"
    r"部门|集团|企业|协会|学院|大学|法院|银行|联社|办事处|分局|支队|总队|）)$"
)
FIRST_LISTED_LEADS = re.compile(r"(列|排)(在)?第一(位|个)(者|的)?(单位|部门)?为牵头|第一个单位为牵头|首位为牵头")


@dataclass(frozen=True)
class Assignment:
    name: str  # the body as written
    role: str


def split_bodies(text: str) -> list[str]:
    """Body names in a list such as A、B及C等; empty and implausible pieces are dropped."""
    names = []
    for piece in _SEPARATORS.split(text):
        name = re.sub(r"(等|等单位|等部门)$", "", piece.strip(" 。."))
        if 2 <= len(name) <= 40 and not re.search(r"[。：:]", name):
            names.append(name)
    return names


def parse_responsibility(text: str, first_listed_leads: bool = False, default_role: str | None = None
                         ) -> list[Assignment]:
    """Bodies and roles named in a note or a table cell.

    `default_role` is the role a table column gives (a 牵头单位 column: lead) when the text names none.
    """
    text = text.strip()
    if text[:1] in "〔【（([" and text[-1:] in "〕】）)]" and text[1:-1].count("（") == text[1:-1].count("）"):
        text = text[1:-1]  # a whole note in brackets, not a name ending in （知识产权局）
    clauses: list[tuple[list[str], str | None, str | None]] = []  # (names, role word, suffix)
    for part in re.split(r"[；;]", text):
        label_role = None
        label = _LABEL.match(part.strip())
        if label:
            label_role = _LABEL_ROLE.get(label.group("label"))
            part = part.strip()[label.end():]
        for clause in re.split(r"[，,]", part):
            clause = clause.strip()
            suffix_match = _SUFFIX.search(clause)
            suffix = suffix_match.group(1) if suffix_match else None
            if suffix_match:
                clause = clause[:suffix_match.start()]
            names = split_bodies(clause)
            if names:
                clauses.append((names, label_role or _SUFFIX_ROLE.get(suffix or ""), suffix))
    has_lead = any(role == LEAD for _, role, _ in clauses)
    total = sum(len(names) for names, _, _ in clauses)
    assignments: list[Assignment] = []
    for names, role, suffix in clauses:
        if role is None:
            if suffix in _SHARED:
                role = CO if has_lead else UNSPECIFIED
            elif suffix == "负责":
                role = CO if has_lead else (SOLE if total == 1 else UNSPECIFIED)
            else:
                role = default_role or UNSPECIFIED
        if role == UNSPECIFIED and first_listed_leads and not has_lead and not assignments:
            assignments.append(Assignment(names[0], LEAD))
            assignments.extend(Assignment(n, CO) for n in names[1:])
            has_lead = True
            continue
        assignments.extend(Assignment(n, role) for n in names)
    # One body named twice keeps its strongest role.
    order = {LEAD: 0, SOLE: 1, CO: 2, UNSPECIFIED: 3}
    best: dict[str, Assignment] = {}
    for a in assignments:
        if a.name not in best or order[a.role] < order[best[a.name].role]:
            best[a.name] = a
    return list(best.values())


# A note closing a paragraph: 〔责任单位：…〕, （牵头单位：…；配合单位：…）, 【…】, or （A牵头，B参与）.
_TRAILING_NOTE = re.compile(r"[〔（【\[]([^〔〕（）【】\[\]]*(?:（[^（）]*）[^〔〕（）【】\[\]]*)*)[〕）】\]]\s*[。；]?\s*$")


def trailing_note(text: str) -> tuple[str, int] | None:
    """The responsibility note ending `text` and where it starts, or None if the brackets hold something else.

    A note is labelled (责任单位：…), carries a role word (A牵头，B参与; A、B等负责), or is a bare list of
    bodies (市民政局、市财政局) that closes a sentence or names several bodies; a single bracketed name right
    after a word is part of that name (市场监管局（知识产权局）), not a note.
    """
    match = _TRAILING_NOTE.search(text)
    if not match:
        return None
    note = match.group(1)
    if _LABEL.match(note.strip()):
        return note, match.start()
    names = split_bodies(_SUFFIX.sub("", note))
    bodies = [n for n in names if BODY_SUFFIX.search(n)]
    if re.search(r"牵头|负责|配合|参与|协助|协同", note):
        return (note, match.start()) if bodies else None
    closes_sentence = text[:match.start()].rstrip()[-1:] in ("。", "；", "")
    if names and len(bodies) == len(names) and (closes_sentence or len(names) > 1):
        return note, match.start()
    return None
