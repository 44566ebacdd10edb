import { namesIn, withThreadSubject } from '../../src/slack/follow-up';
import { ThreadMemory } from '../../src/slack/thread-memory';

describe('follow-up questions borrow the subject of the thread', () => {
  it('finds the names a question is about, not its question word', () => {
    expect(namesIn("What are the NRF's stated goals?")).toEqual(['NRF']);
    expect(namesIn("Who was Ahmad Massoud’s father?")).toEqual(['Ahmad Massoud']);
    expect(namesIn('Was Massoud open to negotiating with the Taliban in 2021?')).toEqual(['Massoud', 'Taliban']);
    expect(namesIn('where is it based?')).toEqual([]);
  });

  it.each([
    ['Who leads the NRF?', 'what about the Taliban?', 'Who leads the Taliban?'],
    ["What are the NRF's stated goals?", 'And what about the Taliban?', "What are the Taliban's stated goals?"],
    ['Who leads the NRF?', 'what about its goals?', "NRF's goals"],
    ['Who leads the NRF?', 'how about funding?', 'NRF funding'],
    ['Who leads the NRF?', 'Where is it based?', 'Where is NRF based?'],
    ['Who leads the NRF?', 'Where is Kabul?', 'Where is Kabul?'],
    ['Was Massoud open to negotiating with the Taliban in 2021?', 'what about his father?', 'what about his father?'],
    ['how are things?', 'what about it?', 'what about it?'],
  ])('after %j, %j is asked as %j', (thread, followUp, asked) => {
    expect(withThreadSubject(followUp, thread)).toBe(asked);
  });
});

describe('ThreadMemory', () => {
  it('remembers the first question of a thread until the TTL, then forgets it', () => {
    let now = 0;
    const threads = new ThreadMemory<string>(1000, 10, () => now);
    threads.remember('C1', '1.1', 'Who leads the NRF?');
    threads.remember('C1', '1.1', 'what about the Taliban?');
    expect(threads.recall('C1', '1.1')).toBe('Who leads the NRF?');
    expect(threads.recall('C2', '1.1')).toBeUndefined();
    now = 1000;
    expect(threads.recall('C1', '1.1')).toBeUndefined();
  });

  it('takes the first question of a thread it opened with none (a help reply)', () => {
    const threads = new ThreadMemory<string>(1000, 10, () => 0);
    threads.remember('C1', '1.1', '');
    expect(threads.recall('C1', '1.1')).toBe('');
    threads.remember('C1', '1.1', 'Who leads the NRF?');
    threads.remember('C1', '1.1', 'what about the Taliban?');
    expect(threads.recall('C1', '1.1')).toBe('Who leads the NRF?');
  });

  it('keeps at most `max` threads, forgetting the oldest', () => {
    const threads = new ThreadMemory<string>(1000, 2, () => 0);
    for (const ts of ['1', '2', '3']) threads.remember('C1', ts, `q${ts}`);
    expect(['1', '2', '3'].map((ts) => threads.recall('C1', ts))).toEqual([undefined, 'q2', 'q3']);
  });
});
