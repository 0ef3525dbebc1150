import { TEXTS } from './labels';

/** Where the page loads its scripts from, in load order. */
export interface DashboardAssets {
  scripts: string[];
}

const zh = TEXTS.zh;

/** A view's frame: the script fills the elements whose ids it names. */
const section = (id: string, title: keyof typeof zh, note: keyof typeof zh, body: string) => `
      <section id="${id}" class="view">
        <header>
          <h2 data-text="${title}">${zh[title]}</h2>
          <p class="lede" data-text="${note}">${zh[note]}</p>
        </header>
${body}
      </section>`;

/**
 * The dashboard: three views (COVID-19 enterprise donations, training against the target,
 * organizations), a language switch and a data-scope switch. Chinese until the script says otherwise.
 */
export function dashboardPage(assets: DashboardAssets): string {
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${zh.title}</title>
    <link rel="icon" href="data:," />
    <style>
      :root {
        --ink: #1f2937;
        --muted: #6b7280;
        --line: #e5e7eb;
        --paper: #f5f6fa;
        --card: #ffffff;
        --accent: #2563eb;
        --warn: #b45309;
        font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', system-ui,
          sans-serif;
        color: var(--ink);
        background: var(--paper);
        font-size: 15px;
        line-height: 1.5;
      }
      body {
        margin: 0;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 1em;
        padding: 1.25em 2em 1em;
        background: var(--card);
        border-bottom: 1px solid var(--line);
      }
      h1 {
        margin: 0;
        font-size: 1.5em;
        font-weight: 700;
        letter-spacing: 0.02em;
      }
      .subtitle {
        margin: 0.2em 0 0;
        color: var(--muted);
      }
      .controls {
        display: flex;
        align-items: center;
        gap: 0.75em;
      }
      .segmented {
        display: inline-flex;
        border: 1px solid var(--line);
        border-radius: 8px;
        overflow: hidden;
      }
      button {
        font: inherit;
        padding: 0.4em 0.9em;
        border: 0;
        background: var(--card);
        color: var(--ink);
        cursor: pointer;
      }
      .segmented button + button {
        border-left: 1px solid var(--line);
      }
      button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      #language {
        border: 1px solid var(--line);
        border-radius: 8px;
      }
      .controls-label {
        color: var(--muted);
        font-size: 0.9em;
      }
      .banner {
        margin: 1em 2em 0;
        padding: 0.6em 1em;
        border-radius: 8px;
        font-size: 0.95em;
      }
      .banner.reported {
        background: #eff6ff;
        color: #1e3a8a;
      }
      .banner.synthetic {
        color: #7c2d12;
        background: repeating-linear-gradient(-45deg, #fff7ed, #fff7ed 8px, #ffedd5 8px, #ffedd5 16px);
        border: 1px solid #fdba74;
      }
      main {
        padding: 0 2em 2em;
      }
      .view {
        margin-top: 1.5em;
        padding: 1.25em 1.5em 1.5em;
        background: var(--card);
        border: 1px solid var(--line);
        border-radius: 12px;
      }
      .view h2 {
        margin: 0;
        font-size: 1.25em;
      }
      .lede {
        margin: 0.2em 0 0;
        color: var(--muted);
      }
      h3 {
        margin: 1.25em 0 0.5em;
        font-size: 1em;
        color: var(--muted);
        font-weight: 600;
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(11em, 1fr));
        gap: 0.75em;
        margin-top: 1em;
      }
      .card {
        padding: 0.75em 1em;
        border: 1px solid var(--line);
        border-radius: 10px;
        background: #fafbff;
      }
      .card-label {
        color: var(--muted);
        font-size: 0.85em;
      }
      .card-value {
        font-size: 1.6em;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .card-exact,
      .card-note {
        color: var(--muted);
        font-size: 0.8em;
        font-variant-numeric: tabular-nums;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(26em, 1fr));
        gap: 1.5em;
      }
      .chart {
        width: 100%;
        height: 380px;
      }
      .chart.small {
        height: 240px;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.9em;
        margin-top: 0.5em;
      }
      th,
      td {
        text-align: left;
        padding: 0.4em 0.6em;
        border-bottom: 1px solid var(--line);
        vertical-align: top;
      }
      th {
        color: var(--muted);
        font-weight: 600;
      }
      td.num {
        text-align: right;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      td.source {
        vertical-align: top;
        color: var(--muted);
        border-left: 3px solid var(--line);
      }
      details {
        margin-top: 1em;
      }
      summary {
        cursor: pointer;
        color: var(--accent);
      }
      .note {
        color: var(--muted);
        font-size: 0.85em;
      }
      .warn {
        color: var(--warn);
      }
      .error {
        color: #b91c1c;
        margin: 1em 2em;
      }
      .loading {
        margin: 1em 2em;
        color: var(--muted);
      }
      footer {
        padding: 0 2em 2em;
        color: var(--muted);
        font-size: 0.85em;
      }
    </style>
  </head>
  <body data-state="loading">
    <header class="top">
      <div>
        <h1 data-text="title">${zh.title}</h1>
        <p class="subtitle" data-text="subtitle">${zh.subtitle}</p>
      </div>
      <div class="controls">
        <span class="controls-label" data-text="provenance">${zh.provenance}</span>
        <div class="segmented" role="group">
          <button type="button" data-scope-button="reported" data-text="reportedOnly" aria-pressed="true">${zh.reportedOnly}</button>
          <button type="button" data-scope-button="everything" data-text="everything" aria-pressed="false">${zh.everything}</button>
        </div>
        <button type="button" id="language" lang="en">English</button>
      </div>
    </header>
    <div id="banner" class="banner reported" role="status"></div>
    <div id="status"></div>
    <main>${section(
      'donations',
      'donations',
      'donationsNote',
      `        <div id="donation-cards" class="cards"></div>
        <div class="grid">
          <div><h3 data-text="byIndustry">${zh.byIndustry}</h3><div id="chart-industry" class="chart"></div></div>
          <div><h3 data-text="topDonors">${zh.topDonors}</h3><div id="chart-donors" class="chart"></div></div>
        </div>
        <h3 data-text="articleVsNamed">${zh.articleVsNamed}</h3>
        <div id="donation-articles"></div>
        <div id="donation-table"></div>`,
    )}${section(
      'training',
      'training',
      'trainingNote',
      `        <div id="training-cards" class="cards"></div>
        <div id="chart-training" class="chart"></div>
        <div id="training-source"></div>
        <div id="training-table"></div>`,
    )}${section(
      'organizations',
      'organizations',
      'organizationsNote',
      `        <div id="organization-cards" class="cards"></div>
        <div class="grid">
          <div><h3 data-text="byType">${zh.byType}</h3><div id="chart-types" class="chart small"></div></div>
          <div><h3 data-text="byStatus">${zh.byStatus}</h3><div id="chart-statuses" class="chart small"></div></div>
        </div>
        <h3 data-text="byProvince">${zh.byProvince}</h3>
        <div id="chart-provinces" class="chart"></div>
        <div id="organization-table"></div>`,
    )}
    </main>
    <footer data-text="footer">${zh.footer}</footer>
${assets.scripts.map((src) => `    <script src="${src}"></script>`).join('\n')}
  </body>
</html>
`;
}
