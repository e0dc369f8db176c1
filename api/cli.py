"""The `policykg` command: load, serve, export, stats, the analyst query library and read-only Cypher."""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from api import output
from api.client import upload
from api.settings import Settings, get_settings, settings_problem
from graph import analytics
from graph import export as exports
from graph.analytics_cache import AnalyticsCache
from graph.stores import GraphStore, StoreError, open_store
from graph.stores.base import GraphReader
from graph.stores.lock import forget_server, record_server
from loaders.errors import LoadError
from queries import catalog
from queries.catalog import plain

_STORE_OPTIONS = (
    click.option("--store", type=click.Choice(["ladybug", "neo4j"]), default=None,
                 help="Which graph store (default: $POLICYKG_STORE or ladybug, the embedded database)."),
    click.option("--db", default=None, metavar="PATH",
                 help="Embedded database path (default: $POLICYKG_DB or data/policykg.lbug)."),
    click.option("--neo4j-uri", default=None, metavar="URI", help="Neo4j address (default: $NEO4J_URI)."),
    click.option("--neo4j-user", default=None, help="Neo4j user (default: $NEO4J_USER or neo4j)."),
    click.option("--neo4j-password", default=None, help="Neo4j password (default: $NEO4J_PASSWORD)."),
    click.option("--neo4j-database", default=None, help="Neo4j database (default: $NEO4J_DATABASE or neo4j)."),
)


def store_options(command: Callable[..., None]) -> Callable[..., None]:
    """The store flags, passed to the command as one `settings` argument (flags override the environment)."""

    @functools.wraps(command)
    def with_settings(*args: Any, store: str | None, db: str | None, neo4j_uri: str | None, neo4j_user: str | None,
                      neo4j_password: str | None, neo4j_database: str | None, **kwargs: Any) -> None:
        flags = {"store": store, "db": db, "neo4j_uri": neo4j_uri, "neo4j_user": neo4j_user,
                 "neo4j_password": neo4j_password, "neo4j_database": neo4j_database}
        try:
            settings = get_settings().model_copy(update={k: v for k, v in flags.items() if v is not None})
        except ValidationError as error:
            _fail(settings_problem(error), 2)
        command(*args, settings=settings, **kwargs)

    for option in reversed(_STORE_OPTIONS):
        with_settings = option(with_settings)
    return with_settings


@contextmanager
def _opened(settings: Settings, read_only: bool = False) -> Iterator[GraphStore]:
    """The configured store, saying so when opening it recovered from an interrupted write."""
    with open_store(settings.store_config(), read_only=read_only) as store:
        if store.recovered:
            click.echo(f"note: {store.recovered}", err=True)
        yield store


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """policykg: a knowledge graph of government policies, the bodies responsible and the targets they set."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Stop at the first file that cannot be loaded; write nothing.")
@click.option("--force", is_flag=True, help="Parse and write unchanged documents too (after upgrading policykg).")
@click.option("--jobs", type=click.IntRange(min=0), default=None, metavar="N",
              help="Worker processes that parse files, each file in isolation (default: one per core; "
                   "0: in this process, without isolation, for debugging).")
@click.option("--server", default=None, metavar="URL",
              help="Load through a running policykg serve (its POST /api/documents) instead of into --db.")
@click.option("--token", default=None, help="The server's API token (default: $POLICYKG_API_TOKEN).")
@store_options
def load(paths: tuple[Path, ...], strict: bool, force: bool, jobs: int | None, server: str | None,
         token: str | None, settings: Settings) -> None:
    """Load policy documents (files or folders) into the graph. A changed document replaces its old subgraph;
    an unchanged one (same content hash) is skipped. A file that cannot be loaded is named with its reason,
    the others load, and the command exits 1. A store that policykg serve has open is loaded through the
    server: --server URL."""
    # Imported here: parsing workers start by importing this module, which stays light.
    from loaders.pipeline import expand_paths, load_paths

    if server:
        _upload(server, token or settings.api_token, expand_paths(paths), strict, force)
        return
    where = settings.store_config().location
    try:
        with _opened(settings) as store:  # refuses now, not after parsing, if the store is served or busy
            stored = {} if force else store.document_hashes()
        result = load_paths(paths, strict=strict, stored=stored, jobs=jobs)
        for error in result.errors:
            click.echo(f"skipped {error}", err=True)
        with _opened(settings) as store:
            if result.documents:
                store.replace_documents([d.doc_id for d in result.documents], result.graph)
            counts = store.stats()
    except LoadError as error:
        _fail(f"{error} (nothing was written: --strict)")
    except StoreError as error:
        _fail(f"{error} (nothing was written)")
    if not result.documents and not result.unchanged:
        _fail("no document could be loaded" if result.errors else "no supported files found in the given paths")
    unchanged = f", {len(result.unchanged)} unchanged" if result.unchanged else ""
    failed = f", {len(result.errors)} failed" if result.errors else ""
    click.echo(f"loaded {len(result.documents)} document(s){unchanged}{failed} into {where}: "
               + ", ".join(f"{n} {label}" for label, n in counts["nodes"].items()))
    if result.errors:
        sys.exit(1)


def _upload(server: str, token: str, files: list[Path], strict: bool, force: bool) -> None:
    """Send the files to a server's POST /api/documents and report like a local load."""
    if not files:
        _fail("no supported files found in the given paths")
    report = upload(server, token, files, strict=strict, force=force)
    for outcome in report["files"]:
        if outcome["status"] == "error":
            click.echo(f"skipped {outcome['file']}: {outcome['reason']}", err=True)
    if not report["loaded"] and not report["unchanged"]:
        _fail("no document could be loaded")
    unchanged = f", {report['unchanged']} unchanged" if report["unchanged"] else ""
    click.echo(f"loaded {report['loaded']} document(s){unchanged} through {server} (graph version {report['version']})")
    if report["errors"]:
        sys.exit(1)


