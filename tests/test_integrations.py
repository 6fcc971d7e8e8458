"""normalize inside datatrove (a real LocalPipelineExecutor with datatrove's JSONL reader and
writer) and Hugging Face datasets (a real Dataset.map)."""

from __future__ import annotations

import json
from pathlib import Path

import datasets
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from normalize.config import Config
from normalize.integrations.datatrove import NormalizeStep
from normalize.integrations.hf import FIELDS, normalize_batch, normalize_dataset
from normalize.run.parallel import pipeline_for

from .conftest import assert_valid_record

TITLE_RU, TITLE_EN = "Заголовок открываемого материала", "Title of the material being opened"
STORM = "Storm Hits the Coast\nThe storm reached the coast on Monday night, officials said on Tuesday.\nShare"
PAGE = ("<html><head><title>Budget</title></head><body><nav>Home | News</nav><h1>Budget</h1>"
        "<p>Der Stadtrat hat am Montag über den neuen Haushalt für Schulen beraten.</p></body></html>")
RU = f"Storm Hits the Coast\nThe storm reached the coast on Monday night, officials said on Tuesday.\n{TITLE_RU}\n"


def _datatrove(tmp_path: Path, step: NormalizeStep, *texts: str) -> tuple[list[dict], dict]:
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "docs.jsonl", "w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n")
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(tmp_path / "in")), step,
                  JsonlWriter(str(tmp_path / "out"), output_filename="${rank}.jsonl", compression=None)],
        tasks=1, logging_dir=str(tmp_path / "logs"))
    executor.run()
    out = [json.loads(line) for line in (tmp_path / "out" / "00000.jsonl").read_text(encoding="utf-8").splitlines()]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    return out, next(s for s in stats if s["name"] == "✂️ - FORMAT: 🧹 normalize")["stats"]


def test_datatrove_step_stores_the_record_in_metadata(tmp_path: Path) -> None:
    out, stats = _datatrove(tmp_path, NormalizeStep(), STORM, PAGE)
    assert [d["id"] for d in out] == ["d0", "d1"]
    assert out[0]["text"] == STORM  # the text is left as it was
    storm, page = (assert_valid_record(d["metadata"]["normalize"]) for d in out)
    assert (storm["title"], storm["lang"], storm["text"]) == (
        "Storm Hits the Coast", "en", "The storm reached the coast on Monday night, officials said on Tuesday.")
    assert (page["title"], page["lang"], page["text"]) == (
        "Budget", "de", "Der Stadtrat hat am Montag über den neuen Haushalt für Schulen beraten.")
    assert storm["id"] == "d0" and storm["source"].endswith("docs.jsonl")
    assert stats["total"] == 2 and stats["forwarded"] == 2
    assert stats["lang_en"] == 1 and stats["lang_de"] == 1
    assert stats["doc_len"]["total"] == len(STORM) + len(PAGE)


def test_datatrove_step_replaces_the_text_with_the_translated_body(tmp_path: Path, ru_en_installed) -> None:
    step = NormalizeStep(Config(translate_to="en"), replace_text=True, metadata_key="clean")
    [doc], stats = _datatrove(tmp_path, step, RU)
    record = assert_valid_record(doc["metadata"]["clean"])
    assert doc["text"] == record["translated_text"] == "The storm reached the coast on Monday night, officials said on Tuesday."
    assert [(s["text"], s["translation"]) for s in record["segments"] if s["lang"] == "ru"] == [(TITLE_RU, TITLE_EN)]
    assert stats["segments_translated"] == 1 and stats["doc_len"]["total"] == len(doc["text"])


def test_hf_map_adds_normalize_columns(tmp_path: Path) -> None:
    ds = datasets.Dataset.from_dict({"url": ["u0", "u1", "u2"], "body": ["2024", STORM, None], "page": [None, None, PAGE]})
    out = normalize_dataset(ds, text_column="body", html_column="page", id_column="url", batch_size=2)
    assert out.column_names == ["url", "body", "page", *("normalize_" + f for f in FIELDS)]
    assert out["normalize_id"] == ["u0", "u1", "u2"]
    assert out["normalize_title"] == [None, "Storm Hits the Coast", "Budget"]  # a first batch of null titles is fine
    assert out["normalize_lang"] == ["und", "en", "de"]
    assert out["normalize_text"][2] == "Der Stadtrat hat am Montag über den neuen Haushalt für Schulen beraten."
    for row in out:
        assert_valid_record({"schema": "normalize/1", **{f: row["normalize_" + f] for f in FIELDS}})


def test_hf_models_load_once_per_process_and_columns_can_replace(tmp_path: Path) -> None:
    pipeline = pipeline_for(Config())
    before = pipeline.stages[0].stats.documents
    ds = datasets.Dataset.from_dict({"text": [STORM, PAGE]})
    first = ds.map(normalize_batch, batched=True, batch_size=1)
    second = ds.map(normalize_batch, batched=True, fn_kwargs={"prefix": ""})
    assert pipeline_for(Config()) is pipeline  # one pipeline (and its models) served every batch
    assert pipeline.stages[0].stats.documents - before == 4
    assert second["text"] == [first["normalize_text"][0], first["normalize_text"][1]]  # prefix "": clean text replaces the input
