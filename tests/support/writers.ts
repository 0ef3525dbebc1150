import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../src/db/client';
import { createTestKey, type TestKey } from './keys';
import { toGlobalId } from '../../src/modules/node/global-id';

/** Organizations of the demo data that tests write for, by global ID, with a PARTNER key each. */
export interface Writers {
  foundation: { id: string; name: string; key: TestKey };
  grantee: { id: string; name: string; projectId: string; key: TestKey };
  /** a third organization, with a project of its own, that neither of the others may write for */
  other: { id: string; projectId: string; key: TestKey };
  internal: TestKey;
  developer: TestKey;
}

/**
 * A foundation and two other organizations with projects from the demo data, and their keys.
 * Each call makes new keys; the organizations are the same ones.
 */
export async function createWriters(db: Db): Promise<Writers> {
  const [foundation] = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from organizations where type = 'FOUNDATION' order by name, id limit 1`,
  );
  const withProjects = await rows<{ organization_id: string; name: string; project_id: string }>(
    db,
    sql`select distinct on (o.id) o.id as organization_id, o.name, p.id as project_id
        from organizations o join projects p on p.organization_id = o.id
        where o.type <> 'FOUNDATION' order by o.id, p.created_at, p.id limit 2`,
  );
  const [grantee, other] = withProjects;
  if (!foundation || !grantee || !other)
    throw new Error('the demo data lacks a foundation or two organizations with projects');
  const partner = (organizationId: string, name: string) =>
    createTestKey(db, { name, tier: 'PARTNER', organizationId });
  return {
    foundation: {
      id: toGlobalId('Organization', foundation.id),
      name: foundation.name,
      key: await partner(foundation.id, 'foundation key'),
    },
    grantee: {
      id: toGlobalId('Organization', grantee.organization_id),
      name: grantee.name,
      projectId: toGlobalId('Project', grantee.project_id),
      key: await partner(grantee.organization_id, 'grantee key'),
    },
    other: {
      id: toGlobalId('Organization', other.organization_id),
      projectId: toGlobalId('Project', other.project_id),
      key: await partner(other.organization_id, 'other key'),
    },
    internal: await createTestKey(db, { name: 'staff key', tier: 'INTERNAL' }),
    developer: await createTestKey(db, { name: 'app key', tier: 'DEVELOPER' }),
  };
}
