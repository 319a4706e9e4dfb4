"""Every content rule, by code: what it asks and an example of its message.

The README's rule table is generated from this list (`check-content --rules`), and a test
keeps the two equal and gives every rule a golden folder under tests/checker/.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..pages import Problem


@dataclass(frozen=True)
class Rule:
    code: str
    summary: str
    example: str


RULES = {rule.code: rule for rule in [
    Rule('IN001', 'the file can be read',
         'docs/x.md:1: IN001 cannot read file: No such file or directory'),
    Rule('IN002', 'the file is not empty',
         'docs/x.md:1: IN002 empty file'),
    Rule('IN003', 'the file is text',
         'docs/x.md:1: IN003 binary file, not Markdown text'),
    Rule('IN004', 'the file is UTF-8',
         'docs/x.md:2: IN004 not valid UTF-8 (byte 0xe9); save the file as UTF-8'),
    Rule('IN005', 'no line over 20,000 characters',
         'docs/x.md:51: IN005 line is 10,000,000 characters long (at most 20,000); it was not checked'),
    Rule('FM001', 'the page has front matter',
         "docs/x.md:1: FM001 no front matter: start the page with a '---' block holding at least title and description"),
    Rule('FM002', 'front matter is a valid YAML mapping',
         "docs/x.md:4: FM002 front matter is not valid YAML: did not find expected ',' or ']' (while parsing a flow sequence on line 3)"),
    Rule('FM003', 'required keys are present',
         "docs/x.md:1: FM003 front matter has no 'description' (required on article pages)"),
    Rule('FM004', 'values have the right type',
         'docs/x.md:4: FM004 also_called must be a list, not text'),
    Rule('FM005', 'no unknown keys',
         "docs/x.md:26: FM005 unknown front matter key 'author'; known keys: page_type, title, …"),
    Rule('FM006', 'description at most 160 characters',
         'docs/x.md:3: FM006 description is 179 characters; at most 160'),
    Rule('FM007', 'dates are ISO dates',
         "docs/x.md:6: FM007 last_reviewed must be a date written YYYY-MM-DD, not '1 November 2026'"),
    Rule('FM008', 'review dates make sense: not in the future, next review at most 3 years on',
         'docs/x.md:7: FM008 next_review 2030-01-01 is more than 3 years after last_reviewed 2026-11-01 (latest 2029-11-01)'),
    Rule('FM009', 'the review is not overdue',
         'docs/x.md:7: FM009 review overdue: next_review was 2026-11-20; review the page against its sources, then update both dates'),
    Rule('FM010', 'articles cite at least 3 sources',
         'docs/x.md:11: FM010 2 source(s); articles need at least 3'),
    Rule('FM011', 'each source has title, publisher, year and an https URL or a DOI',
         "docs/x.md:12: FM011 source url must start with https://, not 'http://example.org/one'"),
    Rule('FM012', 'every also-called name is in the page text',
         "docs/x.md:6: FM012 also_called name 'first of four' does not appear in the page text; search only finds words in the text"),
    Rule('FM013', 'related pages are other articles',
         "docs/x.md:26: FM013 related page 'index.md' is not another article in the docs"),
    Rule('FM014', 'page_type is known',
         "docs/x.md:26: FM014 unknown page_type 'blog'; use one of: article, home, about, glossary"),
    Rule('LNK001', 'relative links resolve to a page or file',
         "docs/x.md:39: LNK001 link to 'epsilon.md', which does not exist in the docs"),
    Rule('LNK002', 'every #anchor exists, on this page or another',
         "docs/x.md:39: LNK002 link to #no-such-section, which is not an anchor on 'beta.md'"),
    Rule('LNK003', "no absolute links to the site's own pages",
         "docs/x.md:40: LNK003 absolute link '/delta/': link to the page's .md file, relative to this page"),
    Rule('LNK004', 'every article is linked from another page',
         'docs/x.md:1: LNK004 no other page links to this article'),
    Rule('LNK005', 'every article links to at least two others',
         'docs/x.md:1: LNK005 article links to 1 other article(s); link to at least 2'),
    Rule('FM015', 'a source year is a real year, not after the day the source was read',
         'docs/x.md:12: FM015 source year 2026 is later than its accessed date 2025-11-01: the year is the one the source states, not when it was read'),
    Rule('CARE001', "every article has a care card (cards in fenced code don't count)",
         "docs/x.md:1: CARE001 article has no care card: add a non-urgent, urgent or emergency card under '## When to get help {#when-to-get-help}'"),
    Rule('CARE002', 'no unknown admonition types',
         "docs/x.md:47: CARE002 unknown admonition type 'danger'; use one of: non-urgent, urgent, emergency, note, tip, local"),
    Rule('CARE003', "a care card has no title of its own: it comes from the card's level",
         "docs/x.md:43: CARE003 urgent card has a title of its own: its title comes from its level, so write '!!! urgent' and nothing after it"),
    Rule('CARE004', "a care card's body is a non-empty bulleted list",
         'docs/x.md:47: CARE004 non-urgent card body must be a bulleted list of trigger ids, indented 4 spaces, and nothing else'),
    Rule('CARE008', 'a card names only triggers in the trigger table',
         "docs/x.md:45: CARE008 unknown trigger 'fever-flue' (did you mean 'fever-flu'?): a card names triggers by their id in scripts/weaning_breast_health/triggers.yml"),
    Rule('CARE009', 'no hand-written bullets in a care card: its bullets come from the trigger table',
         "docs/x.md:45: CARE009 hand-written bullet in a care card: name a trigger by its id in scripts/weaning_breast_health/triggers.yml, like '- sepsis-confusion'; to show a new sign, add it to the table"),
    Rule('CARE010', "a card shows a trigger only at the trigger's own level",
         "docs/x.md:46: CARE010 trigger 'sepsis-rash' is emergency, not urgent: show it on an emergency card, or change its level in scripts/weaning_breast_health/triggers.yml (with the sources that set it)"),
    Rule('TRG001', 'every trigger in the table has a level, its wording in every language, and sources',
         "scripts/weaning_breast_health/triggers.yml:12: TRG001 trigger 'fever-flu' has no zh wording"),
    Rule('LOC001', "a 'local' section (the Chinese edition's own content) is only on translated pages",
         "docs/x.md:40: LOC001 a 'local' section is a translation's own content; an English page is the original: use 'note' or plain text"),
    Rule('LOC002', "a local section's title starts with the label the translation notice explains (中文版补充)",
         'docs/zh/x.md:40: LOC002 local section title must start with "中文版补充", the label the translation notice explains, like "中文版补充：香港"'),
    Rule('LOC003', "a local section links to at least one of the sources the page lists",
         "docs/zh/x.md:40: LOC003 local section must link to at least one of the sources this page lists (its own front matter 'sources' or its English page's), so readers can check what only this edition says"),
    Rule('EVD001', 'every sentence with a number, a time frame or a medicine is covered by an evidence record',
         'docs/x.md:40: EVD001 no evidence record covers “Most milk is gone within 7 days.”: add one to x.evidence.yml (it has a number or a medicine)'),
    Rule('EVD002', "an evidence record's claim is still on its page, word for word",
         "docs/x.evidence.yml:9: EVD002 claim is no longer on x.md: “Most milk is gone within 5 days.”: check the page's new wording against the source, then record it"),
    Rule('EVD003', 'an evidence record names one of the sources its page lists',
         'docs/x.evidence.yml:12: EVD003 source https://example.org/other is not one of the sources x.md lists'),
    Rule('EVD004', 'an evidence file has based_on and claims, each record complete',
         'docs/x.evidence.yml:8: EVD004 record has no where, says: a record has id, claim, source, where, says'),
    Rule('EVD005', "every source a page lists says which of the page's points it supports (based_on)",
         "docs/x.evidence.yml:1: EVD005 source “Mastitis” (https://example.org/mastitis) has no based_on line: say which of x.md's points it supports"),
    Rule('HTML001', 'no script, iframe, object or embed',
         'docs/x.md:41: HTML001 <script> is not allowed in pages'),
    Rule('HTML002', 'no inline event handlers',
         'docs/x.md:42: HTML002 inline event handler onclick= is not allowed'),
    Rule('HTML003', 'no javascript: URLs',
         'docs/x.md:40: HTML003 javascript: URLs are not allowed'),
    Rule('SEC001', 'articles start with Key facts',
         "docs/x.md:32: SEC001 article must start with '## Key facts {#key-facts}'"),
    Rule('SEC002', 'key facts has at most 5 bullets',
         'docs/x.md:32: SEC002 key facts has 6 bullets; at most 5'),
    Rule('SEC003', 'the standard sections are present',
         "docs/x.md:1: SEC003 article has no '## Where to get support {#support}' section"),
    Rule('SEC004', 'every `##` heading in an article has an explicit id',
         "docs/x.md:37: SEC004 ## heading needs a stable id, like '## What helps {#what-helps}', so links to it keep working"),
    Rule('SEC005', 'no underlined (setext) headings',
         "docs/x.md:38: SEC005 underlined (setext) heading: write it as '## Heading {#id}'"),
    Rule('SEC006', 'no ids the page template uses',
         "docs/x.md:37: SEC006 id 'sources' is used by the page template; choose another"),
    Rule('READ001', 'articles read at Flesch-Kincaid grade 8 or below',
         'docs/x.md:1: READ001 Flesch-Kincaid grade 11.2, above 8: shorten the longest sentences: line 40: "When the breast stays full for a long ..." (31 words); …'),
    Rule('READ002', 'Chinese pages: no sentence over 50 characters, median under 30',
         'docs/zh/x.md:16: READ002 sentence of 58 characters, over 50: split it: “阿尔法是一个测试页面，也叫阿尔法字母，如……”'),
    Rule('TERM001', 'Chinese pages: each key term in its one rendering (termbase.yml)',
         'docs/zh/x.md:18: TERM001 “胸罩”: write “文胸” (bra), as the termbase says'),
    Rule('TYPO001', 'Chinese pages: full-width punctuation, “” quotes, no space between sentences',
         'docs/zh/x.md:20: TYPO001 space after “。”: Chinese sentences follow each other without a space'),
    Rule('TRN001', 'every English page has its translation, once a language has started',
         'docs/x.md:1: TRN001 no 简体中文 translation: add zh/x.md, translated from this page'),
    Rule('TRN002', 'a translation records the version of its English page, and is not older',
         'docs/zh/x.md:6: TRN002 translation older than its source: x.md has changed since it was translated on 2026-12-01: update the translation, then record it: python3 scripts/dev.py check --record-translation docs/zh/x.md'),
    Rule('TRN003', 'the translation record is complete: source, fingerprint, date, translator, review',
         "docs/zh/x.md:6: TRN003 translation record needs 'translator'; review must be one of: pending, reviewed; not 'done'"),
    Rule('TRN004', 'a translated page has an English page of the same name',
         'docs/zh/x.md:1: TRN004 no English page x.md to translate from: a translation keeps its English page\'s file name'),
    Rule('TRN005', "a translation keeps every section id of its English page",
         'docs/zh/x.md:1: TRN005 1 section id(s) of x.md missing, so links to them break: #what-helps'),
    Rule('TRN006', "a translation's care cards show the English page's triggers, card by card",
         "docs/zh/x.md:29: TRN006 care cards must show the English page's triggers, card by card: x.md has non-urgent (new-lump, breast-shape); this page has non-urgent (new-lump)"),
    Rule('REG001', 'every published page still exists, or redirects',
         'published-urls.txt:7: REG001 published page /old-delta/ no longer exists: restore it, or redirect it to its new page (redirect_maps in mkdocs.yml)'),
    Rule('REG002', 'every published anchor still exists, or has an alias',
         'published-urls.txt:5: REG002 published anchor /alpha/#history is not on alpha.md: give the section that id again, or keep it as an alias where the section starts: <div id="history"></div>'),
    Rule('HND001', "an article's key facts and care cards fit its handout: one side of one sheet",
         'docs/x.md:58: HND001 the handout would not fit on one side of one sheet: its key facts and care cards need about 85 lines of print, 5 over the 80 of one side, from this line on: shorten them, or move detail into the page\'s other sections'),
    Rule('REV001', 'every article, and every other page that lists sources, has a recorded check against them',
         'docs/x.md:1: REV001 no check of this article is recorded: check it against its sources, then record the check: python3 scripts/dev.py check --record-check docs/x.md'),
    Rule('REV002', 'such a page has not changed since its last recorded check',
         'docs/x.md:1: REV002 changed since it was last checked on 2026-12-01: check it against its sources, then record the check: python3 scripts/dev.py check --record-check docs/x.md; or, for a change that alters no fact, record it as editorial: python3 scripts/dev.py check --record-editorial docs/x.md --reason "..."'),
    Rule('REV003', 'last_reviewed is the date of the last recorded check',
         'docs/x.md:6: REV003 last_reviewed 2026-11-21 is not the date of the last recorded check, 2026-12-01: the record commands set it'),
    Rule('REV004', '"clinically reviewed" only with a recorded clinical review',
         'docs/x.md:9: REV004 status says clinically reviewed, but no clinical review is recorded: record one with --record-clinical-review'),
    Rule('REV005', 'the review ledger is well formed, names real pages, and records translations only under translated pages',
         'review-ledger.yml:4: REV005 ledger entry for x.md: kind must be one of: checked against sources, clinical review, editorial, translation'),
    Rule('SET001', 'a site on a real domain has a real feedback route',
         'mkdocs.yml:1: SET001 site_url is https://example.org/, but the feedback route is still the placeholder mailto:feedback@weaning-breast-health.example: set FEEDBACK_URL to an address that reaches the editors when you build for a real domain'),
]}


def unregistered(problems: Iterable[Problem]) -> set[str]:
    """Codes that a rule reported but this list does not know: a bug, never a pass."""
    return {problem.code for problem in problems} - RULES.keys()


def rules_table() -> str:
    """The rule table as the README shows it, in Markdown."""
    rows = [f"| {rule.code} | {rule.summary} | `{rule.example}` |" for rule in RULES.values()]
    return "\n".join(["| code | rule | example |", "| --- | --- | --- |", *rows])
