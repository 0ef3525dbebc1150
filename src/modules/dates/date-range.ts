import { BadUserInputError } from '../../errors';

/** Refuses a range whose start is after its end, naming the end argument. */
export function checkDateRange(
  from: string | null | undefined,
  to: string | null | undefined,
  toArgument: string,
): void {
  if (from != null && to != null && from > to) {
    throw new BadUserInputError(toArgument, `must not be before the start of the range (${from}), got ${to}`);
  }
}
