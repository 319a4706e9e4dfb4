"""Synthetic articles for benchmarks: valid pages the content checker and a strict build accept.

    from synthetic_corpus import write_corpus
    names = write_corpus(docs_dir, count=1000, seed=1)
    write_translations(docs_dir, names)   # the same articles in Chinese, in docs_dir/zh/

Each article follows the README's schema: full front matter, Key facts first, a body
section, When to get help with two care cards, Where to get support, explicit ids on
every ## heading, and 5 links to other articles (3 in the text, 2 in `related`).
An index.md home page links to every article, so none is orphaned.
"""

import datetime
import functools
import random
from pathlib import Path

from weaning_breast_health.checks.translations import record_translation
from weaning_breast_health.triggers import site_table
from weaning_breast_health.publish.search_vocabulary import SETTINGS_DIR, load_settings

WORDS = ("milk breast feed baby night day warm cool soft firm small gentle change week "
         "month comfort rest sleep water help nurse midwife doctor body supply pump leak "
         "lump swelling bra pad skin heat cold slowly often less more").split()
CROSS_LINKS = 5


@functools.cache
def search_needs(lang: str) -> tuple[list[str], list[str]]:
    """What the site's search settings (publish/search/<lang>.yml) ask of any site built
    with them: pages (the topics and the help page, by file name) and words (those the
    aliases mean). The corpus has both, so its strict build publishes without a problem."""
    settings = load_settings(SETTINGS_DIR / f"{lang}.yml")
    pages = [*settings.get("topics", []), *([settings["help"]] if settings.get("help") else [])]
    words = sorted({word for meaning in (settings.get("aliases") or {}).values()
                    for word in str(meaning).split()})
    return [page.removesuffix(".md") for page in pages], words


def article_name(index: int) -> str:
    """The index-th article's file name, without .md: the search settings' pages first."""
    named = search_needs("en")[0]
    return named[index] if index < len(named) else f"article-{index:04d}"


def sentence(rng: random.Random, words: int = 10) -> str:
    """A short plain sentence of common words."""
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def card(kind: str, index: int) -> str:
    """A care card of one of the README's types, showing two of its level's triggers,
    the same two on article index's English and Chinese pages."""
    ids = [trigger.id for trigger in site_table().at_level(kind)]
    triggers = "\n".join(f"    - {trigger_id}" for trigger_id in random.Random(index).sample(ids, 2))
    return f"!!! {kind}\n\n{triggers}\n"


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

{card("non-urgent", index)}
{card("urgent", index)}
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

Words readers search for: {", ".join(search_needs("en")[1])}.

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


CHINESE_WORDS = "乳汁 乳房 喂奶 宝宝 晚上 白天 温暖 凉爽 柔软 变化 一周 一个月 休息 睡觉 喝水 帮助 医生 吸奶 漏奶 肿块 文胸 皮肤".split()


def chinese_sentence(rng: random.Random, words: int = 6) -> str:
    return "".join(rng.choice(CHINESE_WORDS) for _ in range(words)) + "。"


def translation(index: int, count: int, rng: random.Random, day: datetime.date) -> str:
    """The Chinese page of article index: the same ids, links and care cards."""
    others = [article_name((index + step) % count) for step in range(1, CROSS_LINKS + 1)]
    facts = "\n".join(f"- {chinese_sentence(rng)}" for _ in range(3))
    body = "\n\n".join("".join(chinese_sentence(rng) for _ in range(3)) for _ in range(3))
    # Link texts short enough for READ002's sentence limit: 主题 12, not the file name.
    numbers = [(index + step) % count for step in range(1, CROSS_LINKS + 1)]
    links = "、".join(f"[主题 {number}]({other}.md)" for number, other in zip(numbers, others[:3]))
    cards = "\n".join(card(kind, index) for kind in ("non-urgent", "urgent"))
    return f"""---
title: 主题 {index}
description: 用于性能测试的第 {index} 篇合成文章。
also_called:
  - 合成主题 {index}
translation:
  source: {article_name(index)}.md
  source_fingerprint: pending
  translated: {day.isoformat()}
  translator: 性能测试生成器（不是人）
  review: pending
---

# 主题 {index}

本页讲主题 {index}，也叫合成主题 {index}。

## 要点 {{#key-facts}}

{facts}

## 关于这个主题 {{#about-this-topic}}

{body}

接着读：{links}，以及[主题 {numbers[0]} 的要点]({others[0]}.md#key-facts)。

## 什么时候需要就医 {{#when-to-get-help}}

{cards}
## 哪里可以获得帮助 {{#support}}

{chinese_sentence(rng)}
"""


def write_translations(docs_dir: Path, articles: list[str]) -> None:
    """The Chinese page of every article and of the home page, each recording the
    fingerprint of its English page, in docs_dir/zh/."""
    rng = random.Random(len(articles))
    today = datetime.date.today()
    folder = Path(docs_dir) / "zh"
    folder.mkdir(parents=True, exist_ok=True)
    items = "\n".join(f"- [主题 {index}]({name})" for index, name in enumerate(articles))
    (folder / "index.md").write_text(
        "---\ntitle: 合成文章\ndescription: 所有合成文章。\ntranslation:\n  source: index.md\n"
        f"  source_fingerprint: pending\n  translated: {today.isoformat()}\n"
        f"  translator: 性能测试生成器（不是人）\n  review: pending\n---\n\n# 合成文章\n\n"
        f"读者搜索的词：{'、'.join(search_needs('zh')[1])}。\n\n{items}\n",
        encoding="utf-8")
    for index, name in enumerate(articles):
        (folder / name).write_text(translation(index, len(articles), rng, today), encoding="utf-8")
    for name in ["index.md", *articles]:
        record_translation(Path(docs_dir), folder / name, today)
