import { BUNDLED_KNOWLEDGE } from '../../src/cli/knowledge-dir';
import { createEngine } from '../../src/engine/engine';
import { focusQuestion } from '../../src/engine/focus';
import { loadKnowledgeOrThrow } from '../../src/knowledge/load';

// Questions written for these tests (in no bank): a question wrapped in chatter, as people type in Slack.
const engine = createEngine(loadKnowledgeOrThrow(BUNDLED_KNOWLEDGE));

describe('the question in a message, without the chatter around it', () => {
  const chatter = (s: string) => s.includes('chat');

  it('leaves out sentences that do not ask and are chatter, when another sentence asks', () => {
    expect(focusQuestion('Some chat. Where is it? More chat!', chatter)).toBe('Where is it?');
    expect(focusQuestion('where is it?? chat after the marks', chatter)).toBe('where is it??');
    // Kept: a sentence with something of the topic, a message with no "?", one sentence, or chatter that asks.
    expect(focusQuestion('Some topic. Where is it?', chatter)).toBe('Some topic. Where is it?');
    expect(focusQuestion('Some chat. Tell me where it is.', chatter)).toBe('Some chat. Tell me where it is.');
    expect(focusQuestion('chat, where is it?', chatter)).toBe('chat, where is it?');
    expect(focusQuestion('Any chat? Where is it?', chatter)).toBe('Any chat? Where is it?');
  });

  it.each([
    ['chat: where is it?', 'where is it?'],
    ['some chat - where is it', 'where is it'],
    ['chat \u2014 where is it', 'where is it'],
    // Kept: a lead-in with something of the topic, a hyphen inside a word, a colon that ends the message.
    ['Topic: where is it?', 'Topic: where is it?'],
    ['anti-chat where is it', 'anti-chat where is it'],
    ['where is it, chat:', 'where is it, chat:'],
    // A lead-in that asks is the question.
    ['how is chat - it?', 'how is chat - it?'],
    ['When was chat: it?', 'When was chat: it?'],
  ])('reads %j, a lead-in of chatter set off by a colon or a spaced dash left out, as %j', (message, read) => {
    expect(focusQuestion(message, chatter)).toBe(read);
  });

  it.each([
    ["I'm preparing a briefing. Where is the NRF based?", 'Where is the NRF based?'],
    ['where is the NRF based?? asking for a briefing tomorrow', 'where is the NRF based??'],
    ['My boss wants this by noon. How many fighters does the NRF have?', 'How many fighters does the NRF have?'],
    ['quick question: where is the NRF based?', 'where is the NRF based?'],
    ['ok so - how many fighters does the nrf have', 'how many fighters does the nrf have'],
  ])('answers %j as %j, and shows the message as typed', (message, question) => {
    expect(engine.focus(message)).toBe(question);
    const asked = engine.ask(message);
    const plain = engine.ask(question);
    expect(asked.question).toBe(message);
    expect({ answered: asked.answered, id: asked.results[0]?.fact.id, score: asked.results[0]?.score }).toEqual({ answered: true, id: plain.results[0]!.fact.id, score: plain.results[0]!.score });
  });

  it.each([
    // A name the knowledge lacks rules its facts out: the sentence that gives it is not chatter.
    "I'm asking about Hamas. Who leads it?",
    // A name the knowledge has, a number, a word of a fact's text.
    "I'm asking about the Taliban. Who leads it?",
    'It was 2021. Who led the resistance?',
    'The meeting is soon. Where is the NRF based?',
    // A lead-in that names the topic.
    'Panjshir: who controls it?',
    'Taliban - who leads them?',
    // A lead-in that asks: its question words are stop words, yet it is the question.
    "How did he die - Massoud's father?",
    'When was it - the Hudson Institute event?',
  ])('keeps every sentence of %j', (message) => {
    expect(engine.focus(message)).toBe(message);
  });

  it('declines a question about someone else even when the name is in a sentence of its own', () => {
    expect(engine.ask("I'm asking about Hamas. Who leads it?").answered).toBe(false);
  });
});
