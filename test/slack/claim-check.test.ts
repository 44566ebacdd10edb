import { readFileSync } from 'node:fs';
import { useFakeSlack } from '../helpers/bot';
import { formOf, messageShortcutPayload } from '../helpers/payloads';
import { sendSigned } from '../helpers/signed';
import { engine } from '../helpers/bot';
import { checkClaims, splitClaims } from '../../src/slack/claim-check';

const FORM = 'application/x-www-form-urlencoded';
const slack = useFakeSlack();
type Block = { type: string; text?: { text: string }; elements?: Array<{ text: string }> };

async function check(text: string, id: string) {
  const bot = slack.bot ?? (await slack.start());
  const result = await sendSigned(bot.eventsUrl, formOf(messageShortcutPayload('brief_check_message', text, slack.fake.responseUrl(id))), { contentType: FORM });
  expect(result.status).toBe(200);
  const reply = await slack.fake.waitFor(() => slack.fake.responses.find((r) => r.path === `/response/${id}`));
  return reply.body as { response_type: string; text: string; blocks: Block[] };
}

describe('splitting a message into claims', () => {
  it('splits sentences with Intl.Segmenter, drops mentions and too-short fragments, decodes markup', () => {
    expect(splitClaims('<@U222> The NRF controls the Panjshir Valley. OK. Massoud&apos;s father was killed by al-Qaeda! Really?')).toEqual([
      'The NRF controls the Panjshir Valley.',
      'Massoud&apos;s father was killed by al-Qaeda!',
    ]);
    expect(splitClaims('Dr. Smith met Gen. Jones in Vienna. It went well.')).toEqual(['Dr. Smith met Gen. Jones in Vienna.', 'It went well.']);
  });

  it('puts the best-supported claims first and gives claims the knowledge has nothing on no support', () => {
    const checked = checkClaims(engine, ['The meeting is at 3pm.', 'The NRF controls the Panjshir Valley.']);
    expect(checked.map((c) => c.claim)).toEqual(['The NRF controls the Panjshir Valley.', 'The meeting is at 3pm.']);
    expect(checked[0]!.support[0]!.fact.id).toBe('nrf-panjshir-valley-control');
    expect(checked[1]!.support).toEqual([]);
  });
});

describe('"Check the briefing" message shortcut over HTTP', () => {
  it('replies to the user only with what the briefing says on each supported claim, with its source', async () => {
    const reply = await check(
      "<!channel> The NRF controls the Panjshir Valley. The meeting is at 3pm. Massoud's father was killed by al-Qaeda.",
      'c1',
    );
    expect(reply.response_type).toBe('ephemeral');
    // Each supported claim is a section followed by its source (their order is the scores', tested above).
    const shown = reply.blocks.flatMap((b, i) => (b.type === 'section' ? [[b.text!.text, reply.blocks[i + 1]?.elements?.[0]?.text]] : []));
    expect(shown).toHaveLength(2);
    const panjshir = shown.find(([text]) => text!.startsWith('*Claim:* The NRF controls'));
    const father = shown.find(([text]) => text!.startsWith("*Claim:* Massoud's father"));
    expect(panjshir?.[0]).toMatch(/^\*Claim:\* The NRF controls the Panjshir Valley\.\n\*The briefing says:\*\n>The NRF exercises de facto control over the Panjshir Valley/);
    expect(panjshir?.[1]).toBe('Source: *Copenhagen Democracy Summit - #CDS2023*');
    expect(father?.[0]).toMatch(/^\*Claim:\* Massoud's father was killed by al-Qaeda\.\n\*The briefing says:\*\n>Massoud’s father was assassinated by al-Qaeda/);
    expect(reply.blocks.at(-1)!.elements![0]!.text).toBe('1 sentence of the message has nothing in the briefing.');
    expect(JSON.stringify([reply.text, reply.blocks])).not.toMatch(/\b(true|false|correct|wrong|verified)\b/i);
    expect(JSON.stringify(reply)).not.toContain('<!channel');
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('shows at most three claims and says how many more have related facts', async () => {
    const reply = await check(
      'The NRF controls the Panjshir Valley. The NRF has over a few thousand armed fighters. Massoud is open to negotiations with the Taliban. ' +
        "Massoud's father was killed by al-Qaeda.",
      'c2',
    );
    expect(reply.blocks.filter((b) => b.text?.text.startsWith('*Claim:*'))).toHaveLength(3);
    expect(reply.blocks.at(-1)!.elements![0]!.text).toBe('… and 1 more sentence with related facts.');
  });

  it('says plainly when the briefing has nothing on the message, and when there is nothing to check', async () => {
    expect((await check('The weather in Kabul is sunny today. I had lunch with Bob.', 'c3')).text).toBe(
      'The briefing has nothing on this message: none of its 2 sentences matches a fact in the knowledge base.',
    );
    expect((await check('<@U222> 👍', 'c4')).text).toBe('That message has no sentences I can check against the briefing.');
  });

  it('echoes claims defanged and escaped, so they cannot ping anyone or inject markup', async () => {
    const reply = await check('@here <https://evil.example|click> the NRF controls the Panjshir Valley &lt;b&gt;.', 'c5');
    const text = reply.blocks[0]!.text!.text;
    expect(text).toContain('@\u200Bhere click the NRF controls the Panjshir Valley &lt;b&gt;.');
    expect(JSON.stringify(reply)).not.toContain('evil.example');
  });

  it('is declined in a channel outside ALLOWED_CHANNEL_IDS', async () => {
    await slack.start({ ALLOWED_CHANNEL_IDS: 'C999' });
    expect((await check('The NRF controls the Panjshir Valley.', 'c6')).text).toContain("Briefing Bot isn't enabled in this channel");
  });

  it('logs the counts, not the message', async () => {
    await check('The NRF controls the Panjshir Valley. Secret plan for tomorrow.', 'c7');
    const logs = slack.bot!.logs.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logs).toContainEqual(expect.objectContaining({ event: 'claim_check', channel: 'C111', user: 'W111', claims: 2, supported: 1 }));
    expect(slack.bot!.logs.join('\n')).not.toContain('Secret plan');
    expect(() => readFileSync(slack.bot!.feedbackLog)).toThrow();
  });
});
