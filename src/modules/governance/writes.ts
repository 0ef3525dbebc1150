import type { Db } from '../../db/client';
import { fieldChanges, idField, type HistoryFields } from '../history/changes';
import { insertRecordChanges } from '../history/store';
import { forbiddenRecord, invalid, notFound, type UserErrorShape } from '../mutations/user-error';
import { ownershipError, type Writer } from '../mutations/writer';
import { findOrganizationNames } from '../organizations/store';
import { submissionSourceId } from '../provenance/store';
import { unknownRegionError } from '../regions/codes';
import { findKnownRegionCodes } from '../regions/store';
import type { GovernanceMetricRow } from './mappers';
import { findGovernanceIndicatorsByCodes, insertGovernanceMetrics } from './store';
import type { GovernanceMetricDraft } from './validation';

/** What a metric's history shows, by field name. */
const GOVERNANCE_METRIC_HISTORY: HistoryFields<GovernanceMetricRow> = {
  indicator: (m) => m.indicatorCode,
  scope: (m) => m.scope,
  organization: idField('Organization', (m) => m.organizationId),
  region: (m) => m.regionCode,
  periodStart: (m) => m.periodStart,
  periodEnd: (m) => m.periodEnd,
  value: (m) => m.value,
  valueQualifier: (m) => m.valueQualifier,
  target: (m) => m.target,
};

/** Database constraints of metrics and the input field each speaks of. */
export const GOVERNANCE_METRIC_CONSTRAINTS: Record<string, UserErrorShape> = {
  governance_metrics_period_ordered: invalid('input.periodEnd', 'must not be before periodStart'),
  governance_metrics_has_figure: invalid('input.value', 'give value, target or both'),
  governance_metrics_scope_matches: invalid('input.scope', 'does not match organizationId and regionCode'),
  governance_metrics_indicator_code_governance_indicators_code_fk: notFound(
    'input.indicatorCode',
    'no indicator has this code',
  ),
  governance_metrics_region_code_regions_code_fk: invalid('input.regionCode', 'is not a known GB/T 2260 region'),
};

/**
 * Records metrics, each checked against the database first: the indicator exists; NATIONAL and
 * REGION scopes are for INTERNAL writers only; an ORGANIZATION metric's organization exists and
 * is the writer's own (PARTNER); a REGION metric's region is known. One result per draft, in
 * order: the metric written, or the UserError (fields under `prefix`) of a draft written nothing.
 */
export async function recordGovernanceMetrics(
  tx: Db,
  writer: Writer,
  drafts: readonly GovernanceMetricDraft[],
  prefix: string,
): Promise<(GovernanceMetricRow | UserErrorShape)[]> {
  const codes = [...new Set(drafts.map((d) => d.indicatorCode))];
  const indicators = new Set((await findGovernanceIndicatorsByCodes(tx, codes)).flatMap((i) => (i ? [i.code] : [])));
  const names = await findOrganizationNames(
    tx,
    drafts.flatMap((d) => (d.organizationId ? [d.organizationId] : [])),
  );
  const regions = await findKnownRegionCodes(
    tx,
    drafts.flatMap((d) => (d.regionCode ? [d.regionCode] : [])),
  );
  const checked = drafts.map((d): GovernanceMetricDraft | UserErrorShape => {
    if (!indicators.has(d.indicatorCode)) return notFound(`${prefix}indicatorCode`, 'no indicator has this code');
    if (d.scope !== 'ORGANIZATION' && !writer.internal) {
      return forbiddenRecord(`${prefix}scope`, `${d.scope} metrics are written by INTERNAL keys only`);
    }
    if (d.organizationId !== null) {
      if (!names.has(d.organizationId)) return notFound(`${prefix}organizationId`, 'no organization has this ID');
      const foreign = ownershipError(writer, d.organizationId, `${prefix}organizationId`);
      if (foreign) return foreign;
    }
    return unknownRegionError(d.regionCode, regions, `${prefix}regionCode`) ?? d;
  });
  const good = checked.filter((d): d is GovernanceMetricDraft => !('code' in d));
  if (good.length === 0) return checked as UserErrorShape[];
  const sourceId = await submissionSourceId(tx, writer);
  const written = await insertGovernanceMetrics(
    tx,
    good.map((d) => ({ ...d, provenanceKind: 'SUBMITTED' as const, sourceId })),
  );
  await insertRecordChanges(
    tx,
    writer,
    written.map((m) => ({
      entity: 'GOVERNANCE_METRIC' as const,
      recordId: m.id,
      version: m.version,
      action: 'CREATED' as const,
      changes: fieldChanges(GOVERNANCE_METRIC_HISTORY, null, m),
    })),
  );
  let next = 0;
  return checked.map((d) => ('code' in d ? d : written[next++]!));
}
