import { createEngine, type Engine } from '../../src/engine/engine';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { Books } from '../../src/knowledge/books';
import { warmInBackground } from '../../src/knowledge/warm';

const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);

describe('warming the books in service in the background', () => {
  it('reads every fact and word, a chunk per turn of the event loop, so other work runs in between', async () => {
    const engine = createEngine(knowledge);
    const units = engine.warm(0);
    const chunks: number[] = [];
    const counting: Engine = { ...engine, warm: (count) => (chunks.push(count ?? -1), engine.warm(count)) };
    let chunksBeforeOtherWork = -1;
    setImmediate(() => (chunksBeforeOtherWork = chunks.length));
    const failed = jest.fn();
    await warmInBackground(Books.single(counting), failed, 4);
    expect(failed).not.toHaveBeenCalled();
    expect(chunks).toEqual(Array.from({ length: Math.ceil(units / 4) }, () => 4));
    expect(engine.warm()).toBe(0);
    // Work queued before warming started ran after its first chunk, not after its last.
    expect(chunksBeforeOtherWork).toBe(1);
  });

  it('reports an error and settles: questions then read the facts themselves', async () => {
    const engine = createEngine(knowledge);
    const broken: Engine = {
      ...engine,
      warm: () => {
        throw new Error('stored questions unreadable');
      },
    };
    const failed = jest.fn();
    await expect(warmInBackground(Books.single(broken), failed)).resolves.toBeUndefined();
    expect(failed).toHaveBeenCalledWith(new Error('stored questions unreadable'));
    expect(broken.ask('What are the NRF goals?').answered).toBe(true);
  });
});
