import { checkModel, type DecisionModel } from '../decision';
import { FEATURES } from '../features';
import { SEMANTIC_FEATURES } from './features';

export const SEMANTIC_MODEL_FEATURES: readonly string[] = Object.freeze([...FEATURES, ...SEMANTIC_FEATURES]);

let loaded: DecisionModel | undefined;

/**
 * The semantic stage's fitted decision, read and checked on first use: its 350 KB of JSON cost ~20 ms at
 * start, which a question word matching is sure of, and `brief ask --lexical`, never need (README, Performance).
 */
export function semanticModel(): DecisionModel {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- read on first use, see above
  loaded ??= checkModel(require('./semantic-model.json') as typeof import('./semantic-model.json'), SEMANTIC_MODEL_FEATURES, 'semantic-model.json');
  return loaded;
}
