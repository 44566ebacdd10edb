import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openCacheFolder } from '../../src/cache/cache-folder';
import { cacheVectorStore } from '../../src/cache/vector-store';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { ENGINE_DEFAULTS } from '../../src/engine/config';
import { createEngine, type Engine } from '../../src/engine/engine';
import { SemanticAnswerer, type VectorEvent } from '../../src/engine/semantic/answerer';
import { firstPieces, loadEmbedder, QUESTION_PIECES, warmUp, type Embedder } from '../../src/engine/semantic/embedder';
import { computeFactVectors, textCount } from '../../src/engine/semantic/fact-vectors';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { cliMessages } from '../../src/messages';

const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));
const semantic = new SemanticAnswerer(loadEmbedder);
const ask = (q: string) => semantic.ask(engine, q, { wait: true });
/** Answered by word matching at 0.79, under ENGINE_DEFAULTS.lexicalSure: the model is asked. */
const UNSURE = 'What does the NRF want?';

describe('the semantic stage on the bundled knowledge (questions written for this test, in no bank)', () => {
  it('answers a plain question with its fact, as the lexical engine does', async () => {
    const plain = engine.ask(UNSURE);
    expect(plain.answered).toBe(true);
    expect(plain.results[0]!.score).toBeLessThan(ENGINE_DEFAULTS.lexicalSure);
    const answer = await ask(UNSURE);
    expect(answer).toMatchObject({ answered: true, stage: 'semantic' });
    expect(answer.results[0]!.fact.id).toBe('nrf-stated-goals');
  });

  it('reads the question without the chatter around it, as word matching does (focus.ts)', async () => {
    const plain = await ask(UNSURE);
    const wrapped = await ask(`I'm preparing a briefing. ${UNSURE}`);
    expect(wrapped).toMatchObject({ answered: true, stage: 'semantic', question: `I'm preparing a briefing. ${UNSURE}` });
    expect(wrapped.results.map((r) => [r.fact.id, r.score])).toEqual(plain.results.map((r) => [r.fact.id, r.score]));
  });

  it('gives what word matching is sure of without asking the model, or loading it', async () => {
    let loads = 0;
    const counting = new SemanticAnswerer(() => (loads++, loadEmbedder()));
    for (const q of ["What are the NRF's stated goals?", 'Who heads the NRF?', 'What is the NRF?']) {
      const answer = await counting.ask(engine, q, { wait: true });
      expect(answer).toEqual({ ...engine.ask(q), stage: 'sure' });
      expect(answer.results[0]!.score).toBeGreaterThanOrEqual(ENGINE_DEFAULTS.lexicalSure);
    }
    expect(loads).toBe(0);
    expect(counting.state(engine)).toBe('not-ready');
    // Not sure: the model is loaded and decides.
    expect((await counting.ask(engine, UNSURE, { wait: true })).stage).toBe('semantic');
    expect(loads).toBe(1);
  });

  it('on the NRF tuning half, answers each question word matching is sure of as the model would', async () => {
    const always = new SemanticAnswerer(loadEmbedder, { sure: Infinity });
    const bank = readFileSync(path.join(__dirname, '..', 'fixtures', 'eval', 'nrf-bank.tune.jsonl'), 'utf8').split('\n').filter(Boolean);
    let sure = 0;
    for (const { q } of bank.map((l) => JSON.parse(l) as { q: string })) {
      const answer = await ask(q);
      if (answer.stage !== 'sure') continue;
      sure++;
      const model = await always.ask(engine, q, { wait: true });
      expect({ q, answered: answer.answered, id: answer.results[0]!.fact.id }).toEqual({ q, answered: model.answered, id: model.results[0]!.fact.id });
    }
    expect(sure).toBeGreaterThan(20);
  }, 60_000);

  it('asks the model of every question when told to (sure: Infinity), and then gives the same plain answers', async () => {
    const always = new SemanticAnswerer(loadEmbedder, { sure: Infinity });
    const answer = await always.ask(engine, "What are the NRF's stated goals?", { wait: true });
    expect(answer).toMatchObject({ answered: true, stage: 'semantic', results: [{ fact: { id: 'nrf-stated-goals' } }, {}, {}] });
  });

  it('answers a question asked as a stored question, which the model alone declines (every NRF fact matches it)', async () => {
    // Through the model (sure: Infinity): by default word matching is sure of a stored question and answers it alike.
    const always = new SemanticAnswerer(loadEmbedder, { sure: Infinity });
    for (const q of ['What is the NRF?', 'what is the national resistance front']) {
      const { answered, results, stage } = await always.ask(engine, q, { wait: true });
      expect({ q, stage, answered, id: results[0]!.fact.id, score: results[0]!.score }).toEqual({ q, stage: 'semantic', answered: true, id: 'nrf-only-credible-armed-opposition', score: 0.99 });
      expect(await ask(q)).toMatchObject({ stage: 'sure', answered: true, results: [{ fact: { id: 'nrf-only-credible-armed-opposition' }, score: 0.99 }, {}, {}] });
    }
    expect((await always.ask(engine, 'What is the NRF today?', { wait: true })).results[0]!.score).toBeLessThan(0.99);
  });

  it('declines another country in the role a fact gives the United States', async () => {
    const answer = await ask('Which policy options does China have in Afghanistan?');
    expect(answer.answered).toBe(false);
    expect(answer.results[0]!.fact.id).toBe('us-policy-options');
  });

  it('declines a role swap that the lexical engine answers', async () => {
    // "support" and "Taliban" are both in the no-international-support fact; it says nothing of the Taliban's backers.
    const q = 'Does the Taliban get foreign support?';
    expect(engine.ask(q)).toMatchObject({ answered: true, results: [{ fact: { id: 'nrf-base-and-reach' } }, {}, {}] });
    expect((await ask(q)).answered).toBe(false);
    expect((await ask('Who supports the Taliban?')).answered).toBe(false);
  });

  it('declines a near-miss its fact records in does_not_answer, and says which one ruled it out', async () => {
    const answer = await semantic.ask(engine, 'Who is the leader of the Taliban?', { wait: true, top: 5 });
    expect(answer).toMatchObject({ answered: false, stage: 'semantic' });
    expect(answer.results.find((r) => r.fact.id === 'nrf-only-credible-armed-opposition')).toMatchObject({ notAnswered: "Who is the Taliban's leader?" });
    expect(await ask('Who leads the resistance?')).toMatchObject({ answered: true, results: [{ fact: { id: 'nrf-only-credible-armed-opposition' } }, {}, {}] });
  });

  it('declines where word matching alone answers with a neighbouring fact', async () => {
    // The Vienna conference fact names the conference and who meets there; nothing records how many came.
    const q = 'How many people attended the Intra-Afghanistan Conference?';
    expect(engine.ask(q)).toMatchObject({ answered: true, results: [{ fact: { id: 'vienna-intra-afghanistan-conference' } }, {}, {}] });
    expect((await ask(q)).answered).toBe(false);
  });

  it('declines a question on what someone said, asked of a fact that quotes nobody', async () => {
    for (const q of ['What did Biden say about Massoud?', 'What did the Taliban say about the Vienna conference?']) {
      expect({ q, answered: (await ask(q)).answered }).toEqual({ q, answered: false });
    }
  });

  it('declines "who", "where" and "which" asked of what someone says, where the fact quotes nobody or someone else', async () => {
    for (const q of ['Who does the Taliban say leads the NRF?', 'Where does the Taliban say the NRF is based?']) {
      expect({ q, answered: (await ask(q)).answered }).toEqual({ q, answered: false });
    }
    expect(await ask('Who does Massoud say should supervise elections?')).toMatchObject({ answered: true, results: [{ fact: { id: 'massoud-elections-promise' } }, {}, {}] });
  });

  it('declines questions on attributes the notes do not give', async () => {
    for (const q of ['How old is Ahmad Massoud?', 'When was the NRF founded?', 'What is the capital of Afghanistan?', 'How wide is the Panjshir Valley?']) {
      expect({ q, answered: (await ask(q)).answered }).toEqual({ q, answered: false });
    }
  });

  it('gives probabilities (0..1) as scores, best first, and keeps the lexical explanation', async () => {
    const answer = await semantic.ask(engine, 'Where is the NRF based?', { wait: true, top: 3 });
    const scores = answer.results.map((r) => r.score);
    expect(scores.length).toBeGreaterThan(1);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(answer.results[0]!.matched.length).toBeGreaterThan(0);
  });
});

