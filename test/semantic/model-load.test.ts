import { loadEmbedder } from '../../src/engine/semantic/embedder';

/**
 * The model's package starts TensorFlow's WASM backend and reads the weights at the same time, and the
 * weights become tensors as soon as they are read. On a loaded machine the backend once started after
 * them, and loading failed ("Backend 'wasm' has not yet been initialized"), in the model's thread during a
 * test run beside CI. Here the backend's start is made slower than the files for real.
 */
describe('loading the sentence model', () => {
  it('waits for the WASM backend, however long it takes to start', async () => {
    // This project's TypeScript libraries do not declare WebAssembly; Node has it.
    const wasm = (globalThis as unknown as { WebAssembly: { instantiate: (...args: unknown[]) => Promise<unknown> } }).WebAssembly;
    const instantiate = wasm.instantiate;
    wasm.instantiate = (...args) => new Promise((resolve) => setTimeout(resolve, 1500)).then(() => Reflect.apply(instantiate, wasm, args));
    try {
      const embedder = await loadEmbedder();
      const [vector] = await embedder.embed(["What are the NRF's stated goals?"]);
      expect(vector).toHaveLength(512);
    } finally {
      wasm.instantiate = instantiate;
    }
  }, 60_000);
});
