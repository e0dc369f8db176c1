"""The sample corpus end to end through the loaders, checked against facts a reader can verify."""


def doc(result, name):
    return next(d for d in result.documents if d.source_file.startswith(name))


def measures(loaded):
    return {n.properties["path"]: n.properties for n in loaded.graph.by_label("Measure")}


def test_every_sample_loads_with_its_metadata(sample_result):
    nantong = doc(sample_result, "000").graph.nodes[doc(sample_result, "000").doc_id].properties
    assert (nantong["title"], nantong["doc_number"], nantong["issuer"], nantong["issued_on"]) == (
        "南通市国家知识产权保护示范区建设方案", "通政发〔2024〕19号", "南通市人民政府", "2024-07-05")
    draft = doc(sample_result, "003").graph.nodes[doc(sample_result, "003").doc_id].properties
    assert draft["title"] == "泰州市国家知识产权强市建设试点城市工作方案" and draft["issuer"] is None


def test_task_table_rows_are_measures_with_deadlines_and_key_tasks(sample_result):
    rows = measures(doc(sample_result, "000"))
    assert rows["annex1.1"]["deadline"] == "2024-07" and rows["annex1.1"]["key_task"] is True
    assert rows["annex1.4"]["deadline"] == "每年开展" and rows["annex1.4"]["key_task"] is False
    assert rows["annex1.9"]["deadline"] == "长期坚持"
    assert len([p for p in rows if p.startswith("annex1.")]) == 69


def test_principles_schedule_and_safeguards_are_not_measures(sample_result):
    paths = measures(doc(sample_result, "001"))
    assert not [p for p in paths if p.startswith(("二.", "五.", "六."))]
    assert {"四.(二).2", "四.(二).2b", "四.(二).2c"} <= set(paths)


def test_bracketed_notes_give_roles(sample_result):
    loaded = doc(sample_result, "001")
    graph = loaded.graph
    by_path = {n.id: n.properties["path"] for n in graph.by_label("Measure")}
    owners = {(by_path[r.end], graph.nodes[r.start].properties["name"]): r.properties["role"]
              for r in graph.relationships.values() if r.type == "RESPONSIBLE_FOR"}
    assert owners[("四.(一).1", "区市场监管局（知识产权局）")] == "lead"
    assert owners[("四.(一).1", "区知识产权工作领导小组成员单位")] == "co"
    assert owners[("四.(四).6", "中国南通（家纺）知识产权快速维权中心")] == "sole"
    assert owners[("四.(一).3", "各镇（街道）")] == "unspecified"


def test_a_target_restated_in_the_task_table_is_one_node(sample_result):
    graph = doc(sample_result, "000").graph
    hits = [n for n in graph.by_label("Target") if n.properties["value"] == 200 and n.properties["unit"] == "人"]
    assert len(hits) == 1
    owners = [r.start for r in graph.relationships.values() if r.type == "HAS_TARGET" and r.end == hits[0].id]
    assert len(owners) == 2 and hits[0].properties["due"] == "2025-11"


def test_past_figures_are_not_targets(sample_result):
    values = {n.properties["value"] for n in doc(sample_result, "002").graph.by_label("Target")}
    assert 10990 not in values and 15.06 not in values


def test_every_fact_has_provenance(sample_result):
    graph = sample_result.graph
    for node in graph.nodes.values():
        if node.label in ("Measure", "Target", "Section"):
            assert node.properties["source_file"] and node.properties["line"] > 0
    for rel in graph.relationships.values():
        if rel.type in ("RESPONSIBLE_FOR", "CITES"):
            assert rel.properties["line"] > 0 and rel.properties["char_end"] >= rel.properties["char_start"]


def test_same_input_gives_same_ids(samples, sample_result):
    from loaders.pipeline import load_paths

    again = load_paths([samples])
    assert set(again.graph.nodes) == set(sample_result.graph.nodes)
