/**
 * The write side's floor: node:http and postgres.js. `POST /donations` takes the same body as this
 * API's `recordDonation` request, decodes its global IDs and writes the same two rows, the donation
 * and its history row, in one prepared statement (one round trip, its own transaction). No key,
 * budget, validation, ownership check or GraphQL: it bounds what is possible.
 * Started by bench/run.ts with PORT, DATABASE_URL and WRITER (JSON: FloorWriter) in the environment.
 */
import { createServer } from 'node:http';
import postgres from 'postgres';
import { toGlobalId } from '../src/modules/node/global-id';
import { rowIdOf } from './shapes';

/** Whom the floor writes as: the key and source the API's rows carry. */
export interface FloorWriter {
  keyId: string;
  keyName: string;
  organizationId: string;
  sourceId: string;
}

const sql = postgres(process.env['DATABASE_URL']!, { max: 10, onnotice: () => {} });
const writer = JSON.parse(process.env['WRITER']!) as FloorWriter;

const INSERT = `
  with d as (
    insert into donations (donor_id, donor_name, recipient_id, project_id, purpose, status, pledged_on, cash, in_kind,
                           total, in_kind_description, note, provenance_kind, source_id)
    values ($1, (select name from organizations where id = $1), $2, $3, $4, 'PLEDGED', $5, $6, $7, $8, $9, $10,
            'SUBMITTED', $11)
    returning id, version, donor_name)
  insert into record_changes (record_id, entity, version, action, actor_key_id, actor_name, actor_organization_id, after)
  select id, 'DONATION', version, 'CREATED', $12, $13, $14, $15::jsonb || jsonb_build_object('donorName', donor_name)
  from d
  returning record_id`;

type Input = Record<string, string | null | undefined>;

/** The history's `after`, less the donor's name, which the statement adds. */
function after(input: Input): string {
  const fields: Record<string, string | null | undefined> = {
    donor: input['donorId'],
    recipient: input['recipientId'],
    project: input['projectId'],
    purpose: input['purpose'],
    status: 'PLEDGED',
    pledgedOn: input['pledgedOn'],
    total: input['total'],
    cash: input['cash'],
    inKind: input['inKind'],
    inKindDescription: input['inKindDescription'],
    delivered: '0.00',
    note: input['note'],
  };
  return JSON.stringify(Object.fromEntries(Object.entries(fields).filter(([, v]) => v != null)));
}

function write(input: Input): Promise<string> {
  const id = (key: string) => (input[key] ? rowIdOf(input[key]!) : null);
  const params = [
    id('donorId'),
    id('recipientId'),
    id('projectId'),
    input['purpose'],
    input['pledgedOn'],
    input['cash'] ?? null,
    input['inKind'] ?? null,
    input['total'],
    input['inKindDescription'] ?? null,
    input['note'] ?? null,
    writer.sourceId,
    writer.keyId,
    writer.keyName,
    writer.organizationId,
    after(input),
  ];
  return sql
    .unsafe<{ record_id: string }[]>(INSERT, params as never[], { prepare: true })
    .then(([row]) => row!.record_id);
}

createServer((request, response) => {
  if (request.url === '/ready') {
    sql`select 1`.then(
      () => response.writeHead(200).end(),
      () => response.writeHead(503).end(),
    );
    return;
  }
  if (request.url !== '/donations' || request.method !== 'POST') {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables: { input: Input } };
    write(body.variables.input)
      .then((id) => {
        const donation = { id: toGlobalId('Donation', id) };
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { recordDonation: { __typename: 'RecordDonationSuccess', donation } } }));
      })
      .catch((error: Error) => response.writeHead(500).end(error.message));
  });
}).listen(Number(process.env['PORT']), '127.0.0.1', () => process.stdout.write('ready\n'));
