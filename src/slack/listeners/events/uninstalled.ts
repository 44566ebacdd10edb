import { LogLevel, type Context } from '@slack/bolt';
import type { BotDeps, Listener } from '../types';

/** Forgets the workspace's (or organisation's) installation; Bolt does not do this itself. */
async function forget(deps: BotDeps, context: Context, why: string): Promise<void> {
  const team = context.teamId ?? context.enterpriseId;
  if (!deps.installations) {
    // One workspace, one token in the environment: nothing stored to delete, but that token is dead now.
    deps.logger.event(LogLevel.WARN, 'uninstalled', { team, why, stored: false });
    return;
  }
  await deps.installations.deleteInstallation({ isEnterpriseInstall: context.isEnterpriseInstall === true, enterpriseId: context.enterpriseId, teamId: context.teamId });
  deps.logger.event(LogLevel.INFO, 'uninstalled', { team, why });
}

/** The app was removed from a workspace: its token is dead, its installation goes. */
export const appUninstalled: Listener = {
  kind: 'event',
  name: 'app_uninstalled',
  register(app, deps) {
    app.event('app_uninstalled', async ({ context }) => forget(deps, context, 'app_uninstalled'));
  },
};

/** Tokens were revoked; only the bot token matters (the app asks for no user scopes). */
export const tokensRevoked: Listener = {
  kind: 'event',
  name: 'tokens_revoked',
  register(app, deps) {
    app.event('tokens_revoked', async ({ event, context }) => {
      if ((event.tokens.bot ?? []).length > 0) await forget(deps, context, 'tokens_revoked');
    });
  },
};
