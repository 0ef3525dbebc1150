import type { Db } from '../../db/client';
import { fieldChanges, idField, listField, type HistoryFields } from '../history/changes';
import { insertRecordChanges, type RecordVersion } from '../history/store';
import { invalid, notFound, versionConflict, type UserErrorShape } from '../mutations/user-error';
import { ownershipError, type Writer } from '../mutations/writer';
import { findOrganizationNames } from '../organizations/store';
import { submissionSourceId } from '../provenance/store';
import { unknownRegionError } from '../regions/codes';
import { findKnownRegionCodes } from '../regions/store';
import type { ProjectReportRow, ProjectRow, ProjectWritten } from './mappers';
import {
  findProjectOrganizations,
  insertProjectReports,
  insertProjects,
  lockProjects,
  updateProject,
  type NewProjectRow,
} from './store';
import type { ProjectDraft, ProjectReportDraft } from './validation';

/** What a project's history shows, by field name. */
const PROJECT_HISTORY: HistoryFields<ProjectRow> = {
  organization: idField('Organization', (p) => p.organizationId),
  name: (p) => p.name,
  category: (p) => p.category,
  fundingChannel: (p) => p.fundingChannel,
  status: (p) => p.status,
  region: (p) => p.regionCode,
  startsOn: (p) => p.startsOn,
  endsOn: (p) => p.endsOn,
  budget: (p) => p.budget,
  beneficiaryCount: (p) => (p.beneficiaryCount === null ? null : String(p.beneficiaryCount)),
  targetGroups: listField((p) => p.targetGroups),
};

/** What a report's history shows, by field name. */
const PROJECT_REPORT_HISTORY: HistoryFields<ProjectReportRow> = {
  project: idField('Project', (r) => r.projectId),
  periodStart: (r) => r.periodStart,
  periodEnd: (r) => r.periodEnd,
  summary: (r) => r.summary,
  beneficiariesReached: (r) => (r.beneficiariesReached === null ? null : String(r.beneficiariesReached)),
  spent: (r) => r.spent,
};

/** Database constraints of projects and reports and the input field each speaks of. */
export const PROJECT_CONSTRAINTS: Record<string, UserErrorShape> = {
  projects_period_ordered: invalid('input.endsOn', 'must not be before startsOn'),
  projects_budget_not_negative: invalid('input.budget', 'must not be negative'),
  projects_beneficiary_count_not_negative: invalid('input.beneficiaryCount', 'must not be negative'),
  projects_region_code_regions_code_fk: invalid('input.regionCode', 'is not a known GB/T 2260 region'),
  project_reports_period_ordered: invalid('input.periodEnd', 'must not be before periodStart'),
  project_reports_spent_not_negative: invalid('input.spent', 'must not be negative'),
  project_reports_beneficiaries_not_negative: invalid('input.peopleReached', 'must not be negative'),
};

/** The fields of a project that an upsert sets, from its draft. */
function projectFields(d: ProjectDraft) {
  return {
    name: d.name,
    category: d.category,
    fundingChannel: d.fundingChannel,
    status: d.status,
    regionCode: d.regionCode,
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    budget: d.budget,
    beneficiaryCount: d.beneficiaryCount,
    targetGroups: d.targetGroups,
  };
}

/**
 * Creates projects (drafts without `id`) and replaces the fields of existing ones, each checked
 * against the database first: the organization exists and is the writer's own (PARTNER), an
 * updated project stays with its organization and is at `expectedVersion` when given, the region
 * is known. One result per draft, in order: the project written, or the UserError (fields under
 * `prefix`) of a draft written nothing.
 */
