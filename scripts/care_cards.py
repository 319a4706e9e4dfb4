"""Care cards: the NHS closed set of "when to get help" levels, as admonitions.

Used by the content checker (which types exist, what a title looks like) and, as the
Python-Markdown extension `care_cards` in mkdocs.yml, by the build: it starts each
card's title with a visually hidden label, so a screen reader announces the level.
"""

import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


@dataclass(frozen=True)
class CareCardType:
    label: str
    example: str


CARE_CARD_TYPES = {
    "non-urgent": CareCardType("Non-urgent advice:", "See your GP, midwife or health visitor if:"),
    "urgent": CareCardType("Urgent advice:", "Ask for an urgent GP appointment, or call 111 "
                           "or your local out-of-hours service, if:"),
    "emergency": CareCardType("Emergency:", "Call 999, 112 or 911, or go to the emergency "
                              "department, if:"),
}


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
