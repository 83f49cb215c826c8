// Scroll a page to its end and back to the top, so that every lazy figure loads (bench/*.py).
async () => {
  for (let y = 0; y < document.body.scrollHeight; y += 500) {
    window.scrollTo(0, y); await new Promise(r => setTimeout(r, 50));
  }
  window.scrollTo(0, 0);
}
