import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brief } from '../helpers/cli';

describe('brief ask --context', () => {
  it('shows the sentence before and after the excerpt in the stored source text', async () => {
    const { code, out } = await brief(['ask', '--context', 'Who leads the NRF?']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    const quote = lines.findIndex((l) => l.startsWith('  “Since the Taliban’s return to power'));
    expect(lines.slice(quote + 1, quote + 4)).toEqual([
      '  In sources/briefing-notes-nrf.txt:',
      '    before: A Conversation with Ahmad Massoud on the Future of Afghanistan.',
      '    after:  Based in the Panjshir Province and operating in a dozen Afghan provinces, the NRF has been fighting against the Taliban against all odds and without any international support.',
    ]);
  });

  it('shows only the side there is at the start of a text, and says so when a source has no stored text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brief-context-'));
    writeFileSync(path.join(dir, 'a.yml'), 'source:\n  title: A\n  text_file: a.txt\nfacts:\n  - id: lyon\n    text: The programme is based in Lyon.\n');
    writeFileSync(path.join(dir, 'a.txt'), 'The programme is based in Lyon. It has nine offices.');
    writeFileSync(path.join(dir, 'b.yml'), 'source:\n  title: B\nfacts:\n  - id: staff\n    text: The programme employs forty people.\n');
    const based = await brief(['ask', '--context', '--knowledge', dir, 'Where is the programme based?']);
    expect(based.out.split('\n').slice(3, 5)).toEqual(['  In a.txt:', '    after:  It has nine offices.']);
    const staff = await brief(['ask', '--context', '--knowledge', dir, 'How many people does the programme employ?']);
    expect(staff.out.split('\n')[3]).toBe('  (no stored text for this source: brief ingest keeps one, or set source.text_file)');
  });

  it('leaves the answer as it was without --context', async () => {
    const plain = await brief(['ask', 'Who leads the NRF?']);
    expect(plain.code).toBe(0);
    expect(plain.out).toContain('Ahmad Massoud');
    expect(plain.out).not.toContain('before:');
  });
});
