"""Two changes to Material's palette, for phones: one rule less in its stylesheet, two writes less at start-up.

Both remove work from the long task that starts every page (Material's bundle, after the first paint),
which is what Lighthouse's phone score counts as blocking time.

1. The palette stylesheet.

At start-up, Material's palette code puts `data-md-color-switching` on <body> and takes it away a frame
later, also when nothing changes. Its stylesheet has a rule for that attribute,

    [data-md-color-switching] *, [data-md-color-switching] :after, [data-md-color-switching] :before
    { transition-duration: 0s !important }

so the browser restyles every element and its ::before and ::after twice, in the long task that starts
the page. On the optimizers chapter (then one page) at 4x CPU throttling (Lighthouse's phone) that was 80-130 ms and
60-80 ms, and Lighthouse's phone score went from 86 to 91 without the rule (median of 3 runs each).

What the rule did: when a reader switches between the light and the dark palette, colours that have a
CSS transition change at once instead of fading over Material's 0.125-0.25 s. Without it they fade.

2. The bundle's palette code. It appends a new `<meta name="color-scheme">` to <head> and then writes the
header's colour scheme into it, also when nothing changes. Blink restyles the whole document for each
(a "PlatformColorChange"), in the same long task. overrides/main.html now puts that meta in <head>
itself, with the palette's scheme already in it; the bundle uses that element instead of appending
one, and writes to it only when the scheme changes (the reader switches palette). On
/optimizers-in-practice/ that took two restyles of ~1,500 elements (55-80 ms each at 4x CPU throttling,
Chromium trace) out of the start-up task. Lighthouse's phone score for that page went from 92 to 97
(median of 5 runs; total blocking time 281 -> 172 ms), measured with an earlier form of this change that
also left <body>'s unchanged palette attributes alone, which made no difference to the restyles. The
bundle's source map is a few characters off after the two places changed.
"""
import re

PALETTE_CSS = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css")
SWITCHING_RULE = ("[data-md-color-switching] *,[data-md-color-switching] :after,"
                  "[data-md-color-switching] :before{transition-duration:0s!important}")


class ThemeError(Exception):
    pass


def without_switching_rule(css, where):
    """The palette stylesheet without the rule; an error if this Material version does not have it."""
    if SWITCHING_RULE not in css:
        raise ThemeError(f"{where}: Material's palette stylesheet no longer has the rule "
                         f"{SWITCHING_RULE!r}; see sitebuild/theme.py and check what this Material version "
                         "does at start-up before removing this step")
    return css.replace(SWITCHING_RULE, "")


BUNDLE_JS = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")
# (what the bundle does, what it does instead): the names are those of this Material version's minified code
QUIET_PALETTE = (
    ('let o=x("meta",{name:"color-scheme"});document.head.appendChild(o);',
     'let o=document.querySelector("meta[name=color-scheme]");'),
    ("return o.content=a.colorScheme,",
     "return o.content!==a.colorScheme&&(o.content=a.colorScheme),"),
)


def with_quiet_palette(js, where):
    """The bundle using the page's own color-scheme meta; an error if this Material version's code differs."""
    for before, after in QUIET_PALETTE:
        if js.count(before) != 1:
            raise ThemeError(f"{where}: Material's bundle does not have {before!r} exactly once; see "
                             "sitebuild/theme.py and check what this Material version's palette code does at "
                             "start-up before removing this step")
        js = js.replace(before, after)
    return js


def change_for(src_uri):
    """The change this module makes to one of Material's files, as `change(content, where)`, or None."""
    for pattern, change in ((PALETTE_CSS, without_switching_rule), (BUNDLE_JS, with_quiet_palette)):
        if pattern.fullmatch(src_uri):
            return change
    return None
