// tests/test_accessibility.py: each block `selector` finds made plain text (same colours, same box), so that
// axe checks one element per block instead of thousands of one-colour spans.
selector => {
  for (const block of document.querySelectorAll(selector)) {
    if (block.localName === "math") {   // a span of the same size, so scroll boxes around it stay as they were
      const box = block.getBoundingClientRect(), span = document.createElement("span");
      Object.assign(span.style, {display: "inline-block", width: box.width + "px", height: box.height + "px",
                                 overflow: "hidden", verticalAlign: "top"});
      span.textContent = block.textContent;
      block.replaceWith(span);
      continue;
    }
    block.textContent = block.textContent;
  }
}
