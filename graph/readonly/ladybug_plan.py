"""Is a LadybugDB physical plan (the text EXPLAIN returns) a plain read of the graph?

EXPLAIN draws each operator as a box titled `NAME[id]` (ids 0…n-1), with its details inside, e.g.
`Function: READ_CSV_PARALLEL` for a table function (LOAD FROM) or `Action: CHECKPOINT` for a transaction
statement. Every operator must be in READ_OPERATORS and every table function in READ_FUNCTIONS; any other
operator, a missing id (a plan this module cannot read), or a failed EXPLAIN is a refusal.

One read is refused too: ORDER BY … SKIP n LIMIT m (a TOP_K operator) with n over MAX_SKIP. LadybugDB 0.22
crashes the whole process on it when n is past the rows (found by fuzzing; from about n = 8,000 with whole
nodes in the rows, 12,000–16,000 with scalars). The plan shows n with expressions folded and parameters
filled in (`Skip: 20000`), so no spelling of the statement escapes the bound.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MAX_SKIP", "READ_FUNCTIONS", "READ_OPERATORS", "Plan", "parse_plan", "refusal"]

# Observed in EXPLAIN of reading queries on LadybugDB 0.22 (tests/test_readonly.py keeps the list honest).
READ_OPERATORS = frozenset({
    "AGGREGATE", "AGGREGATE_FINALIZE", "AGGREGATE_SCAN", "COUNT_REL_TABLE", "CROSS_PRODUCT", "DUMMY_SINK",
    "EMPTY_RESULT", "FILTER", "FLATTEN", "HASH_JOIN_BUILD", "HASH_JOIN_PROBE", "INTERSECT", "INTERSECT_BUILD",
    "LIMIT", "MULTIPLICITY_REDUCER", "ORDER_BY", "ORDER_BY_MERGE", "ORDER_BY_SCAN", "PATH_PROPERTY_PROBE",
    "PRIMARY_KEY_SCAN_NODE_TABLE", "PROJECTION", "QUERY_PRIMARY_KEY_LOOKUP", "RECURSIVE_EXTEND",
    "RESULT_COLLECTOR", "SCAN_NODE_TABLE", "SCAN_REL_TABLE", "SEMI_MASKER", "SKIP", "TABLE_FUNCTION_CALL",
    "TOP_K", "TOP_K_SCAN", "UNION_ALL_SCAN", "UNWIND",
})
# Table functions: READ_FTABLE is the one-row source of RETURN and UNWIND; the others read the catalog.
READ_FUNCTIONS = frozenset({"READ_FTABLE", "SHOW_TABLES", "TABLE_INFO", "SHOW_CONNECTION"})

# Why the operators a read must not contain are refused (anything else unknown: "is not a plain read").
_REASONS = {
    "COPY_TO": "COPY … TO writes a file",
    "EXPORT_DATABASE": "EXPORT DATABASE writes files",
    "IMPORT_DATABASE": "IMPORT DATABASE reads files into the store",
    "INSTALL_EXTENSION": "INSTALL downloads an extension",
    "UNINSTALL_EXTENSION": "UNINSTALL removes an extension",
    "LOAD_EXTENSION": "LOAD EXTENSION runs code from a file",
    "ATTACH_DATABASE": "ATTACH opens another database file",
    "DETACH_DATABASE": "DETACH changes the attached databases",
    "USE_DATABASE": "USE switches to another database",
    "STANDALONE_CALL": "CALL option=value changes the database's settings",
    "TRANSACTION": "transaction statements and CHECKPOINT control the store's transactions and files",
}
MAX_SKIP = 1000  # rows an ORDER BY … SKIP … LIMIT may skip: an eighth of the lowest crashing value measured
_TOP_K = {"TOP_K", "TOP_K_SCAN"}
_WRITES = {"INSERT", "SET_PROPERTY", "DELETE", "MERGE", "CREATE_TABLE", "CREATE_TYPE", "CREATE_SEQUENCE",
           "CREATE_MACRO", "DROP", "ALTER"}

_OPERATOR = re.compile(r"\b([A-Z][A-Z0-9_]*)\[(\d+)\]")
_FUNCTION = re.compile(r"Function: (\S+)")
_ACTION = re.compile(r"Action: (\S+)")
_SKIP = re.compile(r"Skip: (\d+)")


@dataclass(frozen=True)
class Plan:
    operators: dict[int, str]  # id → name
    functions: frozenset[str]  # table functions called
    actions: frozenset[str]  # transaction actions (BEGIN_READ, CHECKPOINT, …)
    skips: tuple[int, ...] = ()  # the rows each SKIP or TOP_K operator skips


def parse_plan(text: str) -> Plan:
    operators: dict[int, str] = {}
    for match in _OPERATOR.finditer(text):
        operators.setdefault(int(match.group(2)), match.group(1))
    return Plan(operators, frozenset(_FUNCTION.findall(text)), frozenset(_ACTION.findall(text)),
                tuple(int(n) for n in _SKIP.findall(text)))


def refusal(plan: Plan) -> str | None:
    """Why the plan is not a plain read of the graph, or None when it is."""
    if not plan.operators or sorted(plan.operators) != list(range(len(plan.operators))):
        return "its query plan could not be read, so it cannot be shown to only read"
    names = set(plan.operators.values())
    for name in sorted(names - READ_OPERATORS):
        if name == "TRANSACTION" and "CHECKPOINT" in plan.actions:
            return "CHECKPOINT rewrites the database files"
        if name in _REASONS:
            return _REASONS[name]
        if name in _WRITES:
            return f"it writes to the graph ({name})"
        return f"its plan uses {name}, which is not a plain read"
    for function in sorted(plan.functions - READ_FUNCTIONS):
        if function.startswith("READ_"):
            return "LOAD FROM reads a file"
        allowed = ", ".join(sorted(f.lower() for f in READ_FUNCTIONS - {"READ_FTABLE"}))
        return f"CALL {function.lower()}() is not one of the read-only functions allowed ({allowed})"
    if names & _TOP_K and max(plan.skips, default=0) > MAX_SKIP:
        return (f"ORDER BY … SKIP {max(plan.skips):,} … LIMIT skips more than {MAX_SKIP:,} rows, which can crash "
                "LadybugDB 0.22: narrow the rows with WHERE on the sort key instead")
    return None