export async function upsertProjects(
  tx: Db,
  writer: Writer,
  drafts: readonly ProjectDraft[],
  prefix: string,
): Promise<(ProjectWritten | UserErrorShape)[]> {
  const names = await findOrganizationNames(
    tx,
    drafts.map((d) => d.organizationId),
  );
  const regions = await findKnownRegionCodes(
    tx,
    drafts.flatMap((d) => (d.regionCode ? [d.regionCode] : [])),
  );
  const current = await lockProjects(
    tx,
    drafts.flatMap((d) => (d.id ? [d.id] : [])),
  );
  const checked = drafts.map((d): ProjectDraft | UserErrorShape => {
    if (d.id === null) {
      if (!names.has(d.organizationId)) return notFound(`${prefix}organizationId`, 'no organization has this ID');
      const foreign = ownershipError(writer, d.organizationId, `${prefix}organizationId`);
      if (foreign) return foreign;
    } else {
      const before = current.get(d.id);
      if (!before) return notFound(`${prefix}id`, 'no project has this ID');
      const foreign = ownershipError(writer, before.organizationId, `${prefix}id`);
      if (foreign) return foreign;
      if (d.organizationId !== before.organizationId) {
        return invalid(`${prefix}organizationId`, 'a project never moves to another organization; give its own');
      }
    }
    return unknownRegionError(d.regionCode, regions, `${prefix}regionCode`) ?? d;
  });
  const sourceId = checked.some((d) => !('code' in d) && d.id === null) ? await submissionSourceId(tx, writer) : null;
  const creates = checked.filter((d): d is ProjectDraft => !('code' in d) && d.id === null);
  const created = await insertProjects(
    tx,
    creates.map((d): NewProjectRow => ({
      ...projectFields(d),
      organizationId: d.organizationId,
      provenanceKind: 'SUBMITTED',
      sourceId,
    })),
  );
  const versions: RecordVersion[] = created.map((p, i) => projectVersion(p, 'CREATED', null, creates[i]!.reason));
  let nextCreated = 0;
  const results: (ProjectWritten | UserErrorShape)[] = [];
  for (const d of checked) {
    if ('code' in d) {
      results.push(d);
      continue;
    }
    if (d.id === null) {
      results.push({ project: created[nextCreated++]!, created: true });
      continue;
    }
    // an earlier draft of this batch may have updated the same project
    const before = current.get(d.id)!;
    if (d.expectedVersion !== null && d.expectedVersion !== before.version) {
      results.push({ ...versionConflict(d.expectedVersion, before.version), field: `${prefix}expectedVersion` });
      continue;
    }
    const after = await updateProject(tx, { ...before, ...projectFields(d), version: before.version + 1 });
    current.set(after.id, after);
    versions.push(projectVersion(after, 'UPDATED', before, d.reason));
    results.push({ project: after, created: false });
  }
  await insertRecordChanges(tx, writer, versions);
  return results;
}

const projectVersion = (
  p: ProjectRow,
  action: RecordVersion['action'],
  before: ProjectRow | null,
  reason: string | null,
): RecordVersion => ({
  entity: 'PROJECT',
  recordId: p.id,
  version: p.version,
  action,
  reason,
  changes: fieldChanges(PROJECT_HISTORY, before, p),
});

/**
 * Submits reports, each checked against the database first: the project exists and belongs to
 * the writer's own organization (PARTNER; a funder's key reports on no grantee's project). One
 * result per draft, in order: the report written, or the UserError (fields under `prefix`) of a
 * draft written nothing. Multi-row statements, however many drafts.
 */
export async function submitProjectReports(
  tx: Db,
  writer: Writer,
  drafts: readonly ProjectReportDraft[],
  prefix: string,
): Promise<(ProjectReportRow | UserErrorShape)[]> {
  const owners = await findProjectOrganizations(
    tx,
    drafts.map((d) => d.projectId),
  );
  const checked = drafts.map((d): ProjectReportDraft | UserErrorShape => {
    const owner = owners.get(d.projectId);
    if (owner === undefined) return notFound(`${prefix}projectId`, 'no project has this ID');
    return ownershipError(writer, owner, `${prefix}projectId`) ?? d;
  });
  const good = checked.filter((d): d is ProjectReportDraft => !('code' in d));
  if (good.length === 0) return checked as UserErrorShape[];
  const sourceId = await submissionSourceId(tx, writer);
  const written = await insertProjectReports(
    tx,
    good.map((d) => ({ ...d, provenanceKind: 'SUBMITTED' as const, sourceId })),
  );
  await insertRecordChanges(
    tx,
    writer,
    written.map((r) => ({
      entity: 'PROJECT_REPORT' as const,
      recordId: r.id,
      version: r.version,
      action: 'CREATED' as const,
      changes: fieldChanges(PROJECT_REPORT_HISTORY, null, r),
    })),
  );
  let next = 0;
  return checked.map((d) => ('code' in d ? d : written[next++]!));
}
