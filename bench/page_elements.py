"""How many elements each page asks the browser to style at load: `.venv/bin/python -m bench.page_elements
[SITE_DIR] [--sections PATTERN]`.

On a phone most of a long chapter's load goes to styling and laying out its elements, and Material's
script restyles the whole document several times while it starts (bench/lighthouse.py measures the
result). Elements inside a closed <details> (solutions, figure code) are not styled until it is
opened, so they are counted apart. Prints, per page: all elements, the article's elements styled at
load, and those inside closed <details>. --sections PATTERN also prints the article's count per <h2>
section of the pages whose address contains PATTERN: where a page could be split.
Builds the site first unless SITE_DIR (already built) is given.
"""
import argparse
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

from bench.build_site import built_site
from sitebuild import site as site_model

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class ElementCounter(HTMLParser):
    """Counts start tags: all, and in the <article> per h2 section, styled at load or in a closed <details>."""

    def __init__(self):
        super().__init__()
        self.total = 0
        self.open_tags = []       # (tag, is a closed <details>) of the elements we are inside
        self.in_article = False
        self.section = "(before the first h2)"
        self.heading = None       # the text of the h2 being read, or None
        self.styled, self.folded = {}, {}

    def handle_starttag(self, tag, attrs):
        self.total += 1
        if tag == "article":
            self.in_article = True
        if self.in_article:
            if tag == "h2":
                self.heading = ""
            folded = any(closed for _, closed in self.open_tags)
            counts = self.folded if folded else self.styled
            counts[self.section] = counts.get(self.section, 0) + 1
        if tag not in VOID:
            self.open_tags.append((tag, tag == "details" and "open" not in dict(attrs)))

    def handle_startendtag(self, tag, attrs):   # <path ... />, <mspace ... />: no end tag follows
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open_tags.pop()

    def handle_data(self, data):
        if self.heading is not None:
            self.heading += data

    def handle_endtag(self, tag):
        if tag == "h2" and self.heading is not None:
            self.section, self.heading = self.heading.replace("¶", "").strip(), None
        if tag == "article":
            self.in_article = False
        if any(open_tag == tag for open_tag, _ in self.open_tags):   # a stray end tag closes nothing
            while self.open_tags.pop()[0] != tag:
                pass


def count(html_file):
    counter = ElementCounter()
    counter.feed(Path(html_file).read_text(encoding="utf-8"))
    return counter


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", help="the built site (built now if not given)")
    parser.add_argument("--sections", metavar="PATTERN", help="per h2 section, for pages whose address contains this")
    args = parser.parse_args(argv)
    pattern = args.sections
    with tempfile.TemporaryDirectory() as tmp:
        site = built_site(args.site, tmp)
        print(f"{'page':<36} {'all':>6} {'styled at load':>15} {'in closed details':>18}")
        for lang, name in site_model.sources():
            path = "/" + site_model.url(name, lang)
            counter = count(site / site_model.html_file(name, lang))
            print(f"{path:<36} {counter.total:>6} {sum(counter.styled.values()):>15} {sum(counter.folded.values()):>18}")
            if pattern is not None and pattern in path:
                for section, styled in counter.styled.items():
                    print(f"    {styled:>6} {counter.folded.get(section, 0):>6}  {section}")


if __name__ == "__main__":
    main(sys.argv[1:])
