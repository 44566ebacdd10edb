import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { freePort } from './ports';

/**
 * The URL of a real service the tests need (TEST_REDIS_URL, TEST_DATABASE_URL; `npm run services -- start`
 * prints them). Unset outside CI: the suite is skipped with a message saying so. Unset in CI: it fails.
 */
export function serviceUrl(variable: 'TEST_REDIS_URL' | 'TEST_DATABASE_URL'): string | undefined {
  const url = process.env[variable]?.trim();
  if (url) return url;
  const how = `${variable} is not set: run \`npm run services -- start\` and export what it prints`;
  if (process.env.CI === 'true') {
    test(`needs a real service (${variable})`, () => {
      throw new Error(how);
    });
  } else {
    process.stderr.write(`Skipping tests that need a real service: ${how}.\n`);
  }
  return undefined;
}

/** `describe` when the service is there, else skipped (see serviceUrl). */
export const describeWith = (url: string | undefined) => (url ? describe : describe.skip);

/** Runs one statement on the PostgreSQL at `url` with a connection of its own, and returns its rows. */
export async function sql<T = Record<string, unknown>>(url: string, query: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * A database of its own on the test server (TEST_DATABASE_URL) for one test file, named `prefix_…`:
 * `create` in beforeAll, `drop` in afterAll. Undefined when the server is absent (see serviceUrl).
 */
export function testDatabase(prefix: string) {
  const admin = serviceUrl('TEST_DATABASE_URL');
  if (!admin) return undefined;
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  return {
    admin,
    url: Object.assign(new URL(admin), { pathname: `/${name}` }).toString(),
    create: () => sql(admin, `CREATE DATABASE ${name}`),
    drop: () => sql(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A private redis-server on a port of its own, for tests that stop it; `stop` kills it (SIGKILL: a crash). */
export async function startPrivateRedis(): Promise<{ url: string; port: number; stop: () => Promise<void>; restart: () => Promise<void> }> {
  const port = await freePort();
  let child: ChildProcess;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (out.includes('Ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
    });
  };
  await start();
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  };
  return { url: `redis://127.0.0.1:${port}`, port, stop, restart: start };
}
