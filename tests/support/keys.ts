import type { Db } from '../../src/db/client';
import { createKey, type CreatedKey } from '../../src/modules/access/keys';
import type { ApiKeyRequest } from '../../src/modules/access/validation';
import { isUserError } from '../../src/modules/mutations/user-error';

export interface TestKey extends CreatedKey {
  /** headers that send this key */
  headers: { authorization: string };
}

/** A key made the way the CLI makes one; a DEVELOPER key named for the test unless told otherwise. */
export async function createTestKey(db: Db, request: Partial<ApiKeyRequest> = {}): Promise<TestKey> {
  const result = await createKey(db, { name: 'test key', tier: 'DEVELOPER', ...request });
  if (isUserError(result)) throw new Error(`test key refused: ${result.field}: ${result.message}`);
  return { ...result, headers: { authorization: `Bearer ${result.secret}` } };
}
