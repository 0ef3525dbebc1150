import type { Line } from '../../db/client';

/**
 * A response's `data` as the JSON text PostgreSQL built, sent as is. Apollo serializes every
 * response itself; so that the text is not parsed and serialized again, the plugin hands Apollo a
 * marker in its place, and the HTTP layer puts the text where the marker's JSON stands. On the
 * server the text is the bytes that came from PostgreSQL, never decoded: the response is those
 * bytes between the encoded rest, which costs a copy instead of decoding and encoding it whole.
 */
const MARKER = '\u0000gongyi:compiled-data\u0000';
const MARKER_JSON = JSON.stringify(MARKER);

/** What the plugin returns as `data`: it serializes as the marker. */
export const DATA_MARKER = { toJSON: () => MARKER } as unknown as Record<string, unknown>;

/** The response with `data` in the marker's place, as bytes when `data` is; any other text unchanged. */
export function spliceData(payload: string, data: Line): string | Buffer {
  const at = payload.indexOf(MARKER_JSON);
  if (at < 0) return payload;
  const before = payload.slice(0, at);
  const after = payload.slice(at + MARKER_JSON.length);
  if (typeof data === 'string') return before + data + after;
  return Buffer.concat([Buffer.from(before), data, Buffer.from(after)]);
}
