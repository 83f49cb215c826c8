"""The interactive figures compute what snippets/ computes: their JavaScript, run in node, against NumPy.

overrides/assets/interactive/optimizers.js is snippets/optimizers.py and snippets/surfaces.py written in
JavaScript; the optimizer playground draws its paths with it. Here both run the same settings, 200 steps,
and every point of every path must agree to a relative difference of 1e-12 (the issue's bar). Both sides
use IEEE float64 and the same operations in the same order, so most paths agree to the last bit; what may
differ is the last bit of `**` with a non-integer result (β^t, 0.96^(ψt): V8's pow and the C library's
are not both correctly rounded) and of the noise's log and cos (tests/jsref.py), a relative 1e-16 that 200
steps on these surfaces do not grow to 1e-12.
"""
import json
import re

import numpy as np
import pytest

from conftest import need
from jsref import JS, mulberry32, noisy, random_normals, run_js
from snippets.deep_nets import DeepNet, gradient_norms, hidden_outputs
from snippets.mlp import init_std
from snippets.optimizer_experiments import PATH_SETTINGS, heavy_ball_rate, run_path
from snippets.optimizers import SGD, AdaGrad, Adadelta, Adam, AdamW, Momentum, NAdam, Nesterov, RMSprop
from snippets.surfaces import SURFACES

STEPS = 200
TOLERANCE = 1e-12
CLASSES = {"SGD": SGD, "Momentum": Momentum, "Nesterov": Nesterov, "AdaGrad": AdaGrad, "RMSprop": RMSprop,
           "Adadelta": Adadelta, "Adam": Adam, "AdamW": AdamW, "NAdam": NAdam}
# Hyperparameters besides the chapter's, so that every argument the playground passes is exercised.
OTHER = {"SGD": {}, "Momentum": {"momentum": 0.5}, "Nesterov": {"momentum": 0.99}, "AdaGrad": {"eps": 1e-6},
         "RMSprop": {"rho": 0.9}, "Adadelta": {"rho": 0.95}, "Adam": {"beta1": 0.8, "beta2": 0.99},
         "AdamW": {"beta1": 0.95, "weight_decay": 0.1}, "NAdam": {"beta1": 0.85, "momentum_decay": 0.01}}


def chapter_settings():
    """(surface, optimizer, keyword arguments): the chapter's learning rates, then other hyperparameters."""
    cases = []
    for surface, (_, factories) in PATH_SETTINGS.items():
        for name, make in factories.items():
            cases.append((surface, name, {"lr": make().lr}))
        lr = factories["Adam"]().lr     # optimizers the path figure leaves out: Adam's learning rate
        cases += [(surface, "Adadelta", {"lr": 1.0}), (surface, "AdamW", {"lr": lr}),
                  (surface, "NAdam", {"lr": lr})]
    return cases


