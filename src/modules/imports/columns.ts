import { invalid, type UserErrorShape } from '../mutations/user-error';
import { readDate, readDecimal, readInteger, readList } from './cells';

/**
 * How a column's value becomes a mutation input's: CSV cells are text (read as people type them
 * into spreadsheets, cells.ts), JSONL values may also be numbers, booleans, arrays or null.
 */
export type ColumnType =
  /** IDs and free text, as given */
  | { kind: 'text' }
  /** yuan, exact: a decimal string */
  | { kind: 'decimal' }
  | { kind: 'integer' }
  /** `YYYY-MM-DD` */
  | { kind: 'date' }
  /** one of `values`, or its Chinese name in `names` */
  | { kind: 'enum'; values: readonly string[]; names?: Readonly<Record<string, string>> }
  /** several items in one cell (cells.ts readList), or a JSON array */
  | { kind: 'list'; item: ColumnType };

export interface Column {
  type: ColumnType;
  required?: boolean;
}

/** An input's fields as columns, by field name. */
export type Columns = Readonly<Record<string, Column>>;

export const text: ColumnType = { kind: 'text' };
export const decimal: ColumnType = { kind: 'decimal' };
export const integer: ColumnType = { kind: 'integer' };
export const date: ColumnType = { kind: 'date' };

/**
 * A record's values as the input object of its mutation, or the UserError naming the column at
 * fault: a column the input lacks, a required one missing or empty, a value of the wrong type.
 * Empty cells and JSON nulls are left out, as omitted input fields.
 */
export function readColumns(
  values: Record<string, unknown>,
  columns: Columns,
): Record<string, unknown> | UserErrorShape {
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (!column)
      return invalid(name, `is not a column of this import; the columns are ${Object.keys(columns).join(', ')}`);
    if (value === null || value === '') continue;
    const read = readValue(value, column.type, name);
    if (read instanceof Refusal) return invalid(name, read.message);
    input[name] = read;
  }
  for (const [name, column] of Object.entries(columns)) {
    if (column.required && !(name in input)) return invalid(name, 'is required');
  }
  return input;
}

class Refusal {
  constructor(readonly message: string) {}
}

const shown = (value: unknown) =>
  JSON.stringify(typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40)}…` : value);

function readValue(value: unknown, type: ColumnType, name: string): unknown {
  switch (type.kind) {
    case 'text':
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      return new Refusal(`must be text, got ${shown(value)}`);
    case 'decimal': {
      const read = typeof value === 'string' || typeof value === 'number' ? readDecimal(String(value)) : null;
      return read ?? new Refusal(`must be an amount of yuan such as 1234.50, got ${shown(value)}`);
    }
    case 'integer': {
      if (typeof value === 'number')
        return Number.isInteger(value) ? value : new Refusal(`must be a whole number, got ${value}`);
      const read = typeof value === 'string' ? readInteger(value) : null;
      if (read === null || !Number.isSafeInteger(Number(read)))
        return new Refusal(`must be a whole number, got ${shown(value)}`);
      return Number(read);
    }
    case 'date': {
      const read = typeof value === 'string' || typeof value === 'number' ? readDate(String(value)) : null;
      return read ?? new Refusal(`must be a day such as 2024-01-05, got ${shown(value)}`);
    }
    case 'enum': {
      const given = typeof value === 'string' ? value.trim() : '';
      const upper = given.toUpperCase().replace(/[\s-]+/g, '_');
      if (type.values.includes(upper)) return upper;
      const named = type.names && Object.entries(type.names).find(([, label]) => label === given);
      return named ? named[0] : new Refusal(`must be one of ${type.values.join(', ')}, got ${shown(value)}`);
    }
    case 'list': {
      const items = typeof value === 'string' ? readList(value) : Array.isArray(value) ? value : null;
      if (items === null) return new Refusal(`must be a list, got ${shown(value)}`);
      const read = items.map((item) => readValue(item, type.item, name));
      return read.find((item) => item instanceof Refusal) ?? read;
    }
  }
}