@main.command()
@click.option("--host", default=None, help="Interface to listen on (default 127.0.0.1).")
@click.option("--port", default=None, type=click.IntRange(1, 65535), help="Port (default $POLICYKG_PORT or 8000).")
@store_options
def serve(host: str | None, port: int | None, settings: Settings) -> None:
    """Serve the query API, the start page and the who-owns-what view."""
    from api.app import create_app, http_server

    host, port = host or settings.host, port or settings.port
    try:
        app = create_app(settings)
    except StoreError as error:
        _fail(str(error))
    if app.state.store.recovered:
        click.echo(f"note: {app.state.store.recovered}", err=True)
    db = Path(settings.db) if settings.store == "ladybug" else None
    if db is not None:  # so that a refused load or reader can name the server to go through
        record_server(db, f"http://{'127.0.0.1' if host in ('0.0.0.0', '::') else host}:{port}")
    try:
        http_server(app, host, port).run()
    finally:
        if db is not None:
            forget_server(db)


@main.command()
@click.option("--format", "fmt", type=click.Choice(exports.FORMATS), default="json", show_default=True,
              help="json; graphml (Gephi, Cytoscape); csv (a folder for neo4j-admin database import).")
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="File (folder for csv) to write.")
@store_options
def export(fmt: str, out: Path, settings: Settings) -> None:
    """Export the whole graph from the configured store."""
    try:
        with _opened(settings, read_only=True) as store:
            graph = store.export()
        written = exports.write(graph, fmt, out)
    except (StoreError, exports.ExportError) as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"cannot write {out}: {error.strerror or error}")
    click.echo(f"wrote {len(graph.nodes)} nodes and {len(graph.relationships)} relationships to {out}"
               + (f" ({len(written)} files)" if len(written) > 1 else ""))


@main.command(name="analytics")
@click.option("--document", default=None, metavar="ID", help="Only this document's measures.")
@click.option("--region", default=None, help="Only documents of this region (南通市).")
@click.option("--role", type=click.Choice(analytics.ROLES), default=None, help="Only responsibilities in this role.")
@click.option("--top", default=20, show_default=True, type=click.IntRange(1, analytics.LIST_CAP),
              help="How many bodies (and measures with several leads or none) to list.")
@store_options
def analytics_command(document: str | None, region: str | None, role: str | None, top: int,
                      settings: Settings) -> None:
    """Workload and centrality of bodies, communities that work together, measures with several leads or
    none; prints JSON (computed by the store's aggregate queries, as the API does)."""
    try:
        with _opened(settings, read_only=True) as store, store.reader() as reader:
            problem = _scope_problem(reader, document, region)
            if problem:
                _fail(f"{problem} in {settings.store_config().location}", 2)
            report = AnalyticsCache().report(reader, analytics.Scope(document, region, role))
    except StoreError as error:
        _fail(str(error))
    click.echo(json.dumps(report.to_dict(top=top), ensure_ascii=False, indent=1))


def _scope_problem(reader: GraphReader, document: str | None, region: str | None) -> str | None:
    """Why an analytics scope names nothing that is loaded (a typo would otherwise give an empty report)."""
    if document is not None and not reader.query("document", {"id": document}):
        return (f"no loaded document has the id {document!r} "
                "(policykg cypher \"MATCH (d:Document) WHERE d.source_file IS NOT NULL RETURN d.id, d.title\")")
    regions = [row["region"] for row in reader.query("document_regions")] if region is not None else []
    if region is not None and region not in regions:
        return f"no loaded document is of the region {region!r} (regions: {', '.join(regions) or 'none'})"
    return None


