"""QR codes are made once per address and kept in the user's cache folder."""

from weaning_breast_health.publish import qr_codes

URL = "https://example.org/mastitis/"


def test_a_code_is_made_once_then_read_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(qr_codes, "CACHE", tmp_path / "qr")
    made = qr_codes.qr_code_svg(URL)
    assert made == qr_codes.new_qr_code_svg(URL) and made.startswith("<svg")
    (cached,) = (tmp_path / "qr").iterdir()
    cached.write_text("<svg>from the cache</svg>")
    assert qr_codes.qr_code_svg(URL) == "<svg>from the cache</svg>"
    assert qr_codes.qr_code_svg(URL + "other/") != made


def test_a_cache_that_cannot_be_written_is_passed_over(tmp_path, monkeypatch):
    (tmp_path / "a-file").write_text("")
    monkeypatch.setattr(qr_codes, "CACHE", tmp_path / "a-file" / "qr")
    assert qr_codes.qr_code_svg(URL) == qr_codes.new_qr_code_svg(URL)