describe('fact vectors', () => {
  it('answers lexically until the vectors are ready, then semantically (the bot does not wait)', async () => {
    const fresh = new SemanticAnswerer(loadEmbedder);
    const first = await fresh.ask(engine, 'Who supports the Taliban?');
    expect(first.stage).toBe('lexical');
    expect(fresh.state(engine)).toBe('preparing');
    await fresh.prepare(engine);
    expect(fresh.state(engine)).toBe('ready');
    expect((await fresh.ask(engine, 'Who supports the Taliban?')).stage).toBe('semantic');
  });

  // Embeds the whole knowledge twice: a few seconds alone, past jest's 20 s on a loaded 2-core machine.
  it('are kept in the sealed per-user cache and reused, and a tampered file is recomputed', async () => {
    const cache = openCacheFolder(mkdtempSync(path.join(tmpdir(), 'brief-vectors-')), () => undefined)!;
    const events: VectorEvent[] = [];
    const answerer = () => new SemanticAnswerer(loadEmbedder, { store: cacheVectorStore(cache), onVectors: (e) => events.push(e) });
    const computed = await answerer().prepare(engine);
    const reread = await answerer().prepare(engine);
    expect(events.map((e) => e.ready && e.cached)).toEqual([false, true]);
    expect(Array.from(reread.rows)).toEqual(Array.from(computed.rows));
    const file = path.join(cache.dir, readdirSync(cache.dir).find((n) => n.startsWith('vectors-'))!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(file, bytes);
    await answerer().prepare(engine);
    expect(events.map((e) => e.ready && e.cached)).toEqual([false, true, false]);
  }, 60_000);

  it('are not computed on demand beyond the compute limit: the answer is lexical and the event says how many texts', async () => {
    const events: VectorEvent[] = [];
    const limited = new SemanticAnswerer(loadEmbedder, { computeLimit: 10, onVectors: (e) => events.push(e) });
    const answer = await limited.ask(engine, UNSURE, { wait: true });
    expect(answer).toMatchObject({ stage: 'lexical', answered: true });
    const texts = textCount(engine.facts);
    expect(events).toEqual([{ ready: false, error: `${texts} texts to embed`, tooMany: texts }]);
  });

  it('embed a fact as its text and each stored question (one row each)', async () => {
    const facts = engine.facts.slice(0, 2);
    const vectors = await computeFactVectors(facts, await loadEmbedder());
    expect(Array.from(vectors.start)).toEqual([0, 1 + facts[0]!.questions.length, 2 + facts[0]!.questions.length + facts[1]!.questions.length]);
    expect(vectors.rows.length).toBe(vectors.start[2]! * 512);
  });
});

describe('how much of a question the model reads', () => {
  const pieces = (word: string) => Math.ceil(word.length / 4);
  const words = fc.array(fc.stringMatching(/^[a-z']{1,12}$/), { minLength: 1, maxLength: 40 });

  it('keeps a question of at most the limit whole, word for word', () => {
    fc.assert(
      fc.property(words, (ws) => {
        fc.pre(ws.reduce((n, w) => n + pieces(w), 0) <= 20);
        expect(firstPieces(ws.join(' '), 20, pieces)).toBe(ws.join(' '));
      }),
    );
  });

  it('reads a longer one up to its first words that fit, never past the limit', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 2, max: 30 }), (ws, limit) => {
        const read = firstPieces(ws.join(' '), limit, pieces);
        const kept = read.split(' ');
        expect(kept.reduce((n, w) => n + pieces(w), 0)).toBeLessThanOrEqual(limit);
        if (pieces(ws[0]!) <= limit) expect(kept).toEqual(ws.slice(0, kept.length));
        expect(ws.slice(0, kept.length + 1).reduce((n, w) => n + pieces(w), 0) > limit || kept.length === ws.length).toBe(true);
      }),
    );
  });

  it('cuts a first word longer than the limit to fewer characters than the limit', () => {
    expect(firstPieces('supercalifragilistic expialidocious', 4, (w) => w.length)).toBe('sup');
  });

  it("counts the sentence model's word pieces: a long wordy question is read as its first 20", async () => {
    const model = await loadEmbedder();
    const long = "I'm trying to gauge his mood lately - does Massoud think that right now there's a genuine chance of changing things in Afghanistan, or not really?";
    const first = long.split(' ').slice(0, 13).join(' '); // 20 pieces: "I'm trying … right"
    const [asked, read, whole] = [...(await model.embedQuestions([long])), ...(await model.embed([first, long]))];
    expect(Array.from(asked!)).toEqual(Array.from(read!));
    expect(Array.from(asked!)).not.toEqual(Array.from(whole!));
    expect(QUESTION_PIECES).toBe(20);
  });
});

