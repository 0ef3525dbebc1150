import type { RecordTrainingSessionInput, TrainingAudience, TrainingFormat } from '../../generated/graphql';
import { firstError, periodError, readCount, readId, readText } from '../mutations/inputs';
import type { UserErrorShape } from '../mutations/user-error';
import { readRegionCode } from '../regions/codes';

/** A training session to record, its input read and checked on its own (references are checked against the database later). */
export interface TrainingSessionDraft {
  organizerId: string;
  title: string;
  format: TrainingFormat;
  audiences: TrainingAudience[];
  topics: string[];
  regionCode: string | null;
  startsOn: string;
  endsOn: string | null;
  /** 人次, person-times */
  participantCount: number;
}

/** A topic's length in characters. */
const TOPIC_CHARACTERS = 200;

export function readTrainingSessionInput(
  input: RecordTrainingSessionInput,
  prefix: string,
): TrainingSessionDraft | UserErrorShape {
  const organizerId = readId(input.organizerId, 'Organization', `${prefix}organizerId`);
  const title = readText(input.title, `${prefix}title`, 200);
  const topics = (input.topics ?? []).map((t, i) => readText(t, `${prefix}topics[${i}]`, TOPIC_CHARACTERS));
  const regionCode = readRegionCode(input.regionCode, `${prefix}regionCode`);
  const period = periodError(input.startsOn, input.endsOn, `${prefix}endsOn`);
  const participantCount = readCount(input.participantCount, `${prefix}participantCount`);
  const error = firstError(organizerId, title, ...topics, regionCode, period, participantCount);
  if (error) return error;
  return {
    organizerId: organizerId as string,
    title: title as string,
    format: input.format,
    audiences: [...new Set(input.audiences ?? [])],
    topics: [...new Set(topics as string[])],
    regionCode: regionCode as string | null,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    participantCount: participantCount as number,
  };
}
