import type { Db } from '../../db/client';
import { fieldChanges, idField, listField, type HistoryFields } from '../history/changes';
import { insertRecordChanges } from '../history/store';
import { invalid, notFound, type UserErrorShape } from '../mutations/user-error';
import { ownershipError, type Writer } from '../mutations/writer';
import { findOrganizationNames } from '../organizations/store';
import { submissionSourceId } from '../provenance/store';
import { unknownRegionError } from '../regions/codes';
import { findKnownRegionCodes } from '../regions/store';
import type { TrainingSessionRow } from './mappers';
import { insertTrainingSessions } from './store';
import type { TrainingSessionDraft } from './validation';

/** What a session's history shows, by field name. */
const TRAINING_SESSION_HISTORY: HistoryFields<TrainingSessionRow> = {
  title: (t) => t.title,
  organizer: idField('Organization', (t) => t.organizerId),
  format: (t) => t.format,
  audiences: listField((t) => t.audiences),
  topics: listField((t) => t.topics),
  region: (t) => t.regionCode,
  startsOn: (t) => t.startsOn,
  endsOn: (t) => t.endsOn,
  participantCount: (t) => String(t.participantCount),
};

/** Database constraints of training sessions and the input field each speaks of. */
export const TRAINING_SESSION_CONSTRAINTS: Record<string, UserErrorShape> = {
  training_sessions_participants_not_negative: invalid('input.participantCount', 'must not be negative'),
  training_sessions_period_ordered: invalid('input.endsOn', 'must not be before startsOn'),
  training_sessions_region_code_regions_code_fk: invalid('input.regionCode', 'is not a known GB/T 2260 region'),
};

/**
 * Records training sessions, each checked against the database first: the organizer exists and
 * is the writer's own organization (PARTNER), the region is known. One result per draft, in
 * order: the session written, or the UserError (fields under `prefix`) of a draft written
 * nothing. Multi-row statements, however many drafts; `trainingProgress` counts them at once.
 */
export async function recordTrainingSessions(
  tx: Db,
  writer: Writer,
  drafts: readonly TrainingSessionDraft[],
  prefix: string,
): Promise<(TrainingSessionRow | UserErrorShape)[]> {
  const names = await findOrganizationNames(
    tx,
    drafts.map((d) => d.organizerId),
  );
  const regions = await findKnownRegionCodes(
    tx,
    drafts.flatMap((d) => (d.regionCode ? [d.regionCode] : [])),
  );
  const checked = drafts.map((d): TrainingSessionDraft | UserErrorShape => {
    if (!names.has(d.organizerId)) return notFound(`${prefix}organizerId`, 'no organization has this ID');
    return (
      ownershipError(writer, d.organizerId, `${prefix}organizerId`) ??
      unknownRegionError(d.regionCode, regions, `${prefix}regionCode`) ??
      d
    );
  });
  const good = checked.filter((d): d is TrainingSessionDraft => !('code' in d));
  if (good.length === 0) return checked as UserErrorShape[];
  const sourceId = await submissionSourceId(tx, writer);
  const written = await insertTrainingSessions(
    tx,
    good.map((d) => ({ ...d, provenanceKind: 'SUBMITTED' as const, sourceId })),
  );
  await insertRecordChanges(
    tx,
    writer,
    written.map((t) => ({
      entity: 'TRAINING_SESSION' as const,
      recordId: t.id,
      version: t.version,
      action: 'CREATED' as const,
      changes: fieldChanges(TRAINING_SESSION_HISTORY, null, t),
    })),
  );
  let next = 0;
  return checked.map((d) => ('code' in d ? d : written[next++]!));
}
