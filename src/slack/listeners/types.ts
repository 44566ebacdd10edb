import type { App } from '@slack/bolt';
import type { AnsweringDeps } from '../answering';
import type { AnsweredThreads } from '../answered-threads';
import type { RecentKeys } from '../recent';

export interface BotDeps extends AnsweringDeps {
  autoAnswerChannels: ReadonlySet<string>;
  /** channel:ts of messages already answered: a mention arrives as app_mention and as message.channels. */
  answeredMessages: RecentKeys;
  /** Threads the bot answered a mention in: replies there are answered without a new mention. */
  answeredThreads: AnsweredThreads;
  /** CURATOR_IDS: whose App Home also lists the curators' to-do list. */
  curators: ReadonlySet<string>;
}

/** One trigger the app handles; `name` is what app-manifest.yml must declare (events, commands, shortcuts' callback_id). */
export interface Listener {
  kind: 'command' | 'event' | 'action' | 'shortcut';
  name: string;
  register(app: App, deps: BotDeps): void;
}
