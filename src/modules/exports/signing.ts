import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromDatabaseInstant } from '../scalars/dates';

/**
 * Download URLs: `/exports/<global id>/download?expires=<unix seconds>&signature=<hex>`, the
 * signature an HMAC-SHA256, keyed by the export's own `url_secret` (32 random bytes, never
 * shown), over the export's id, the id of the API key that started it and `expires`. A URL is
 * bound to that key: the download also needs the key itself in `Authorization`, so a leaked URL
 * alone reads nothing.
 */
export function exportSignature(secret: Buffer, exportId: string, apiKeyId: string, expires: number): string {
  return createHmac('sha256', secret).update(`${exportId}\n${apiKeyId}\n${expires}`).digest('hex');
}

/** Whether `signature` is the one of these values, compared in constant time. */
export function isExportSignature(
  signature: string,
  secret: Buffer,
  exportId: string,
  apiKeyId: string,
  expires: number,
): boolean {
  const expected = Buffer.from(exportSignature(secret, exportId, apiKeyId, expires), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : null;
  return given !== null && timingSafeEqual(expected, given);
}

/** The URL's path and query, relative to the API's origin. */
export function downloadPath(globalId: string, expires: number, signature: string): string {
  return `/exports/${globalId}/download?expires=${expires}&signature=${signature}`;
}

/** An instant as the URL's `expires`: whole seconds since the epoch, rounded down. */
export const unixSeconds = (instant: string): number => Math.floor(fromDatabaseInstant(instant).getTime() / 1000);

/** Whether a database instant has passed. */
export const isPast = (instant: string): boolean => fromDatabaseInstant(instant).getTime() <= Date.now();
