import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const LOCK_FILE = 'gongyi-graph.pid';

export class EmbeddedDatabaseInUseError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the embedded database's folder for this process. PGlite takes no lock of its own, and a
 * second process writing the same folder (a server and `npm run keys`, say) would corrupt it. The
 * claim is a file holding our pid, created exclusively; one left by a process that has died is
 * taken over. Returns the release, to call once the database is closed.
 */
export function claimDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new EmbeddedDatabaseInUseError(
          `the embedded database in ${dataDir} is in use by process ${holder} (a running server?): ` +
            `stop it first, or set DATABASE_URL. If no such process is ours, delete ${file}.`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new EmbeddedDatabaseInUseError(`could not claim ${file}`);
}
