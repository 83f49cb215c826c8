"""Interactive figures: the static figure each one takes the place of on screen.

The JavaScript is in overrides/assets/interactive/ (copied into the site with the theme's files):
loader.js loads NAME.js when a `<figure data-interactive="NAME">` comes into view, and NAME.js draws
the live figure next to the static images, which it hides on screen only (they stay for print and
for readers without JavaScript). tests/test_interactive.py checks the computations against snippets/.
"""
ENHANCES = {  # static figure (snippets/figures/<name>.py): interactive figure (overrides/assets/interactive/<NAME>.js)
    "optimizer_paths": "playground",
    "momentum_rate": "momentum",
    "gradient_norms": "depth",
}
LOADER = "assets/interactive/loader.js"
