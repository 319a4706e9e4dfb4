"""The Python-Markdown extension that joins Chinese lines: a line break inside a paragraph
renders as a space, which between two Chinese sentences (one per source line) shows as a
gap after 。. The break is dropped next to full-width punctuation, and between a Chinese
character and Chinese text or an opening quote; elsewhere (before a number or a Latin word,
which Chinese text sets off with a space) it stays. Code blocks are left alone."""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FULL_WIDTH_PUNCTUATION = "\u3000-\u303f\uff00-\uffef"
CHINESE = re.compile(f"[{HAN}{FULL_WIDTH_PUNCTUATION}]")
PUNCTUATION = re.compile(f"[{FULL_WIDTH_PUNCTUATION}]")
OPENING_QUOTES, CLOSING_QUOTES = "“‘", "”’"
INLINE = r"(?:a|abbr|b|code|em|i|mark|span|strong)"
# A line break with the inline tags that close before it and open after it.
SOFT_BREAK = re.compile(rf"((?:</{INLINE}>)*)\n[ \t]*((?:<{INLINE}\b[^>]*>)*)(?=(.))")
CODE_BLOCK = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL)


def join_chinese_lines(html: str) -> str:
    """The HTML with the line breaks between Chinese text removed, outside <pre>."""
    parts = CODE_BLOCK.split(html)
    return "".join(part if index % 2 else SOFT_BREAK.sub(_join, part)
                   for index, part in enumerate(parts))


def _join(match: re.Match[str]) -> str:
    before = match.string[match.start() - 1] if match.start() else ""
    after = match[3]
    joined = (PUNCTUATION.match(before) or PUNCTUATION.match(after)
              or (CHINESE.match(before) and (CHINESE.match(after) or after in OPENING_QUOTES))
              or (before in CLOSING_QUOTES and CHINESE.match(after)))
    return match[1] + match[2] if joined else match[0]


class ChineseLineBreaks(Postprocessor):
    def run(self, text: str) -> str:
        return join_chinese_lines(text)


class ChineseLineBreaksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After raw HTML is put back (priority 30), so the whole page is seen.
        md.postprocessors.register(ChineseLineBreaks(md), "cjk_line_breaks", 5)


def makeExtension(**kwargs: object) -> ChineseLineBreaksExtension:
    return ChineseLineBreaksExtension(**kwargs)
