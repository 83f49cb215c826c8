"""sitebuild/theme.py: Material's palette stylesheet loses exactly one rule, and says so when it cannot."""
import pytest

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


@pytest.mark.parametrize("src_uri,expected", [("assets/stylesheets/palette.fb2fffe2.min.css", True),
                                              ("assets/stylesheets/main.57a0d79d.min.css", False),
                                              ("assets/stylesheets/palette.fb2fffe2.min.css.map", False)])
def test_which_file_is_the_palette_stylesheet(src_uri, expected):
    assert theme.is_palette_css(src_uri) is expected
