import { startBot } from '../helpers/bot';
import { FakeSlack } from '../helpers/fake-slack';
import { blockActionForm, slashCommandForm } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import { ACTIONS } from '../../src/slack/blocks';
import { createEngine } from '../../src/engine/engine';
import { DECISION_MODEL } from '../../src/engine/decision';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';
import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { slackMessages } from '../../src/messages';

const FORM = 'application/x-www-form-urlencoded';
const QUESTION = "what are NRF's stated goals?";
const knowledge = loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE);
// The same decision, with its sure point moved: above every score (each answer is one to check), or down to the threshold (none is).
const unsure = createEngine(knowledge, { model: { ...DECISION_MODEL, sure: 1 } });
const sure = createEngine(knowledge, { model: { ...DECISION_MODEL, sure: DECISION_MODEL.threshold } });

type Block = { type: string; elements?: Array<{ text?: string | { text: string }; value?: string; action_id?: string }> };

let fake: FakeSlack;
beforeEach(async () => {
  fake = await new FakeSlack().start();
});
afterEach(() => fake.stop());

async function ask(engine: typeof sure, path: string) {
  const bot = await startBot(fake, {}, { engine });
  try {
    await sendSigned(bot.eventsUrl, slashCommandForm(QUESTION, fake.responseUrl(path)), { contentType: FORM });
    const reply = await fake.waitFor(() => fake.responses.find((r) => r.path === `/response/${path}`));
    return { bot, reply: reply.body as { text: string; blocks: Block[] } };
  } catch (error) {
    await bot.stop();
    throw error;
  }
}

const contextTexts = (blocks: readonly Block[]) => blocks.filter((b) => b.type === 'context').map((b) => b.elements![0]!.text);

describe('an answer below the sure point, over HTTP', () => {
  it('is still the quote and its source, with a note to check it, in the blocks and the notification text', async () => {
    expect(unsure.ask(QUESTION)).toMatchObject({ answered: true, toCheck: true });
    const { bot, reply } = await ask(unsure, 'unsure');
    await bot.stop();
    expect(contextTexts(reply.blocks)).toEqual(['Source: *Copenhagen Democracy Summit - #CDS2023*', slackMessages.toCheck()]);
    expect(reply.text).toContain('democratic, decentralized Afghanistan');
    expect(reply.text.endsWith(slackMessages.toCheck())).toBe(true);
    const logged = bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'question');
    expect(logged).toMatchObject({ answered: true, factId: 'nrf-stated-goals', toCheck: true });
  });

  it('keeps its note when shared in the channel', async () => {
    const { bot, reply } = await ask(unsure, 'unsure2');
    try {
      const share = reply.blocks.find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === ACTIONS.share)!;
      expect(JSON.parse(share.value!)).toEqual({ q: QUESTION, id: 'nrf-stated-goals', check: true });
      await sendSigned(bot.eventsUrl, blockActionForm(ACTIONS.share, share.value!, fake.responseUrl('share-unsure')), { contentType: FORM });
      const post = await fake.waitFor(() => fake.callsTo('chat.postMessage')[0]);
      expect(JSON.stringify(post.params.blocks)).toContain(slackMessages.toCheck());
      expect(JSON.stringify(post.params.blocks)).toContain('Shared by <@W111>');
    } finally {
      await bot.stop();
    }
  });

  it('a sure answer carries no such note, and neither does its Share button', async () => {
    expect(sure.ask(QUESTION).toCheck).toBeUndefined();
    const { bot, reply } = await ask(sure, 'sure');
    await bot.stop();
    expect(contextTexts(reply.blocks)).toEqual(['Source: *Copenhagen Democracy Summit - #CDS2023*']);
    expect(reply.text).not.toContain(slackMessages.toCheck());
    expect(bot.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.event === 'question')).not.toHaveProperty('toCheck');
    const share = reply.blocks.find((b) => b.type === 'actions')!.elements!.find((e) => e.action_id === ACTIONS.share)!;
    expect(JSON.parse(share.value!)).toEqual({ q: QUESTION, id: 'nrf-stated-goals' });
  });
});
