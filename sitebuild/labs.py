"""Lab notebooks (docs/<lang>/labs/*.ipynb), rendered and executed by mkdocs-jupyter.

Fixes to what nbconvert writes, so that lab pages behave like the other pages:
- its template loads MathJax with an empty `<script src="">` (which fetches the page itself as a
  script); the site renders math with KaTeX at build time and loads nothing from elsewhere, so that
  block is removed (labs keep their formulas on the chapter pages);
- its heading ids drop Hangul ("" or "2" for a Korean heading) and mkdocs-jupyter's table of
  contents links to yet other ids ("_1"); both are replaced by the slug the Markdown pages use;
- its template loads Mermaid from a CDN when a notebook has a diagram: removed (none may have one);
- printed output arrives in chunks whose boundaries depend on timing, and each chunk becomes its own
  output box: consecutive chunks are joined, so two builds give the same page.
"""
import html as htmllib
import re

from pymdownx.slugs import slugify

MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL)
HEADING = re.compile(r'<(?P<tag>h[1-6])(?P<before>[^>]*?) id="(?P<id>[^"]*)"(?P<after>[^>]*)>(?P<body>.*?)</(?P=tag)>',
                     re.DOTALL)
MERMAID = re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*</script>', re.DOTALL)
STREAM_SEAM = re.compile(r'</pre>\s*</div>\s*</div>\s*<div class="jp-OutputArea-child">\s*'
                         r'<div class="jp-OutputPrompt jp-OutputArea-prompt"></div>\s*'
                         r'<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain"[^>]*>\s*<pre>')
TAGS = re.compile(r"<[^>]+>")
_slug = slugify(case="lower")


def is_lab(src_uri):
    return src_uri.endswith(".ipynb")


def clean(html, toc):
    """All the fixes above, for one lab page's HTML."""
    html = MERMAID.sub("", MATHJAX.sub("", html))
    return fix_heading_ids(STREAM_SEAM.sub("", html), toc)


def heading_text(body):
    return htmllib.unescape(TAGS.sub("", body)).replace("¶", "").strip()


def unique(slug, seen):
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}_{count}"


def fix_heading_ids(html, toc):
    """Give every heading the Markdown pages' slug and point the table of contents at it."""
    seen, ids = {}, {}

    def replace(match):
        text = heading_text(match["body"])
        new = unique(_slug(text, "-") or "section", seen)
        ids.setdefault(text, []).append(new)
        body = match["body"].replace(f'href="#{match["id"]}"', f'href="#{new}"')
        return f'<{match["tag"]}{match["before"]} id="{new}"{match["after"]}>{body}</{match["tag"]}>'

    html = HEADING.sub(replace, html)
    for link in _walk(toc):
        found = ids.get(htmllib.unescape(TAGS.sub("", link.title)).strip())
        if found:
            link.id = found.pop(0)
    return html


def _walk(links):
    for link in links:
        yield link
        yield from _walk(link.children)
