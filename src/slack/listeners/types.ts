import type { App } from '@slack/bolt';
import type { AnsweringDeps } from '../answering';

export interface BotDeps extends AnsweringDeps {
  autoAnswerChannels: ReadonlySet<string>;
}

/** One trigger the app handles; `name` is what app-manifest.yml must declare (events and commands). */
export interface Listener {
  kind: 'command' | 'event' | 'action';
  name: string;
  register(app: App, deps: BotDeps): void;
}
