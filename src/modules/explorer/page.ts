/** Where the page loads its stylesheet and scripts from, in load order for the scripts. */
export interface PageAssets {
  stylesheet: string;
  scripts: string[];
}

/** The GraphiQL page: an API key field above an editor that fills the rest of the window. */
export function explorerPage(assets: PageAssets): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>gongyi-graph · GraphiQL</title>
    <link rel="stylesheet" href="${assets.stylesheet}" />
    <style>
      :root {
        color-scheme: light dark;
      }
      html,
      body {
        height: 100%;
        margin: 0;
      }
      body {
        display: flex;
        flex-direction: column;
        background: Canvas;
        color: CanvasText;
      }
      .api-key {
        display: flex;
        align-items: center;
        gap: 0.75em;
        padding: 0.5em 1em;
        border-bottom: 1px solid color-mix(in srgb, CanvasText 15%, transparent);
        font: 14px system-ui, sans-serif;
      }
      .api-key input {
        width: 24em;
        padding: 0.25em 0.5em;
        font: inherit;
      }
      .api-key small {
        opacity: 0.7;
      }
      #graphiql {
        flex: 1;
        min-height: 0;
      }
    </style>
  </head>
  <body>
    <div class="api-key">
      <label for="api-key">API key</label>
      <input id="api-key" type="password" autocomplete="off" spellcheck="false" />
      <small>Kept in this browser and sent as <code>Authorization: Bearer …</code> with every request; leave empty to query anonymously.</small>
    </div>
    <div id="graphiql"></div>
${assets.scripts.map((src) => `    <script src="${src}"></script>`).join('\n')}
  </body>
</html>
`;
}
