// Unused CSS out of a lab page: reads {"html": page, "css": [stylesheet, ...]} as JSON on stdin and
// writes {"css": [what of each stylesheet can match the page, ...]} (sitebuild/labs.py calls it).
// PurgeCSS keeps a rule when the page has every class, id, tag and attribute its selector names;
// custom properties, @font-face and @keyframes are all kept.
import { PurgeCSS } from "purgecss";
import purgeHtml from "purgecss-from-html";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { html, css } = JSON.parse(input);
const kept = [];
for (const raw of css) {
  const [result] = await new PurgeCSS().purge({
    content: [{ raw: html, extension: "html" }],
    css: [{ raw }],
    extractors: [{ extractor: purgeHtml, extensions: ["html"] }],
  });
  kept.push(result.css);
}
process.stdout.write(JSON.stringify({ css: kept }));
