import type { App } from '@slack/bolt';
import type { AnsweringDeps } from '../answering';
import type { RecentKeys } from '../recent';

export interface BotDeps extends AnsweringDeps {
  autoAnswerChannels: ReadonlySet<string>;
  /** channel:ts of messages already answered: a mention arrives as app_mention and as message.channels. */
  answeredMessages: RecentKeys;
}

/** One trigger the app handles; `name` is what app-manifest.yml must declare (events and commands). */
export interface Listener {
  kind: 'command' | 'event' | 'action';
  name: string;
  register(app: App, deps: BotDeps): void;
}
