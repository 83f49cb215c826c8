// tests/test_accessibility.py: for each box `boxes` finds, its tabindex, whether it is shown and whether it overflows.
boxes => [...document.querySelectorAll(boxes)].map(box => ({
  tabindex: box.getAttribute("tabindex"), shown: box.checkVisibility(),
  overflows: box.scrollWidth > box.clientWidth + 1, text: box.textContent.trim().slice(0, 40)}))
