import { spawn } from 'node:child_process';
import path from 'node:path';
import type { FakeSlack } from './fake-slack';
import { REPO } from './paths';
import { freePort } from './ports';
import { SIGNING_SECRET } from './signed';

/**
 * Starts the compiled bot (`node dist/main.js`, as `npm start` does) in HTTP mode against `fake`, and waits until it is running.
 * The semantic stage is off unless `env` turns it on: it costs each process a model load (test/semantic covers it).
 */
export async function startBotProcess(fake: FakeSlack, cwd: string, env: NodeJS.ProcessEnv) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(REPO, 'dist', 'main.js')], {
    cwd,
    env: { PATH: process.env.PATH ?? '', SLACK_BOT_TOKEN: 'xoxb-1-2-lifecycle', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), SEMANTIC_STAGE: 'off', ...env },
  });
  const bot = {
    child,
    output: '',
    events: `http://127.0.0.1:${port}/slack/events`,
    healthz: `http://127.0.0.1:${port}/healthz`,
    health: async () => (await (await fetch(bot.healthz)).json()) as Record<string, any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    /** Polls /healthz until `done` holds (or `timeoutMs` passes); returns the last reply. */
    async healthWhen(done: (h: Record<string, any>) => boolean, timeoutMs = 8000) { // eslint-disable-line @typescript-eslint/no-explicit-any
      const deadline = Date.now() + timeoutMs;
      let h = await bot.health();
      while (!done(h) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        h = await bot.health();
      }
      return h;
    },
    kill: () => child.exitCode === null && child.kill('SIGKILL'),
  };
  child.stdout.on('data', (d) => (bot.output += d));
  child.stderr.on('data', (d) => (bot.output += d));
  await fake.waitFor(() => bot.output.includes('Briefing Bot is running'), 15000);
  return bot;
}
