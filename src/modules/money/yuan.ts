import { invalid, type UserErrorShape } from '../mutations/user-error';

/** What a yuan column (numeric(18,2)) holds: 16 integer digits and fen. */
const YUAN = /^(0|[1-9]\d{0,15})(\.\d{1,2})?$/;

/**
 * A yuan amount as given (a `Decimal`), canonical with two decimals, or the UserError on `field`:
 * at least 0 (more than 0 when `positive`), at most two decimals, below 10¹⁶.
 */
export function readYuan(value: string, field: string, positive = false): string | UserErrorShape {
  if (value.startsWith('-')) return invalid(field, `must not be negative, got ${value}`);
  if (!YUAN.test(value)) {
    return invalid(field, `must be yuan with at most two decimals and below 10^16, got ${value}`);
  }
  const canonical = yuanOf(fen(value));
  if (positive && canonical === '0.00') return invalid(field, 'must be more than 0');
  return canonical;
}

/** Exact fen of a decimal string of yuan with at most two decimals. */
export function fen(yuan: string): bigint {
  const negative = yuan.startsWith('-');
  const [whole, fraction = ''] = (negative ? yuan.slice(1) : yuan).split('.');
  const value = BigInt(whole!) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -value : value;
}

/** The decimal string of yuan, two decimals, for an amount in fen. */
export function yuanOf(amount: bigint): string {
  const sign = amount < 0n ? '-' : '';
  const abs = amount < 0n ? -amount : amount;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
