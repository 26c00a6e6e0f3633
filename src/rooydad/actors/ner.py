"""Named entities (PER, ORG, LOC) that no dictionary knows: a CRF over rooydad's own tokens.

The actor dictionary finds only the names it lists; this recogniser finds the rest, so that
`rooydad coverage` can list them as the to-do list for the dictionaries and the tagger can ask
about a span the dictionaries leave unresolved. The model (``data/ner/crf.model``) is trained
by ``scripts/train_ner.py`` on PEYMA; features are the token's matching key, its affixes, its
neighbours, the actor dictionary's match around it and title words before it.

>>> from rooydad.text import tokenize
>>> tokens = tokenize("آقای جان کری با محمود عباس دیدار کرد.")
>>> [(e.label, " ".join(t.text for t in tokens[e.start:e.end])) for e in EntityRecognizer.load().entities(tokens)]
[('PER', 'جان کری'), ('PER', 'محمود عباس')]
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..model import Token
from ..text import split_sentences, tokenize
from ..text.chars import fold_display, key
from .dictionary import ActorDictionary, load_actor_dictionary

LABELS = ("PER", "ORG", "LOC")

# Words that stand before a name: a person's title, or the head of an organisation's name.
TITLES = frozenset(
    key(w)
    for w in """آقای خانم آقا دکتر مهندس استاد پروفسور سید سیده حاج حجت‌الاسلام حجت‌الاسلام‌والمسلمین آیت‌الله
    شیخ سردار سرلشکر سرتیپ سرهنگ سرگرد ژنرال دریادار امیر سپهبد وزیر رئیس رییس معاون سخنگوی سخنگو مدیر مدیرعامل
    دبیر دبیرکل نماینده سفیر فرمانده دادستان قاضی شهردار استاندار فرماندار نخست‌وزیر رئیس‌جمهور پادشاه ملک امیر
    شاهزاده ولیعهد سناتور نامزد مشاور بازیکن سرمربی مربی هنرمند نویسنده خبرنگار کارشناس همتای""".split()
)
ORG_HEADS = frozenset(
    key(w)
    for w in """سازمان وزارت شرکت بانک دانشگاه حزب شورای شورا مجلس ستاد اداره انجمن بنیاد موسسه مؤسسه کمیته کمیسیون
    خبرگزاری روزنامه باشگاه تیم گروه جبهه جنبش اتحادیه کانون مرکز پژوهشگاه پژوهشکده دادگاه دیوان نیروی سپاه
    ارتش هیئت هیات فدراسیون صندوق بورس""".split()
)
LOC_HEADS = frozenset(key(w) for w in "شهر استان کشور روستای روستا بندر جزیره خلیج دریای رود کوه منطقه شهرستان".split())
_DICT_KIND = {
    "person": "PER", "igo": "ORG", "agent": "AGT", "country": "LOC", "capital": "LOC", "demonym": "DEM",
}
_ORDER = ("person", "igo", "country", "capital", "demonym", "agent")


@dataclass(frozen=True)
class Entity:
    """A named entity as a token range ``[start, end)`` of its sentence."""

    start: int
    end: int
    label: str  # PER, ORG or LOC


def _shape(k: str) -> str:
    if k.isdigit():
        return "digit"
    if not k[:1].isalnum():
        return "punct"
    if k.isascii():
        return "latin"
    return "fa"


def dictionary_tags(tokens: Sequence[Token], d: ActorDictionary) -> list[str]:
    """Per token, the kind of the actor-dictionary phrase covering it (``B-person``, ``I-agent``) or ``O``."""
    tags = ["O"] * len(tokens)
    for m in d.index.find(tokens):
        kinds = {e.kind for e in m.values}
        kind = next((k for k in _ORDER if k in kinds), None)
        if kind is None:
            continue
        tag = _DICT_KIND[kind]
        tags[m.start] = "B-" + tag
        for i in range(m.start + 1, m.end):
            tags[i] = "I-" + tag
    return tags


def clusters_path() -> Path:
    return Path(str(resources.files("rooydad") / "data" / "ner" / "clusters.tsv.gz"))


@lru_cache(maxsize=2)
def load_clusters(path: str | None = None) -> dict[str, tuple[str, str]]:
    """Word clusters (matching key -> coarse and fine cluster id) built from unlabelled news by
    ``scripts/train_ner.py``: names unseen in training share a cluster with names seen there."""
    out = {}
    with gzip.open(path or clusters_path(), "rt", encoding="utf-8") as f:
        for line in f:
            k, coarse, fine = line.rstrip("\n").split("\t")
            out[k] = (coarse, fine)
    return out


_NO_CLUSTER = ("-", "-")


def features(tokens: Sequence[Token], d: ActorDictionary, clusters: dict[str, tuple[str, str]] | None = None) -> list[list[str]]:
    """CRF features of each token (strings, each weighing 1)."""
    keys = [t.key for t in tokens]
    dtags = dictionary_tags(tokens, d)
    cl = [(clusters or {}).get(k, _NO_CLUSTER) for k in keys]
    n = len(keys)
    base = []
    for k, dt, (c1, c2) in zip(keys, dtags, cl):
        f = [f"k={k}", f"sh={_shape(k)}", f"d={dt}", f"c1={c1}", f"c2={c2}"]
        if len(k) > 2:
            f += [f"p2={k[:2]}", f"p3={k[:3]}", f"s2={k[-2:]}", f"s3={k[-3:]}"]
        if len(k) > 4:
            f.append(f"s4={k[-4:]}")
        f.append(f"len={min(len(k), 8)}")
        if k in TITLES:
            f.append("title")
        if k in ORG_HEADS:
            f.append("orghead")
        if k in LOC_HEADS:
            f.append("lochead")
        base.append(f)
    out = []
    for i in range(n):
        f = ["bias"] + base[i]
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                f.append(f"{off}k={keys[j]}")
                f.append(f"{off}d={dtags[j]}")
                if keys[j] in TITLES:
                    f.append(f"{off}title")
                if keys[j] in ORG_HEADS:
                    f.append(f"{off}orghead")
                if keys[j] in LOC_HEADS:
                    f.append(f"{off}lochead")
                f.append(f"{off}c1={cl[j][0]}")
                if abs(off) == 1:
                    f.append(f"{off}c2={cl[j][1]}")
                    f.append(f"{off}s2={keys[j][-2:]}")
                    f.append(f"{off}sh={_shape(keys[j])}")
            else:
                f.append(f"{off}k=<S>" if j < 0 else f"{off}k=</S>")
        if i > 0:
            f.append(f"b-={keys[i - 1]}|{keys[i]}")
        if i + 1 < n:
            f.append(f"b+={keys[i]}|{keys[i + 1]}")
            f.append(f"cb+={cl[i][0]}|{cl[i + 1][0]}")
        if i > 0:
            f.append(f"cb-={cl[i - 1][0]}|{cl[i][0]}")
        out.append(f)
    return out


def spans(tags: Iterable[str]) -> Iterator[Entity]:
    """Entities of a BIO tag sequence; an ``I-`` with no opening ``B-`` opens one."""
    start, label = None, None
    i = -1
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and label == tag[2:]:
            continue
        if label is not None:
            yield Entity(start, i, label)
            start, label = None, None
        if tag != "O":
            start, label = i, tag[2:]
    if label is not None:
        yield Entity(start, i + 1, label)


def model_path() -> Path:
    return Path(str(resources.files("rooydad") / "data" / "ner" / "crf.model"))


class EntityRecognizer:
    """The CRF tagger with the actor dictionary it was trained against."""

    def __init__(self, path: str | Path, dictionary: ActorDictionary | None = None, clusters: dict[str, tuple[str, str]] | None = None):
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        self.dictionary = dictionary or load_actor_dictionary()
        self.clusters = load_clusters() if clusters is None else clusters

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> EntityRecognizer:
        """The shipped model, loaded once per process (offline: it is package data)."""
        return cls(model_path())

    def tags(self, tokens: Sequence[Token]) -> list[str]:
        if not tokens:
            return []
        return self._tagger.tag(features(tokens, self.dictionary, self.clusters))

    def entities(self, tokens: Sequence[Token]) -> list[Entity]:
        """PER, ORG and LOC token ranges of one sentence's tokens."""
        return list(spans(self.tags(tokens)))


