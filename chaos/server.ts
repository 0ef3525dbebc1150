/** The API as a child process: `node dist/main.js` on a free loopback port, its log kept in memory. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from './free-port';
import { graphqlPost, keepAliveAgent, send, type Target } from './http';
import type http from 'node:http';

const ROOT = path.join(__dirname, '..');
/** lines of the server's output kept, newest last */
const LOG_LINES = 5_000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Date.now() when it happened */
  at: number;
  /** true when the harness asked for it (SIGTERM or SIGKILL from stop) */
  asked: boolean;
}

export class ServerChild implements Target {
  readonly log: string[] = [];
  exit: Exit | null = null;
  readonly exited: Promise<Exit>;
  private asked = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly agent: http.Agent,
  ) {
    const keep = (stream: NodeJS.ReadableStream | null) => {
      let partial = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop()!;
        this.log.push(...lines);
        if (this.log.length > LOG_LINES) this.log.splice(0, this.log.length - LOG_LINES);
      });
    };
    keep(child.stdout);
    keep(child.stderr);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal, at: Date.now(), asked: this.asked };
        resolve(this.exit);
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The process ended without the harness asking: a crash. */
  get crashed(): boolean {
    return this.exit !== null && !this.exit.asked;
  }

  /** Starts the server with the run's settings and `env`, and resolves once it answers a query. */
  static async start(env: Record<string, string>, sockets = 64): Promise<ServerChild> {
    const port = await freePort();
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(DATABASE_URL|REDIS_URL|PORT|HOST|RATE_LIMIT_|DB_|PG)/.test(name),
      ),
    );
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: ROOT,
      env: {
        ...inherited,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'false',
        // the load comes from one anonymous address: budgets are charged as usual but never refuse it
        RATE_LIMIT_ANONYMOUS: '1000000000',
        RATE_LIMIT_DEVELOPER: '1000000000',
        RATE_LIMIT_PARTNER: '1000000000',
        RATE_LIMIT_INTERNAL: '1000000000',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerChild(child, port, keepAliveAgent(sockets));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (server.exit)
        throw new Error(`the server exited (${server.exitText()}) before it was ready:\n${server.tail(30)}`);
      const probe = await send(server, graphqlPost({ query: '{__typename}' }), 2_000);
      if (probe.kind === 'reply' && probe.status === 200) return server;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await server.stop();
    throw new Error(`the server did not answer within 60 s:\n${server.tail(30)}`);
  }

  exitText(): string {
    if (!this.exit) return 'running';
    return this.exit.signal ? `signal ${this.exit.signal}` : `code ${this.exit.code}`;
  }

  /** The last `lines` lines of its output. */
  tail(lines: number): string {
    return this.log.slice(-lines).join('\n');
  }

  /** Log lines that name any of `errorIds`, clipped. */
  linesNaming(errorIds: string[]): string[] {
    if (errorIds.length === 0) return [];
    return this.log.filter((line) => errorIds.some((id) => line.includes(id))).map((line) => line.slice(0, 1_500));
  }

  /** Sends a signal to the node process itself; SIGTERM/SIGKILL through here do not count as a crash. */
  signal(signal: NodeJS.Signals): void {
    if (signal === 'SIGTERM' || signal === 'SIGKILL' || signal === 'SIGINT') this.asked = true;
    if (!this.exit) this.child.kill(signal);
  }

  /** SIGTERM, then SIGKILL when it has not exited within `graceMs`. */
  async stop(graceMs = 15_000): Promise<Exit> {
    this.agent.destroy();
    if (this.exit) return this.exit;
    this.signal('SIGTERM');
    const timer = setTimeout(() => this.signal('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  /** For the harness's exit handler: no waiting. */
  killNow(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }
}
