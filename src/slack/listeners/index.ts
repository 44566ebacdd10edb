import type { App } from '@slack/bolt';
import { askExpertAction } from './actions/ask-expert';
import { feedbackDownAction, feedbackUpAction } from './actions/feedback';
import { inContextAction } from './actions/in-context';
import { otherMatchesAction } from './actions/other-matches';
import { shareAction } from './actions/share';
import { briefCommand } from './commands/brief';
import { appHomeOpened } from './events/app-home-opened';
import { appMention } from './events/app-mention';
import { channelMessage } from './events/channel-message';
import { directMessage } from './events/direct-message';
import { appUninstalled, tokensRevoked } from './events/uninstalled';
import { checkMessageShortcut } from './shortcuts/check-message';
import type { BotDeps, Listener } from './types';

/** Every trigger the app handles; app-manifest.yml must declare exactly the events, commands and shortcuts here. */
export const LISTENERS: readonly Listener[] = [
  briefCommand,
  appMention,
  directMessage,
  channelMessage,
  appHomeOpened,
  shareAction,
  otherMatchesAction,
  feedbackUpAction,
  feedbackDownAction,
  askExpertAction,
  inContextAction,
  checkMessageShortcut,
  appUninstalled,
  tokensRevoked,
];

export function registerListeners(app: App, deps: BotDeps): void {
  for (const listener of LISTENERS) listener.register(app, deps);
}
