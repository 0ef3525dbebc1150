import type { ExampleTab } from './examples';

/** localStorage key under which the page keeps the API key between visits */
const API_KEY_STORAGE = 'gongyi-graph:api-key';

/**
 * The page's bootstrap, served as its own file so the page's script-src can stay 'self'. Browser
 * JavaScript in a string rather than a compiled function, which coverage instrumentation would
 * rewrite with counters the browser does not have.
 */
export function explorerScript(tabs: ExampleTab[]): string {
  return `'use strict';
{
  const keyInput = document.getElementById('api-key');
  keyInput.value = localStorage.getItem(${JSON.stringify(API_KEY_STORAGE)}) ?? '';
  keyInput.addEventListener('input', () => {
    if (keyInput.value) localStorage.setItem(${JSON.stringify(API_KEY_STORAGE)}, keyInput.value);
    else localStorage.removeItem(${JSON.stringify(API_KEY_STORAGE)});
  });

  const fetcher = GraphiQL.createFetcher({
    url: '/graphql',
    // graphql-js 16 has no @defer or @stream: plain JSON responses only
    enableIncrementalDelivery: false,
    fetch: (url, init) => {
      const headers = new Headers(init.headers);
      const key = keyInput.value.trim();
      if (key) headers.set('authorization', 'Bearer ' + key);
      return fetch(url, { ...init, headers });
    },
  });

  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultTabs: ${JSON.stringify(tabs)} }),
  );
}
`;
}
