"""MkDocs hooks: thin wrappers that call the build logic in sitebuild/."""
import posixpath
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `mkdocs` run from anywhere finds sitebuild/

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from sitebuild import (ROOT, codeblocks, diagnostics, figures, glossary, labs, math, pages, parity, search, theme,
                       translations)

_state = {}


def on_config(config):
    _state.clear()
    _state.update(lang=config.theme["language"], fallbacks=set(), notebooks={})
    diagnostics.install(_state["lang"])


def on_files(files, config):
    lang = _state["lang"]
    for src_uri in translations.missing_pages(lang):
        other = ROOT / "docs" / translations.other_language(lang) / src_uri
        files.append(File.generated(config, src_uri, content=other.read_text(encoding="utf-8")))
        _state["fallbacks"].add(src_uri)
    for src_uri, content in _generated_pages(lang, config.extra).items():
        files.append(File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    try:
        drawn = figures.render_all()
    except figures.FigureError as error:
        raise PluginError(str(error)) from None
    _state["figure_sizes"] = {name: figures.svg_size(folder / f"{name}.{lang}.light.svg")
                              for name, folder in drawn.items()}
    for name, folder in drawn.items():
        for palette in ("light", "dark"):
            files.append(File.generated(config, f"figures/{name}.{palette}.svg",
                                        abs_src_path=str(folder / f"{name}.{lang}.{palette}.svg")))
    for file in list(files):
        change = theme.change_for(file.src_uri)     # Material's palette stylesheet and bundle
        if change is None:
            continue
        try:
            content = change(file.content_string, file.abs_src_path)
        except theme.ThemeError as error:
            raise PluginError(str(error)) from None
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=content))
    katex = ROOT / "node_modules" / "katex" / "dist"
    for path in [katex / "katex.min.css", *sorted((katex / "fonts").iterdir())]:
        files.append(File.generated(config, f"assets/katex/{path.relative_to(katex).as_posix()}",
                                    abs_src_path=str(path)))
    return files


def on_page_markdown(markdown, page, config, files):
    where = _where(page)
    skipped = parity.lines_before_body(page.file.content_string, markdown)  # front matter: keep file lines
    try:
        markdown = pages.expand_figures("\n" * skipped + markdown, page.url, where,
                                        config.extra["figure_code"], _state["figure_sizes"])[skipped:]
    except pages.PageError as error:
        raise PluginError(str(error)) from None
    texts = _notice_texts(page, config.extra)
    if texts:
        href = pages.relative_url(translations.original_url(page.file.src_uri, _state["lang"]), page.url)
        markdown = translations.notice(texts, href) + markdown
    return markdown


def on_page_content(html, page, config, files):
    if labs.is_lab(page.file.src_uri):
        return search.exclude_lab_anchors(labs.clean(html, page.toc))
    try:
        html = math.render_page(html, page.file.content_string, _where(page))
    except math.MathError as error:
        raise PluginError(str(error)) from None
    html = pages.unwrap_plain_tokens(html)
    steps = codeblocks.python_steps(html)
    if steps:
        filename = f"{page.file.name}.ipynb"
        _state["notebooks"][posixpath.join(posixpath.dirname(page.file.dest_uri), filename)] = \
            codeblocks.notebook(codeblocks.without_solutions(steps), page.title, config.extra["notebook_note"])
        page.meta["notebook"] = filename
    return html


def on_post_page(output, page, config):
    if not labs.is_lab(page.file.src_uri):
        return output
    try:
        return labs.slim_styles(output)
    except labs.LabError as error:
        raise PluginError(str(error)) from None


def on_post_build(config):
    for dest, text in _state["notebooks"].items():
        path = Path(config.site_dir) / dest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if _state["lang"] == "ko":
        try:
            search.add_splitter(Path(config.site_dir))
        except search.SearchWordsError as error:
            raise PluginError(str(error)) from None


def _generated_pages(lang, extra):
    """The translation status page and the glossary, as {src_uri: Markdown}."""
    try:
        _state["status"] = {item.page: item for item in translations.status()}
        generated = {"translation-status.md": translations.status_page(
            _state["status"].values(), lang, extra["translation_status"]),
                     "glossary.md": glossary.site_page(lang, extra["glossary"])}
    except (translations.TranslationError, glossary.GlossaryError) as error:
        raise PluginError(str(error)) from None
    return {src_uri: content for src_uri, content in generated.items() if content}


def _notice_texts(page, extra):
    """The notice a page needs in this language: untranslated, outdated, or none."""
    if page.file.src_uri in _state["fallbacks"]:
        return extra["untranslated"]
    item = _state["status"].get(page.file.src_uri)
    if item and item.states[_state["lang"]] == "outdated":
        return extra["outdated"]
    return None


def _where(page):
    lang = _state["lang"]
    if page.file.src_uri in _state["fallbacks"]:
        lang = translations.other_language(lang)
    return f"docs/{lang}/{page.file.src_uri}"
