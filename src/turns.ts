/** Resolves on the next turn of the event loop, after the I/O that is waiting (setImmediate's check phase). */
export const nextTurn = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A gate that lets one caller through per turn of the event loop, in the order they came. Work behind it
 * is spread over turns, and every turn first serves the I/O that is waiting (Slack's requests to ack).
 */
export function oneATurn(): () => Promise<void> {
  let tail = Promise.resolve();
  return () => (tail = tail.then(nextTurn));
}
