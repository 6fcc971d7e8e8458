"""The article the project was conceived from must come out exactly right."""

from __future__ import annotations

import json

from .conftest import assert_valid_record, run_cli

CHROME = [
    "- Sputnik International", "World",
    "Get the latest news from around the world, live coverage, off-beat stories, features and analysis.",
    "Subscribe", "© Sputnik / Alexey Nikolsky / Go to the mediabank", "READ MORE:", "Newsfeed",
    "To participate in the discussion", "log in or register", "loader", "Chats",
    "'Conflict Can't Be Ruled Out'", "Iranian Foreign Minister Mohammad Javad Zarif Khonsari (File)",
]


def test_seed_article_through_the_cli(seed_path) -> None:
    result = run_cli("run", str(seed_path), "--format", "jsonl", "-q")
    assert result.returncode == 0, result.stderr
    record = assert_valid_record(json.loads(result.stdout))
    assert record["title"] == "Israel, Russia Mull Creating Group on Foreign Forces Pullout From Syria - Source"
    assert record["lang"] == "en"
    text = record["text"]
    assert text.startswith("TEL AVIV (Sputnik) - Israel and Russia intend to set up a working group")
    assert text.endswith("alleged pro-Iranian forces in neighboring Lebanon and Syria.")
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 8
    assert paragraphs[3] == "Netanyahu said Wednesday that high-level contacts between Russia and Israel contribute to security and stability in the Middle East."
    for chrome in CHROME:
        assert chrome not in text, chrome
    assert "\n0\n" not in text and not text.endswith("0")
    russian = [s for s in record["segments"] if "Заголовок" in s["text"]]
    assert russian == [{
        "text": "Заголовок открываемого материала", "lang": "ru", "confidence": russian[0]["confidence"],
        "role": "boilerplate", "start": None, "end": None, "translation": None,
    }]
    assert "Заголовок" not in text
    assert record["errors"] == []


def test_seed_segments_keep_every_line(seed_path) -> None:
    from normalize import normalize_document

    raw = seed_path.read_bytes()
    doc = normalize_document(raw, id="seed")
    # every letter of the input is in some segment, in order (only whitespace is normalised)
    assert "".join("".join(s.text for s in doc.segments).split()) == "".join(raw.decode("utf-8").split())
    for segment in doc.segments:
        if segment.role == "body":
            assert doc.text[segment.start:segment.end] == segment.text
        else:
            assert segment.start is None and segment.end is None


def test_seed_metadata_invents_nothing(seed_path) -> None:
    """The seed names no author and gives no date a reader could point to (issue 24): its
    metadata holds none; a site name, if any, is the outlet's."""
    result = run_cli("run", str(seed_path), "--format", "jsonl", "-q")
    metadata = assert_valid_record(json.loads(result.stdout))["metadata"]
    assert metadata["author"] is None
    assert metadata["date"] is None
    assert metadata["site_name"] in (None, "Sputnik International")
    assert metadata == {"author": None, "date": None, "site_name": None, "url": None, "description": None,
                        "language_declared": None, "image": None, "tags": None}
