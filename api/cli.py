"""The `policykg` command: load, serve, export, stats and read-only Cypher."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from api.settings import get_settings
from graph.stores import StoreError, open_store
from loaders.errors import LoadError
from loaders.pipeline import load_paths

db_option = click.option("--db", "db", default=None, metavar="PATH",
                         help="Graph database path (default: $POLICYKG_DB or data/policykg.lbug).")


def _db(db: str | None) -> str:
    return db or get_settings().db


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """policykg: a knowledge graph of government policies, the bodies responsible and the targets they set."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be loaded; write nothing.")
@db_option
def load(paths: tuple[Path, ...], strict: bool, db: str | None) -> None:
    """Load policy documents (files or folders) into the graph; a document loaded again is replaced."""
    try:
        result = load_paths(paths, strict=strict)
    except LoadError as error:
        _fail(f"{error} (nothing was written: --strict)")
    for error in result.errors:
        click.echo(f"skipped {error}", err=True)
    if not result.documents:
        _fail("no document could be loaded" if result.errors else "no supported files found in the given paths")
    try:
        with open_store(_db(db)) as store:
            store.replace_documents([d.doc_id for d in result.documents], result.graph)
            counts = store.stats()
    except StoreError as error:
        _fail(f"{error} (nothing was written)")
    click.echo(f"loaded {len(result.documents)} document(s) into {_db(db)}: "
               + ", ".join(f"{n} {label}" for label, n in counts["nodes"].items()))
    if result.errors:
        sys.exit(1)


@main.command()
@click.option("--host", default=None, help="Interface to listen on (default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default $POLICYKG_PORT or 8000).")
@db_option
def serve(host: str | None, port: int | None, db: str | None) -> None:
    """Serve the query API, the start page and the who-owns-what view."""
    import uvicorn

    from api.app import create_app

    settings = get_settings().model_copy(update={"db": _db(db)})
    try:
        app = create_app(settings)
    except StoreError as error:
        _fail(str(error))
    uvicorn.run(app, host=host or settings.host, port=port or settings.port)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["json"]), default="json", show_default=True)
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="File to write.")
@db_option
def export(fmt: str, out: Path, db: str | None) -> None:
    """Export the whole graph: {"nodes": [...], "relationships": [...]}."""
    try:
        with open_store(_db(db), read_only=True) as store:
            data = store.export().to_dict()
    except StoreError as error:
        _fail(str(error))
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    click.echo(f"wrote {len(data['nodes'])} nodes and {len(data['relationships'])} relationships to {out}")


@main.command()
@db_option
def stats(db: str | None) -> None:
    """Count nodes by label and relationships by type."""
    try:
        with open_store(_db(db), read_only=True) as store:
            counts = store.stats()
    except StoreError as error:
        _fail(str(error))
    for kind, table in counts.items():
        click.echo(f"{kind}:")
        for name, n in table.items():
            click.echo(f"  {name:16s} {n}")


@main.command()
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter (string).")
@db_option
def cypher(query: str, params: tuple[str, ...], db: str | None) -> None:
    """Run a read-only Cypher query; prints one JSON object per row."""
    parameters = {}
    for param in params:
        name, sep, value = param.partition("=")
        if not sep:
            _fail(f"--param {param!r} is not NAME=VALUE", 2)
        parameters[name] = value
    try:
        with open_store(_db(db), read_only=True) as store:
            rows = store.run(query, parameters)
    except StoreError as error:
        _fail(f"query failed: {error}", 2)
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False, default=str))
