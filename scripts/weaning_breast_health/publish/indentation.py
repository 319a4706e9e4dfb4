"""Built HTML without its templates' indentation: the same page for readers, a tenth smaller.

Material's templates (and ours) indent their HTML, and every page repeats them. In HTML's
text, a run of white space holding a line break shows as one space wherever white space
collapses (CSS white-space: normal or nowrap), so such a run becomes a single line break.
What is written as it is stays so: the text of pre, code, kbd and textarea (shown with
pre-wrap), of script and style (a script's hash is in the security headers), of comments,
and the inside of every tag (attribute values)."""

from __future__ import annotations

import re

_KEPT_OR_INDENT = re.compile(
    r"(<(pre|code|kbd|textarea|script|style)\b.*?</\2\s*>|<!--.*?-->|<[^>]*>)"  # as written
    r"|\s*\n\s*",  # indentation and blank lines: one line break
    re.DOTALL | re.IGNORECASE)


def without_indentation(html: str) -> str:
    """html with each run of white space between tags and text that holds a line break
    written as one line break, outside the elements and parts that keep their spaces."""
    return _KEPT_OR_INDENT.sub(lambda match: match[1] or "\n", html)