describe('warming the model up', () => {
  it('runs it once on every length from one word to the longest, shortest first, one text a call', async () => {
    const calls: string[][] = [];
    const embed = (texts: readonly string[]) => (calls.push([...texts]), Promise.resolve(texts.map(() => new Float32Array(512))));
    const recording: Embedder = { id: 'recording', embed, embedQuestions: embed };
    expect(await warmUp(recording, 5)).toBe(recording);
    expect(calls).toEqual([['a'], ['a a'], ['a a a'], ['a a a a'], ['a a a a a']]);
  });
});

describe('the model and word matching', () => {
  it('judges the head alone when word matching is sure, and the model sees every candidate when it is not', async () => {
    const order: string[] = [];
    const unit = () => new Float32Array(512).fill(1 / Math.sqrt(512));
    const standIn: Embedder = {
      id: 'stand-in',
      embed: (texts) => Promise.resolve(texts.map(unit)),
      embedQuestions: (texts) => (order.push('model'), Promise.resolve(texts.map(unit))),
    };
    const watched: Engine = {
      ...engine,
      ask: () => {
        throw new Error('judged by ask, not by the answerer');
      },
      judge: (question, count) => (order.push(`judge ${count}`), engine.judge(question, count)),
    };
    const { rerank, candidates } = ENGINE_DEFAULTS;
    const answerer = new SemanticAnswerer(async () => standIn);
    expect((await answerer.ask(watched, UNSURE, { wait: true })).stage).toBe('semantic');
    expect(order).toEqual([`judge ${rerank.candidates}`, `judge ${candidates}`, 'model']);
    order.length = 0;
    expect((await answerer.ask(watched, "What are the NRF's stated goals?", { wait: true })).stage).toBe('sure');
    expect(order).toEqual([`judge ${rerank.candidates}`]);
  });

  it('answers by word matching when the model throws instead of rejecting', async () => {
    const unit = () => new Float32Array(512);
    const throwing: Embedder = {
      id: 'throwing',
      embed: (texts) => Promise.resolve(texts.map(unit)),
      embedQuestions: () => {
        throw new Error('model broke');
      },
    };
    const answer = await new SemanticAnswerer(async () => throwing).ask(engine, UNSURE, { wait: true });
    expect(answer).toMatchObject({ stage: 'lexical', answered: true });
  });
});