@main.command()
@click.option("--timeout", default=120, show_default=True, type=click.IntRange(min=0),
              help="Seconds to wait before giving up.")
@store_options
def wait(timeout: int, settings: Settings) -> None:
    """Wait until the store answers (a Neo4j server starting beside policykg, as in docker compose)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with _opened(settings, read_only=True) as store:
                store.query("ping")
            click.echo(f"{settings.store_config().location} answers")
            return
        except StoreError as error:
            if time.monotonic() > deadline:
                _fail(f"gave up after {timeout} s: {error}")
            time.sleep(2)


@main.command()
@store_options
def stats(settings: Settings) -> None:
    """Count nodes by label and relationships by type."""
    try:
        with _opened(settings, read_only=True) as store:
            counts = store.stats()
    except StoreError as error:
        _fail(str(error))
    for kind, table in counts.items():
        click.echo(f"{kind}:")
        for name, n in table.items():
            click.echo(f"  {name:16s} {n}")


def _rows_out(columns: list[str], rows: list[dict[str, Any]], fmt: str) -> None:
    if rows or fmt != "json":
        click.echo(output.render(columns, rows, fmt))


@main.command()
@click.argument("query")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A query parameter: a string, or a number, true/false or a JSON list when the value reads as one.")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0.001),
              help="Seconds the statement may take to compile, and again to run.")
@click.option("--limit", default=1000, show_default=True, type=click.IntRange(min=1), help="Rows to print at most.")
@click.option("--format", "fmt", type=click.Choice(output.FORMATS), default="json", show_default=True,
              help="json: one object a line; table: aligned columns; csv: a header and the rows.")
@store_options
def cypher(query: str, params: tuple[str, ...], timeout: float, limit: int, fmt: str, settings: Settings) -> None:
    """Run one Cypher statement that only reads the graph and print its rows. Anything else (writes, file
    access, extensions, settings, transactions, CHECKPOINT) is refused: the store's own query plan decides, not
    keywords."""
    from api.routers.cypher import parameters as typed
    from graph.readonly import CypherRefused, ReadLimits

    for param in params:
        name, sep, _ = param.partition("=")
        if not sep or not name.isidentifier():
            _fail(f"--param {param!r} is not NAME=VALUE (NAME a Cypher parameter name)", 2)
    try:
        with _opened(settings, read_only=True) as store:
            result = store.run_read_only(query, typed("\n".join(params)), ReadLimits(seconds=timeout, rows=limit))
    except StoreError as error:
        _fail(str(error) if isinstance(error, CypherRefused) else f"query failed: {error}", 2)
    _rows_out(result.columns, [{k: plain(v) for k, v in row.items()} for row in result.rows], fmt)
    if result.truncated:
        click.echo(f"stopped after {limit} rows (--limit); more rows matched", err=True)


@main.command()
@click.argument("name", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the query, typed as it says (a list: repeat it or separate values by commas).")
@click.option("--format", "fmt", type=click.Choice(output.FORMATS), default="table", show_default=True,
              help="table: aligned columns; csv: a header and the rows; json: one object a line.")
@store_options
def query(name: str | None, params: tuple[str, ...], fmt: str, settings: Settings) -> None:
    """Run a query of the analyst library (queries/library, docs/queries.md) by NAME; without NAME, list them
    with their questions and parameters."""
    if name is None:
        for item in catalog.library().values():
            takes = " ".join(f"{p.name}={p.type}" for p in item.parameters)
            click.echo(f"{item.name:30s} {item.question_zh} {item.question_en}" + (f"  [{takes}]" if takes else ""))
        return
    try:
        chosen = catalog.get(name)
    except KeyError as error:
        _fail(str(error.args[0]), 2)
    given: dict[str, list[str]] = {}
    for param in params:
        key, sep, value = param.partition("=")
        if not sep:
            _fail(f"--param {param!r} is not NAME=VALUE", 2)
        given.setdefault(key, []).append(value)
    try:
        bound = chosen.bind(given)
    except catalog.ParameterError as error:
        _fail(str(error), 2)
    try:
        with _opened(settings, read_only=True) as store:
            rows = store.query(chosen.query_name, bound)
    except StoreError as error:
        _fail(f"query failed: {error}", 2)
    _rows_out([c for c, _ in chosen.columns], [{k: plain(v) for k, v in row.items()} for row in rows], fmt)
