// Loads an interactive figure when it comes into view. The build (sitebuild/pages.py) marks a figure
// <figure data-interactive="NAME"> and adds this module to its page; NAME.js in this folder exports
// mount(figure), which adds the live figure and hides the static images on screen (interactive.css).
const folder = new URL(".", import.meta.url);
let styles = null;

function load(figure) {
  if (!styles) {
    styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = new URL("interactive.css", folder).href;
    document.head.append(styles);
  }
  import(new URL(`${figure.dataset.interactive}.js`, folder).href)
    .then((module) => module.mount(figure))
    .catch((error) => console.error(`interactive figure ${figure.dataset.interactive}:`, error));
}

const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (!entry.isIntersecting) continue;
    observer.unobserve(entry.target);
    load(entry.target);
  }
}, { rootMargin: "400px 0px" });
for (const figure of document.querySelectorAll("figure[data-interactive]")) observer.observe(figure);
