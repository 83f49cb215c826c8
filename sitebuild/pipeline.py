"""The build of one language's site, step by step, in the order MkDocs runs it.

hooks/site.py makes one `Build` per build and calls one method per MkDocs event:

    Build(config)          on_config         the language, hosting, file:line for MkDocs' own messages
    files()                on_files          pages and files to add: untranslated pages, generated pages,
                                             figures (drawn or cached), the code zip, the math stylesheet
    page_markdown(...)     on_page_markdown  the Markdown read: formula lines recorded, figures expanded,
                                             the get-code note and the translation notice added
    page_html(...)         on_page_content   the HTML made: math rendered, code spans unwrapped, the notebook
                                             made, description and report link set (labs: cleaned, code spans unwrapped)
    page_output(...)       on_post_page      the finished page: a lab's stylesheets cut to what it uses
    finish(site_dir)       on_post_build     notebooks written; Korean: search splitter, robots.txt

A mistake in the sources raises errors.BuildError naming 'docs/<lang>/<page>.md:<line>' (or the data
or snippet file); hooks/site.py turns it into MkDocs' error. `page` below is MkDocs' Page: the steps
read its file (src_uri, dest_uri, name, content_string), url, title, toc and canonical_url, and set its meta.
"""
import posixpath
from dataclasses import dataclass
from pathlib import Path

from . import (ROOT, bundle, codeblocks, colab, diagnostics, errata, figures, glossary, hosting, labs, math,
               mathfont, pages, parity, search, site, translations)

DATA_FILES = {"glossary.md": glossary.DATA, "errata.md": errata.DATA}   # "edit this page" opens these


@dataclass
class AddedFile:
    """A file the site gets that is not in docs/<lang>/: text `content` or the file at `path`."""
    src_uri: str
    content: str | None = None
    path: Path | None = None
    page: bool = False            # a page; then `edit_uri` is where "edit this page" goes (None: nowhere)
    edit_uri: str | None = None
    in_nav: bool = True


