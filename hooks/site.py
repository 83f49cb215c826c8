"""MkDocs hooks: thin wrappers that call the build logic in sitebuild/."""
import posixpath
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `mkdocs` run from anywhere finds sitebuild/

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

from sitebuild import (ROOT, bundle, codeblocks, colab, diagnostics, errata, figures, glossary, hosting, labs, math,
                       mathfont, pages, parity, search, translations)

_state = {}
_DATA_FILES = {"glossary.md": glossary.DATA, "errata.md": errata.DATA}   # "edit this page" opens these


def on_config(config):
    _state.clear()
    _state.update(lang=config.theme["language"], fallbacks=set(), notebooks={})
    diagnostics.install(_state["lang"])
    hosting.configure(config, _state["lang"])
    config.extra["hosting"] = hosting.template_values(config.site_url, _state["lang"])


def on_files(files, config):
    lang = _state["lang"]
    for src_uri in translations.missing_pages(lang):
        other = ROOT / "docs" / translations.other_language(lang) / src_uri
        file = File.generated(config, src_uri, content=other.read_text(encoding="utf-8"))
        file.edit_uri = hosting.fallback_source(src_uri, lang)
        files.append(file)
        _state["fallbacks"].add(src_uri)
    for src_uri, content in _generated_pages(lang, config).items():
        file = File.generated(config, src_uri, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        file.edit_uri = hosting.data_source(_DATA_FILES[src_uri]) if src_uri in _DATA_FILES else None
        files.append(file)
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
    files.append(File.generated(config, bundle.ZIP_NAME, content=bundle.zip_bytes()))
    for path in math.ASSETS:
        files.append(File.generated(config, f"assets/math/{path.name}", abs_src_path=str(path)))
    return files


def on_page_markdown(markdown, page, config, files):
    where = _where(page)
    skipped = parity.lines_before_body(page.file.content_string, markdown)  # front matter: keep file lines
    try:
        markdown = pages.expand_figures("\n" * skipped + markdown, page.url, where,
                                        config.extra["figure_code"], _state["figure_sizes"])[skipped:]
    except pages.PageError as error:
        raise PluginError(str(error)) from None
    markdown = bundle.with_get_code_note(markdown, config.extra["get_code"])
    texts = _notice_texts(page, config.extra)
    if texts:
        href = pages.relative_url(translations.original_url(page.file.src_uri, _state["lang"]), page.url)
        markdown = translations.notice(texts, href) + markdown
    return markdown


def on_page_content(html, page, config, files):
    html = _page_content(html, page, config)
    page.meta.setdefault("description", hosting.description(html))
    if config.repo_url:
        page.meta["report_url"] = hosting.report_url(config.repo_url, _state["lang"], page.title,
                                                     page.canonical_url or _where(page))
    return html


def _page_content(html, page, config):
    if labs.is_lab(page.file.src_uri):
        page.meta["colab"] = colab.url(config.repo_url, _where(page))
        return search.exclude_lab_anchors(labs.clean(html, page.toc))
    try:
        html = math.render_page(html, page.file.content_string, _where(page))
    except math.MathError as error:
        raise PluginError(str(error)) from None
    html = pages.unwrap_plain_tokens(html)
    steps = codeblocks.python_steps(html)
    if steps:
        filename = f"{page.file.name}.ipynb"
        modules = {path: (ROOT / path).read_text(encoding="utf-8")
                   for path in bundle.modules_needed([step.code for step in steps])}
        _state["notebooks"][posixpath.join(posixpath.dirname(page.file.dest_uri), filename)] = \
            codeblocks.notebook(codeblocks.without_solutions(steps), page.title, config.extra["notebook_note"],
                                modules, config.extra["notebook_modules"])
        page.meta["notebook"] = filename
        page.meta["colab"] = colab.url(config.repo_url, colab.page_notebook(_state["lang"], filename))
    return html


def on_post_page(output, page, config):
    if not labs.is_lab(page.file.src_uri):
        return output
    try:
        return labs.slim_styles(output)
    except labs.LabError as error:
        raise PluginError(str(error)) from None


def on_post_build(config):
    mathfont.write(config.site_dir)
    for dest, text in _state["notebooks"].items():
        path = Path(config.site_dir) / dest
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if _state["lang"] == "ko":
        try:
            search.add_splitter(Path(config.site_dir))
        except search.SearchWordsError as error:
            raise PluginError(str(error)) from None
        if config.site_url:
            robots = hosting.robots_txt(config.site_url)
            (Path(config.site_dir) / "robots.txt").write_text(robots, encoding="utf-8")


def _generated_pages(lang, config):
    """The translation status page, the glossary and the errata, as {src_uri: Markdown}."""
    extra = config.extra
    try:
        _state["status"] = {item.page: item for item in translations.status()}
        generated = {"translation-status.md": translations.status_page(
            _state["status"].values(), lang, extra["translation_status"]),
                     "glossary.md": glossary.site_page(lang, extra["glossary"]),
                     "errata.md": errata.site_page(lang, extra["errata"], config.repo_url)}
    except (translations.TranslationError, glossary.GlossaryError, errata.ErrataError) as error:
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
