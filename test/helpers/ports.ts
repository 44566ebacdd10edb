import { createServer } from 'node:net';

/** A loopback port nothing listens on (something did a moment ago): for the bot to bind, or to find closed. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
