// tests/test_browser.py: `text` drawn on a canvas in the article's own font; its pixels, as a string.
text => {
  // `text` drawn on a canvas in the article's own font (site.css's Korean stack); its pixels, as a string.
  const canvas = document.createElement("canvas");
  canvas.width = 240, canvas.height = 80;
  const context = canvas.getContext("2d");
  context.font = getComputedStyle(document.querySelector("article")).font;
  context.fillText(text, 10, 50);
  return Array.from(context.getImageData(0, 0, canvas.width, canvas.height).data).join();
}
