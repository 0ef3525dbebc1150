const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A lower-case canonical UUID, as PostgreSQL prints one. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
