"""The HTTP API and dashboard, in-process (no server): contract, validation, error shape, offline docs."""

import json

import pytest
from fastapi.testclient import TestClient

from rooydad.web import create_app

from .conftest import REFERENCE


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(None)) as c:
        yield c


def test_web_code_returns_the_output_contract(client):
    r = client.post("/api/code", json={"text": REFERENCE.read_text(encoding="utf-8").split("\n", 1)[1], "date": "2025-12-17"})
    assert r.status_code == 200
    triples = {(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in r.json()["events"]}
    assert ("RUSGOV", "030", "IRN") in triples and ("RUSGOV", "057", "IRNGOV") in triples


@pytest.mark.parametrize("body,status,word", [
    ({"text": ""}, 400, "text"),
    ({"text": "عراقچی با لاوروف دیدار کرد.", "date": "دیروز"}, 400, "date"),
    ("not json", 400, "body"),
])
def test_web_code_rejects_bad_bodies_naming_the_field(client, body, status, word):
    r = client.post("/api/code", content=body if isinstance(body, str) else json.dumps(body, ensure_ascii=False))
    assert r.status_code == status
    assert r.json()["ok"] is False and r.json()["error"].startswith(word)


def test_web_body_over_the_limit_is_413(client):
    r = client.post("/api/code", content=b"{" + b" " * 1_100_000 + b"}")
    assert r.status_code == 413 and r.json() == {"ok": False, "error": "request body over 1,000,000 bytes", "status": 413}


def test_web_store_endpoints_without_a_store_are_404_not_tracebacks(client):
    r = client.get("/api/events")
    assert r.status_code == 404 and "rooydad serve --db" in r.json()["error"]


def test_web_docs_and_dashboard_are_offline(client):
    docs = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in docs and "http" not in docs.split("<body>")[1].replace("/openapi.json", "")
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    page = client.get("/").text
    assert 'dir="rtl"' in page and 'lang="fa"' in page
    assert client.get("/static/fonts/Vazirmatn-Regular.woff2").status_code == 200
    assert "Vazirmatn" in client.get("/static/dashboard.css").text
    assert client.get("/openapi.json").json()["info"]["title"] == "rooydad"


def test_web_codes_have_persian_and_english_names(client):
    codes = client.get("/api/codes").json()["codes"]
    assert codes["111"]["fa"] == "انتقاد و محکومیت" and codes["111"]["en"].startswith("Criticize")
    assert codes["19"]["quad_class"] == 4


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    """A store holding the coded reference article, served by the app."""
    from rooydad import code_document
    from rooydad.ingest import read
    from rooydad.store import open_store

    path = str(tmp_path_factory.mktemp("web") / "w.db")
    store = open_store(path)
    store.write_batch([code_document(d) for d in read([str(REFERENCE)])])
    store.close()
    with TestClient(create_app(path)) as c:
        yield c


def test_web_events_filters_and_csv(stored):
    r = stored.get("/api/events", params={"source": "IRN", "root": "04"})
    assert r.status_code == 200
    assert {(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in r.json()["events"]} == {("IRNGOV", "042", "RUS"), ("IRNGOV", "040", "RUSGOV")}
    csv_text = stored.get("/api/events", params={"source": "RUSGOV", "format": "csv"}).text
    assert csv_text.splitlines()[0].startswith("id,doc_id,date") and "057" in csv_text


@pytest.mark.parametrize("params,word", [
    ({"since": "1404-13-01"}, "since"), ({"root": "21"}, "root"), ({"source": "XXQ"}, "source"),
    ({"limit": "5000"}, "limit"), ({"code": "999"}, "code"),
])
def test_web_bad_parameters_are_400_naming_them(stored, params, word):
    r = stored.get("/api/events", params=params)
    assert r.status_code == 400 and r.json()["error"].startswith(word) and r.json()["ok"] is False


def test_web_series_actors_network_search_document(stored):
    s = stored.get("/api/series", params={"source": "IRN", "by": "day"}).json()
    assert s["series"][0]["period"] == "2025-12-17" and s["series"][0]["count"] >= 3
    top = stored.get("/api/actors", params={"top": 3}).json()["actors"]
    assert top[0]["code"] in ("IRNGOV", "RUSGOV", "IRN", "RUS")
    edges = stored.get("/api/network").json()["edges"]
    assert {"source": "IRNGOV", "target": "RUSGOV"}.items() <= next(e for e in edges if e["target"] == "RUSGOV" and e["source"] == "IRNGOV").items()
    hits = stored.get("/api/search", params={"q": "رایزني ها"}).json()["results"]
    assert len(hits) == 1
    doc = stored.get("/api/documents/" + hits[0]["doc_id"]).json()
    ev = next(e for e in doc["events"] if e["cameo"] == "057")
    assert doc["text"][ev["span"][0] : ev["span"][1]] == ev["evidence"]
    assert stored.get("/api/documents/nope").status_code == 404
