"""Care cards: the NHS closed set of "when to get help" levels, as admonitions.

The Python-Markdown extension `weaning_breast_health.care_cards` in mkdocs.yml starts
each card's title with a visually hidden label, so a screen reader announces the level.
The levels and labels are the site's vocabulary (vocabulary.CARE_CARDS), in the language
the extension's `language` option names (mkdocs.zh.yml sets zh). Being a Markdown
extension, not a MkDocs hook, it works with any builder that reads mkdocs.yml.
"""

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .vocabulary import CARE_CARDS, DEFAULT_LANGUAGE


class CareCardLabels(Treeprocessor):
    """Put '<span class="visually-hidden">Urgent advice: </span>' first in each card title."""

    def __init__(self, md: Markdown, language: str) -> None:
        super().__init__(md)
        self.levels = CARE_CARDS[language].levels

    def run(self, root: etree.Element) -> None:
        for card in root.iter("div"):
            classes = card.get("class", "").split()
            kind = next((name for name in classes if name in self.levels), None)
            title = card[0] if len(card) else None
            if "admonition" not in classes or kind is None or title is None \
                    or "admonition-title" not in title.get("class", ""):
                continue
            label = etree.Element("span", {"class": "visually-hidden"})
            label.text = self.levels[kind].label + " "
            label.tail = title.text
            title.text = None
            title.insert(0, label)


class CareCardsExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"language": [DEFAULT_LANGUAGE, "the language of the cards' labels: "
                                    + ", ".join(CARE_CARDS)]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        language = self.getConfig("language")
        if language not in CARE_CARDS:
            raise ValueError(f"care_cards language must be one of: {', '.join(CARE_CARDS)}; "
                             f"not {language!r}")
        # After inline processing (20) has rendered the title, before attr_list and toc.
        md.treeprocessors.register(CareCardLabels(md, language), "care_cards", 15)


def makeExtension(**kwargs: object) -> CareCardsExtension:
    return CareCardsExtension(**kwargs)
