import { isStorableDate } from '../scalars/dates';

/*
 * What people type into spreadsheet cells, read into the API's canonical strings. Each reader
 * returns null when the text cannot be read; the caller names the column in its error. Numbers go
 * through digit strings only, never a float.
 */

/**
 * Yuan, exact, as a decimal string with two decimals: `'￥1,234.5'` → `'1234.50'`. Takes full-width
 * characters, a ¥ or ￥ before the number or its sign, 元 after it, thousands separators in groups
 * of three (so `'1,5'` is refused rather than read as fifteen), and a 万 or 亿 multiplier when the
 * result is exact to the fen. Null for scientific notation, which is Excel rounding a number for display.
 */
export function readDecimal(text: string): string | null {
  const match = MONEY.exec(halfWidth(text));
  if (!match) return null;
  const { signBefore = '', signAfter = '', integer = '', fraction = '', multiplier = '' } = match.groups!;
  if (signBefore && signAfter) return null;
  const number = scaled(integer, fraction, multiplier);
  if (number.fraction.length > 2) return null;
  return signed(signBefore || signAfter, `${number.integer}.${number.fraction.padEnd(2, '0')}`);
}

// the number holds a digit and no \s* can take another's spaces, so a cell of many spaces costs linear time
const MONEY =
  /^(?:(?<signBefore>[+-])\s*)?(?:[¥￥]\s*(?:(?<signAfter>[+-])\s*)?)?(?=\.?\d)(?<integer>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?<fraction>\d*))?\s*(?:(?<multiplier>[万亿])\s*)?元?$/;

/**
 * A whole number as a string of digits with an optional minus sign: `'1,200'` → `'1200'`. Takes
 * full-width digits, thousands separators in groups of three and a 万 or 亿 multiplier when the
 * result is whole (`'1.2万'` → `'12000'`); the caller checks the range.
 */
export function readInteger(text: string): string | null {
  const match = WHOLE.exec(halfWidth(text));
  if (!match) return null;
  const { sign = '', integer = '', fraction = '', multiplier = '' } = match.groups!;
  const number = scaled(integer, fraction, multiplier);
  if (number.fraction !== '') return null;
  return signed(sign, number.integer);
}

const WHOLE =
  /^(?:(?<sign>[+-])\s*)?(?=\.?\d)(?<integer>\d{1,3}(?:,\d{3})+|\d*)(?:\.(?<fraction>\d*))?\s*(?<multiplier>[万亿]?)$/;

/**
 * A day as `YYYY-MM-DD`, from `2024-01-05`, `2024/1/5`, `2024.1.5`, `2024年1月5日`, `20240105`, or
 * the five-digit serial number Excel shows for a date cell formatted as a number (days since
 * 1899-12-30: `45296` → `2024-01-05`). Null for a day the calendar lacks or a year outside 0001–9999.
 */
export function readDate(text: string): string | null {
  const normalized = halfWidth(text);
  if (/^[1-9]\d{4}$/.test(normalized)) return fromExcelSerial(Number(normalized));
  const match = DAY_FORMATS.map((format) => format.exec(normalized)).find((found) => found !== null);
  if (!match) return null;
  const { year, month, day } = match.groups!;
  const date = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return isStorableDate(date) ? date : null;
}

const DAY_FORMATS = [
  /^(?<year>\d{4})(?<separator>[-/.])(?<month>\d{1,2})\k<separator>(?<day>\d{1,2})$/,
  /^(?<year>\d{4})年(?<month>\d{1,2})月(?<day>\d{1,2})[日号]?$/,
  /^(?<year>\d{4})(?<month>\d{2})(?<day>\d{2})$/,
];

/**
 * The items of a multi-value cell, trimmed, empty ones dropped: split on commas, semicolons and
 * vertical bars, half- or full-width, and the enumeration comma 、.
 */
export function readList(text: string): string[] {
  return text
    .split(/[,，;；、|｜]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** Days since 1899-12-30, Excel's day zero once its phantom 1900-02-29 is behind (serial 61 on). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY = 24 * 60 * 60 * 1000;

function fromExcelSerial(serial: number): string {
  return new Date(EXCEL_EPOCH + serial * DAY).toISOString().slice(0, 10);
}

const MULTIPLIER_DIGITS: Record<string, number> = { '': 0, 万: 4, 亿: 8 };

/**
 * `integer.fraction` times the multiplier, moving the decimal point on the digits: the integer
 * part without leading zeros ('0' at least), the fraction without trailing zeros.
 */
function scaled(integer: string, fraction: string, multiplier: string): { integer: string; fraction: string } {
  const shift = MULTIPLIER_DIGITS[multiplier]!;
  return {
    integer: (integer.replace(/,/g, '') + fraction.slice(0, shift).padEnd(shift, '0')).replace(/^0+/, '') || '0',
    fraction: fraction.slice(shift).replace(/0+$/, ''),
  };
}

/** `magnitude` with a minus for '-', but never a negative zero. */
function signed(sign: string, magnitude: string): string {
  return sign === '-' && /[1-9]/.test(magnitude) ? `-${magnitude}` : magnitude;
}

/**
 * The text trimmed, with full-width ASCII forms (１２３４．５, －, ，) and the ideographic space as
 * their ASCII, and the minus sign U+2212 as '-'.
 */
function halfWidth(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\u2212/g, '-')
    .trim();
}
