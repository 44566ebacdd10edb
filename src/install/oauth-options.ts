import type { ServerResponse } from 'node:http';
import { LogLevel, type Installation } from '@slack/bolt';
import type { Config } from '../config';
import { installMessages as msg } from '../messages';
import type { BotLogger } from '../slack/logger';
import { clientOptions } from '../slack/receiver';
import { keyOfInstallation, type Installations } from './installation-store';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** What an install asks for: exactly app-manifest.yml's oauth_config.scopes.bot (the manifest test checks). */
export const BOT_SCOPES: readonly string[] = Object.freeze(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'im:history']);

export type OAuthReceiverOptions = ReturnType<typeof oauthReceiverOptions>;

/**
 * Why an installation Slack just granted is not kept: a rotating token (Bolt would refresh it in each
 * replica at once, racing; not supported), or a workspace outside ALLOWED_TEAM_IDS.
 */
function refusal(installation: Installation, allowedTeams: ReadonlySet<string>): string | undefined {
  if (installation.bot?.refreshToken || installation.bot?.expiresAt) return msg.rotationRefused();
  const id = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
  if (allowedTeams.size > 0 && !(id && allowedTeams.has(id))) return msg.teamNotAllowed(id ?? '?');
  return undefined;
}

/**
 * Bolt's OAuth install flow, for HTTPReceiver or SocketModeReceiver: GET /slack/install sends the
 * installer straight to Slack (a state cookie signed with SLACK_STATE_SECRET), GET /slack/oauth_redirect
 * exchanges the code with oauth.v2.access and stores the installation; `authorize` then looks each
 * workspace's token up there. In Socket Mode Bolt serves these two pages on a small HTTP server of their own
 * (PORT), since events arrive over the socket.
 */
export function oauthReceiverOptions(config: Config, installations: Installations | undefined, logger: BotLogger) {
  // Without a store Bolt would keep installations in this process's memory: lost on restart, unseen by replicas.
  if (!config.oauth || !installations) throw new Error('OAuth needs both its settings and an installation store');
  return {
    clientId: config.oauth.clientId,
    clientSecret: config.oauth.clientSecret,
    stateSecret: config.oauth.stateSecret,
    scopes: [...BOT_SCOPES],
    installationStore: installations,
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: true,
      clientOptions: clientOptions(config),
      ...(config.mode === 'socket' && { port: config.port }),
      callbackOptions: {
        afterInstallation: async (installation: Installation, _options: unknown, _req: unknown, res: ServerResponse) => {
          const why = refusal(installation, config.allowedTeams);
          const key = keyOfInstallation(installation);
          logger.event(why ? LogLevel.WARN : LogLevel.INFO, why ? 'install_refused' : 'installed', { team: installation.team?.id ?? installation.enterprise?.id, key, ...(why && { reason: why }) });
          if (why) res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(why);
          return !why;
        },
      },
    },
  };
}
