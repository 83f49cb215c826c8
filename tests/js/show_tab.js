// tests/test_browser.py: open the content tab that holds the code block `pre` (Material's tabs), as a reader does.
pre => {
  const block = pre.closest(".tabbed-block");
  if (!block) return;
  const index = [...block.parentElement.children].indexOf(block);
  block.closest(".tabbed-set").querySelectorAll(":scope > .tabbed-labels > label")[index].click();
}
