import { readFileSync } from 'node:fs';
import { reportedFigures } from '../../src/db/seed/reported-figures';
import { DATA_DOC, renderDataDoc } from '../../src/docs/data-doc';
import { startTestServer, type TestServer } from '../support/server';

describe('docs/data.md', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('is what `npm run docs:data` writes from the data today', async () => {
    expect(readFileSync(DATA_DOC, 'utf8')).toEqual(await renderDataDoc());
  });

  it('shows, for every figure, what its query answers on the seeded data', async () => {
    const figures = reportedFigures();
    const answers = [];
    for (const figure of figures) {
      const { body } = await t.query(figure.query);
      answers.push({ what: figure.what, query: figure.query, body });
    }
    expect(answers).toEqual(figures.map((f) => ({ what: f.what, query: f.query, body: { data: f.data } })));
  });
});
