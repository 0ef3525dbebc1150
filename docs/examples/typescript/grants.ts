/**
 * A foundation reports a grant with its PARTNER key: records it, records its two tranches, is
 * refused a third that would exceed the total, and prints the grant's history. The guide is
 * docs/reporting-grants.md; the documents are grants.graphql, typed in generated.ts.
 *
 *     GONGYI_API_KEY=gyk1_… npx tsx docs/examples/typescript/grants.ts <project ID> <grant reference> [origin]
 *
 * Every write sends an Idempotency-Key made from the grant reference (your own number for the
 * grant, such as FZ-2026-014): run it again with the same reference and every write is answered
 * with its first response, nothing written twice.
 */
import { createClient, type Client } from './client';
import {
  GrantHistoryDocument,
  MeDocument,
  ProjectOwnerDocument,
  RecordGrantDocument,
  RecordTrancheDocument,
  type DonationPurpose,
  type RecordGrantMutation,
  type RecordTrancheMutation,
} from './generated';

/** Yuan as the API takes and gives them: a decimal string with at most two decimals, never a float. */
export type Yuan = string;

export interface Grant {
  /** the grantee's project (global ID); the grant goes to the organization that runs it */
  projectId: string;
  purpose: DonationPurpose;
  /** YYYY-MM-DD */
  pledgedOn: string;
  total: Yuan;
  /** your own reference for the grant; the Idempotency-Keys are made from it */
  reference: string;
}

/** Records a grant from the key's own organization to the organization running the project. */
export async function recordGrant(client: Client, grant: Grant) {
  const { data: me } = await client.execute(MeDocument, {});
  const { data: owner } = await client.execute(ProjectOwnerDocument, { id: grant.projectId });
  if (!me.viewer?.organization) throw new Error('a PARTNER key acting for your foundation is needed');
  if (!owner.project) throw new Error(`no project has the ID ${grant.projectId}`);
  return client.mutate(
    RecordGrantDocument,
    {
      input: {
        donorId: me.viewer.organization.id,
        recipientId: owner.project.organization.id,
        projectId: grant.projectId,
        purpose: grant.purpose,
        pledgedOn: grant.pledgedOn,
        total: grant.total,
      },
    },
    { idempotencyKey: `${grant.reference}/grant` },
  );
}

/** Records the `n`th tranche of a grant; its key names the grant and the tranche, so a retry never pays twice. */
export function recordTranche(
  client: Client,
  grant: { id: string; reference: string },
  n: number,
  amount: Yuan,
  paidOn: string,
) {
  return client.mutate(
    RecordTrancheDocument,
    { input: { donationId: grant.id, amount, paidOn, note: `tranche ${n}` } },
    { idempotencyKey: `${grant.reference}/tranche-${n}` },
  );
}

/** One line for a mutation's result: what it wrote, or the UserError. */
function describe(
  result: RecordGrantMutation['recordDonation'] | RecordTrancheMutation['recordDisbursement'],
  replayed: boolean,
): string {
  const again = replayed ? ' (replayed: nothing written)' : '';
  if (result.__typename === 'UserError') return `refused: ${result.code} ${result.field}: ${result.message}${again}`;
  const { status, version, delivered } = result.donation;
  return `${status}, version ${version}, ${delivered.value} CNY delivered${again}`;
}

async function main(): Promise<void> {
  const [projectId, reference, origin = 'http://127.0.0.1:4000'] = process.argv.slice(2);
  if (!projectId || !reference) throw new Error('usage: grants.ts <project ID> <grant reference> [origin]');
  const client = createClient({ origin, apiKey: process.env['GONGYI_API_KEY'] });

  const recorded = await recordGrant(client, {
    projectId,
    reference,
    purpose: 'CHILD_WELFARE',
    pledgedOn: '2026-03-01',
    total: '100000.00',
  });
  const result = recorded.data.recordDonation;
  console.log(`grant: ${describe(result, recorded.replayed)}`);
  if (result.__typename === 'UserError') return;
  const grant = { id: result.donation.id, reference };

  for (const [n, amount, paidOn] of [
    [1, '60000.00', '2026-04-01'],
    [2, '40000.00', '2026-05-01'],
    [3, '0.01', '2026-05-02'],
  ] as const) {
    const tranche = await recordTranche(client, grant, n, amount, paidOn);
    console.log(`tranche ${n}, ${amount}: ${describe(tranche.data.recordDisbursement, tranche.replayed)}`);
  }

  const { data } = await client.execute(GrantHistoryDocument, { id: grant.id });
  for (const change of data.donation?.history.nodes ?? []) {
    const fields =
      change.action === 'CREATED'
        ? `${change.changes.length} fields`
        : change.changes.map((c) => `${c.field} ${c.before ?? '∅'} → ${c.after ?? '∅'}`).join(', ');
    console.log(`  v${change.version} ${change.action} by ${change.actor.name}: ${fields}`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
