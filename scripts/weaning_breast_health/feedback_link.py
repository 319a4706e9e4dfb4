"""The feedback link in a page's own text: `[write to us](feedback:)` in Markdown.

The Python-Markdown extension `weaning_breast_health.feedback_link` in mkdocs.yml points
every link written `feedback:` at the site's feedback route, the address every page's
"Tell us" link uses (extra.feedback_url, set by FEEDBACK_URL). So the About page carries
the link itself, and it follows the setting. Being a Markdown extension, not a MkDocs
hook, it works with any builder that reads mkdocs.yml.
"""

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

FEEDBACK_TARGET = "feedback:"


class FeedbackLinks(Treeprocessor):
    """Give each `feedback:` link the feedback route's address."""

    def __init__(self, md: Markdown, url: str) -> None:
        super().__init__(md)
        self.url = url

    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if link.get("href") == FEEDBACK_TARGET:
                link.set("href", self.url)


class FeedbackLinkExtension(Extension):
    def __init__(self, **kwargs: object) -> None:
        self.config = {"url": ["", "the feedback route (mailto: or https), as extra.feedback_url"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        url = self.getConfig("url")
        if not isinstance(url, str) or not url.startswith(("mailto:", "https://")):
            raise ValueError("weaning_breast_health.feedback_link needs url: the feedback "
                             f"route, a mailto: or https address; not {url!r}")
        # After inline processing (20) has made the links.
        md.treeprocessors.register(FeedbackLinks(md, url), "feedback_link", 15)


def makeExtension(**kwargs: object) -> FeedbackLinkExtension:
    return FeedbackLinkExtension(**kwargs)
