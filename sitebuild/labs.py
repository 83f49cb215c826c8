"""Lab notebooks (docs/<lang>/labs/*.ipynb), rendered and executed by mkdocs-jupyter.

nbconvert's template loads MathJax with an empty `<script src="">` (which would fetch the page
itself as a script) and configures it; the site renders math with KaTeX at build time and loads
nothing from elsewhere, so that block is removed. Lab notebooks keep their math on the chapter pages.
"""
import re

MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL)


def is_lab(src_uri):
    return src_uri.endswith(".ipynb")


def strip_mathjax(html):
    return MATHJAX.sub("", html)
