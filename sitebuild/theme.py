"""One rule less in Material's palette stylesheet, for phones.

At start-up, Material's palette code puts `data-md-color-switching` on <body> and takes it away a frame
later, also when nothing changes. Its stylesheet has a rule for that attribute,

    [data-md-color-switching] *, [data-md-color-switching] :after, [data-md-color-switching] :before
    { transition-duration: 0s !important }

so the browser restyles every element and its ::before and ::after twice, in the long task that starts
the page. On the optimizers chapter (then one page) at 4x CPU throttling (Lighthouse's phone) that was 80-130 ms and
60-80 ms, and Lighthouse's phone score went from 86 to 91 without the rule (median of 3 runs each).

What the rule did: when a reader switches between the light and the dark palette, colours that have a
CSS transition change at once instead of fading over Material's 0.125-0.25 s. Without it they fade.
"""
import re

PALETTE_CSS = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
SWITCHING_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                  "[data-md-color-switching] :before{transition-duration:0s!important}")


class ThemeError(Exception):
    pass


def is_palette_css(src_uri):
    return bool(PALETTE_CSS.fullmatch(src_uri))


def without_switching_rule(css, where):
    """The palette stylesheet without the rule; an error if this Material version does not have it."""
    if SWITCHING_RULE not in css:
        raise ThemeError(f"{where}: Material's palette stylesheet no longer has the rule "
                         f"{SWITCHING_RULE!r}; see sitebuild/theme.py and check what this Material version "
                         "does at start-up before removing this step")
    return css.replace(SWITCHING_RULE, "")
