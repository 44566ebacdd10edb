import { nextTurn, oneATurn } from '../src/turns';

/** Counts turns of the event loop: one tick per check phase, for as long as `stop` is not called. */
function turnCounter() {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  return { now: () => turns, stop: () => (running = false) };
}

describe('one caller a turn', () => {
  it('lets callers through in the order they came, each on a turn of its own', async () => {
    const gate = oneATurn();
    const counter = turnCounter();
    const seen: Array<[string, number]> = [];
    await Promise.all(['a', 'b', 'c', 'd'].map((name) => gate().then(() => seen.push([name, counter.now()]))));
    counter.stop();
    expect(seen.map(([name]) => name)).toEqual(['a', 'b', 'c', 'd']);
    const turns = seen.map(([, turn]) => turn);
    expect(new Set(turns).size).toBe(4);
  });

  it('runs what waits for the next turn (I/O callbacks, immediates) before letting the next caller through', async () => {
    const gate = oneATurn();
    const log: string[] = [];
    await Promise.all([
      gate().then(() => {
        log.push('first');
        setImmediate(() => log.push('waiting work'));
      }),
      gate().then(() => log.push('second')),
    ]);
    expect(log).toEqual(['first', 'waiting work', 'second']);
  });

  it('nextTurn resolves after the current turn', async () => {
    const log: string[] = [];
    const turn = nextTurn().then(() => log.push('turn'));
    await Promise.resolve();
    log.push('same turn');
    await turn;
    expect(log).toEqual(['same turn', 'turn']);
  });
});
