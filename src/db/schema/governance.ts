import { sql } from 'drizzle-orm';
import { char, check, date, index, numeric, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, provenance, timestamps, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';

/** The catalogue of what is measured; reference data loaded with the migrations. */
export const governanceIndicators = pgTable('governance_indicators', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  /** what a value counts: yuan, person-times, organizations, ratio, … */
  unit: text('unit').notNull(),
});

export const metricScope = pgEnum('metric_scope', ['NATIONAL', 'REGION', 'ORGANIZATION']);

/** How exact a reported value is: 超过 (over) is AT_LEAST, 约/接近 (about, close to) is APPROXIMATE. */
export const valueQualifier = pgEnum('value_qualifier', ['EXACT', 'AT_LEAST', 'APPROXIMATE']);

export const governanceMetrics = pgTable(
  'governance_metrics',
  {
    id: id(),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => governanceIndicators.code, { onDelete: 'restrict' }),
    scope: metricScope('scope').notNull(),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    regionCode: char('region_code', { length: 6 }).references(() => regions.code, { onDelete: 'restrict' }),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** exact, in the indicator's unit; null for a target not yet measured */
    value: numeric('value'),
    valueQualifier: valueQualifier('value_qualifier').notNull().default('EXACT'),
    /** exact, in the indicator's unit */
    target: numeric('target'),
    ...provenance(),
    ...timestamps(),
    ...version(),
  },
  (t) => [
    check('governance_metrics_period_ordered', sql`${t.periodEnd} >= ${t.periodStart}`),
    check('governance_metrics_has_figure', sql`${t.value} is not null or ${t.target} is not null`),
    check(
      'governance_metrics_scope_matches',
      sql`case ${t.scope}
        when 'NATIONAL' then ${t.organizationId} is null and ${t.regionCode} is null
        when 'REGION' then ${t.organizationId} is null and ${t.regionCode} is not null
        else ${t.organizationId} is not null end`,
    ),
    index('governance_metrics_period_end_id_idx').on(t.periodEnd, t.id),
    // the CREATED_AT order's page without sorting every metric
    index('governance_metrics_created_at_id_idx').on(t.createdAt, t.id),
    index('governance_metrics_indicator_code_idx').on(t.indicatorCode),
    index('governance_metrics_organization_id_idx').on(t.organizationId),
    /** the records citing a source (`Source.supports`); generated rows cite none */
    index('governance_metrics_source_id_idx')
      .on(t.sourceId)
      .where(sql`${t.sourceId} is not null`),
  ],
);
