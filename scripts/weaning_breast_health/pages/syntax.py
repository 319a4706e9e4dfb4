"""Markdown syntax, as Python-Markdown and pymdown read it: the patterns the scanner uses."""

import re

FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.DOTALL)
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})(.*?)#*[ \t]*$")
PLAIN_HEADING = re.compile(r"^#{1,6}[ \t]+([\w ,.?'()/-]*?\w[\w ,.?'()/-]*?)"
                           r"(?:[ \t]+\{:?[ \t]*#([\w-]+)[ \t]*\})?[ \t]*$")
SETEXT_UNDERLINE = re.compile(r"^(=+|-+)[ \t]*$")
ADMONITION = re.compile(r'^(?:!!!|\?{3}\+?) ?([\w\-]+(?: +[\w\-]+)*)(?: +"(.*?)")? *$')
BULLET = re.compile(r"^[-*+][ \t]+\S")
EXPLICIT_ID = re.compile(r"\{[^{}\n]*?#([\w:.-]+)[^{}\n]*\}")
HTML_ID = re.compile(r"""<[A-Za-z][^>]*?\sid\s*=\s*["']([^"']+)["']""")
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
INLINE_LINK = re.compile(
    r"\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\(\s*(<[^<>\n]*>|[^\s()<>]+(?:\([^\s()]*\)[^\s()]*)*)"
    r"""(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)"""
)
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?")
AUTOLINK = re.compile(r"<((?:https?|mailto|javascript):[^\s<>]*)>", re.IGNORECASE)
HTML_URL_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""",
                                re.IGNORECASE)
DOI = re.compile(r"10\.\d{4,9}/\S+")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
