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
    // annotate: the TeX source rides along in <annotation>, so a copied formula pastes as TeX.
    const html = temml.renderToString(tex, { displayMode: display, throwOnError: true, strict: true, annotate: true });
    answer = warnings.length ? { error: warnings.join("; ") } : { html };
  } catch (error) {
    answer = { error: String(error.message || error).trim() };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
