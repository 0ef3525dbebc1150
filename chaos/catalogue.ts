/**
 * Distinct read queries whose answers are recorded once, on a quiet server, before any chaos: each
 * names different lists, filters, ids and aliases, so an answer handed to the wrong request shows.
 */
import { isDeepStrictEqual } from 'node:util';
import { globalId, type Fixtures } from './fixtures';
import { graphqlPost, send, type HttpRequest, type Target } from './http';

export interface Known {
  name: string;
  request: HttpRequest;
  /** the `data` of the recorded answer */
  expected: unknown;
}

interface Operation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

function operations(f: Fixtures): Operation[] {
  const org = (i: number) => globalId('Organization', f.organizationIds[i % f.organizationIds.length]!);
  const project = (i: number) => globalId('Project', f.projectIds[i % f.projectIds.length]!);
  const donation = (i: number) => globalId('Donation', f.donationIds[i % f.donationIds.length]!);
  const session = (i: number) => globalId('TrainingSession', f.trainingSessionIds[i % f.trainingSessionIds.length]!);
  const ops: Operation[] = [];
  for (const first of [3, 5, 8])
    ops.push({
      name: `organizations by name, first ${first}`,
      query: `query($first: Int) { organizations(first: $first, orderBy: {field: NAME}) { nodes { id name type } } }`,
      variables: { first },
    });
  for (const type of ['FOUNDATION', 'ENTERPRISE', 'SOCIAL_GROUP'])
    ops.push({
      name: `organizations of type ${type}`,
      query: `{ organizations(filter: {types: [${type}]}, first: 4, orderBy: {field: CREATED_AT, direction: DESC}) { totalCount nodes { id name foundedOn } } }`,
    });
  for (let i = 0; i < 6; i += 1)
    ops.push({
      name: `organization ${i} with its projects`,
      query: `query($id: ID!) { organization(id: $id) { id name projects(first: 3, orderBy: {field: NAME}) { totalCount nodes { id name status } } } }`,
      variables: { id: org(i) },
    });
  for (let i = 0; i < 6; i += 1)
    ops.push({
      name: `project ${i} with its donations`,
      query: `query($id: ID!) { project(id: $id) { id name donations(first: 5, orderBy: {field: TOTAL, direction: DESC}) { totalCount nodes { id total { value } donorName } } } }`,
      variables: { id: project(i) },
    });
  for (const [field, direction] of [
    ['TOTAL', 'DESC'],
    ['PLEDGED_ON', 'ASC'],
    ['CREATED_AT', 'DESC'],
  ] as const)
    ops.push({
      name: `donations by ${field} ${direction}`,
      query: `{ donations(first: 7, orderBy: {field: ${field}, direction: ${direction}}) { pageInfo { endCursor hasNextPage } nodes { id status pledgedOn total { value } } } }`,
    });
  for (const purpose of ['EDUCATION', 'HEALTH', 'DISASTER_RELIEF'])
    ops.push({
      name: `donation summary for ${purpose}`,
      query: `query($purpose: DonationPurpose) { donationSummary(filter: {purpose: $purpose}) { donationCount donorCount total { value } cash { value } } }`,
      variables: { purpose },
    });
  for (const groupBy of ['PURPOSE', 'STATUS', 'YEAR'])
    ops.push({
      name: `donation stats by ${groupBy}`,
      query: `{ donationStats(groupBy: ${groupBy}, first: 6) { key donationCount total { value } } }`,
    });
  for (let i = 0; i < 6; i += 1)
    ops.push({
      name: `node: donation ${i}`,
      query: `query($id: ID!) { node(id: $id) { id ... on Donation { donorName purpose total { value } project { id name } } } }`,
      variables: { id: donation(i) },
    });
  for (let i = 0; i < 4; i += 1)
    ops.push({
      name: `aliased organizations ${i} and ${i + 1}`,
      query: `query($a: ID!, $b: ID!) { left${i}: organization(id: $a) { name type } right${i}: organization(id: $b) { name donationsReceived(first: 2) { totalCount } } }`,
      variables: { a: org(i), b: org(i + 1) },
    });
  for (const status of ['ACTIVE', 'COMPLETED', 'PLANNED'])
    ops.push({
      name: `projects ${status}`,
      query: `{ projects(filter: {statuses: [${status}]}, first: 6, orderBy: {field: STARTS_ON, direction: DESC}) { totalCount nodes { id name startsOn organization { name } } } }`,
    });
  ops.push({
    name: 'training sessions by participants',
    query: `{ trainingSessions(first: 5, orderBy: {field: PARTICIPANT_COUNT, direction: DESC}) { nodes { id title participantCount } } }`,
  });
  ops.push({
    name: 'training progress',
    query: `{ trainingProgress { sessionCount personTimes target } }`,
  });
  ops.push({
    name: 'governance metrics',
    query: `{ governanceMetrics(first: 5, orderBy: {field: PERIOD_END, direction: DESC}) { totalCount nodes { id value indicator { code } } } }`,
  });
  ops.push({
    name: 'nodes of several types',
    query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Project { name } ... on TrainingSession { title } ... on Donation { total { value } } } }`,
    variables: { ids: [project(0), session(0), donation(1), session(1)] },
  });
  return ops;
}

/** Asks every operation twice on a quiet server; each must answer without errors, the same both times. */
export async function recordCatalogue(target: Target, fixtures: Fixtures): Promise<Known[]> {
  const known: Known[] = [];
  for (const op of operations(fixtures)) {
    const request = graphqlPost({ query: op.query, variables: op.variables ?? {} });
    const answers: unknown[] = [];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const result = await send(target, request, 30_000);
      if (result.kind !== 'reply' || result.status !== 200)
        throw new Error(`recording "${op.name}" failed: ${JSON.stringify(result).slice(0, 500)}`);
      const body = JSON.parse(result.text) as { data?: unknown; errors?: unknown };
      if (body.errors || !body.data) throw new Error(`recording "${op.name}": ${result.text.slice(0, 500)}`);
      answers.push(body.data);
    }
    if (!isDeepStrictEqual(answers[0], answers[1])) throw new Error(`"${op.name}" answered differently twice`);
    known.push({ name: op.name, request, expected: answers[0] });
  }
  return known;
}
