import { Books } from '../../src/knowledge/books';
import { EngineHolder } from '../../src/knowledge/engine-holder';
import { answerQuestion, type AnsweringDeps } from '../../src/slack/answering';
import { createLogger } from '../../src/slack/logger';
import { engine } from '../helpers/bot';

describe("answering waits for the question's turn", () => {
  it('starts on nothing before the turn comes: no answer, no log line', async () => {
    let letThrough!: () => void;
    const turn = () => new Promise<void>((resolve) => (letThrough = resolve));
    const lines: string[] = [];
    const deps: AnsweringDeps = {
      engines: new EngineHolder(Books.single(engine), 0),
      logger: createLogger({ level: 'debug', write: (l) => lines.push(l) }),
      feedback: { where: 'nowhere', append: () => Promise.resolve(), read: () => Promise.resolve(undefined), close: () => Promise.resolve() },
      logQuestions: false,
      turn,
    };
    let done = false;
    const answering = answerQuestion(deps, 'Who leads the NRF?', { user: 'U1', surface: 'mention' }).then((r) => ((done = true), r));
    await new Promise((resolve) => setImmediate(resolve));
    expect({ done, lines }).toEqual({ done: false, lines: [] });
    letThrough();
    expect((await answering)?.answer).toMatchObject({ answered: true });
    expect(lines.map((l) => JSON.parse(l) as { event: string }).map((l) => l.event)).toEqual(['question']);
  });
});
