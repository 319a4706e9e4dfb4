"""Care cards: the NHS closed set of "when to get help" levels, as admonitions, built from
the trigger table.

An editor writes a card as its level and the ids of the triggers it shows:

    !!! urgent

        - fever-flu
        - abscess

(`- all` shows every trigger of the card's level). The Python-Markdown extension
`weaning_breast_health.care_cards` in mkdocs.yml gives the card its level's title, after a
visually hidden label so a screen reader announces the level, and replaces each id with
the trigger's wording from triggers.yml. Titles, labels and wording are in the language
the extension's `language` option names (mkdocs.zh.yml sets zh). Being a Markdown
extension, not a MkDocs hook, it works with any builder that reads mkdocs.yml. A bullet
that names no trigger is left as written: the checker reports it (CARE008, CARE009).
"""

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .triggers import EVERY_TRIGGER, TriggerTable, site_table
from .vocabulary import CARE_CARDS, DEFAULT_LANGUAGE


class CareCardsFromTable(Treeprocessor):
    """Title each card from its level and fill its list from the trigger table."""

    def __init__(self, md: Markdown, language: str, table: TriggerTable) -> None:
        super().__init__(md)
        self.language = language
        self.levels = CARE_CARDS[language].levels
        self.table = table

    def run(self, root: etree.Element) -> None:
        for card in root.iter("div"):
            classes = card.get("class", "").split()
            kind = next((name for name in classes if name in self.levels), None)
            title = card[0] if len(card) else None
            if "admonition" not in classes or kind is None or title is None \
                    or "admonition-title" not in title.get("class", ""):
                continue
            self.set_title(title, kind)
            for bullets in card.findall("ul"):
                self.fill(bullets, kind)

    def set_title(self, title: etree.Element, kind: str) -> None:
        """'<span class="visually-hidden">Urgent advice: </span>Get help today: … if:'"""
        level = self.levels[kind]
        label = etree.Element("span", {"class": "visually-hidden"})
        label.text = level.label + " "
        label.tail = level.title
        for child in list(title):
            title.remove(child)
        title.text = None
        title.insert(0, label)

    def fill(self, bullets: etree.Element, kind: str) -> None:
        """Each bullet that is a trigger id becomes the trigger's wording; `all` becomes
        every trigger of the card's level."""
        for item in list(bullets):
            written = "".join(item.itertext()).strip()
            ids = [trigger.id for trigger in self.table.at_level(kind)] \
                if written == EVERY_TRIGGER else [written]
            texts = [(trigger_id, self.table.text(trigger_id, self.language)) for trigger_id in ids]
            if not ids or any(text is None for _, text in texts):
                continue  # not a trigger id: left as written, for the checker to report
            position = list(bullets).index(item)
            bullets.remove(item)
            for offset, (trigger_id, text) in enumerate(texts):
                filled = etree.Element("li", {"data-trigger": trigger_id})
                filled.text = text
                bullets.insert(position + offset, filled)


class CareCardsExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"language": [DEFAULT_LANGUAGE, "the language of the cards: "
                                    + ", ".join(CARE_CARDS)]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        language = self.getConfig("language")
        if language not in CARE_CARDS:
            raise ValueError(f"care_cards language must be one of: {', '.join(CARE_CARDS)}; "
                             f"not {language!r}")
        # After inline processing (20) has rendered the bullets, before attr_list and toc.
        md.treeprocessors.register(CareCardsFromTable(md, language, site_table()), "care_cards", 15)


def makeExtension(**kwargs: object) -> CareCardsExtension:
    return CareCardsExtension(**kwargs)
