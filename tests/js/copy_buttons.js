// tests/test_browser.py: bring each code block into view as a reader does (its content tab chosen, then
// scrolled to) and wait, one frame at a time, until Material gives it its copy button (content.lazy adds
// it when the block comes into view). The start of each block that has none after `timeout` ms.
async ([selector, timeout]) => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  const missing = [];
  for (const pre of document.querySelectorAll(selector)) {
    const tab = pre.closest(".tabbed-block");
    if (tab) {
      const index = [...tab.parentElement.children].indexOf(tab);
      tab.closest(".tabbed-set").querySelectorAll(":scope > .tabbed-labels > label")[index].click();
    }
    pre.scrollIntoView({ block: "center" });
    const start = performance.now();
    while (!pre.querySelector("button[data-md-type=copy]") && performance.now() - start < timeout) await frame();
    if (!pre.querySelector("button[data-md-type=copy]")) missing.push(pre.textContent.trim().slice(0, 60));
  }
  return missing;
}