describe('when the sentence model fails', () => {
  const fail = () => Promise.reject(new Error('model unavailable'));
  const broken: Embedder = { id: 'broken', embed: fail, embedQuestions: fail };

  it('answers lexically and reports the failure once per attempt', async () => {
    const events: VectorEvent[] = [];
    const answerer = new SemanticAnswerer(async () => broken, { onVectors: (e) => events.push(e) });
    const answer = await answerer.ask(engine, UNSURE, { wait: false });
    expect(answer).toMatchObject({ stage: 'lexical', answered: true });
    await expect(answerer.prepare(engine)).rejects.toThrow('model unavailable');
    expect(events).toContainEqual({ ready: false, error: 'model unavailable' });
    expect(answerer.state(engine)).toBe('not-ready');
  });
});

describe('brief and the semantic stage', () => {
  it('says on stderr when a knowledge base too large to embed on the spot is answered by word matching', async () => {
    const { brief } = await import('../helpers/cli');
    const { writeKnowledgeFolder } = await import('../../bench/synthetic');
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-large-'));
    writeKnowledgeFolder(dir, 3000);
    const facts = loadKnowledgeOrThrow(dir).facts;
    const texts = textCount(facts);
    expect(texts).toBeGreaterThan(5000);
    const result = await brief(['ask', '--knowledge', dir, facts[0]!.text.split(' ').slice(0, 6).join(' ')]);
    expect(result.code).toBe(0);
    expect(result.err).toBe(cliMessages.semanticDeferred(texts));
    expect(result.out).toContain(facts[0]!.id);
  }, 60_000);
});

