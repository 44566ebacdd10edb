import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { loadEmbedder } from '../../src/engine/semantic/embedder';
import { ModelBusy } from '../../src/engine/semantic/model-queue';
import { threadEmbedder } from '../../src/engine/semantic/model-thread';

const REPO = path.resolve(__dirname, '..', '..');
// The compiled worker, as the bot runs it (`npm test` builds first).
const MODEL_WORKER = path.join(REPO, 'dist', 'engine', 'semantic', 'model-worker.js');
const STAND_IN = (name: string) => path.join(REPO, 'test', 'fixtures', 'model-workers', `${name}.js`);

describe("the sentence model's thread", () => {
  it('gives the same vectors as the model in this thread, questions read only up to their first word pieces', async () => {
    const texts = ['Who leads the NRF?', 'The NRF is based in the Panjshir Valley.', Array(30).fill('resistance').join(' ')];
    const [threaded, here] = await Promise.all([threadEmbedder(MODEL_WORKER), loadEmbedder()]);
    expect(threaded.id).toBe(here.id);
    expect(await threaded.embed(texts)).toEqual(await here.embed(texts));
    expect(await threaded.embedQuestions(texts)).toEqual(await here.embedQuestions(texts));
  });

  it('fails with the reason when the model cannot be loaded', async () => {
    await expect(threadEmbedder(STAND_IN('cannot-load'))).rejects.toThrow('no model here');
  });

  it('turns a question away as the model is backed up, as a ModelBusy', async () => {
    const model = await threadEmbedder(STAND_IN('moody'));
    const refused = model.embedQuestions(['busy']);
    await expect(refused).rejects.toBeInstanceOf(ModelBusy);
    await expect(refused).rejects.toMatchObject({ waiting: 32 });
    expect(await model.embed(['four'])).toEqual([Float32Array.of(4)]);
  });

  it('fails the calls in flight when the thread dies, and starts a new one for the next call', async () => {
    const model = await threadEmbedder(STAND_IN('moody'));
    await expect(Promise.all([model.embed(['die']), model.embed(['waiting'])])).rejects.toThrow("the sentence model's thread stopped (exit code 3)");
    expect(await model.embed(['again'])).toEqual([Float32Array.of(5)]);
  });

  it("a failed thread's late exit neither fails the calls of the thread that replaced it nor forgets it", async () => {
    const model = await threadEmbedder(STAND_IN('moody'));
    await expect(model.embed(['throw'])).rejects.toThrow('model broke');
    // Sent between the failed thread's 'error' and its 'exit': it starts the replacement.
    const [first] = await model.embed(['who']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [again] = await model.embed(['who']);
    expect(again).toEqual(first);
  });

  it('keeps a script alive while a call is in flight, and lets it end when the thread is idle', () => {
    const script = `require(${JSON.stringify(path.join(REPO, 'dist', 'engine', 'semantic', 'model-thread.js'))})
      .threadEmbedder(${JSON.stringify(STAND_IN('moody'))})
      .then((model) => model.embed(['seven!!']))
      .then((vectors) => console.log(vectors[0][0]));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
    expect(run).toMatchObject({ status: 0, stdout: '7\n' });
  });
});