# Dictionary kinds that resolve an entity of each type when they overlap it.
_RESOLVES = {"PER": frozenset({"person"}), "ORG": frozenset({"igo", "agent"}), "LOC": frozenset({"country", "capital", "demonym", "igo"})}


_ATTRIBUTION = frozenset({"گزارش", "نقل", "خبرنگار", "خبرگزاری", "گزاری"})


@dataclass(frozen=True)
class Unresolved:
    """An entity no actor-dictionary entry of its kind touches: a candidate for the dictionaries."""

    label: str
    key: str  # matching keys joined by spaces: spellings that differ only in folding count as one
    text: str  # as written


def unresolved(text: str, tokens: Sequence[Token], recognizer: EntityRecognizer) -> Iterator[Unresolved]:
    """Entities of one sentence that the actor dictionary leaves unresolved.

    A person is resolved when a dictionary person overlaps it; an organisation when an IGO or
    an agent phrase (`وزارت امور خارجه روسیه`) does; a place when a country, capital, demonym
    or IGO does; any entity that is a dictionary phrase as a whole (`رژیم صهیونیستی`). The
    reporting agency (`به گزارش فارس`) is no candidate.
    """
    entities = recognizer.entities(tokens)
    if not entities:
        return
    matches = recognizer.dictionary.index.find(tokens)
    kinds: list[set[str]] = [set() for _ in tokens]
    for m in matches:
        for i in range(m.start, m.end):
            kinds[i].update(e.kind for e in m.values)
    whole = {(m.start, m.end) for m in matches}
    for e in entities:
        if (e.start, e.end) in whole or any(kinds[i] & _RESOLVES[e.label] for i in range(e.start, e.end)):
            continue
        window = 3 if e.label == "ORG" else 1  # `به گزارش خبرنگار اقتصادی فارس`: the agency
        if any(t.key in _ATTRIBUTION for t in tokens[max(0, e.start - window) : e.start]):
            continue
        surface = fold_display(" ".join(text[tokens[e.start].start : tokens[e.end - 1].end].split()))
        yield Unresolved(e.label, " ".join(t.key for t in tokens[e.start : e.end]), surface)


def unresolved_in(text: str, recognizer: EntityRecognizer) -> Iterator[Unresolved]:
    """The unresolved entities of a whole text, sentence by sentence."""
    for s, e in split_sentences(text):
        tokens = tokenize(text, s, e)
        if tokens:
            yield from unresolved(text, tokens, recognizer)