class Build:
    def __init__(self, config):
        self.lang = config.theme["language"]
        diagnostics.install(self.lang)
        hosting.configure(config, self.lang)
        config.extra["hosting"] = hosting.template_values(config.site_url, self.lang)
        self.extra, self.site_url, self.repo_url = config.extra, config.site_url, config.repo_url
        self.fallbacks = set()      # src_uri of the pages shown untranslated
        self.status = {}            # src_uri -> translations.PageStatus
        self.figure_sizes = {}      # figure name -> (width, height) in pixels
        self.formula_lines = {}     # src_uri -> math.source_lines of its Markdown
        self.notebooks = {}         # path in the site -> notebook JSON

    def files(self):
        """Every AddedFile, in the order MkDocs gets them."""
        added = []
        for src_uri in site.missing(self.lang):
            other = site.source(src_uri, self.lang)
            added.append(AddedFile(src_uri, other.read_text(encoding="utf-8"), page=True,
                                   edit_uri=hosting.fallback_source(src_uri, self.lang)))
            self.fallbacks.add(src_uri)
        for src_uri, content in self._generated_pages().items():
            edit_uri = hosting.data_source(DATA_FILES[src_uri]) if src_uri in DATA_FILES else None
            added.append(AddedFile(src_uri, content, page=True, edit_uri=edit_uri, in_nav=False))
        drawn = figures.render_all()
        self.figure_sizes = {name: figures.svg_size(folder / f"{name}.{self.lang}.light.svg")
                             for name, folder in drawn.items()}
        for name, folder in drawn.items():
            for palette in ("light", "dark"):
                added.append(AddedFile(f"figures/{name}.{palette}.svg",
                                       path=folder / f"{name}.{self.lang}.{palette}.svg"))
        added.append(AddedFile(bundle.ZIP_NAME, bundle.zip_bytes()))
        for path in math.ASSETS:
            added.append(AddedFile(f"assets/math/{path.name}", path=path))
        return added

    def _generated_pages(self):
        """The translation status page, the glossary and the errata, as {src_uri: Markdown}."""
        self.status = {item.page: item for item in translations.status()}
        generated = {"translation-status.md": translations.status_page(
            self.status.values(), self.lang, self.extra["translation_status"]),
                     "glossary.md": glossary.site_page(self.lang, self.extra["glossary"]),
                     "errata.md": errata.site_page(self.lang, self.extra["errata"], self.repo_url)}
        return {src_uri: content for src_uri, content in generated.items() if content}

    def where(self, page):
        """'docs/<lang>/<page>.md': the file the page is built from (the other language's for a fallback)."""
        lang = site.other_language(self.lang) if page.file.src_uri in self.fallbacks else self.lang
        return f"docs/{lang}/{page.file.src_uri}"

    def page_markdown(self, markdown, page):
        """The page's Markdown as Python-Markdown gets it. Lines are the file's lines: figure errors name them."""
        source = page.file.content_string
        self.formula_lines[page.file.src_uri] = math.source_lines(source)
        skipped = parity.lines_before_body(source, markdown)  # front matter: keep file lines
        markdown = pages.expand_figures("\n" * skipped + markdown, page.url, self.where(page),
                                        self.extra["figure_code"], self.figure_sizes)[skipped:]
        markdown = bundle.with_get_code_note(markdown, self.extra["get_code"])
        texts = self._notice_texts(page)
        if texts:
            href = pages.relative_url(translations.original_url(page.file.src_uri, self.lang), page.url)
            markdown = translations.notice(texts, href) + markdown
        return markdown

    def _notice_texts(self, page):
        """The notice a page needs in this language: untranslated, outdated, or none."""
        if page.file.src_uri in self.fallbacks:
            return self.extra["untranslated"]
        item = self.status.get(page.file.src_uri)
        if item and item.states[self.lang] == "outdated":
            return self.extra["outdated"]
        return None

    def page_html(self, html, page):
        """The page's HTML (the content, without the theme), and its meta for the templates."""
        html = self._page_content(html, page)
        page.meta.setdefault("description", hosting.description(html))
        if self.repo_url:
            page.meta["report_url"] = hosting.report_url(self.repo_url, self.lang, page.title,
                                                         page.canonical_url or self.where(page))
        return html

    def _page_content(self, html, page):
        if labs.is_lab(page.file.src_uri):
            page.meta["colab"] = colab.url(self.repo_url, self.where(page))
            return pages.unwrap_plain_tokens(search.exclude_lab_anchors(labs.clean(html, page.toc)))
        html = math.render_page(html, self.formula_lines.get(page.file.src_uri, {}), self.where(page))
        html = pages.unwrap_plain_tokens(html)
        steps = codeblocks.python_steps(html)
        if steps:
            filename = f"{page.file.name}.ipynb"
            modules = {path: (ROOT / path).read_text(encoding="utf-8")
                       for path in bundle.modules_needed([step.code for step in steps])}
            self.notebooks[posixpath.join(posixpath.dirname(page.file.dest_uri), filename)] = \
                codeblocks.notebook(codeblocks.without_solutions(steps), page.title, self.extra["notebook_note"],
                                    modules, self.extra["notebook_modules"])
            page.meta["notebook"] = filename
            page.meta["colab"] = colab.url(self.repo_url, colab.page_notebook(self.lang, filename))
        return html

    def page_output(self, output, page):
        """The whole page as written to the site."""
        return labs.slim_styles(output) if labs.is_lab(page.file.src_uri) else output

    def finish(self, site_dir):
        """After every page is written to `site_dir`."""
        site_dir = Path(site_dir)
        mathfont.write(site_dir)
        for dest, text in self.notebooks.items():
            path = site_dir / dest
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if self.lang == "ko":
            search.add_splitter(site_dir)
            if self.site_url:
                (site_dir / "robots.txt").write_text(hosting.robots_txt(self.site_url), encoding="utf-8")
