/**
 * The floor: node:http and postgres.js, one prepared statement per shape whose JSON text goes
 * straight to the socket. Nothing a GraphQL server does is done here; it bounds what is possible.
 * `simple: false`: postgres.js sends a statement without parameters as a simple query, never
 * prepared, which would leave the floor parsing and planning every shape at every request.
 * Started by bench/run.ts with PORT, DATABASE_URL and FIXTURES (JSON) in the environment.
 */
import { createServer } from 'node:http';
import postgres from 'postgres';
import { SHAPES, type Fixtures } from './shapes';

const sql = postgres(process.env['DATABASE_URL']!, { max: 10, onnotice: () => {} });
const fixtures = JSON.parse(process.env['FIXTURES']!) as Fixtures;
const statements = new Map(SHAPES.map((s) => [`/${s.name}`, s.floor(fixtures)]));

createServer((request, response) => {
  const statement = statements.get(request.url ?? '');
  if (!statement) {
    response.writeHead(404).end();
    return;
  }
  request.resume();
  sql
    .unsafe<{ body: string }[]>(
      statement.text,
      statement.params as never[],
      { prepare: true, simple: false } as postgres.UnsafeQueryOptions,
    )
    .then(([row]) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(row!.body);
    })
    .catch((error: Error) => {
      response.writeHead(500).end(error.message);
    });
}).listen(Number(process.env['PORT']), '127.0.0.1', () => process.stdout.write('ready\n'));
