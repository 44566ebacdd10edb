import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');
export const fixtureKnowledge = (scenario: string) => path.join(FIXTURES, 'knowledge', scenario);
