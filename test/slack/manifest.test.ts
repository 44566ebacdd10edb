import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { LISTENERS } from '../../src/slack/listeners';
import { ACTIONS } from '../../src/slack/blocks';
import { REPO } from '../helpers/paths';

const manifest = parse(readFileSync(path.join(REPO, 'app-manifest.yml'), 'utf8'));
const handled = (kind: string) => LISTENERS.filter((l) => l.kind === kind).map((l) => l.name).sort();

describe('app-manifest.yml', () => {
  it('declares exactly the events the code handles', () => {
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(handled('event'));
  });

  it('declares exactly the slash commands the code handles', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual(handled('command'));
    for (const c of manifest.features.slash_commands) {
      expect(c.description).toBeTruthy();
      expect(c.usage_hint).toBeTruthy();
    }
  });

  it('asks for the scopes those features need, and nothing more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'im:history']);
  });

  it('has a bot user, interactivity for every button the code handles, and Socket Mode on', () => {
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(handled('action')).toEqual(Object.values(ACTIONS).sort());
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('points HTTP mode at the one endpoint the app serves', () => {
    for (const url of [manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url, manifest.features.slash_commands[0].url]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
  });
});
