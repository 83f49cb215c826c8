"""sitebuild/theme.py: Material's palette stylesheet loses exactly one rule and its bundle two writes at
start-up, and the build says so when this Material version does not have them."""
from urllib.parse import urljoin

import pytest

from conftest import page_url
from sitebuild import theme


def test_the_built_palette_stylesheet_has_no_switching_rule(site):
    sheets = sorted(site.glob("assets/stylesheets/palette.*.min.css"))
    assert len(sheets) == 1, sheets
    css = sheets[0].read_text(encoding="utf-8")
    assert "data-md-color-switching" not in css
    assert "[data-md-color-scheme=slate]" in css          # the rest of the palette is still there


def test_only_the_switching_rule_is_removed():
    css = "a{color:red}" + theme.SWITCHING_RULE + "b{color:blue}"
    assert theme.without_switching_rule(css, "palette.css") == "a{color:red}b{color:blue}"


def test_a_material_without_the_rule_fails_the_build_by_name():
    with pytest.raises(theme.ThemeError, match=r"palette\.0123\.min\.css: Material's palette stylesheet"):
        theme.without_switching_rule("a{color:red}", "palette.0123.min.css")


@pytest.mark.parametrize("src_uri,expected", [
    ("assets/stylesheets/palette.fb2fffe2.min.css", theme.without_switching_rule),
    ("assets/stylesheets/palette.fb2fffe2.min.css.map", None),
    ("assets/stylesheets/main.57a0d79d.min.css", None),
    ("assets/javascripts/bundle.a5f9d56c.min.js", theme.with_quiet_palette),
    ("assets/javascripts/bundle.a5f9d56c.min.js.map", None),
    ("assets/javascripts/workers/search.a7633da7.min.js", None)])
def test_which_file_gets_which_change(src_uri, expected):
    assert theme.change_for(src_uri) is expected


def test_the_bundle_uses_the_page_meta_and_writes_only_changes():
    js = 'a;let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);b;return o.content=a.colorScheme,c'
    assert theme.with_quiet_palette(js, "bundle.js") == (
        'a;let o=document.querySelector("meta[name=color-scheme]");b;'
        'return o.content!==a.colorScheme&&(o.content=a.colorScheme),c')


def test_a_bundle_without_the_palette_code_fails_the_build_by_name():
    with pytest.raises(theme.ThemeError, match=r"bundle\.0123\.min\.js: Material's bundle does not have"):
        theme.with_quiet_palette("return o.content=a.colorScheme,", "bundle.0123.min.js")


# Every <meta name="color-scheme"> the page gets and every write to one, from before the first byte is parsed.
RECORD_COLOR_SCHEME = """
window.colorSchemeChanges = [];
new MutationObserver(records => {
  for (const record of records) {
    const metas = record.type === "attributes" ? [record.target] : [...record.addedNodes];
    for (const meta of metas.filter(node => node.nodeName === "META" && node.name === "color-scheme"))
      colorSchemeChanges.push(record.type === "attributes" ? `content=${meta.content}` : "added");
  }
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ["content"]});
"""
STARTED = "document.querySelector('meta[name=theme-color]')?.content"  # Material's palette code has run


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("system", ["light", "dark"])
def test_the_colour_scheme_is_set_once_before_the_page_is_drawn(browser, server, lang, system):
    """The page's own meta carries the palette's scheme from the start; Material's start-up neither adds a
    second one nor rewrites it (each would restyle the whole page), and a palette switch still updates it."""
    context = browser.new_context(color_scheme=system)
    context.add_init_script(RECORD_COLOR_SCHEME)
    tab = context.new_page()
    url = urljoin(server, page_url(lang, "backprop.md").removesuffix("index.html"))
    tab.goto(url)
    tab.wait_for_function(STARTED)
    expected = "dark" if system == "dark" else "light"
    start = ["added"] + (["content=dark"] if system == "dark" else [])
    assert tab.evaluate("colorSchemeChanges") == start, f"{url}: start-up changed the color-scheme meta"
    assert tab.evaluate("[...document.querySelectorAll('meta[name=color-scheme]')].map(m => m.content)") == [
        expected], url
    assert tab.evaluate("getComputedStyle(document.querySelector('header')).colorScheme") == expected, url

    tab.locator("label.md-header__button[for^='__palette_']:visible").click()
    switched = "light" if expected == "dark" else "dark"
    tab.wait_for_function(f"document.querySelector('meta[name=color-scheme]').content === '{switched}'")
    assert tab.evaluate("colorSchemeChanges") == start + [f"content={switched}"], url
    context.close()
