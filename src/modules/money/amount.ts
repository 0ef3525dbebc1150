/** The parent of an `Amount`: an exact decimal string of yuan and its currency. */
export interface AmountParent {
  value: string;
  currency: string;
}

/** An Amount for a numeric column's value; null stays null. */
export function amount(value: string, currency?: string): AmountParent;
export function amount(value: string | null, currency?: string): AmountParent | null;
export function amount(value: string | null, currency = 'CNY'): AmountParent | null {
  return value === null ? null : { value, currency };
}
