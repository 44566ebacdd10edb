import { LogLevel } from '@slack/bolt';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { createEngine } from '../../src/engine/engine';
import { QUESTION_PIECES, type Embedder } from '../../src/engine/semantic/embedder';
import { ModelBusy } from '../../src/engine/semantic/model-queue';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { createLogger } from '../../src/slack/logger';
import { semanticStage } from '../../src/slack/semantic-stage';

const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
/** A stand-in model that fails on the warm-up's texts ("a", "a a", …) when told to, and works otherwise. */
const model = (failWarmUp: boolean, seen: string[] = []): Embedder => {
  const embed = (texts: readonly string[]) => {
    seen.push(...texts);
    if (failWarmUp && texts.every((t) => /^a( a)*$/.test(t))) return Promise.reject(new Error('warm-up broke'));
    return Promise.resolve(texts.map(() => new Float32Array(512).fill(1 / Math.sqrt(512))));
  };
  return { id: 'stand-in', embed, embedQuestions: embed };
};
const logsOf = (lines: string[]) => lines.map((l) => JSON.parse(l) as { level: string; event?: string; error?: string; questions?: number });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the bot's semantic stage", () => {
  it('warms the model up before the fact vectors', async () => {
    const seen: string[] = [];
    await semanticStage(undefined, createLogger({ level: 'debug', write: () => undefined }), () => Promise.resolve(model(false, seen))).prepare(engine);
    expect(seen.slice(0, QUESTION_PIECES)).toEqual(Array.from({ length: QUESTION_PIECES }, (_, i) => Array(i + 1).fill('a').join(' ')));
    expect(seen[QUESTION_PIECES]).toBe(engine.facts[0]!.text);
  });

  it('uses the model as it is when the warm-up fails, and says so once', async () => {
    const lines: string[] = [];
    const stage = semanticStage(undefined, createLogger({ level: 'debug', write: (l) => lines.push(l) }), () => Promise.resolve(model(true)));
    await expect(stage.prepare(engine)).resolves.toBeDefined();
    expect(stage.state(engine)).toBe('ready');
    expect(logsOf(lines).filter((l) => l.event === 'semantic_warm_up_failed')).toEqual([expect.objectContaining({ level: LogLevel.WARN, error: 'warm-up broke' })]);
  });

  it('tries loading the model again after a failed load', async () => {
    let loads = 0;
    const load = () => (++loads === 1 ? Promise.reject(new Error('no model')) : Promise.resolve(model(false)));
    const stage = semanticStage(undefined, createLogger({ level: 'debug', write: () => undefined }), load);
    await expect(stage.prepare(engine)).rejects.toThrow('no model');
    await expect(stage.prepare(engine)).resolves.toBeDefined();
    expect(loads).toBe(2);
  });

  it('answers by word matching when the model is backed up, and logs how often: the first at once, then a count per interval', async () => {
    const lines: string[] = [];
    const busy = (): Embedder => ({ ...model(false), embedQuestions: () => Promise.reject(new ModelBusy(32)) });
    const stage = semanticStage(undefined, createLogger({ level: 'debug', write: (l) => lines.push(l) }), () => Promise.resolve(busy()), 40);
    const busyLines = () => logsOf(lines).filter((l) => l.event === 'semantic_busy');
    // Questions word matching answers but is not sure of (ENGINE_DEFAULTS.lexicalSure): they go to the model.
    for (const q of ['What does the NRF want?', 'what are the goals of the resistance front', 'What did Massoud say about the Taliban and IS?']) {
      expect(await stage.ask(engine, q, { wait: true })).toMatchObject({ answered: true, stage: 'lexical' });
    }
    expect(busyLines()).toEqual([expect.objectContaining({ level: LogLevel.WARN, questions: 1 })]);
    for (let waited = 0; busyLines().length < 2 && waited < 2000; waited += 10) await sleep(10);
    expect(busyLines().map((l) => l.questions)).toEqual([1, 2]);
    await sleep(120);
    expect(busyLines()).toHaveLength(2);
  });
});
