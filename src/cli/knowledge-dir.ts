import path from 'node:path';

/** The knowledge shipped with the package (`knowledge/` at the package root). */
export const BUNDLED_KNOWLEDGE = path.resolve(__dirname, '..', '..', 'knowledge');
