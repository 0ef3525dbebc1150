/**
 * A response's `data` as the JSON text PostgreSQL built, sent as is. Apollo serializes every
 * response itself; so that the text is not parsed and serialized again, the plugin hands Apollo a
 * marker in its place, and the HTTP layer puts the text where the marker's JSON stands.
 */
const MARKER = '\u0000gongyi:compiled-data\u0000';
const MARKER_JSON = JSON.stringify(MARKER);

/** What the plugin returns as `data`: it serializes as the marker. */
export const DATA_MARKER = { toJSON: () => MARKER } as unknown as Record<string, unknown>;

/** The response text with `data` in the marker's place; any other text unchanged. */
export function spliceData(payload: string, data: string): string {
  const at = payload.indexOf(MARKER_JSON);
  return at < 0 ? payload : payload.slice(0, at) + data + payload.slice(at + MARKER_JSON.length);
}
