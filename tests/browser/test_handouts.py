"""Handouts in Chromium: every article's handout prints on one side of one sheet of A4
and of US Letter, portrait, with all its key facts and care card triggers, and a QR
code that opens the page's canonical address (SITE_URL honoured). (On screen it reads on
a phone without sideways scrolling: test_accessibility.py checks that in each look.)"""

import re

import pypdfium2
import pytest

from support import CLINIC_SITE_URL, built_page, docs_pages, qr_codes_on, serve
from weaning_breast_health.urls import handout_url
from weaning_breast_health.vocabulary import CARE_CARD_TYPES

ARTICLES = sorted(name for name, page in docs_pages().items() if page.is_article)
PAPER_SIZES = {"A4": (595, 842), "Letter": (612, 792)}  # in points, portrait
POINTS_PER_PX = 72 / 96
A4_MARGINS = (7 / 25.4 * 72, 6 / 25.4 * 72)  # handout.css's @page margins, in points
A4_CONTENT = {"width": round((210 - 14) / 25.4 * 96), "height": 1000}


def address(name: str) -> str:
    return handout_url(name).lstrip("/")


def squeezed(text: str) -> str:
    """Text without white space, as a PDF's lines may break it anywhere (CJK has none)."""
    return re.sub(r"\s+", "", text)


def printed_sheets(pdf: bytes, paper: str) -> tuple[int, str, list[str]]:
    """The number of printed pages, the text of them all, and the addresses their QR codes
    open (zxing now and then also reads a few digits into a block of Chinese text)."""
    document = pypdfium2.PdfDocument(pdf)
    codes, text = [], ""
    for side in document:
        assert side.get_size() == pytest.approx(PAPER_SIZES[paper], abs=2)
        codes += [code for code in qr_codes_on(side) if "://" in code]
        # pdfium gives a hyphen that ends a line ("flu-" of "flu-like") as \x02.
        text += side.get_textpage().get_text_bounded().replace("\x02", "-")
    return len(document), text, codes


@pytest.mark.parametrize("name", ARTICLES)
def test_every_handout_prints_on_one_page_with_every_key_fact_and_card(
        print_page, site_url, built_site, artifacts, name):
    """On each paper size in turn, as a clinic in any country prints it."""
    article = built_page(built_site, name)
    facts = article.find(id="key-facts").find_next_sibling("ul").find_all("li")
    triggers = article.select(", ".join(f".admonition.{level} li" for level in CARE_CARD_TYPES))
    assert facts and triggers
    expected = [(item.get_text(), squeezed(item.get_text())) for item in [*facts, *triggers]]
    canonical = article.find("link", rel="canonical")["href"]
    print_page.goto(site_url + address(name))
    problems = []
    for paper in PAPER_SIZES:
        pdf = print_page.pdf(format=paper)
        if name in ("when-to-get-help.md", "zh/when-to-get-help.md"):  # the longest handouts
            (artifacts / f"handout-{name.replace('/', '-')[:-3]}-{paper}.pdf").write_bytes(pdf)
        pages, text, codes = printed_sheets(pdf, paper)
        printed = squeezed(text)
        missing = [said for said, unspaced in expected if unspaced not in printed]
        if pages != 1:
            problems.append(f"{paper}: {pages} pages")
        if missing:
            problems.append(f"{paper}: missing {missing}")
        if codes != [canonical]:
            problems.append(f"{paper}: QR codes {codes}, not {canonical}")
    assert problems == [], "\n".join(problems)


def test_the_emergency_card_prints_dark_without_background_graphics(browser, site_url):
    """Chromium prints no backgrounds unless asked; the cards ask (print-color-adjust), so
    the emergency card's white text stays on its dark body."""
    page = browser.new_page(viewport=A4_CONTENT)
    page.emulate_media(media="print")
    page.goto(site_url + address("when-to-get-help.md"))
    box = page.locator(".admonition.emergency ul").bounding_box()
    pdf = page.pdf(format="A4")  # print_background left off, as in the print dialog
    page.close()
    bitmap = pypdfium2.PdfDocument(pdf)[0].render(scale=1, grayscale=True)  # 1 px a point
    pixels = memoryview(bitmap.buffer).cast("B", (bitmap.height, bitmap.stride))
    x = round(A4_MARGINS[0] + (box["x"] + 3) * POINTS_PER_PX)
    y = round(A4_MARGINS[1] + (box["y"] + 3) * POINTS_PER_PX)
    assert pixels[y, x] < 64, "the emergency card's body is dark on paper"


@pytest.fixture(scope="module")
def clinic_site_url(clinic_site):
    """The built site published again for CLINIC_SITE_URL, served."""
    server, url = serve(clinic_site)
    yield url
    server.shutdown()


@pytest.mark.parametrize("name", ["mastitis.md", "zh/mastitis.md"])
def test_the_qr_code_opens_the_address_site_url_names(print_page, clinic_site_url, name):
    print_page.goto(clinic_site_url + address(name))
    _, _, codes = printed_sheets(print_page.pdf(format="Letter"), "Letter")
    assert codes == [CLINIC_SITE_URL + name.removesuffix(".md") + "/"]


@pytest.mark.parametrize("edition", ["", "zh/"])
def test_for_clinics_links_to_a_handout_that_opens(tab, site_url, edition):
    """for-clinics links to the mastitis handout of its edition, a link the strict build
    checks (the hook lists each handout among the edition's files)."""
    page = tab("light", 1280)
    page.goto(site_url + edition + "for-clinics/")
    link = page.locator('.md-content a[href$="handouts/mastitis/"]')
    assert link.count() == 1
    link.click()
    page.wait_for_url(site_url + edition + "handouts/mastitis/")
    assert page.locator("main.handout h1").is_visible()
