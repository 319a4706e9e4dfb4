"""The trigger table: every "when to get help" sign defined once, rendered on the cards in
each language, and published for clinics as /api/triggers.json under its JSON Schema."""

import dataclasses
import datetime
import json

import jsonschema
import markdown
import pytest

from support import CHECK_DATE, CONFIG, ROOT
from weaning_breast_health.checks.trigger_table import check_trigger_table
from weaning_breast_health.pages import read_page
from weaning_breast_health.pages.fingerprint import content_fingerprint
from weaning_breast_health.publish.catalogue import TRIGGERS_SCHEMA_PATH, trigger_catalogue
from weaning_breast_health.settings import load_site_settings
from weaning_breast_health.triggers import TriggerTable, read_table, site_table
from weaning_breast_health.vocabulary import CARE_CARD_TYPES, CARE_CARDS

TABLE = site_table()
LANGUAGES = list(CARE_CARDS)


def render(text: str, language: str) -> str:
    converter = load_site_settings(CONFIG).markdown(language)
    return converter.convert(text)


def test_the_site_table_is_complete_and_sourced():
    problems = check_trigger_table(TABLE, datetime.date.fromisoformat(CHECK_DATE))
    assert [str(problem) for problem in problems] == []


def test_every_level_has_triggers_and_every_trigger_one_level():
    assert {trigger.level for trigger in TABLE.triggers.values()} == set(CARE_CARD_TYPES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_card_takes_its_title_from_its_level_and_its_bullets_from_the_table(language):
    html = render("!!! emergency\n\n    - sepsis-rash\n    - sepsis-confusion\n", language)
    level = CARE_CARDS[language].levels["emergency"]
    assert f'<span class="visually-hidden">{level.label} </span>{level.title}</p>' in html
    for trigger_id in ("sepsis-rash", "sepsis-confusion"):
        assert f'<li data-trigger="{trigger_id}">{TABLE.text(trigger_id, language)}</li>' in html
    assert "sepsis-rash</li>" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_emergency_title_names_every_emergency_number(language):
    words = CARE_CARDS[language]
    title = words.levels["emergency"].title
    assert all(number in title for number in words.emergency_numbers)
    assert words.local_emergency_number in title
    for level in words.levels.values():
        assert level.title.startswith(level.lead) and level.title.endswith(words.title_end)


def test_no_urgent_title_sends_northern_ireland_to_nhs_111():
    # Northern Ireland has no NHS 111 (its GPs' out-of-hours service stands in).
    title = CARE_CARDS["en"].levels["urgent"].title
    assert "NHS 111 in England, Scotland and Wales" in title


def test_all_shows_every_trigger_of_the_cards_level_in_table_order():
    html = render("!!! urgent\n\n    - all\n", "en")
    shown = [line.split('"')[1] for line in html.splitlines() if "data-trigger" in line]
    assert shown == [trigger.id for trigger in TABLE.at_level("urgent")]


def test_a_bullet_that_names_no_trigger_is_left_as_written_for_the_checker():
    html = render("!!! urgent\n\n    - you feel unwell\n    - fever-flu\n", "en")
    assert "<li>you feel unwell</li>" in html
    assert f'<li data-trigger="fever-flu">{TABLE.text("fever-flu", "en")}</li>' in html


def test_the_published_trigger_table_matches_its_json_schema():
    schema = json.loads((ROOT / "docs" / TRIGGERS_SCHEMA_PATH).read_text(encoding="utf-8"))
    published = trigger_catalogue(load_site_settings(CONFIG), TABLE)
    validator = jsonschema.Draft202012Validator
    validator.check_schema(schema)
    errors = validator(schema, format_checker=validator.FORMAT_CHECKER).iter_errors(published)
    assert [f"{list(error.absolute_path)}: {error.message}" for error in errors] == []
    assert [trigger["id"] for trigger in published["triggers"]] == list(TABLE.triggers)
    assert published["schema"] == published["site_url"] + TRIGGERS_SCHEMA_PATH


def test_the_schema_rejects_a_trigger_without_chinese_or_sources():
    schema = json.loads((ROOT / "docs" / TRIGGERS_SCHEMA_PATH).read_text(encoding="utf-8"))
    published = trigger_catalogue(load_site_settings(CONFIG), TABLE)
    broken = published["triggers"][0]
    del broken["text"]["zh-Hans"]
    broken["sources"] = []
    messages = sorted(error.message for error in
                      jsonschema.Draft202012Validator(schema).iter_errors(published))
    assert messages == ["'zh-Hans' is a required property", "[] should be non-empty"]


def test_where_sources_disagree_the_table_says_which_the_site_follows():
    # The December reviews: HSE (cited for sepsis) puts "on antibiotics and not getting
    # better" and severe leg pain at 999 for the 6 weeks after a birth; the lump rules.
    for trigger_id in ("postnatal-antibiotics-not-better", "antibiotics-48-hours", "new-lump",
                       "feeding-lump-not-gone"):
        assert "site follows" in " ".join(TABLE.triggers[trigger_id].note.split())
    assert TABLE.triggers["postnatal-antibiotics-not-better"].level == "emergency"
    assert TABLE.triggers["postnatal-severe-leg-pain"].level == "emergency"
    assert TABLE.triggers["postpartum-psychosis"].level == "emergency"


def test_changing_a_trigger_changes_the_fingerprint_of_every_page_that_shows_it():
    # So the pages showing a changed trigger need their check (and translation) recorded.
    base = ROOT / "tests" / "checker" / "base"
    table = read_table(base / "triggers.yml")
    page = read_page(base / "docs", base / "docs" / "alpha.md")  # shows new-lump, breast-shape

    def reworded(trigger_id: str) -> TriggerTable:
        trigger = table.triggers[trigger_id]
        changed = dataclasses.replace(trigger, wording={**trigger.wording, "zh": "改了"})
        return dataclasses.replace(table, triggers={**table.triggers, trigger_id: changed})

    assert content_fingerprint(page, reworded("new-lump")) != content_fingerprint(page, table)
    assert content_fingerprint(page, reworded("fever-flu")) == content_fingerprint(page, table)
