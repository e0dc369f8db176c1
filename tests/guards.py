"""What the fault tests compare before and after: a store's contents and a folder's files."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from graph.stores import StoreConfig, open_store


def copy_store(db: str | Path, folder: Path) -> Path:
    """A private copy of the embedded store at `db` (its file and write-ahead log, if any) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    source = Path(db)
    for path in source.parent.glob(source.name + "*"):
        shutil.copy(path, folder / path.name)
    return folder / source.name


def fingerprint(db: str | Path) -> dict:
    """Counts, a hash of the whole exported graph and the tables with their columns, read from a fresh
    read-only open (which itself fails if the store was disabled)."""
    with open_store(StoreConfig(db=str(db)), read_only=True) as store:
        graph = store.export()
        tables = store.run("CALL show_tables() RETURN name, type ORDER BY name")
        columns = {t["name"]: store.run(f"CALL table_info('{t['name']}') RETURN *") for t in tables}
        stats = store.stats()
    nodes = sorted((n.id, n.label, json.dumps(n.properties, sort_keys=True, default=str)) for n in graph.nodes.values())
    rels = sorted((r.type, r.start, r.end, json.dumps(r.properties, sort_keys=True, default=str))
                  for r in graph.relationships.values())
    digest = hashlib.sha256(json.dumps([nodes, rels], ensure_ascii=False).encode()).hexdigest()
    return {"stats": stats, "graph": digest, "tables": tables, "columns": columns}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path → sha256 of its bytes)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
