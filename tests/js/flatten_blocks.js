// tests/test_accessibility.py: each block `selector` finds made plain text (same colours, same box), so that
// axe checks one element per block instead of thousands of one-colour spans.
selector => {
  for (const block of document.querySelectorAll(selector)) {
    if (block.classList.contains("katex-html")) {        // keep the box's size, so scroll boxes around it stay as they were
      const box = block.getBoundingClientRect();
      Object.assign(block.style, {display: "inline-block", width: box.width + "px", height: box.height + "px",
                                  overflow: "hidden", verticalAlign: "top"});
    }
    block.textContent = block.textContent;
  }
}
