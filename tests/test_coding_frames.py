"""Every frame's example sentences code to exactly the events they list (PETRARCH-style records)."""

import pytest

from rooydad import Document, code_document
from rooydad.coding.frames import load_frames

FRAMES = load_frames()
CASES = [(f"{f.id}-{i + 1:02d}", f, ex) for f in FRAMES.frames.values() for i, ex in enumerate(f.examples)]


@pytest.mark.parametrize("case_id,frame,example", CASES, ids=[c[0] for c in CASES])
def test_coding_frame_example(case_id, frame, example, dictionaries):
    coded = code_document(Document(id=case_id, text=example.text, date=example.date), dictionaries)
    got = sorted(f"{e.source.code} {e.cameo} {e.target.code}" for e in coded.events if not e.flagged)
    assert got == sorted(example.events), f"{frame.path}: {example.text}"
    if example.events:
        assert any(e.rule == frame.id for e in coded.events), f"frame {frame.id} did not fire"


def test_coding_every_frame_has_an_example():
    assert all(f.examples for f in FRAMES.frames.values())


def test_coding_negated_and_planned_events_are_flagged_not_dropped(dictionaries):
    neg = code_document(Document(id="n", text="عراقچی با لاوروف دیدار نکرد.", date="2025-12-17"), dictionaries)
    assert [(e.cameo, e.negated) for e in neg.events] == [("040", True)]
    assert neg.to_dict()["events"] == []
    planned = code_document(Document(id="p", text="قرار است عراقچی با لاوروف دیدار کند.", date="2025-12-17"), dictionaries)
    assert [(e.cameo, e.modality) for e in planned.events] == [("040", "planned")]
    assert len(planned.to_dict(include_flagged=True)["events"]) == 1
