// Renders TeX with KaTeX for the build: one JSON request per line on stdin
// ({"tex": "...", "display": true}), one JSON answer per line on stdout ({"html": "..."} or {"error": "..."}).
import katex from "katex";
import readline from "node:readline";

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const { tex, display } = JSON.parse(line);
  let answer;
  try {
    answer = { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "error", output: "htmlAndMathml" }) };
  } catch (error) {
    answer = { error: String(error.message || error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
