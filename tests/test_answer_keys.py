"""The hand-written answer keys, scored by the evaluation's own scorer (eval/score.py), against floors.

The samples are the four plans of one province; data/real holds 29 national documents of many genres, 12 of
them with full keys (eval/gold/real) and all 29 with their metadata (eval/gold/real_metadata.json).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from loaders.pipeline import load_paths
from loaders.text import compare_key
from tests.conftest import ROOT

EVAL = ROOT / "eval"
REAL = ROOT / "data" / "real"
FLOORS = {"samples": (0.98, 0.98), "real": (0.95, 0.95)}  # macro F1, overall


@pytest.fixture(scope="module")
def real_result():
    return load_paths(sorted(REAL.glob("*.txt")))


def _scores(result, keys: Path, tmp_path: Path) -> tuple[float, float, str]:
    export = tmp_path / "graph.json"
    export.write_text(json.dumps(result.graph.to_dict(), ensure_ascii=False), encoding="utf-8")
    run = subprocess.run([sys.executable, str(EVAL / "score.py"), str(export), *map(str, sorted(keys.glob("*.json")))],
                         capture_output=True, text=True, check=True)
    overall = float(re.search(r"^overall .* = ([\d.]+)$", run.stdout, re.MULTILINE).group(1))
    macro = float(re.search(r"^macro F1 .* = ([\d.]+)$", run.stdout, re.MULTILINE).group(1))
    return macro, overall, run.stdout


def test_every_real_document_loads(real_result):
    assert not real_result.errors
    assert len(real_result.documents) == len(list(REAL.glob("*.txt"))) == 29


def test_real_documents_metadata_matches_the_keys(real_result):
    keys = {key["file"]: key for key in json.loads((EVAL / "gold" / "real_metadata.json").read_text(encoding="utf-8"))}
    wrong = []
    for loaded in real_result.documents:
        document = loaded.graph.nodes[loaded.doc_id].properties
        key = keys[loaded.source_file]
        wrong += [(loaded.source_file, field, document.get(field), key[field])
                  for field in ("title", "doc_number", "issuer", "issued_on", "region")
                  if compare_key(document.get(field)) != compare_key(key[field])]
    assert not wrong


@pytest.mark.parametrize("corpus", ["samples", "real"])
def test_answer_keys_score_above_the_floor(corpus, sample_result, real_result, tmp_path):
    result = sample_result if corpus == "samples" else real_result
    macro, overall, report = _scores(result, EVAL / "gold" / corpus, tmp_path)
    floor_macro, floor_overall = FLOORS[corpus]
    assert macro >= floor_macro and overall >= floor_overall, report
