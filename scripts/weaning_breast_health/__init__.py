"""The site's own code, in layers that each use only the ones above them:

- vocabulary: the words the site is built from (page types, sections, care card levels, limits)
- settings, urls: what mkdocs.yml says, and every page and canonical address
- pages: the page model, reading and front matter, and the one Markdown scanner
- checks: the content rules, by code, and the `check-content` command
- care_cards: the Python-Markdown extension that labels care cards
- quality: readability
- publish: the catalogue, QR codes and HTTP headers, and the `publish-site` command
- hook: the thin MkDocs hook that runs checks and publish during `mkdocs build` and `serve`
- serving: the production nginx configuration
"""
