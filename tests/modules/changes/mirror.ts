import type { TestServer } from '../../support/server';
import { CHANGES } from './documents';

/** Field values by GraphQL field name, as the feed and history give them. */
export type Fields = Record<string, string | null>;

/** A change as `CHANGES` selects it. */
export interface FeedChange {
  cursor: string;
  entity: string;
  action: string;
  recordId: string;
  version: number;
  fields: Fields;
  previous: Fields | null;
}

export interface MirroredRecord {
  entity: string;
  version: number;
  fields: Fields;
}

/** Fields without the empty ones: a creation carries only the non-empty. */
export const present = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));

/**
 * A copy of the written records built from the change feed alone: a creation is its `fields`,
 * every later version patches them. It applies a change only to the version before it and
 * notes every change that does not fit (a gap, a repeat, `previous` unlike the copy).
 */
export class Mirror {
  readonly records = new Map<string, MirroredRecord>();
  readonly misfits: string[] = [];
  applied = 0;
  cursor: string | undefined;

  apply(change: FeedChange): void {
    const held = this.records.get(change.recordId);
    const at = `${change.entity} ${change.recordId} v${change.version}`;
    this.applied++;
    if (change.action === 'CREATED') {
      if (held || change.version !== 1 || change.previous !== null)
        this.misfits.push(`${at}: a creation that does not fit`);
      else this.records.set(change.recordId, { entity: change.entity, version: 1, fields: { ...change.fields } });
      return;
    }
    if (!held || held.version !== change.version - 1) {
      this.misfits.push(`${at}: arrived at v${held?.version ?? 'none'}`);
      return;
    }
    for (const [name, before] of Object.entries(change.previous ?? {})) {
      if ((held.fields[name] ?? null) !== before)
        this.misfits.push(`${at}: ${name} was ${held.fields[name]}, not ${before}`);
    }
    Object.assign(held.fields, change.fields);
    held.version = change.version;
  }

  /** Reads the feed from where it stopped until it says nothing more is waiting; the pages read. */
  async follow(server: TestServer, headers: Record<string, string> = {}, first = 500): Promise<number> {
    for (let pages = 1; ; pages++) {
      const { body } = await server.query(CHANGES, { since: this.cursor, first }, headers);
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      const page = body.data.changes;
      for (const change of page.changes) this.apply(change);
      this.cursor = page.cursor;
      if (!page.hasMore) return pages;
    }
  }

  /** The records of one kind, by global ID, with their version and non-empty fields. */
  of(entity: string): Map<string, { version: number; fields: Fields }> {
    return new Map(
      [...this.records]
        .filter(([, r]) => r.entity === entity)
        .map(([id, r]) => [id, { version: r.version, fields: present(r.fields) }]),
    );
  }
}

const id = (related: { id: string } | null): string | null => related?.id ?? null;
const money = (amount: { value: string } | null): string | null => amount?.value ?? null;
const count = (n: number | null): string | null => (n === null ? null : String(n));
const code = (region: { code: string } | null): string | null => region?.code ?? null;

/**
 * How to read each kind of record through the API, and its fields as history shows them (the
 * readers of src/modules/<domain>/writes.ts): the same names and strings, read the way a
 * client reads them.
 */
export const CURRENT_RECORDS: Record<string, { selection: string; fields: (r: any) => Fields }> = {
  DONATION: {
    selection: `... on Donation { version donor { id } donorName recipient { id } project { id } purpose status
      pledgedOn deliveredOn total { value } cash { value } inKind { value } inKindDescription delivered { value } note }`,
    fields: (d) => ({
      donor: id(d.donor),
      donorName: d.donorName,
      recipient: id(d.recipient),
      project: id(d.project),
      purpose: d.purpose,
      status: d.status,
      pledgedOn: d.pledgedOn,
      deliveredOn: d.deliveredOn,
      total: money(d.total),
      cash: money(d.cash),
      inKind: money(d.inKind),
      inKindDescription: d.inKindDescription,
      delivered: money(d.delivered),
      note: d.note,
    }),
  },
  PROJECT: {
    selection: `... on Project { version organization { id } name category fundingChannel status region { code }
      startsOn endsOn budget { value } beneficiaryCount targetGroups }`,
    fields: (p) => ({
      organization: id(p.organization),
      name: p.name,
      category: p.category,
      fundingChannel: p.fundingChannel,
      status: p.status,
      region: code(p.region),
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      budget: money(p.budget),
      beneficiaryCount: count(p.beneficiaryCount),
      targetGroups: JSON.stringify(p.targetGroups),
    }),
  },
  PROJECT_REPORT: {
    selection: `... on ProjectReport { version project { id } periodStart periodEnd summary beneficiariesReached spent { value } }`,
    fields: (r) => ({
      project: id(r.project),
      periodStart: r.periodStart,
      periodEnd: r.periodEnd,
      summary: r.summary,
      beneficiariesReached: count(r.beneficiariesReached),
      spent: money(r.spent),
    }),
  },
  TRAINING_SESSION: {
    selection: `... on TrainingSession { version title organizer { id } format audiences topics region { code }
      startsOn endsOn participantCount }`,
    fields: (t) => ({
      title: t.title,
      organizer: id(t.organizer),
      format: t.format,
      audiences: JSON.stringify(t.audiences),
      topics: JSON.stringify(t.topics),
      region: code(t.region),
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      participantCount: count(t.participantCount),
    }),
  },
  GOVERNANCE_METRIC: {
    selection: `... on GovernanceMetric { version indicator { code } scope organization { id } region { code }
      periodStart periodEnd value valueQualifier target }`,
    fields: (m) => ({
      indicator: m.indicator.code,
      scope: m.scope,
      organization: id(m.organization),
      region: code(m.region),
      periodStart: m.periodStart,
      periodEnd: m.periodEnd,
      value: m.value,
      valueQualifier: m.valueQualifier,
      target: m.target,
    }),
  },
};

/** The records of one kind as the API shows them now, by global ID, with their version and non-empty fields. */
export async function readCurrentRecords(
  server: TestServer,
  entity: string,
  ids: readonly string[],
): Promise<Map<string, { version: number; fields: Fields }>> {
  const { selection, fields } = CURRENT_RECORDS[entity]!;
  const document = `query Current($ids: [ID!]!) { nodes(ids: $ids) { id ${selection} } }`;
  const current = new Map<string, { version: number; fields: Fields }>();
  for (let from = 0; from < ids.length; from += 100) {
    const { body } = await server.query(document, { ids: ids.slice(from, from + 100) });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    for (const record of body.data.nodes) {
      current.set(record.id, { version: record.version, fields: present(fields(record)) });
    }
  }
  return current;
}
