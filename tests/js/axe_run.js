// tests/test_accessibility.py: axe-core's violations on the whole page, as plain data.
async options => {
  const result = await axe.run(document, Object.assign({resultTypes: ["violations"]}, options));
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), impact: n.impact, summary: n.failureSummary}))}));
}
