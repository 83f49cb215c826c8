"""Lab notebooks (docs/<lang>/labs/*.ipynb), rendered and executed by mkdocs-jupyter.

Fixes to what nbconvert writes, so that lab pages behave like the other pages:
- its template loads MathJax with an empty `<script src="">` (which fetches the page itself as a
  script); the site renders math as MathML at build time and loads nothing from elsewhere, so that
  block is removed (labs keep their formulas on the chapter pages);
- its heading ids drop Hangul ("" or "2" for a Korean heading) and mkdocs-jupyter's table of
  contents links to yet other ids ("_1"); both are replaced by the slug the Markdown pages use;
- its template loads Mermaid from a CDN when a notebook has a diagram: removed (none may have one);
- printed output arrives in chunks whose boundaries depend on timing, and each chunk becomes its own
  output box: consecutive chunks are joined, so two builds give the same page;
- its template puts all of JupyterLab's CSS (574 KB) into every page, for a notebook that uses a
  fraction of it: PurgeCSS (sitebuild/purge_css.mjs) keeps the rules that can match the page
  (123 KB), so a phone has far fewer rules to style the page with.
"""
import hashlib
import html as htmllib
import json
import re
import subprocess

from pymdownx.slugs import slugify

from . import ROOT
from .errors import BuildError

MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL)
HEADING = re.compile(r'<(?P<tag>h[1-6])(?P<before>[^>]*?) id="(?P<id>[^"]*)"(?P<after>[^>]*)>(?P<body>.*?)</(?P=tag)>',
                     re.DOTALL)
MERMAID = re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*</script>', re.DOTALL)
STREAM_SEAM = re.compile(r'</pre>\s*</div>\s*</div>\s*<div class="jp-OutputArea-child">\s*'
                         r'<div class="jp-OutputPrompt jp-OutputArea-prompt"></div>\s*'
                         r'<div class="jp-RenderedText jp-OutputArea-output" data-mime-type="text/plain"[^>]*>\s*<pre>')
TAGS = re.compile(r"<[^>]+>")
JUPYTER_CSS = re.compile(r'(<style type="text/css">)(?P<css>(?:(?!</style>).)*?\.jupyter-wrapper.*?)(</style>)', re.DOTALL)
PURGE_CACHE = ROOT / ".cache" / "purgecss"
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


def slim_styles(page):
    """The whole page, its JupyterLab stylesheets cut to the rules that can match it (cached by content)."""
    sheets = [match["css"] for match in JUPYTER_CSS.finditer(page)]
    if not sheets:
        return page
    request = json.dumps({"html": page, "css": sheets})
    cached = PURGE_CACHE / f"{hashlib.sha256(request.encode()).hexdigest()[:32]}.json"
    if cached.exists():
        kept = json.loads(cached.read_text(encoding="utf-8"))
    else:
        if not (ROOT / "node_modules" / "purgecss").exists():
            raise BuildError("", "PurgeCSS is not installed: run `make setup` (npm ci)")
        done = subprocess.run(["node", str(ROOT / "sitebuild" / "purge_css.mjs")], cwd=ROOT, input=request,
                              capture_output=True, text=True, encoding="utf-8")
        if done.returncode != 0:
            raise BuildError("sitebuild/purge_css.mjs", f"failed: {done.stderr.strip()[-2000:]}")
        kept = json.loads(done.stdout)["css"]
        PURGE_CACHE.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(kept), encoding="utf-8")
    remaining = iter(kept)
    return JUPYTER_CSS.sub(lambda match: match.group(1) + next(remaining) + match.group(3), page)
