import type {
  FundingChannel,
  ProjectCategory,
  ProjectStatus,
  SubmitProjectReportInput,
  TargetGroup,
  UpsertProjectInput,
} from '../../generated/graphql';
import { readYuan } from '../money/yuan';
import { firstError, periodError, readCount, readId, readText } from '../mutations/inputs';
import { invalid, type UserErrorShape } from '../mutations/user-error';
import { readRegionCode } from '../regions/codes';

/** A project to create (`id` null) or to replace the fields of, its input read and checked on its own. */
export interface ProjectDraft {
  id: string | null;
  expectedVersion: number | null;
  reason: string | null;
  organizationId: string;
  name: string;
  category: ProjectCategory;
  fundingChannel: FundingChannel;
  status: ProjectStatus;
  regionCode: string | null;
  startsOn: string | null;
  endsOn: string | null;
  /** yuan, two decimals */
  budget: string | null;
  beneficiaryCount: number | null;
  targetGroups: TargetGroup[];
}

/** A report to submit, its input read and checked on its own (the project is checked against the database later). */
export interface ProjectReportDraft {
  projectId: string;
  periodStart: string;
  periodEnd: string;
  summary: string;
  /** people served in the period */
  beneficiariesReached: number | null;
  /** yuan, two decimals */
  spent: string | null;
}

export function readProjectInput(input: UpsertProjectInput, prefix: string): ProjectDraft | UserErrorShape {
  const id = input.id == null ? null : readId(input.id, 'Project', `${prefix}id`);
  const reason =
    input.reason == null || input.reason.trim() === '' ? null : readText(input.reason, `${prefix}reason`, 2_000);
  const organizationId = readId(input.organizationId, 'Organization', `${prefix}organizationId`);
  const name = readText(input.name, `${prefix}name`, 200);
  const regionCode = readRegionCode(input.regionCode, `${prefix}regionCode`);
  const period = input.startsOn == null ? null : periodError(input.startsOn, input.endsOn, `${prefix}endsOn`);
  const budget = input.budget == null ? null : readYuan(input.budget, `${prefix}budget`);
  const beneficiaryCount =
    input.beneficiaryCount == null ? null : readCount(input.beneficiaryCount, `${prefix}beneficiaryCount`);
  const version =
    input.id == null && input.expectedVersion != null
      ? invalid(`${prefix}expectedVersion`, 'is for updates; give id with it')
      : null;
  const error = firstError(id, version, reason, organizationId, name, regionCode, period, budget, beneficiaryCount);
  if (error) return error;
  return {
    id: id as string | null,
    expectedVersion: input.expectedVersion ?? null,
    reason: reason as string | null,
    organizationId: organizationId as string,
    name: name as string,
    category: input.category,
    fundingChannel: input.fundingChannel,
    status: input.status,
    regionCode: regionCode as string | null,
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    budget: budget as string | null,
    beneficiaryCount: beneficiaryCount as number | null,
    targetGroups: [...new Set(input.targetGroups ?? [])],
  };
}

export function readProjectReportInput(
  input: SubmitProjectReportInput,
  prefix: string,
): ProjectReportDraft | UserErrorShape {
  const projectId = readId(input.projectId, 'Project', `${prefix}projectId`);
  const period = periodError(input.periodStart, input.periodEnd, `${prefix}periodEnd`);
  const summary = readText(input.summary, `${prefix}summary`, 10_000);
  const beneficiariesReached =
    input.peopleReached == null ? null : readCount(input.peopleReached, `${prefix}peopleReached`);
  const spent = input.spent == null ? null : readYuan(input.spent, `${prefix}spent`);
  const error = firstError(projectId, period, summary, beneficiariesReached, spent);
  if (error) return error;
  return {
    projectId: projectId as string,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    summary: summary as string,
    beneficiariesReached: beneficiariesReached as number | null,
    spent: spent as string | null,
  };
}
