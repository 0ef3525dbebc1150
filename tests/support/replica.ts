import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Debian's PostgreSQL 15 binaries; the suite needs them and says so when they are missing. */
export const POSTGRES_BIN = '/usr/lib/postgresql/15/bin';

/** Folders of streaming pairs live under the system's temporary folder with this prefix. */
const PREFIX = 'gongyi-streaming-';

const run = promisify(execFile);

/**
 * A throwaway primary and its streaming replica on loopback, each a cluster of its own under a
 * temporary folder: the shared server's data and settings are never touched. Both preload
 * pg_stat_statements, so a test can ask either which statements it ran.
 */
export interface StreamingPair {
  primaryUrl: string;
  replicaUrl: string;
  /** stops the replica at once (immediate shutdown), as a crash or a failover would */
  stopReplica: () => Promise<void>;
  /** starts the stopped replica again; it resumes streaming from where it stopped */
  startReplica: () => Promise<void>;
  /** stops both clusters and deletes their folders */
  stop: () => Promise<void>;
}

/** Whether this machine can start a streaming pair: the binaries exist. */
export function canStartStreamingPair(): boolean {
  return existsSync(join(POSTGRES_BIN, 'initdb')) && existsSync(join(POSTGRES_BIN, 'pg_basebackup'));
}

/**
 * PostgreSQL refuses to run as root: as root, every binary runs as the `postgres` user, on
 * folders it owns.
 */
function asOwner(binary: string, args: string[]): [string, string[]] {
  const path = join(POSTGRES_BIN, binary);
  return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

async function pg(binary: string, args: string[]): Promise<void> {
  const [file, argv] = asOwner(binary, args);
  await run(file, argv, { timeout: 60_000 });
}

/** A port nothing listens on now, below the ephemeral range the test's own connections use. */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** Ends a cluster's postmaster from its pid file, whatever state it is in. */
function killByPidFile(dataDir: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster ends its children too
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Folders left by a test process that died before its afterAll (a crash, a killed jest): their
 * clusters are killed by pid file and the folders deleted. A folder whose test process still
 * runs is left alone.
 */
function sweepAbandoned(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const root = join(tmpdir(), name);
    const ownerFile = join(root, 'owner.pid');
    // a folder without its owner's pid is being made right now
    if (!existsSync(ownerFile) || isAlive(Number(readFileSync(ownerFile, 'utf8')))) continue;
    killByPidFile(join(root, 'primary'));
    killByPidFile(join(root, 'replica'));
    rmSync(root, { recursive: true, force: true });
  }
}

/** Settings for a small, fast, throwaway cluster that streams to a replica. */
function settings(port: number, socketDir: string): string {
  return [
    `port = ${port}`,
    `listen_addresses = '127.0.0.1'`,
    `unix_socket_directories = '${socketDir}'`,
    `wal_level = replica`,
    `max_wal_senders = 4`,
    `shared_preload_libraries = 'pg_stat_statements'`,
    `pg_stat_statements.track = all`,
    `shared_buffers = 32MB`,
    `max_connections = 40`,
    `fsync = off`,
    `full_page_writes = off`,
    `hot_standby_feedback = on`,
    `logging_collector = off`,
    '',
  ].join('\n');
}

/**
 * Starts a primary and a replica made from it by `pg_basebackup -R`; the replica streams from the
 * primary and applies each commit `applyDelayMs` after the primary made it (recovery_min_apply_delay),
 * so a test can tell a read that waited for a write from one that did not.
 */
export async function startStreamingPair({ applyDelayMs = 0 } = {}): Promise<StreamingPair> {
  sweepAbandoned();
  const root = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(root, 'owner.pid'), String(process.pid));
  const primaryDir = join(root, 'primary');
  const replicaDir = join(root, 'replica');
  const socketDir = join(root, 'sockets');
  mkdirSync(socketDir);
  if (userInfo().uid === 0) await run('chown', ['-R', 'postgres:', root]);
  const stopAll = async () => {
    for (const dir of [replicaDir, primaryDir]) {
      await pg('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => killByPidFile(dir));
    }
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    await pg('initdb', [
      '-D',
      primaryDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    appendFileSync(join(primaryDir, 'postgresql.conf'), settings(primaryPort, socketDir));
    await pg('pg_ctl', ['-D', primaryDir, '-l', join(root, 'primary.log'), '-w', 'start']);
    const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    await pg('psql', ['-d', primaryUrl, '-qc', 'create extension pg_stat_statements']);
    await pg('pg_basebackup', [
      '-d',
      `postgres://postgres@127.0.0.1:${primaryPort}`,
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '--no-sync',
    ]);
    appendFileSync(
      join(replicaDir, 'postgresql.conf'),
      `port = ${replicaPort}\nrecovery_min_apply_delay = ${applyDelayMs}\n`,
    );
    const startReplica = () => pg('pg_ctl', ['-D', replicaDir, '-l', join(root, 'replica.log'), '-w', 'start']);
    await startReplica();
    return {
      primaryUrl,
      replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
      stopReplica: () => pg('pg_ctl', ['-D', replicaDir, '-m', 'immediate', '-w', 'stop']),
      startReplica,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
