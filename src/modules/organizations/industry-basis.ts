import { sql, type SQL } from 'drizzle-orm';
import type { IndustryBasis } from '../../generated/graphql';
import type { OrganizationRow } from './mappers';

/** How an organization's industry is known; null where it has none. */
export function industryBasis(o: Pick<OrganizationRow, 'industry' | 'industryInferred'>): IndustryBasis | null {
  if (o.industry === null) return null;
  return o.industryInferred ? 'INFERRED' : 'REPORTED';
}

/** `industryBasis` in SQL, from the row's `industry` and `industry_inferred` columns. */
export function industryBasisSql(industry: SQL, inferred: SQL): SQL {
  return sql`case when ${industry} is null then null when ${inferred} then 'INFERRED' else 'REPORTED' end`;
}
