import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** The import directory of a server given none (tests, benches): one per machine. */
export const DEFAULT_IMPORT_DIR = path.join(tmpdir(), 'gongyi-graph-imports');

/**
 * The file of an upload in the import directory. An import's row keeps the name only, so every
 * instance finds the file in the shared directory wherever it mounts it.
 */
export const uploadFile = (importDir: string, name: string): string => path.join(importDir, path.basename(name));

/** Streams `body` to a new file `name` of the import directory, in constant memory; on failure, no file is left. */
export async function saveUpload(importDir: string, name: string, body: Readable): Promise<void> {
  try {
    await pipeline(body, createWriteStream(uploadFile(importDir, name), { flags: 'wx' }));
  } catch (error) {
    await deleteUpload(importDir, name);
    throw error;
  }
}

/** Deletes an upload; one already gone is no failure. */
export async function deleteUpload(importDir: string, name: string): Promise<void> {
  await rm(uploadFile(importDir, name), { force: true });
}
