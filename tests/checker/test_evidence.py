"""Evidence records: which sentences need one, and how a page, its Chinese page and the
site's shared lines are covered (the EVD rules' failures are golden folders under
tests/checker/rules/)."""

import re
import textwrap

from test_rules import build_site, run_checker

CLAIMS = """
Most alpha is gone within 7 days. It can last a week or two. Some people take ibuprofen.
Alpha is common. Call the alpha helpline on 0100 000 000.
"""
ZH_CLAIMS = "阿尔法通常 7 天内消退。有人会吃布洛芬。阿尔法很常见。香港可以拨打 2343 2255。\n"
BASED_ON = """\
based_on:
  https://example.org/one: how long alpha lasts
  https://doi.org/10.1000/xyz123: the key facts about alpha
  https://example.org/three: where to get support
"""
ZH_BASED_ON = """\
based_on:
  https://example.org/one: 阿尔法持续多久
  https://doi.org/10.1000/xyz123: 要点
  https://example.org/three: 哪里可以获得帮助
"""


def add_claims(docs, page, claims, anchor):
    """Put claims into a page after the line that starts with anchor."""
    path = docs / page
    text = path.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith(anchor))
    path.write_text(text.replace(line, line + "\n" + claims.strip()), encoding="utf-8")


def write(path, head, body=""):
    """An evidence file: head as written, then body without its indent."""
    path.write_text(head + textwrap.dedent(body), encoding="utf-8")


def test_every_sentence_with_a_number_a_time_frame_or_a_medicine_needs_a_record(tmp_path, capsys):
    docs = build_site(tmp_path)
    add_claims(docs, "alpha.md", CLAIMS, "Read about")
    code, out, _ = run_checker(tmp_path, capsys)
    assert code == 1
    assert sorted(re.findall(r"EVD001 no evidence record covers “([^”]*)”", out)) == sorted([
        "Most alpha is gone within 7 days.", "It can last a week or two.",
        "Some people take ibuprofen.", "Call the alpha helpline on 0100 000 000."])


def test_care_card_bullets_need_no_record_here_the_trigger_table_sources_them(tmp_path, capsys):
    docs = build_site(tmp_path)
    card = "!!! urgent\n\n    - fever-flu\n"  # its wording has a temperature in degrees
    add_claims(docs, "alpha.md", card, "Ask your midwife")
    assert run_checker(tmp_path, capsys) == (0, "", "No problems found\n")


def test_a_page_its_chinese_page_and_the_site_file_cover_every_claim(tmp_path, capsys):
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "base-zh").touch()  # with the base's Chinese pages
    docs = build_site(tmp_path / "site", overlay)
    add_claims(docs, "alpha.md", CLAIMS, "Read about")
    add_claims(docs, "zh/alpha.md", ZH_CLAIMS, "请看")
    write(docs / "alpha.evidence.yml", BASED_ON, """\
        claims:
          - id: gone-in-a-week
            claim: Most alpha is gone within 7 days. It can last a week or two.
            source: https://example.org/one
            where: How long it lasts
            says: Source one says alpha is usually gone in a week, and can last two.
          - id: ibuprofen
            claim: Some people take ibuprofen.
            source: https://doi.org/10.1000/xyz123
            where: Treatment
            says: Source two says ibuprofen is one of the treatments people use.
        """)
    write(docs / "site.evidence.yml", "", """\
        sources:
          - title: Alpha helpline
            publisher: Alpha Health
            accessed: 2026-12-01
            url: https://example.org/helpline
        claims:
          - id: alpha-helpline
            claim: Call the alpha helpline on 0100 000 000.
            source: https://example.org/helpline
            where: Contact us
            says: The helpline's number is 0100 000 000.
        """)
    write(docs / "zh" / "alpha.evidence.yml", ZH_BASED_ON, """\
        claims:
          - claim: 阿尔法通常 7 天内消退。
            record: gone-in-a-week
          - claim: 有人会吃布洛芬。
            record: ibuprofen
          - claim: 香港可以拨打 2343 2255。
            source: https://example.org/one
            where: Hong Kong
            says: Source one gives 2343 2255 as the number in Hong Kong.
        """)
    run_checker(tmp_path / "site", capsys, "--record-translation", "docs/zh/alpha.md")
    code, out, _ = run_checker(tmp_path / "site", capsys)
    assert (code, out) == (0, ""), out


def test_a_medicine_named_only_in_a_links_text_points_to_a_claim_and_needs_no_record(
        tmp_path, capsys):
    docs = build_site(tmp_path)
    add_claims(docs, "alpha.md", "More: [ibuprofen](beta.md), [sage](gamma.md).\n"
                                 "Call [NHS 111](beta.md).", "Read about")
    _, out, _ = run_checker(tmp_path, capsys)
    assert re.findall(r"EVD001 no evidence record covers “([^”]*)”", out) == ["Call NHS 111."]
