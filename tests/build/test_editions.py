"""The Chinese edition (简体中文): every English page has its Chinese page at the same address
under /zh/, with the same section ids; each names the other for search engines and for
the reader's language switch; a Chinese page says where it comes from; and a change to
an English page makes the checker name its stale translation."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from mkdocs.config import load_config

from support import CHECK_DATE, CONFIG, ROOT, built_page, docs_pages, parsed_html
from weaning_breast_health.checks.translations import RECORD_COMMAND
from weaning_breast_health.ui_text import TEXT
from weaning_breast_health.vocabulary import LOCAL_ADMONITION, LOCAL_LABELS, TRANSLATIONS

ENGLISH = sorted(name for name, page in docs_pages().items() if not page.is_translation)
CHINESE_CONFIG = ROOT / TRANSLATIONS["zh"].config


def canonical(soup) -> str:
    return soup.select_one("link[rel=canonical]")["href"]


def alternates(soup) -> dict[str, str]:
    return {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")}


def test_every_english_page_has_a_chinese_page_with_the_same_name():
    assert [name for name in ENGLISH if f"zh/{name}" not in docs_pages()] == []


@pytest.mark.parametrize("name", ENGLISH)
def test_each_page_names_itself_in_both_languages_for_search_engines(built_site, name):
    english, chinese = built_page(built_site, name), built_page(built_site, f"zh/{name}")
    expected = {"en": canonical(english), "zh-Hans": canonical(chinese), "x-default": canonical(english)}
    assert canonical(chinese) == canonical(english).replace(".example/", ".example/zh/", 1)
    assert alternates(english) == expected
    assert alternates(chinese) == expected


@pytest.mark.parametrize("name", ENGLISH)
def test_the_language_switch_leads_to_the_same_page_in_the_other_language(built_site, name):
    for here, there, language in ((name, f"zh/{name}", "zh-Hans"), (f"zh/{name}", name, "en")):
        soup = built_page(built_site, here)
        switch = soup.select_one(f".md-select__link[hreflang={language}]")
        assert urljoin(canonical(soup), switch["href"]) == canonical(built_page(built_site, there))


@pytest.mark.parametrize("name", ENGLISH)
def test_a_chinese_page_says_first_what_it_is_translated_from_when_and_that_review_is_pending(
        built_site, name):
    soup = built_page(built_site, f"zh/{name}")
    english = built_page(built_site, name)
    notice = soup.select_one("article .translation-notice")
    assert notice is not None and soup.select_one("article").find(True) == notice
    link = notice.select_one("a[hreflang=en]")
    assert urljoin(canonical(soup), link["href"]) == canonical(english)
    assert link.get_text() == docs_pages()[name].meta["title"]
    record = docs_pages()[f"zh/{name}"].meta["translation"]
    translated = record["translated"]
    assert f"翻译于 {translated.year}年{translated.month}月{translated.day}日" in notice.get_text()
    assert "尚未经过专业译者或临床医生审校" in notice.get_text()
    footer = soup.select_one("footer.page-info").get_text()
    assert record["translator"] in footer and "译文审校：尚未进行" in footer


def test_the_notice_says_the_english_page_prevails_for_translated_text_but_not_for_labelled_local_sections(
        built_site):
    """The Chinese edition's own sections are labelled boxes, each naming a source the page
    lists; every Chinese page's notice explains the label."""
    label = LOCAL_LABELS["zh"]
    boxes = 0
    for name in ENGLISH:
        soup = built_page(built_site, f"zh/{name}")
        notice = soup.select_one("article .translation-notice").get_text()
        assert "如与英文页面有出入，以英文页面为准" in notice and f"“{label}”" in notice
        listed = {link["href"] for link in soup.select("#sources ~ ol a[href^='https://']")}
        for box in soup.select(f".admonition.{LOCAL_ADMONITION}"):
            boxes += 1
            assert box.select_one(".admonition-title").get_text().startswith(label)
            assert {link["href"] for link in box.select("a[href]")} & listed, name
    assert boxes > 0


def test_chinese_pages_are_marked_as_chinese_and_use_the_chinese_words_of_the_templates(built_site):
    soup = built_page(built_site, "zh/mastitis.md")
    assert soup.html["lang"] == "zh"
    ld = json.loads(soup.select_one("script[type='application/ld+json']").string)
    assert ld["inLanguage"] == "zh-Hans"
    assert soup.select_one("#sources").get_text().startswith("参考来源")
    assert "非紧急建议：" in soup.select_one(".admonition.non-urgent .admonition-title").get_text()
    assert soup.select_one(".headerlink")["title"] == "链接到本节"


def test_a_chinese_page_lists_its_english_pages_sources_then_its_own(built_site):
    english = docs_pages()["mastitis.md"].meta["sources"]
    added = docs_pages()["zh/mastitis.md"].meta.get("sources", [])
    listed = built_page(built_site, "zh/mastitis.md").select("ol.sources cite")
    assert [cite.get_text() for cite in listed] == [source["title"] for source in english + added]


def test_every_template_word_exists_in_every_language():
    assert {language: sorted(words) for language, words in TEXT.items()} == {
        language: sorted(TEXT["en"]) for language in TEXT}


def test_the_chinese_configuration_builds_the_same_pages_with_the_same_extensions():
    english, chinese = load_config(str(CONFIG)), load_config(str(CHINESE_CONFIG))
    assert chinese.markdown_extensions == english.markdown_extensions
    assert list(chinese.plugins) == list(english.plugins)
    pages = lambda config: [next(iter(entry.values())) for entry in config.nav]  # noqa: E731
    assert pages(chinese) == pages(english)
    assert chinese.theme["language"] == "zh" and chinese.docs_dir == str(ROOT / "docs" / "zh")


