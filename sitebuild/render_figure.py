"""Draw one figure in its four variants: `python -m sitebuild.render_figure NAME OUTDIR`.

Run in a subprocess by sitebuild.figures, so that a crash, a hang or leaked matplotlib state in one
figure cannot touch the build or the other figures.
"""
import importlib
import sys

from snippets import plotstyle


def main(name, outdir):
    module = importlib.import_module(f"snippets.figures.{name}")
    plotstyle.save_variants(module.figure, name, outdir)


if __name__ == "__main__":
    main(*sys.argv[1:])