describe('candidates closest in meaning', () => {
  // Five facts share the question's words; the one that answers it shares only "ships" with it.
  const source = { title: 'Port notes' };
  const fact = (id: string, text: string, line: number) => ({ id, text, questions: [], tags: [], source, file: 'port.yml', line });
  const harbour = createEngine({
    facts: [
      fact('dues-2021', 'Harbour dues for ships were unchanged in 2021.', 1),
      fact('dues-2022', 'Harbour dues for ships were reviewed in 2022 by the board.', 2),
      fact('dues-2023', 'Harbour dues for ships rose in 2023 after the review.', 3),
      fact('dues-report', 'The harbour report lists all dues paid by ships.', 4),
      fact('dues-board', 'The harbour board sets the dues ships pay every spring.', 5),
      fact('mooring-levy', 'Ships pay a levy of 40 euros a night to moor at the quay.', 6),
    ],
    sources: [{ ...source, file: 'port.yml' }],
    aliases: [],
    fingerprint: 'port',
  });
  // A stand-in model for which the question means exactly what the levy fact says, and nothing else does.
  const question = 'What are the harbour dues for ships?';
  const meaning = (text: string) => {
    const v = new Float32Array(512);
    v[text === question || text.startsWith('Ships pay a levy') ? 0 : 1] = 1;
    return v;
  };
  const embed = (texts: readonly string[]) => Promise.resolve(texts.map(meaning));
  const standIn: Embedder = { id: 'stand-in', embed, embedQuestions: embed };

  it('joins the best lexical candidates even when word matching ranks it below them', async () => {
    const levy = harbour.facts.findIndex((f) => f.id === 'mooring-levy');
    const lexical = harbour.judge(question, 30).map((j) => j.id);
    expect(lexical).toContain(levy);
    expect(lexical.indexOf(levy)).toBeGreaterThanOrEqual(3);
    const answer = await new SemanticAnswerer(async () => standIn).ask(harbour, question, { wait: true, top: 3 });
    expect(answer.results[0]!.fact.id).toBe('mooring-levy');
  });

  it('lists every candidate once, the re-ordered ones first', async () => {
    const answer = await new SemanticAnswerer(async () => standIn).ask(harbour, question, { wait: true, top: 6 });
    const ids = answer.results.map((r) => r.fact.id);
    expect(ids[0]).toBe('mooring-levy');
    expect(ids).toHaveLength(6);
    expect(new Set(ids)).toEqual(new Set(harbour.facts.map((f) => f.id)));
  });
});
