"""Actor accuracy on the dev gold: for gold events whose evidence rooydad matched (a predicted event
whose evidence span overlaps the gold evidence), the share with the correct source and target codes.

Run: python benchmarks/actor_accuracy.py [../shared/eval/dev.jsonl]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rooydad import Document, code_document, load_dictionaries

GOLD = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else str(GOLD)
    d = load_dictionaries()
    matched = both = src_ok = tgt_ok = 0
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        coded = code_document(Document(id=r["id"], text=r["text"], date=r.get("date")), d)
        preds = [e for e in coded.events if not e.flagged]
        for g in r["events"]:
            start = r["text"].find(g["evidence"])
            if start < 0:
                continue
            end = start + len(g["evidence"])
            near = [e for e in preds if any(s < end and start < t for s, t in e.spans)]
            if not near:
                continue
            matched += 1
            ok = [e for e in near if {e.source.code, e.target.code} == {g["source"], g["target"]}]
            both += bool(ok)
            src_ok += any(g["source"] in (e.source.code, e.target.code) for e in near)
            tgt_ok += any(g["target"] in (e.source.code, e.target.code) for e in near)
    print(f"gold events with matched evidence: {matched}")
    print(f"  correct source and target codes: {both} ({both / max(matched, 1):.2f})")
    print(f"  correct source code among them:  {src_ok} ({src_ok / max(matched, 1):.2f})")
    print(f"  correct target code among them:  {tgt_ok} ({tgt_ok / max(matched, 1):.2f})")


if __name__ == "__main__":
    main()
