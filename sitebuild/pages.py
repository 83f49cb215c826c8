"""Page steps (sitebuild/pipeline.py): figures and cross-site links in the Markdown, code spans in the HTML."""
import html
import posixpath
import re

from . import interactive
from .errors import BuildError


FIGURE_LINE = re.compile(r"^(?P<indent>[ \t]*)!\[(?P<alt>[^\]]*)\]\(fig:(?P<name>[\w-]+)\)[ \t]*$", re.MULTILINE)


def relative_url(target, page_url):
    """`target` (relative to the site root) as a link from the page at `page_url`."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    relative = posixpath.relpath(target or ".", base or ".")
    return relative + ("/" if target.endswith("/") and not relative.endswith("/") else "")


def expand_figures(markdown, page_url, where, code_title, sizes):
    """Replace each `![alt](fig:name)` line by the light and dark images and their drawing code.

    `sizes` maps each drawn figure to its (width, height) in pixels: the browser keeps that space
    while the lazy image loads, so the text does not jump. A figure with an interactive version
    (sitebuild/interactive.py) is marked for it and brings the script that loads it.
    """
    def replace(match):
        name, alt, indent = match["name"], html.escape(match["alt"], quote=True), match["indent"]
        if name not in sizes:
            line = markdown.count("\n", 0, match.start()) + 1
            raise BuildError(f"{where}:{line}", f"unknown figure '{name}' (no file snippets/figures/{name}.py)")
        images = "".join(
            f'<img src="{relative_url(f"figures/{name}.{theme}.svg", page_url)}#only-{theme}" '
            f'alt="{alt}" width="{sizes[name][0]}" height="{sizes[name][1]}" loading="lazy">'
            for theme in ("light", "dark"))
        code = (f'??? example "{code_title}: snippets/figures/{name}.py"\n'
                f'    ```python title="snippets/figures/{name}.py"\n'
                f'    --8<-- "snippets/figures/{name}.py"\n'
                f'    ```\n')
        live = interactive.ENHANCES.get(name)
        block = (f'<figure class="dl-figure" data-interactive="{live}">\n{images}\n</figure>\n'
                 f'<script type="module" src="{relative_url(interactive.LOADER, page_url)}"></script>\n\n{code}'
                 if live else f'<figure class="dl-figure">\n{images}\n</figure>\n\n{code}')
        return "\n".join(indent + line if line else line for line in block.splitlines())

    return FIGURE_LINE.sub(replace, markdown)


# Pygments wraps every token of code in a <span>, every name, bracket, comma and operator included. On a
# phone most of a chapter's time goes to styling and laying out those elements (Lighthouse: "Style & Layout"
# 2.2-2.7 s of about 3.9 s of main-thread work on the Korean backprop chapter, 10,908 elements, 6,992 in code).
# Names (n) and spaces (w) are the code's own colour anyway; punctuation (p) and operators (o) lose their
# lighter grey and take it too. Without those four, that chapter has 6,725 elements and its phone score rose
# from 81 to 92 (bench/lighthouse.py, median of 3). Keywords, strings, numbers, comments keep their colours.
_PLAIN_TOKEN = re.compile(r'<span class="[nwpo]">([^<]*)</span>')


def unwrap_plain_tokens(html):
    """Code blocks without the spans around names, spaces, punctuation and operators; the text is unchanged."""
    return _PLAIN_TOKEN.sub(r"\1", html)