CASES = chapter_settings()
CASES += [(surface, name, dict(kwargs, **OTHER[name])) for surface, name, kwargs in CASES]
NOISE = [(surface, name, kwargs, noise, seed) for (surface, name, kwargs), (noise, seed)
         in zip(CASES[:len(CASES) // 2], [(0.1, 1), (1.0, 2), (0.01, 3)] * 20)]


def js_paths(runs):
    """Paths from optimizers.js for [{surface, name, kwargs, noise, seed}], in one node process."""
    script = f"""import {{ OPTIMIZERS, SURFACES, runPath }} from './optimizers.js';
const runs = {json.dumps(runs)};
console.log(JSON.stringify(runs.map(r => {{
  const s = SURFACES[r.surface];
  return runPath(new OPTIMIZERS[r.name](r.kwargs), s.grad, s.start, {STEPS}, {{ noise: r.noise, seed: r.seed }});
}})));"""
    return [np.array(path) for path in run_js(script)]


def numpy_path(surface, name, kwargs, noise=0.0, seed=0):
    f, grad, start, minimum = SURFACES[surface]
    return run_path(CLASSES[name](**kwargs), noisy(grad, noise, seed) if noise else grad, start, STEPS)


def relative_difference(js, reference):
    """Largest |js − numpy| over the path, relative to the size of the NumPy path so far.

    Relative to the path so far, not to the point itself: a path that converges to the minimum (0, 0)
    crosses x = 0 with x tiny while the difference carried from earlier steps is not, and the figure is
    drawn at the scale of the path anyway.
    """
    scale = np.maximum.accumulate(np.abs(reference).max(axis=1))[:, None]
    return (np.abs(js - reference) / scale).max()


def check(js, reference, label):
    finite = np.isfinite(reference).all(axis=1)
    assert len(js) == STEPS + 1 or not finite[len(js)], \
        f"{label}: JavaScript stopped after {len(js) - 1} steps, NumPy is still finite"
    assert finite[:len(js)].all(), f"{label}: NumPy diverged within the JavaScript path"
    difference = relative_difference(js, reference[:len(js)])
    assert difference <= TOLERANCE, f"{label}: relative difference {difference:.3g} > {TOLERANCE}"
    return difference


def test_every_optimizer_on_every_surface_matches_numpy():
    runs = [dict(surface=s, name=n, kwargs=k, noise=0, seed=0) for s, n, k in CASES]
    worst = max(check(js, numpy_path(s, n, k), f"{s} {n} {k}") for js, (s, n, k) in zip(js_paths(runs), CASES))
    print(f"{len(CASES)} runs of {STEPS} steps, largest relative difference {worst:.3g}")


def test_noisy_gradients_match_numpy():
    runs = [dict(surface=s, name=n, kwargs=k, noise=noise, seed=seed) for s, n, k, noise, seed in NOISE]
    worst = max(check(js, numpy_path(*case), str(case)) for js, case in zip(js_paths(runs), NOISE))
    print(f"{len(NOISE)} noisy runs of {STEPS} steps, largest relative difference {worst:.3g}")


def test_a_diverging_run_stops_where_numpy_overflows():
    """SGD with η = 0.01 on Rosenbrock overflows within 50 steps; the JavaScript path ends at the last finite point."""
    script = """import { SGD, SURFACES, runPath } from './optimizers.js';
const s = SURFACES.rosenbrock;
console.log(JSON.stringify(runPath(new SGD({ lr: 0.01 }), s.grad, s.start, 50)));"""
    js = np.array(run_js(script))
    with np.errstate(all="ignore"):
        reference = run_path(SGD(lr=0.01), SURFACES["rosenbrock"][1], SURFACES["rosenbrock"][2], 50)
    finite = np.isfinite(reference).all(axis=1)
    assert not finite.all(), "this setting was chosen to diverge"
    assert len(js) == finite.argmin(), "the JavaScript path ends at the last finite NumPy point"
    np.testing.assert_array_equal(js, reference[:len(js)])


def test_the_playground_starts_from_the_chapter_settings():
    """playground.js SETTINGS repeat PATH_SETTINGS and the static figure's view: the same figure at first."""
    from snippets.figures.optimizer_paths import VIEW
    settings = run_js("import { SETTINGS } from './playground.js'; console.log(JSON.stringify(SETTINGS));")
    for surface, (steps, factories) in PATH_SETTINGS.items():
        assert settings[surface]["steps"] == steps, surface
        assert settings[surface]["lr"] == {name: make().lr for name, make in factories.items()}, surface
        assert [tuple(limits) for limits in settings[surface]["view"]] == list(VIEW[surface]), surface
    assert list(settings) == list(PATH_SETTINGS)


def test_line_colours_are_the_static_figures():
    """interactive.css gives the lines snippets/plotstyle.py's colours, in each palette."""
    from snippets.plotstyle import THEMES
    css = (JS / "interactive.css").read_text(encoding="utf-8")
    for scheme, theme in (("default", "light"), ("slate", "dark")):
        block = re.search(r'\[data-md-color-scheme="%s"\] \.dl-widget \{([^}]*)\}' % scheme, css).group(1)
        colours = dict(re.findall(r"--dl-([\w-]+):\s*(#[0-9a-f]{6})", block))
        assert [colours[f"line-{i}"] for i in range(8)] == THEMES[theme]["lines"], scheme
        assert colours["grid"] == THEMES[theme]["grid"], scheme


# The playground in headless Chromium (fixtures `page` and `server` in tests/conftest.py).
FIGURES = {"playground": "optimizers-in-practice/", "momentum": "optimizers/",   # interactive figure: its page
           "depth": "vanishing-gradients/"}


def open_figure(page, server, name, lang="ko"):
    page.goto(server + ("en/" if lang == "en" else "") + FIGURES[name])
    figure = page.locator(f"figure[data-interactive={name}]")
    figure.scroll_into_view_if_needed()                 # the script loads when the figure comes into view
    page.wait_for_selector(f"figure[data-interactive={name}].dl-live", timeout=15000)
    return figure


def open_playground(page, server, lang="ko"):
    return open_figure(page, server, "playground", lang)


def drawn_paths(figure):
    """The settings the figure ran with, and the (x, y) points of each path it drew, by optimizer."""
    run = json.loads(figure.get_attribute("data-run"))
    points = figure.locator("polyline[data-optimizer]").evaluate_all(
        "lines => lines.map(l => [l.dataset.optimizer, l.getAttribute('points')])")
    paths = {name: np.array([[float(v) for v in p.split(",")] for p in text.split()]) for name, text in points}
    return run, paths


def check_against_numpy(run, paths):
    """Every drawn path equals run_path of snippets/ with the same settings (steps, start, noise, seed)."""
    f, grad, start, minimum = SURFACES[run["surface"]]
    assert [r["name"] for r in run["runs"]] == list(paths), "one path per optimizer run"
    for r in run["runs"]:
        g = noisy(grad, run["noise"], run["seed"]) if run["noise"] else grad
        with np.errstate(all="ignore"):
            reference = run_path(CLASSES[r["name"]](**r["kwargs"]), g, tuple(map(float, run["start"])), run["steps"])
        drawn = paths[r["name"]]
        difference = relative_difference(drawn, reference[:len(drawn)])
        assert difference <= TOLERANCE, f"{r}: drawn path differs from NumPy by {difference:.3g}"
        assert len(drawn) == run["steps"] + 1 or not (np.abs(reference[len(drawn)]) < 1e6).all(), \
            f"{r}: the path stops after {len(drawn) - 1} steps while NumPy stays in range"


def test_playground_draws_the_numpy_paths_after_each_change(page, server):
    figure = open_playground(page, server)
    run, paths = drawn_paths(figure)
    assert run["surface"] == "valley" and len(paths) == 6, "it opens with the static figure's six optimizers"
    check_against_numpy(run, paths)

    adam = figure.get_by_label("Adam의 학습률", exact=True)
    adam.focus()
    for _ in range(5):                                   # the keyboard moves the slider by 0.01 in log10 η
        page.keyboard.press("ArrowRight")
    run, paths = drawn_paths(figure)
    assert next(r["kwargs"]["lr"] for r in run["runs"] if r["name"] == "Adam") == 0.34   # 10^(log10 0.3 + 0.05)
    check_against_numpy(run, paths)

    figure.get_by_label("곡면", exact=True).select_option("rosenbrock")
    figure.get_by_label("NAdam", exact=True).check()
    figure.get_by_label("기울기 잡음의 표준편차 σ", exact=True).fill("0.5")
    figure.get_by_label("모멘텀 계수 μ (모멘텀, 네스테로프)", exact=True).fill("0.8")
    run, paths = drawn_paths(figure)
    assert (run["surface"], run["noise"], len(paths)) == ("rosenbrock", 0.5, 7)
    assert {r["name"]: r["kwargs"].get("momentum") for r in run["runs"]}["Momentum"] == 0.8
    check_against_numpy(run, paths)

    box = figure.locator("svg.dl-contours").bounding_box()
    figure.locator("svg.dl-contours").click(position={"x": box["width"] * 0.7, "y": box["height"] * 0.3})
    moved, paths = drawn_paths(figure)
    assert moved["start"] != run["start"], "a click on the contours sets the start"
    assert all(paths[name][0].tolist() == moved["start"] for name in paths)
    check_against_numpy(moved, paths)
    assert not page.errors and not page.external


@pytest.mark.parametrize("name", FIGURES)
def test_figure_speaks_the_page_language_and_keeps_the_static_figure(page, server, name):
    for lang, words in (("ko", ("반복 횟수", "반복 횟수 T", "은닉층 수")), ("en", ("steps", "steps T", "hidden layers"))):
        figure = open_figure(page, server, name, lang)
        assert sum(figure.get_by_label(word, exact=True).count() for word in words) == 1, (name, lang)
        static = figure.locator("img:visible")
        assert static.count() == 0, "on screen the live figure takes the static one's place"
        page.emulate_media(media="print")
        assert static.count() == 1 and not figure.locator(".dl-widget").is_visible(), \
            "in print the static figure is shown, not the controls"
        page.emulate_media(media="screen")
    assert not page.errors and not page.external


@pytest.mark.parametrize("name", FIGURES)
def test_figure_fits_a_phone(browser, server, name):
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
    try:
        figure = open_figure(context.new_page(), server, name)
        widths = figure.evaluate("f => [f.querySelector('.dl-widget').scrollWidth, document.documentElement.scrollWidth, innerWidth]")
        assert max(widths[:2]) <= widths[2], f"wider than the phone: {widths}"
    finally:
        context.close()


def test_playground_fits_a_phone_and_follows_a_tap(browser, server):
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
    try:
        tab = context.new_page()
        figure = open_playground(tab, server)
        widths = figure.evaluate("f => [f.querySelector('.dl-widget').scrollWidth, document.documentElement.scrollWidth, innerWidth]")
        assert max(widths[:2]) <= widths[2], f"wider than the phone: {widths}"
        before = json.loads(figure.get_attribute("data-run"))["start"]
        plot = figure.locator("svg.dl-contours")
        plot.scroll_into_view_if_needed()
        box = plot.bounding_box()
        plot.tap(position={"x": box["width"] * 0.6, "y": box["height"] * 0.6})
        run, paths = drawn_paths(figure)
        assert run["start"] != before
        check_against_numpy(run, paths)
    finally:
        context.close()


AXE_ON_FIGURE = """async () => (await axe.run("figure[data-interactive]", {resultTypes: ["violations"]})).violations
  .flatMap(v => v.nodes.filter(n => ["serious", "critical"].includes(n.impact)).map(n => `${v.id}: ${n.target.join(" ")}`))"""


@pytest.mark.parametrize("name", FIGURES)
def test_figure_has_no_serious_accessibility_problem(page, server, name):
    """axe-core on the live figure in both palettes (tests/test_accessibility.py runs before it is loaded)."""
    from test_accessibility import AXE, _palette
    need(AXE.exists(), f"no {AXE} (run `npm ci`)")
    problems = []
    for lang in ("ko", "en"):
        open_figure(page, server, name, lang)
        page.add_script_tag(path=str(AXE))
        for theme in ("light", "dark"):
            _palette(page, page.url, theme)
            problems += [f"[{lang} {theme}] {line}" for line in page.evaluate(AXE_ON_FIGURE)]
    assert not problems, "\n".join(problems)


# The momentum explorer (momentum.js): heavy-ball momentum on f = ½(θ₁² + κθ₂²).
def numpy_quadratic(kappa, lr, mu, steps):
    """The points of Momentum (snippets/optimizers.py) from θ = (1, 1) with g = (θ₁, κθ₂), as heavy_ball_rate."""
    lams, optimizer = np.array([1.0, kappa]), Momentum(lr=lr, momentum=mu)
    params, points = {"theta": np.array([1.0, 1.0])}, [[1.0, 1.0]]
    with np.errstate(all="ignore"):
        for _ in range(steps):
            optimizer.update(params, {"theta": lams * params["theta"]})
            points.append(params["theta"].copy())
    return np.array(points)


QUADRATIC = [(10, 0.1, 0.9), (100, 0.01, 0.5), (100, 0.03, 0.3), (1000, 0.001, 0.95), (10000, 0.0002, 0.99),
             (3.16, 0.5, 0.0), (100, 0.025, 0.05)]   # the last one diverges: η·κ > 2(1 + μ)


def test_momentum_explorer_steps_match_numpy():
    script = f"""import {{ quadraticRun }} from './momentum.js';
console.log(JSON.stringify({json.dumps(QUADRATIC)}.map(([k, lr, mu]) => quadraticRun(k, lr, mu, {STEPS}).points)));"""
    for js, (kappa, lr, mu) in zip(run_js(script), QUADRATIC):
        check(np.array(js), numpy_quadratic(kappa, lr, mu, STEPS), f"κ={kappa} η={lr} μ={mu}")


def test_momentum_explorer_measures_heavy_ball_rate():
    """With Polyak's η and μ the explorer's measured and theoretical rates are heavy_ball_rate's."""
    kappas = [10, 100, 1000, 10000]
    script = f"""import {{ measuredRate, optimal, quadraticRun }} from './momentum.js';
console.log(JSON.stringify({json.dumps(kappas)}.map(k => {{
  const best = optimal(k), steps = Math.max(200, Math.trunc(Math.log(1e-12) / Math.log(best.rate)));
  return [measuredRate(quadraticRun(k, best.lr, best.mu, steps).norms, steps), best.rate];
}})));"""
    for (measured, theory), kappa in zip(run_js(script), kappas):
        reference = heavy_ball_rate(kappa)
        assert abs(measured - reference[0]) <= TOLERANCE * reference[0], (kappa, measured, reference)
        assert abs(theory - reference[1]) <= TOLERANCE * reference[1], (kappa, theory, reference)


def test_momentum_explorer_theory_is_the_largest_root():
    """theoryRate against NumPy's roots of r² − (1 + μ − ηλ)r + μ for λ = 1 and κ.

    Settings away from a double root: there np.roots (eigenvalues of the companion matrix) loses half
    its digits, and so would any comparison. A double root is where the rates meet, e.g. Polyak's optimum.
    """
    script = f"""import {{ theoryRate }} from './momentum.js';
console.log(JSON.stringify({json.dumps(QUADRATIC)}.map(([k, lr, mu]) => theoryRate(k, lr, mu))));"""
    for rate, (kappa, lr, mu) in zip(run_js(script), QUADRATIC):
        roots = [np.abs(np.roots([1, -(1 + mu - lr * lam), mu])).max() for lam in (1, kappa)]
        assert abs(rate - max(roots)) <= 1e-12 * max(roots), (kappa, lr, mu, rate, roots)
    assert run_js(script)[-1] > 1, "η·κ > 2(1 + μ) diverges"


def test_momentum_explorer_draws_the_numpy_iterates(page, server):
    figure = open_figure(page, server, "momentum")
    run = json.loads(figure.get_attribute("data-run"))
    assert (run["kappa"], run["steps"]) == (100, 200), "it opens on the chapter's κ = 100"
    assert abs(run["measured"] - heavy_ball_rate(100)[0]) <= TOLERANCE * run["measured"], "the chapter's measured rate"
    figure.get_by_label("모멘텀 계수 μ", exact=True).focus()
    for _ in range(30):                                   # μ down by 0.03 with the keyboard
        page.keyboard.press("ArrowLeft")
    figure.get_by_label("조건수 κ", exact=True).fill("3")   # log10 κ = 3
    figure.get_by_label("학습률 η", exact=True).fill("-3.3")   # η = 10^-3.3, two digits: 0.0005
    run = json.loads(figure.get_attribute("data-run"))
    assert (run["kappa"], run["lr"], run["mu"]) == (1000, 0.0005, 0.639), run    # μ: 0.669 − 0.03
    text = figure.locator("polyline[data-path=momentum]").get_attribute("points")
    drawn = np.array([[float(v) for v in p.split(",")] for p in text.split()])
    check(drawn, numpy_quadratic(run["kappa"], run["lr"], run["mu"], run["steps"]), "drawn iterates")
    figure.get_by_role("button").click()                 # back to Polyak's η and μ for κ = 1000
    run = json.loads(figure.get_attribute("data-run"))
    measured, theory = heavy_ball_rate(1000, steps=200)[:2]
    assert abs(run["measured"] - measured) <= TOLERANCE * measured
    # Polyak's η and μ make a double root, whose value moves by √(rounding) ≈ 1e-8 when η and μ are
    # rounded to float64: the rate of the stored η and μ is (√κ − 1)/(√κ + 1) only to about 1e-8.
    assert abs(run["theory"] - theory) <= 1e-7 * theory
    assert not page.errors and not page.external


# The depth explorer (depth.js): one forward and backward pass through DeepNet with seeded weights.
def numpy_depth(activation, init, depth, width, residual, seed, batch, data_seed, classes=10):
    """gradient_norms and the hidden outputs' std of snippets/deep_nets.py, for DeepNet with the weights
    and batch that depth.js draws: NumPy's own generator has no JavaScript twin (tests/jsref.py)."""
    sizes = [width] * (depth + 1) + [classes]
    model = DeepNet(sizes, activation, init, seed=0, residual=residual)
    normal, branch_scale = random_normals(seed), 1 / np.sqrt(max(len(sizes) - 3, 1))
    for i, (n_in, n_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
        W = init_std(init, n_in, n_out) * np.array([normal() for _ in range(n_in * n_out)]).reshape(n_in, n_out)
        if residual and 1 < i < len(sizes) - 1:
            W *= branch_scale
        model.params[f"W{i}"][...] = W                  # in place: the layers hold the same arrays
    normal, uniform = random_normals(data_seed), mulberry32(data_seed + 1)
    X = np.array([normal() for _ in range(batch * width)]).reshape(batch, width)
    y = np.array([int(next(uniform) * classes) for _ in range(batch)])
    stds = [h.std() for h in hidden_outputs(model, X)]
    return gradient_norms(model, X, y), np.array(stds), model.loss(X, y)


DEPTH = [("sigmoid", "xavier", 20, 64, False, 0), ("tanh", "xavier", 20, 32, False, 1), ("relu", "he", 30, 16, False, 2),
         ("relu", "1", 20, 64, False, 3), ("sigmoid", "0.01", 10, 32, False, 4), ("sigmoid", "xavier", 20, 32, True, 5),
         ("relu", "he", 50, 16, True, 6), ("tanh", "1", 5, 100, True, 7)]


def test_depth_explorer_gradients_match_numpy():
    """Per-layer ‖∂L/∂W_l‖, hidden stds and the loss: relative difference ≤ 1e-12 for each of them.

    NumPy multiplies matrices with BLAS, which adds in its own order (and with fused multiply-adds),
    depth.js adds left to right: each entry differs by a few ulps, which 50 layers do not grow to 1e-12.
    """
    script = f"""import {{ deepNet, gradientNorms, randomBatch }} from './depth.js';
console.log(JSON.stringify({json.dumps(DEPTH)}.map(([activation, init, depth, width, residual, seed]) => {{
  const {{ X, labels }} = randomBatch(64, width, 10, 1000 + seed);
  return gradientNorms(deepNet({{ activation, init, depth, width, residual, seed }}), X, labels);
}})));"""
    worst = 0
    for js, case in zip(run_js(script), DEPTH):
        norms, stds, loss = numpy_depth(*case, batch=64, data_seed=1000 + case[-1])
        for name, a, b in (("norms", js["norms"], norms), ("stds", js["stds"], stds), ("loss", [js["loss"]], [loss])):
            a, b = np.array(a), np.array(b)
            assert a.shape == b.shape, (case, name)
            difference = (np.abs(a - b) / np.abs(b)).max()
            assert difference <= TOLERANCE, f"{case} {name}: relative difference {difference:.3g}"
            worst = max(worst, difference)
    print(f"{len(DEPTH)} networks, largest relative difference {worst:.3g}")


def test_depth_explorer_draws_the_numpy_gradient_norms(page, server):
    figure = open_figure(page, server, "depth")
    figure.get_by_label("활성화 함수", exact=True).select_option("relu")
    figure.get_by_label("초기화", exact=True).select_option("he")
    figure.get_by_label("잔차 연결", exact=True).check()
    figure.get_by_label("은닉층 수", exact=True).focus()
    for _ in range(5):                                    # 20 → 25 hidden layers with the keyboard
        page.keyboard.press("ArrowRight")
    page.wait_for_function("f => JSON.parse(f.dataset.run).depth === 25", arg=figure.element_handle())
    run = json.loads(figure.get_attribute("data-run"))
    assert (run["activation"], run["init"], run["residual"]) == ("relu", "he", True), run
    norms, stds, loss = numpy_depth(run["activation"], run["init"], run["depth"], run["width"], run["residual"],
                                    run["seed"], run["batch"], run["dataSeed"])
    assert (np.abs(np.array(run["norms"]) - norms) / norms).max() <= TOLERANCE
    drawn = figure.locator("svg.dl-plot").first.locator("circle.dl-dot")
    assert drawn.count() == run["depth"] + 1, "one point per weight layer, the output layer included"
    assert not page.errors and not page.external
