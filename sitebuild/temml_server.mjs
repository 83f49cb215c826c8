// Renders TeX as MathML with Temml for the build: one JSON request per line on stdin
// ({"tex": "...", "display": true}), one JSON answer per line on stdout ({"html": "..."} or {"error": "..."}).
// Strict mode: what LaTeX only warns about (Temml prints it with console.log) is an error here too,
// and never reaches stdout, which carries the answers.
import temml from "temml";
import readline from "node:readline";

const warnings = [];
console.log = (...parts) => warnings.push(parts.join(" "));

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const { tex, display } = JSON.parse(line);
  warnings.length = 0;
  let answer;
  try {
    // The TeX source is left out of the formula: Chromium copies a formula as the characters it draws,
    // never as its <annotation>, which only cost an element and bytes per formula (ko backprop: 271
    // elements, 19 KB of 268 KB). <semantics> stays (annotate: true makes it): without it Chromium sets
    // inline formulas taller, and /en/optimizers/ grew 117 px; with it the pages are drawn pixel for pixel as before.
    const html = temml.renderToString(tex, { displayMode: display, throwOnError: true, strict: true, annotate: true })
      .replace(/<annotation\b[^>]*>[\s\S]*?<\/annotation>/, "");
    answer = warnings.length ? { error: warnings.join("; ") } : { html };
  } catch (error) {
    answer = { error: String(error.message || error).trim() };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
