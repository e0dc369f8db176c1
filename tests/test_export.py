"""Exports of the stored sample graph, read back and compared with it; GraphML as Gephi and networkx read it."""

import copy
import csv

import networkx as nx
import pytest
from click.testing import CliRunner

from api.cli import main
from graph import export
from tests.conftest import embedded


@pytest.fixture(scope="module")
def stored(sample_db):
    with embedded(sample_db, read_only=True) as store:
        return store.export()


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_each_export_reads_back_as_the_stored_graph(tmp_path, sample_db, stored, fmt):
    out = tmp_path / ("csv" if fmt == "csv" else f"g.{fmt}")
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--out", str(out), "--db", sample_db])
    assert result.exit_code == 0, result.output
    assert export.read(fmt, out).to_dict() == stored.to_dict()


def test_graphml_keeps_types_labels_and_display_names(tmp_path, stored):
    path = tmp_path / "g.graphml"
    export.write(stored, "graphml", path)
    projected = nx.read_graphml(path, force_multigraph=True)
    targets = [a for _, a in projected.nodes(data=True) if a["labels"] == ":Target"]
    assert targets and all(isinstance(t["value"], float) and isinstance(t["line"], int) for t in targets)
    assert all(t["label"] == t["indicator"] for t in targets)
    assert any(isinstance(a.get("key_task"), bool) for _, a in projected.nodes(data=True))
    edge_types = {a["label"] for _, _, a in projected.edges(data=True)}
    assert {"RESPONSIBLE_FOR", "PART_OF", "HAS_TARGET", "CITES"} <= edge_types


def test_csv_headers_follow_neo4j_admin_import(tmp_path, stored):
    files = export.write(stored, "csv", tmp_path)
    with (tmp_path / "nodes_Target.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[0] == "id:ID" and header[-1] == ":LABEL" and "value:double" in header and "line:long" in header
    with (tmp_path / "relationships_RESPONSIBLE_FOR.csv").open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "role" in header
    command = (tmp_path / "IMPORT.txt").read_text(encoding="utf-8")
    assert all(f.name in command for f in files if f.suffix == ".csv") and "--multiline-fields=true" in command


def test_a_list_value_holding_the_array_delimiter_is_refused(tmp_path, stored):
    graph = copy.deepcopy(stored)
    graph.by_label("Actor")[0].properties["aliases"] = ["甲;乙"]
    with pytest.raises(export.ExportError, match="array delimiter"):
        export.write(graph, "csv", tmp_path)


def test_an_unknown_label_in_graphml_is_named(tmp_path):
    path = tmp_path / "g.graphml"
    graph = nx.MultiDiGraph()
    graph.add_node("x", labels=":Planet")
    nx.write_graphml(graph, path)
    with pytest.raises(export.ExportError, match="Planet"):
        export.read("graphml", path)
