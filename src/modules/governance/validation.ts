import type { MetricScope, RecordGovernanceMetricInput, ValueQualifier } from '../../generated/graphql';
import { firstError, periodError, readId, readText } from '../mutations/inputs';
import { invalid, type UserErrorShape } from '../mutations/user-error';
import { readRegionCode } from '../regions/codes';

/** A metric to record, its input read and checked on its own (references are checked against the database later). */
export interface GovernanceMetricDraft {
  indicatorCode: string;
  scope: MetricScope;
  /** for ORGANIZATION scope only */
  organizationId: string | null;
  /** for REGION scope only */
  regionCode: string | null;
  periodStart: string;
  periodEnd: string;
  /** exact decimal, in the indicator's unit */
  value: string | null;
  valueQualifier: ValueQualifier;
  /** exact decimal, in the indicator's unit */
  target: string | null;
}

/** What each scope is about: the one of organizationId and regionCode it needs, the other refused. */
function scopeError(input: RecordGovernanceMetricInput, prefix: string): UserErrorShape | null {
  const needs = input.scope === 'ORGANIZATION' ? 'organizationId' : input.scope === 'REGION' ? 'regionCode' : null;
  for (const field of ['organizationId', 'regionCode'] as const) {
    const given = input[field] != null && input[field].trim() !== '';
    if (field === needs && !given) return invalid(`${prefix}${field}`, `is required for ${input.scope} scope`);
    if (field !== needs && given) return invalid(`${prefix}${field}`, `must be omitted for ${input.scope} scope`);
  }
  return null;
}

export function readGovernanceMetricInput(
  input: RecordGovernanceMetricInput,
  prefix: string,
): GovernanceMetricDraft | UserErrorShape {
  const indicatorCode = readText(input.indicatorCode, `${prefix}indicatorCode`, 100);
  const scope = scopeError(input, prefix);
  const organizationId =
    input.scope === 'ORGANIZATION' && input.organizationId != null
      ? readId(input.organizationId, 'Organization', `${prefix}organizationId`)
      : null;
  const regionCode = input.scope === 'REGION' ? readRegionCode(input.regionCode, `${prefix}regionCode`) : null;
  const period = periodError(input.periodStart, input.periodEnd, `${prefix}periodEnd`);
  const figure =
    input.value == null && input.target == null ? invalid(`${prefix}value`, 'give value, target or both') : null;
  const error = firstError(indicatorCode, scope, organizationId, regionCode, period, figure);
  if (error) return error;
  return {
    indicatorCode: indicatorCode as string,
    scope: input.scope,
    organizationId: organizationId as string | null,
    regionCode: regionCode as string | null,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    // the Decimal scalar has checked the digits; numeric stores them exactly
    value: input.value ?? null,
    valueQualifier: input.valueQualifier ?? 'EXACT',
    target: input.target ?? null,
  };
}
