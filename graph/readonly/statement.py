"""What can be told from a statement's text before any store sees it: one statement, not garbage, and not a
clause whose binding alone opens a file.

The store decides what a statement does (its plan); this only stops what must not reach the planner.
Tokens follow Cypher's lexical rules (strings with backslash escapes, `quoted names`, // and /* */
comments), so a keyword inside a string or a comment is not mistaken for a clause.

>>> count_statements("MATCH (n) RETURN n; // done")
1
>>> count_statements("RETURN ';' AS a; RETURN 2")
2
>>> file_clause("LOAD FROM '/etc/passwd' RETURN *")
'LOAD FROM reads a file'
>>> file_clause("MATCH (load) RETURN 'COPY x TO y' AS s") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from graph.readonly import CypherRefused

MAX_LENGTH = 100_000  # characters; the named queries are under 2,000

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Token:
    kind: str  # "word" (upper-cased), "string", "name" (`quoted`), "symbol"
    text: str


def _skip_quoted(text: str, start: int, quote: str) -> int:
    """Index after the string or quoted name opening at `start`."""
    i = start + 1
    while i < len(text):
        if quote != "`" and text[i] == "\\":
            i += 2
        elif text[i] == quote:
            if quote == "`" and text[i + 1:i + 2] == "`":  # `a``b` is the name a`b
                i += 2
                continue
            return i + 1
        else:
            i += 1
    return len(text)


def tokens(text: str) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char.isspace() or char == "\ufeff":
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
        elif char in "'\"`":
            end = _skip_quoted(text, i, char)
            out.append(Token("name" if char == "`" else "string", text[i:end]))
            i = end
        elif match := _WORD.match(text, i):
            out.append(Token("word", match.group().upper()))
            i = match.end()
        else:
            out.append(Token("symbol", char))
            i += 1
    return out


def split_statements(text: str) -> list[list[Token]]:
    """The statements in `text` (separated by `;`), empty ones dropped."""
    statements: list[list[Token]] = [[]]
    for token in tokens(text):
        if token == Token("symbol", ";"):
            statements.append([])
        else:
            statements[-1].append(token)
    return [s for s in statements if s]


def count_statements(text: str) -> int:
    return len(split_statements(text))


def _top_level_words(statement: list[Token]) -> list[str]:
    """Words outside any brackets: COPY (… TO …) FROM is a COPY FROM."""
    words, depth = [], 0
    for token in statement:
        if token.kind == "symbol" and token.text in "([{":
            depth += 1
        elif token.kind == "symbol" and token.text in ")]}":
            depth = max(0, depth - 1)
        elif token.kind == "word" and depth == 0:
            words.append(token.text)
    return words


def _statement_file_clause(statement: list[Token]) -> str | None:
    first = statement[0].text if statement[0].kind == "word" else ""
    if first == "COPY":
        words = _top_level_words(statement)
        return "COPY … TO writes a file" if "TO" in words else "COPY … FROM reads a file into the store"
    if first in ("IMPORT", "EXPORT"):
        return f"{first} DATABASE " + ("reads files into the store" if first == "IMPORT" else "writes files")
    if first == "ATTACH":
        return "ATTACH opens another database file"
    for token, following in pairwise(statement):
        if token == Token("word", "LOAD"):
            if following.kind == "word" and following.text in ("FROM", "WITH"):
                return "LOAD FROM reads a file"
            if following == Token("word", "EXTENSION") or following.kind == "string":
                return "LOAD EXTENSION runs code from a file"
    return None


def file_clause(text: str) -> str | None:
    """Why the statement would open a file while it is only being compiled, or None."""
    for statement in split_statements(text):
        if reason := _statement_file_clause(statement):
            return reason
    return None


def screen(text: str) -> None:
    """Raise CypherRefused for what must not reach the store's parser or planner."""
    if not text.strip():
        raise CypherRefused("the statement is empty")
    if "\x00" in text:
        raise CypherRefused("the statement contains a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise CypherRefused(f"the statement is not valid Unicode (character {exc.start} is a lone surrogate)") from exc
    if len(text) > MAX_LENGTH:
        raise CypherRefused(f"the statement is {len(text):,} characters long, more than {MAX_LENGTH:,}")
    if (reason := file_clause(text)) is not None:
        raise CypherRefused(reason)
    if (count := count_statements(text)) > 1:
        raise CypherRefused(f"{count} statements in one call: send them one at a time")
