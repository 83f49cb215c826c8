"""MkDocs hooks: each event calls one step of sitebuild/pipeline.py. Only MkDocs' own objects are made here."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `mkdocs` run from anywhere finds sitebuild/

from mkdocs.structure.files import File, InclusionLevel

from sitebuild.errors import as_plugin_error
from sitebuild.pipeline import Build

_build = None


@as_plugin_error
def on_config(config):
    global _build
    _build = Build(config)


@as_plugin_error
def on_files(files, config):
    for added in _build.files():
        file = File.generated(config, added.src_uri, content=added.content,
                              abs_src_path=str(added.path) if added.path else None,
                              inclusion=InclusionLevel.UNDEFINED if added.in_nav else InclusionLevel.NOT_IN_NAV)
        if added.page:
            file.edit_uri = added.edit_uri
        files.append(file)
    return files


@as_plugin_error
def on_page_markdown(markdown, page, config, files):
    return _build.page_markdown(markdown, page)


@as_plugin_error
def on_page_content(html, page, config, files):
    return _build.page_html(html, page)


@as_plugin_error
def on_post_page(output, page, config):
    return _build.page_output(output, page)


@as_plugin_error
def on_post_build(config):
    _build.finish(config.site_dir)
