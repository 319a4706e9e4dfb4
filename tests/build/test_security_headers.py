"""weaning_breast_health/publish/headers.py: one definition of the headers, for nginx and static hosts."""

import base64
import hashlib
import re

from weaning_breast_health.publish import headers as security_headers

PAGE = """<!doctype html><html><head>
<script type="application/ld+json">{"@type": "MedicalWebPage"}</script>
<script src="assets/bundle.js"></script>
</head><body>
<script>var palette = 1</script>
<SCRIPT type="module">import "./a.js"</SCRIPT>
<script id="__config" type="application/json">{"base": "."}</script>
</body></html>"""


def csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def test_only_scripts_a_browser_runs_are_hashed(tmp_path):
    assert security_headers.inline_scripts(PAGE) == ["var palette = 1", 'import "./a.js"']
    (tmp_path / "index.html").write_text(PAGE)
    policy = security_headers.content_security_policy(tmp_path)
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src"))
    assert script_src.split()[1:] == ["'self'", *sorted([csp_hash("var palette = 1"),
                                                        csp_hash('import "./a.js"')])]


def test_the_build_writes_both_header_files_from_the_finished_site(built_site):
    netlify = (built_site / security_headers.NETLIFY_FILE).read_text()
    nginx = (built_site / security_headers.NGINX_FILE).read_text()
    expected = {"Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff",
                "Strict-Transport-Security": "max-age=31536000"}
    for name, value in expected.items():
        assert f"\n  {name}: {value}\n" in netlify
        assert nginx.count(f'add_header {name} "{value}" always;') == 2  # pages and assets
    policy = re.search(r'add_header Content-Security-Policy "([^"]+)" always;', nginx)[1]
    assert policy.startswith("default-src 'self'; script-src 'self' 'sha256-")
    assert "'unsafe-inline'" not in policy
    assert f"\n  Content-Security-Policy: {policy}\n" in netlify
    bundles = [path.relative_to(built_site).as_posix()
               for path in (built_site / "assets" / "javascripts").glob("bundle.*.min.js")]
    assert len(bundles) == 1
    assert f"\n/{bundles[0]}\n  Cache-Control: public, max-age=31536000, immutable\n" in netlify
