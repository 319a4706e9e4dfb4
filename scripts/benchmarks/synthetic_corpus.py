"""Synthetic articles for benchmarks: valid pages the content checker and a strict build accept.

    from synthetic_corpus import write_corpus
    names = write_corpus(docs_dir, count=1000, seed=1)

Each article follows the README's schema: full front matter, Key facts first, a body
section, When to get help with two care cards, Where to get support, explicit ids on
every ## heading, and 5 links to other articles (3 in the text, 2 in `related`).
An index.md home page links to every article, so none is orphaned.
"""

import datetime
import random
from pathlib import Path

from weaning_breast_health.vocabulary import CARE_CARD_TYPES

WORDS = ("milk breast feed baby night day warm cool soft firm small gentle change week "
         "month comfort rest sleep water help nurse midwife doctor body supply pump leak "
         "lump swelling bra pad skin heat cold slowly often less more").split()
CROSS_LINKS = 5


def article_name(index: int) -> str:
    return f"article-{index:04d}"


def sentence(rng: random.Random, words: int = 10) -> str:
    """A short plain sentence of common words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def card(kind: str, rng: random.Random) -> str:
    """A care card of one of the README's types: its standard title and two triggers."""
    triggers = "\n".join(f"    - {sentence(rng, 6)[:-1].lower()}" for _ in range(2))
    return f'!!! {kind} "{CARE_CARD_TYPES[kind].example}"\n\n{triggers}\n'


def article(index: int, count: int, rng: random.Random, today: datetime.date) -> str:
    """One valid article linking to the next CROSS_LINKS articles (wrapping round)."""
    name = article_name(index)
    others = [article_name((index + step) % count) for step in range(1, CROSS_LINKS + 1)]
    reviewed = today - datetime.timedelta(days=rng.randrange(1, 300))
    facts = "\n".join(f"- {sentence(rng, 8)}" for _ in range(rng.randint(3, 5)))
    body = "\n\n".join(" ".join(sentence(rng) for _ in range(4)) for _ in range(3))
    links = ", ".join(f"[{other}]({other}.md)" for other in others[:3])
    related = "\n".join(f"  - {other}.md" for other in others[3:])
    return f"""---
title: Topic {index}
description: A synthetic article number {index} for benchmarks, with the sections every article has.
also_called:
  - synthetic topic {index}
last_reviewed: {reviewed.isoformat()}
next_review: {(reviewed + datetime.timedelta(days=365)).isoformat()}
reviewed_by:
  role: Benchmark generator, not a person
  status: clinical review pending
sources:
  - title: Source one
    publisher: Publisher One
    year: 2024
    url: https://example.org/{name}/one
  - title: Source two
    publisher: Publisher Two
    year: 2023
    doi: 10.1000/{name}
  - title: Source three
    publisher: Publisher Three
    year: 2022
    url: https://example.org/{name}/three
related:
{related}
---

# Topic {index}

This page is about topic {index}, also called synthetic topic {index}.

## Key facts {{#key-facts}}

{facts}

## About this topic {{#about-this-topic}}

{body}

Read next: {links}, and the [key facts of {others[0]}]({others[0]}.md#key-facts).

## When to get help {{#when-to-get-help}}

{card("non-urgent", rng)}
{card("urgent", rng)}
## Where to get support {{#support}}

{sentence(rng)} Ask your midwife or health visitor.
"""


def home(count: int) -> str:
    """A home page listing every article."""
    items = "\n".join(f"- [Topic {index}]({article_name(index)}.md)" for index in range(count))
    return f"""---
page_type: home
title: Synthetic corpus
description: Every synthetic article, for benchmarks.
---

# Synthetic corpus

{items}
"""


def write_corpus(docs_dir: Path, count: int, seed: int) -> list[str]:
    """Write count articles and index.md into docs_dir; return the article paths (nav order)."""
    if count < CROSS_LINKS + 1:
        raise ValueError(f"count must be at least {CROSS_LINKS + 1}, so each article has "
                         f"{CROSS_LINKS} others to link to")
    rng = random.Random(seed)
    today = datetime.date.today()
    docs_dir = Path(docs_dir)
    docs_dir.mkdir(parents=True, exist_ok=True)
    (docs_dir / "index.md").write_text(home(count), encoding="utf-8")
    paths = []
    for index in range(count):
        path = f"{article_name(index)}.md"
        (docs_dir / path).write_text(article(index, count, rng, today), encoding="utf-8")
        paths.append(path)
    return paths
