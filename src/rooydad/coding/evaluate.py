"""Scoring coded events against gold, exactly as DESIGN.md's Evaluation section says.

Per article, gold and predicted events are matched one to one, greedily in gold order; three
levels (code, root, country); symmetric codes match in either direction; flagged (negated,
planned, hypothetical) predictions are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .tables import is_symmetric

LEVELS = ("country", "root", "code")




@dataclass(frozen=True)
class Triple:
    source: str
    cameo: str
    target: str
    evidence: str = ""


def _same(level: str, g: Triple, p: Triple, swap: bool) -> bool:
    ps, pt = (p.target, p.source) if swap else (p.source, p.target)
    if level == "code":
        return g.source == ps and g.target == pt and g.cameo == p.cameo
    if level == "root":
        return g.source == ps and g.target == pt and g.cameo[:2] == p.cameo[:2]
    return g.source[:3] == ps[:3] and g.target[:3] == pt[:3] and g.cameo[:2] == p.cameo[:2]


def matches(level: str, g: Triple, p: Triple) -> bool:
    if _same(level, g, p, False):
        return True
    return (is_symmetric(g.cameo) or is_symmetric(p.cameo)) and _same(level, g, p, True)


def match_article(level: str, gold: list[Triple], pred: list[Triple]) -> tuple[list[tuple[Triple, Triple]], list[Triple], list[Triple]]:
    """Greedy one-to-one matching in gold order: (pairs, unmatched gold, unmatched predictions)."""
    used = [False] * len(pred)
    pairs, missed = [], []
    for g in gold:
        for i, p in enumerate(pred):
            if not used[i] and matches(level, g, p):
                used[i] = True
                pairs.append((g, p))
                break
        else:
            missed.append(g)
    return pairs, missed, [p for i, p in enumerate(pred) if not used[i]]


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    levels: dict[str, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    per_root: dict[str, Score] = field(default_factory=dict)
    errors: list[tuple[str, str, Triple]] = field(default_factory=list)  # (doc_id, "FP"/"FN", triple)

    def add(self, doc_id: str, gold: list[Triple], pred: list[Triple]) -> None:
        for level in LEVELS:
            pairs, missed, spurious = match_article(level, gold, pred)
            s = self.levels[level]
            s.gold += len(gold)
            s.predicted += len(pred)
            s.matched += len(pairs)
            if level == "root":
                for g in gold:
                    self.per_root.setdefault(g.cameo[:2], Score()).gold += 1
                for p in pred:
                    self.per_root.setdefault(p.cameo[:2], Score()).predicted += 1
                for g, _ in pairs:
                    self.per_root[g.cameo[:2]].matched += 1
                self.errors += [(doc_id, "FN", g) for g in missed] + [(doc_id, "FP", p) for p in spurious]

    def error_kinds(self) -> Counter:
        return Counter(f"{kind} {t.cameo[:2]}" for _, kind, t in self.errors)


def evaluate(pairs: Iterable[tuple[str, list[Triple], list[Triple]]]) -> Report:
    report = Report()
    for doc_id, gold, pred in pairs:
        report.add(doc_id, gold, pred)
    return report
