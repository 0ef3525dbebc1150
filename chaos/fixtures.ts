/** Ids from the seeded database that the scenarios' queries name. */
import type postgres from 'postgres';

export interface Fixtures {
  organizationIds: string[];
  projectIds: string[];
  donationIds: string[];
  trainingSessionIds: string[];
  /** any row id, for global IDs of a type that does not match */
  someUuid: string;
}

/** Opaque global ID, as src/modules/node/global-id.ts writes it. */
export const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

export async function readFixtures(sql: postgres.Sql): Promise<Fixtures> {
  const ids = async (query: string) => (await sql.unsafe<{ id: string }[]>(query)).map((r) => r.id);
  const organizationIds = await ids(`select o.id::text as id from organizations o
    join projects p on p.organization_id = o.id group by o.id order by count(*) desc, o.id limit 12`);
  const projectIds = await ids(`select p.id::text as id from projects p
    join donations d on d.project_id = p.id group by p.id order by count(*) desc, p.id limit 12`);
  const donationIds = await ids(`select id::text as id from donations order by id limit 12`);
  const trainingSessionIds = await ids(`select id::text as id from training_sessions order by id limit 6`);
  return { organizationIds, projectIds, donationIds, trainingSessionIds, someUuid: donationIds[0]! };
}
