"""`rooydad coverage`: the names in an input that the actor dictionary does not know yet."""

from __future__ import annotations

import sys
from collections import Counter

import click

from .app import cli
from .progress import Tally, documents


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--top", type=click.IntRange(min=1), default=30, show_default=True, help="How many names of each type to list.")
@click.option("--type", "types", type=click.Choice(["PER", "ORG", "LOC"]), multiple=True, help="Entity types to list (default: PER and ORG; repeatable).")
def coverage(paths, top, types):
    """List the most frequent names that no actor-dictionary entry matches.

    Runs the entity recogniser over PATHS (any input `rooydad code` reads) and prints, per
    type, the people and organisations the dictionaries leave unresolved, most frequent first,
    as `count<TAB>type<TAB>name`: the to-do list for data/actors/people.yaml and igos.yaml.
    """
    from ..actors.ner import EntityRecognizer, unresolved_in

    wanted = types or ("PER", "ORG")
    recognizer = EntityRecognizer.load()
    counts: Counter[tuple[str, str]] = Counter()
    forms: dict[tuple[str, str], Counter[str]] = {}
    tally = Tally()
    for doc in documents(paths, tally):
        for u in unresolved_in(doc.text, recognizer):
            if u.label in wanted:
                k = (u.label, u.key)
                counts[k] += 1
                forms.setdefault(k, Counter())[u.text] += 1
    for label in wanted:
        rows = [(n, k) for k, n in counts.most_common() if k[0] == label][:top]
        for n, k in rows:
            click.echo(f"{n}\t{label}\t{forms[k].most_common(1)[0][0]}")
    click.echo(f"rooydad: {tally.read} document(s), {sum(counts.values())} unresolved mention(s) of {len(counts)} name(s)", err=True)
    if tally.failed:
        sys.exit(1)
