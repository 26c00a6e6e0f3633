"""Persian verb forms from a past stem: every tense and person a frame must recognise.

Each form carries what the grammar says about the act: asserted, negated, or not (yet) real
(subjunctive and future: ``modality="planned"``), and whether it is an infinitive, which
names an act inside another (`در محکوم کردن ...`) rather than reporting one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..text.chars import key

PAST_PERSONS = ("", "م", "ی", "یم", "ید", "ند")
PRESENT_PERSONS = ("م", "ی", "د", "یم", "ید", "ند")
PERFECT_PERSONS = ("", "ام", "ای", "ایم", "اید", "اند")
INDICATIVE_BARE_PRESENT = frozenset({"داشت"})
FUTURE_AUX = ("خواهم", "خواهی", "خواهد", "خواهیم", "خواهید", "خواهند")


@dataclass(frozen=True)
class VerbForm:
    words: tuple[str, ...]  # matching keys, one per token
    negated: bool = False
    modality: str | None = None
    infinitive: bool = False


@lru_cache(maxsize=1)
def present_stems() -> dict[str, str]:
    text = (resources.files("rooydad") / "data" / "fa" / "verb_stems.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {key(p): key(r) for p, r in rows[1:]}


def _vowel_join(prefix: str, stem: str) -> str:
    # آ-initial stems take ی after ن/ب (نیامد، بیاید); keys fold آ to ا.
    return prefix + ("ی" + stem if stem.startswith("ا") else stem)


@lru_cache(maxsize=None)
def single_word_forms(past: str) -> dict[str, VerbForm]:
    """One-token forms of a verb by their key (the light verb a split frame waits for)."""
    return {f.words[0]: f for f in conjugate(past) if len(f.words) == 1}


def conjugate(past: str) -> list[VerbForm]:
    """Forms of the verb with past stem ``past`` (a matching key), one token each but the future."""
    past = key(past)
    pres = present_stems().get(past)
    forms: list[VerbForm] = []
    for p in PAST_PERSONS:
        forms.append(VerbForm((past + p,)))
        forms.append(VerbForm((_vowel_join("ن", past) + p,), negated=True))
        forms.append(VerbForm(("می" + past + p,)))
        forms.append(VerbForm(("نمی" + past + p,), negated=True))
    for p in PERFECT_PERSONS:
        forms.append(VerbForm((past + "ه" + p,)))
        forms.append(VerbForm((_vowel_join("ن", past) + "ه" + p,), negated=True))
    if pres:
        for p in PRESENT_PERSONS:
            forms.append(VerbForm(("می" + pres + p,)))
            forms.append(VerbForm(("نمی" + pres + p,), negated=True))
            forms.append(VerbForm((_vowel_join("ب", pres) + p,), modality="planned"))
            # داشتن has no می- in its present: `تمایل دارد` is indicative, not subjunctive
            forms.append(VerbForm((pres + p,), modality=None if past in INDICATIVE_BARE_PRESENT else "planned"))
            forms.append(VerbForm((_vowel_join("ن", pres) + p,), negated=True, modality="planned"))
    for aux in FUTURE_AUX:
        forms.append(VerbForm((aux, past), modality="planned"))
        forms.append(VerbForm(("ن" + aux, past), negated=True, modality="planned"))
    forms.append(VerbForm((past + "ن",), infinitive=True))
    # One key can come from two rules (شد: past and present stems); keep the first reading.
    seen: dict[tuple[str, ...], VerbForm] = {}
    for f in forms:
        seen.setdefault(f.words, f)
    return list(seen.values())


@lru_cache(maxsize=1)
def finite_forms() -> frozenset[str]:
    """Finite forms of every verb in verb_stems.tsv, plus the copula: they close a clause."""
    out = {"است", "بود", "باشد", "بودند", "هستند", "نیست", "نبود", "اند", "هست"}
    for past in present_stems():
        out.update(f.words[0] for f in conjugate(past) if len(f.words) == 1 and not f.infinitive and not f.words[0].endswith("ه"))
    return frozenset(out)


FUTURE_KEY = "⟨FUT⟩"
NEG_FUTURE_KEY = "⟨NFUT⟩"


def verb_key(past: str) -> str:
    """The placeholder a frame's verb is indexed under: every form of the verb matches it."""
    return f"⟨V:{key(past)}⟩"


def negated_key(past: str) -> str:
    """Negated forms have their own placeholder: `موافقت نکرد` can be a frame of its own (reject)."""
    return f"⟨NV:{key(past)}⟩"


def infinitive_key(past: str) -> str:
    return f"⟨I:{key(past)}⟩"


def is_known_verb(past: str) -> bool:
    return key(past) in present_stems()


@lru_cache(maxsize=1)
def form_table() -> dict[str, tuple[str, VerbForm]]:
    """One-token verb forms of every verb in verb_stems.tsv -> (past stem, form); first verb wins."""
    table: dict[str, tuple[str, VerbForm]] = {}
    for past in present_stems():
        for f in conjugate(past):
            if len(f.words) == 1:
                table.setdefault(f.words[0], (past, f))
    return table


def verb_keys(keys: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[VerbForm | None, ...]]:
    """The keys with verb forms replaced by their verb's placeholder and future auxiliaries by
    ⟨FUT⟩/⟨NFUT⟩, and each token's form: frames are indexed once per verb, not once per form."""
    table = form_table()
    out, forms = [], []
    for k in keys:
        if k in FUTURE_AUX:
            out.append(FUTURE_KEY)
            forms.append(None)
        elif k.startswith("ن") and k[1:] in FUTURE_AUX:
            out.append(NEG_FUTURE_KEY)
            forms.append(None)
        elif k in table:
            past, f = table[k]
            out.append(infinitive_key(past) if f.infinitive else negated_key(past) if f.negated else verb_key(past))
            forms.append(f)
        else:
            out.append(k)
            forms.append(None)
    return tuple(out), tuple(forms)