def test_the_chinese_missing_page_is_in_chinese_and_lists_every_chinese_topic(built_site):
    soup = parsed_html(built_site / "zh" / "404.html")
    assert soup.find("h1").get_text() == "找不到这个页面"
    links = {link["href"] for link in soup.select("article a")}
    assert {f"/zh/{name.removesuffix('.md')}/" for name in ENGLISH if name != "index.md"} <= links


def test_the_catalogue_lists_both_languages_each_with_its_counterpart(built_site):
    catalogue = json.loads((built_site / "api" / "articles.json").read_text(encoding="utf-8"))
    by_url = {entry["url"]: entry for entry in catalogue["articles"]}
    english = [entry for entry in by_url.values() if entry["language"] == "en"]
    chinese = [entry for entry in by_url.values() if entry["language"] == "zh-Hans"]
    assert english and len(chinese) == len(english)
    for entry in english:
        assert by_url[entry["counterparts"]["zh-Hans"]]["counterparts"] == {"en": entry["url"]}
        assert "translation" not in entry
    for entry in chinese:
        assert entry["translation"]["source"] == entry["counterparts"]["en"]
        assert entry["translation"]["review"] == "pending"


def test_the_chinese_edition_uses_the_english_editions_one_copy_of_materials_assets(built_site):
    """No second copy of Material's stylesheets, scripts, search worker and favicon under
    /zh/assets/: every Chinese page (handouts and the 404 page too) names the English
    edition's, and each file it names is there."""
    assert not (built_site / "zh" / "assets").exists()
    wrong = []
    for html in sorted((built_site / "zh").rglob("*.html")):
        address = "/" + html.relative_to(built_site).as_posix()
        text = html.read_text(encoding="utf-8")
        named = re.findall(r"""["'(]((?:\.\./|/)[^"'()]*?assets/[^"'()]+)""", text)
        assets = {urljoin(address, url) for url in named}
        if not assets:
            wrong.append(f"{address}: names no asset")
        wrong += [f"{address}: {asset}" for asset in sorted(assets)
                  if asset.startswith("/zh/") or not (built_site / asset.lstrip("/")).is_file()]
    assert wrong == []


@pytest.fixture
def docs_copy(tmp_path) -> Path:
    """The real docs, review ledger, registry and configurations, in tmp_path."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    for name in ("mkdocs.yml", "mkdocs.zh.yml", "review-ledger.yml", "published-urls.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def check(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).parent / "check-content"), "--today", CHECK_DATE],
                          cwd=folder, capture_output=True, text=True)


def test_changing_an_english_page_makes_the_checker_name_its_stale_translation(docs_copy):
    page = docs_copy / "docs" / "mastitis.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "You can keep breastfeeding. It is safe for your baby.",
        "You can keep breastfeeding, and it is safe for your baby."), encoding="utf-8")
    result = check(docs_copy)
    assert result.returncode == 1
    codes = [(line.split(":")[0], line.split(" ")[1]) for line in result.stdout.splitlines()]
    assert codes == [("docs/mastitis.md", "REV002"), ("docs/zh/mastitis.md", "TRN002")]
    translated = docs_pages()["zh/mastitis.md"].meta["translation"]["translated"]
    assert result.stdout.splitlines()[1].endswith(
        f"TRN002 translation older than its source: mastitis.md has changed since it was "
        f"translated on {translated}: update the translation, then record it: "
        + RECORD_COMMAND.format(path="docs/zh/mastitis.md"))


def test_recording_the_translation_clears_the_problem(docs_copy):
    # The About page lists no sources, so only its translation records its version.
    page = docs_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    assert "docs/zh/about.md" in check(docs_copy).stdout
    recorded = subprocess.run([str(Path(sys.executable).parent / "check-content"), "--today",
                               CHECK_DATE, "--record-translation", "docs/zh/about.md"],
                              cwd=docs_copy, capture_output=True, text=True)
    assert recorded.returncode == 0, recorded.stderr
    result = check(docs_copy)
    assert (result.returncode, result.stdout) == (0, "")
    assert f"  translated: {CHECK_DATE}\n" in (docs_copy / "docs/zh/about.md").read_text(encoding="utf-8")


def test_without_its_word_splitter_the_chinese_build_says_what_to_install(monkeypatch):
    """Material's search would stop with a traceback without jieba; the hook, which runs
    first, names the package and the command that installs it."""
    from mkdocs.exceptions import PluginError

    from weaning_breast_health import editions, hook

    monkeypatch.setitem(editions.SEGMENTERS, "zh", "no_such_word_splitter")
    with pytest.raises(PluginError) as stopped:
        hook.on_config(load_config(str(CHINESE_CONFIG)))
    assert str(stopped.value) == (
        "the 简体中文 edition's search needs no_such_word_splitter, which is not installed: "
        "run python3 scripts/dev.py build (it installs requirements.lock)")


def test_a_build_keeps_the_word_splitters_progress_to_itself(capfd):
    """jieba writes each step of loading its dictionary to stderr, which was all a quiet
    build of the site printed (Material's search splits the Chinese words of the English
    pages too); after the hook's on_config it writes only warnings."""
    import jieba

    from weaning_breast_health import hook

    hook.on_config(load_config(str(CONFIG)))
    capfd.readouterr()
    jieba.Tokenizer().initialize()  # a fresh one loads the dictionary again
    assert capfd.readouterr().err == ""
