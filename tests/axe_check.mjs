// The html report in a real browser, as tests/test_report_a11y.py reads it: axe-core's verdict and
// what the charts' text measures on screen, at each window width asked for.
//
//   node tests/axe_check.mjs CHROMIUM NODE_MODULES PAGE.html WIDTH...
//
// Drives CHROMIUM (Debian's /usr/bin/chromium) with puppeteer-core; NODE_MODULES is where
// `npm ci --prefix .ci/node` put axe-core and puppeteer-core. Prints one JSON object on stdout:
// {"<width>": {violations, charts, scrollers, overflow}} where
//   violations: axe-core's violations (id, impact, help, the first nodes' targets),
//   charts: every text of every svg.chart: its font size on screen in px, i.e. the font size
//           in the chart's own units times the scale the viewBox is drawn at,
//   scrollers: every element that scrolls sideways, and whether it can take the keyboard focus,
//   overflow: elements whose right edge runs past the window (nothing in the page may),
//   claims: the claim table's columns ({header, px}: each header cell's width on screen), and
//           whether the table is wider than its region (it then scrolls sideways).
// The page forbids scripts by its Content-Security-Policy; the check bypasses it for axe only.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [chromium, modules, page, ...widths] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), "noop.js"));
const puppeteer = require("puppeteer-core");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const args = ["--disable-gpu", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--disable-extensions"];
if (process.getuid && process.getuid() === 0) args.push("--no-sandbox");
const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args });
const result = {};
try {
  const tab = await browser.newPage();
  await tab.setBypassCSP(true);
  for (const width of widths) {
    await tab.setViewport({ width: Number(width), height: 900, deviceScaleFactor: 1 });
    await tab.goto(pathToFileURL(path.resolve(page)).href, { waitUntil: "load" });
    await tab.evaluate(axeSource);
    result[width] = await tab.evaluate(async () => {
      const axeResult = await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        resultTypes: ["violations"],
      });
      const violations = axeResult.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        count: v.nodes.length,
      }));
      const charts = [];
      for (const svg of document.querySelectorAll("svg.chart")) {
        const box = svg.viewBox.baseVal;
        const scale = svg.getBoundingClientRect().width / box.width;
        for (const text of svg.querySelectorAll("text")) {
          const size = parseFloat(getComputedStyle(text).fontSize);
          charts.push({ chart: svg.getAttribute("class"), text: text.textContent, px: size * scale });
        }
      }
      const scrollers = [];
      for (const e of document.querySelectorAll("body *")) {
        const style = getComputedStyle(e);
        if (["auto", "scroll"].includes(style.overflowX) && e.scrollWidth > e.clientWidth) {
          scrollers.push({ id: e.id, cls: e.className, tabindex: e.getAttribute("tabindex"), role: e.getAttribute("role"), label: e.getAttribute("aria-label") });
        }
      }
      const overflow = [];
      const right = document.documentElement.clientWidth;
      for (const e of document.querySelectorAll("h1, h2, h3, p, caption, figcaption, figure, svg.chart, summary")) {
        const box = e.getBoundingClientRect();
        let inScroller = false;
        for (let up = e.parentElement; up; up = up.parentElement) {
          if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) inScroller = up;
        }
        const limit = inScroller ? Math.min(right, inScroller.getBoundingClientRect().right) : right;
        if (box.width > 0 && box.right > limit + 0.5) overflow.push({ tag: e.tagName.toLowerCase(), id: e.id, right: box.right, limit });
      }
      const table = document.querySelector("#claims");
      const claims = table && {
        columns: [...table.querySelectorAll("thead th")].map((th) => ({ header: th.textContent, px: th.getBoundingClientRect().width })),
        scrolls: table.parentElement.scrollWidth > table.parentElement.clientWidth,
      };
      return { violations, charts, scrollers, overflow, claims };
    });
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
