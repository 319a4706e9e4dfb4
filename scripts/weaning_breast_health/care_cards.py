"""Care cards: the NHS closed set of "when to get help" levels, as admonitions.

The Python-Markdown extension `weaning_breast_health.care_cards` in mkdocs.yml starts
each card's title with a visually hidden label, so a screen reader announces the level.
The levels and labels are the site's vocabulary (vocabulary.CARE_CARD_TYPES). Being a
Markdown extension, not a MkDocs hook, it works with any builder that reads mkdocs.yml.
"""

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .vocabulary import CARE_CARD_TYPES


class CareCardLabels(Treeprocessor):
    """Put '<span class="visually-hidden">Urgent advice: </span>' first in each card title."""

    def run(self, root: etree.Element) -> None:
        for card in root.iter("div"):
            classes = card.get("class", "").split()
            kind = next((name for name in classes if name in CARE_CARD_TYPES), None)
            title = card[0] if len(card) else None
            if "admonition" not in classes or kind is None or title is None \
                    or "admonition-title" not in title.get("class", ""):
                continue
            label = etree.Element("span", {"class": "visually-hidden"})
            label.text = CARE_CARD_TYPES[kind].label + " "
            label.tail = title.text
            title.text = None
            title.insert(0, label)


class CareCardsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After inline processing (20) has rendered the title, before attr_list and toc.
        md.treeprocessors.register(CareCardLabels(md), "care_cards", 15)


def makeExtension(**kwargs: object) -> CareCardsExtension:
    return CareCardsExtension(**kwargs)
