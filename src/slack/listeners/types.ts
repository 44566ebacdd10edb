import type { App } from '@slack/bolt';
import type { Installations } from '../../install/installation-store';
import type { AnsweringDeps } from '../answering';
import type { ThreadMemory } from '../thread-memory';

/** A question handed to EXPERTS_CHANNEL: who asked, and (with several books) the book they asked. */
export interface Handoff {
  asker: string;
  question: string;
  book?: string;
}

export interface BotDeps extends AnsweringDeps {
  autoAnswerChannels: ReadonlySet<string>;
  /** Threads the bot answered a mention in, with their first question: replies there need no mention. */
  answeredThreads: ThreadMemory<string>;
  /** Questions handed to EXPERTS_CHANNEL, by the thread of the bot's post there: replies go to the asker. */
  expertThreads: ThreadMemory<Handoff>;
  /** CURATOR_IDS: whose App Home also lists the curators' to-do list. */
  curators: ReadonlySet<string>;
  /** OAuth installs (many workspaces); unset with one SLACK_BOT_TOKEN. */
  installations?: Pick<Installations, 'deleteInstallation'>;
}

/** One trigger the app handles; `name` is what app-manifest.yml must declare (events, commands, shortcuts' callback_id). */
export interface Listener {
  kind: 'command' | 'event' | 'action' | 'shortcut';
  name: string;
  register(app: App, deps: BotDeps): void;
}
