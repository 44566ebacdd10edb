import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { LISTENERS } from '../../src/slack/listeners';
import { ACTIONS } from '../../src/slack/blocks';
import { BOT_SCOPES, REDIRECT_PATH } from '../../src/install/oauth-options';
import { FIXTURES, REPO } from '../helpers/paths';

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

  it('declares exactly the shortcuts the code handles', () => {
    expect(manifest.features.shortcuts.map((s: { callback_id: string }) => s.callback_id).sort()).toEqual(handled('shortcut'));
    expect(manifest.features.shortcuts.map((s: { type: string }) => s.type)).toEqual(handled('shortcut').map(() => 'message'));
  });

  it('asks for the scopes those features need, and nothing more; an OAuth install asks for the same', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'im:history']);
    expect([...BOT_SCOPES].sort()).toEqual([...manifest.oauth_config.scopes.bot].sort());
  });

  it('sends OAuth installs back to the redirect page the app serves, with token rotation off (not supported)', () => {
    expect(manifest.oauth_config.redirect_urls).toEqual([`https://YOUR-HOST${REDIRECT_PATH}`]);
    expect(manifest.settings.token_rotation_enabled).toBe(false);
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

  describe("against Slack's published JSON schema (draft-07)", () => {
    const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'slack-manifest-schema', 'manifest.schema.1.0.0.json'), 'utf8'));
    // Strict mode stays on: the schema's annotation (_note) is declared, its one format (uri) checked with
    // the platform's URL parser rather than another dependency, and the pattern it writes as `regex`
    // (background_color) enforced as the pattern it means. strictTypes is off: it only warns that the
    // schema puts minItems on string items (oauth2 scopes), which says nothing about our manifest.
    const ajv = new Ajv({ allErrors: true, strictTypes: false, keywords: ['_note'], formats: { uri: (value: string) => URL.canParse(value) } });
    ajv.addKeyword({ keyword: 'regex', type: 'string', schemaType: 'string', validate: (pattern: string, value: string) => new RegExp(pattern).test(value) });
    const validate = ajv.compile(schema);

    it('is a manifest Slack accepts', () => {
      validate(manifest);
      expect(validate.errors ?? []).toEqual([]);
    });

    it('would catch a mistyped setting, a command without its slash or a colour without its #', () => {
      const broken = structuredClone(manifest);
      broken.settings.socket_mode_enable = true;
      broken.features.slash_commands[0].command = 'brief';
      broken.display_information.background_color = '2c3e50';
      broken.features.shortcuts[0].name = 'Check this message against the briefing';
      expect(validate(broken)).toBe(false);
      expect(validate.errors?.map((e) => `${e.instancePath} ${e.message}`).sort()).toEqual([
        '/display_information/background_color must pass "regex" keyword validation',
        '/features/shortcuts/0/name must NOT have more than 24 characters',
        '/features/slash_commands/0/command must match pattern "^\\/"',
        '/settings must NOT have additional properties',
      ]);
    });
  });
});
