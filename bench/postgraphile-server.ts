/**
 * PostGraphile 5 with its Amber preset over the benchmark database, served by grafserv on
 * node:http. Needs Promise.withResolvers: run with --require ./bench/promise-with-resolvers.cjs.
 * Started by bench/run.ts with PORT and DATABASE_URL in the environment.
 */
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const pgl = postgraphile({
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({ connectionString: process.env['DATABASE_URL']!, schemas: ['public'], poolConfig: { max: 10 } }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false },
});
const server = createServer();
void pgl
  .createServ(grafserv)
  .addTo(server)
  .then(() => server.listen(Number(process.env['PORT']), '127.0.0.1', () => process.stdout.write('ready\n')));
