import { ModelBusy, modelQueue } from '../../src/engine/semantic/model-queue';

/** A job that records when it starts and ends, and finishes when `release` is called. */
function job(log: string[], name: string) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    release: () => release(),
    run: async () => {
      log.push(`${name} starts`);
      await done;
      log.push(`${name} ends`);
      return name;
    },
  };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the queue in front of the sentence model', () => {
  it('runs one call at a time, in the order they came', async () => {
    const run = modelQueue(10);
    const log: string[] = [];
    const [a, b] = [job(log, 'a'), job(log, 'b')];
    const results = [run(a.run), run(b.run)];
    await turn();
    await turn();
    expect(log).toEqual(['a starts']);
    a.release();
    b.release();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  });

  it('lets the event loop serve other work before each call', async () => {
    const run = modelQueue(10);
    const log: string[] = [];
    const first = run(async () => log.push('first call'));
    const second = run(async () => log.push('second call'));
    setImmediate(() => log.push('a request'));
    await Promise.all([first, second]);
    expect(log.indexOf('a request')).toBeLessThan(log.indexOf('second call'));
  });

  it('turns a question away at once when the limit of calls is already waiting, and takes it again once they are done', async () => {
    const run = modelQueue(2);
    const log: string[] = [];
    const [a, b] = [job(log, 'a'), job(log, 'b')];
    const waiting = [run(a.run, { shed: true }), run(b.run, { shed: true })];
    await expect(run(async () => 'c', { shed: true })).rejects.toEqual(new ModelBusy(2));
    a.release();
    b.release();
    await Promise.all(waiting);
    await expect(run(async () => 'd', { shed: true })).resolves.toBe('d');
  });

  it('never turns away what must be computed (fact vectors), and counts it as waiting', async () => {
    const run = modelQueue(1);
    const facts = job([], 'facts');
    const computing = run(facts.run);
    const more = run(async () => 'more facts');
    await expect(run(async () => 'question', { shed: true })).rejects.toBeInstanceOf(ModelBusy);
    facts.release();
    await expect(Promise.all([computing, more])).resolves.toEqual(['facts', 'more facts']);
  });

  it('goes on after a call that fails', async () => {
    const run = modelQueue(10);
    const failed = run(() => Promise.reject(new Error('model broke')));
    const next = run(async () => 'next');
    await expect(failed).rejects.toThrow('model broke');
    await expect(next).resolves.toBe('next');
  });
});
