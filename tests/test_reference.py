"""The worked example of DESIGN.md: the nine events, their dates and evidence, the output contract."""

import json

from rooydad import code_document
from rooydad.ingest import read

from .conftest import REFERENCE

NINE = {
    ("IRNGOV", "042", "RUS"), ("IRNGOV", "040", "RUSGOV"), ("IRNGOV", "051", "RUS"),
    ("RUS", "111", "ISR"), ("RUS", "111", "USA"), ("ISR", "190", "IRN"), ("USA", "190", "IRN"),
    ("RUSGOV", "030", "IRN"), ("RUSGOV", "057", "IRNGOV"),
}


def _coded(dictionaries):
    doc = next(read([str(REFERENCE)]))
    return doc, code_document(doc, dictionaries)


def test_reference_reads_dateline_agency_and_source():
    doc = next(read([str(REFERENCE)]))
    assert doc.date == "2025-12-17"
    assert doc.agency == "باشگاه خبرنگاران جوان"
    assert doc.source == "پایگاه اطلاع رسانی دولت"
    assert doc.text.startswith("سید عباس عراقچی") and "منبع" not in doc.text


def test_reference_yields_the_nine_events(dictionaries):
    _, coded = _coded(dictionaries)
    got = {(e.source.code, e.cameo, e.target.code) for e in coded.events if not e.flagged}
    sym = {(t, c, s) for s, c, t in got if c == "057"}
    assert NINE <= got | sym
    assert len(got - NINE) <= 2


def test_reference_dates_and_embedding(dictionaries):
    _, coded = _coded(dictionaries)
    by = {(e.source.code, e.cameo, e.target.code): e for e in coded.events}
    assert by[("IRNGOV", "040", "RUSGOV")].date == "2025-12-17"
    assert by[("RUS", "111", "ISR")].embedded and by[("RUS", "111", "ISR")].date is None
    assert by[("ISR", "190", "IRN")].date is None


def test_reference_evidence_quotes_the_original(dictionaries):
    doc, coded = _coded(dictionaries)
    for e in coded.events:
        assert doc.text[e.span[0] : e.span[1]] == e.evidence
    assert "به مسکو سفر کرده" in next(e for e in coded.events if e.cameo == "042").evidence
    assert next(e for e in coded.events if e.cameo == "057").evidence.endswith("به امضا رسید")


def test_reference_output_contract(dictionaries):
    _, coded = _coded(dictionaries)
    d = json.loads(json.dumps(coded.to_dict(), ensure_ascii=False))
    assert {"doc_id", "date", "agency", "events"} <= d.keys()
    ev = next(e for e in d["events"] if e["cameo"] == "040")
    assert ev["source"] == {"code": "IRNGOV", "text": ev["source"]["text"], "name": "Abbas Araghchi"}
    assert ev["target"]["name"] == "Sergey Lavrov"
    for k in ("cameo", "root", "quad_class", "goldstein", "plover", "date", "location", "sentence", "span", "evidence", "rule", "confidence", "embedded", "negated"):
        assert k in ev
    assert (ev["root"], ev["quad_class"], ev["goldstein"], ev["plover"]["type"]) == ("04", 1, 1.0, "CONSULT")
