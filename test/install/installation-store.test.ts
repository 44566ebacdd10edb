import type { Installation } from '@slack/bolt';
import { installationKey, openInstallations, type Installations } from '../../src/install/installation-store';
import { describeWith, testDatabase } from '../helpers/services';

describe('installationKey', () => {
  it('keeps an org-wide install under its organisation, anything else under its workspace', () => {
    expect(installationKey({ isEnterpriseInstall: true, enterpriseId: 'E1', teamId: 'T1' })).toBe('E:E1');
    expect(installationKey({ isEnterpriseInstall: false, enterpriseId: 'E1', teamId: 'T1' })).toBe('T:T1');
    expect(installationKey({ teamId: 'T2' })).toBe('T:T2');
    expect(() => installationKey({ isEnterpriseInstall: false })).toThrow('an installation query without a workspace or organisation id');
  });
});

const db = testDatabase('brief_inst');

const workspace = (team: string, token: string, enterprise?: string): Installation<'v2', false> => ({
  team: { id: team, name: `Workspace ${team}` },
  enterprise: enterprise ? { id: enterprise, name: 'Org' } : undefined,
  isEnterpriseInstall: false,
  bot: { token, scopes: ['chat:write'], id: `B${team}`, userId: 'UBOT' },
  user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
  appId: 'A111',
  authVersion: 'v2',
});
const organisation = (enterprise: string, token: string): Installation<'v2', true> => ({
  team: undefined,
  enterprise: { id: enterprise, name: 'Org' },
  isEnterpriseInstall: true,
  bot: { token, scopes: ['chat:write'], id: 'BORG', userId: 'UBOT' },
  user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
  appId: 'A111',
  authVersion: 'v2',
});

describeWith(db?.url)('installations in PostgreSQL', () => {
  let store: Installations;
  beforeAll(async () => {
    await db!.create();
    store = await openInstallations(db!.url);
  });
  afterAll(async () => {
    await store?.close();
    await db!.drop();
  });

  it('stores a workspace under T:, replaces it on re-install, and finds it again', async () => {
    await store.storeInstallation(workspace('T1', 'xoxb-first'));
    await store.storeInstallation(workspace('T1', 'xoxb-second'));
    const found = await store.fetchInstallation({ isEnterpriseInstall: false, teamId: 'T1', enterpriseId: undefined });
    expect(found.bot?.token).toBe('xoxb-second');
    expect(found.team).toEqual({ id: 'T1', name: 'Workspace T1' });
  });

  it('answers every workspace of an organisation from its org-wide install (E:), kept apart from its workspaces', async () => {
    await store.storeInstallation(organisation('E1', 'xoxb-org'));
    await store.storeInstallation(workspace('T5', 'xoxb-t5', 'E1'));
    expect((await store.fetchInstallation({ isEnterpriseInstall: true, enterpriseId: 'E1', teamId: undefined })).bot?.token).toBe('xoxb-org');
    expect((await store.fetchInstallation({ isEnterpriseInstall: false, enterpriseId: 'E1', teamId: 'T5' })).bot?.token).toBe('xoxb-t5');
    await store.deleteInstallation({ isEnterpriseInstall: true, enterpriseId: 'E1', teamId: undefined });
    await expect(store.fetchInstallation({ isEnterpriseInstall: true, enterpriseId: 'E1', teamId: undefined })).rejects.toThrow('no installation for E:E1');
    expect((await store.fetchInstallation({ isEnterpriseInstall: false, enterpriseId: 'E1', teamId: 'T5' })).bot?.token).toBe('xoxb-t5');
  });

  it('deletes a workspace, and deleting one that is not there (a repeated uninstall) is no error', async () => {
    await store.storeInstallation(workspace('T9', 'xoxb-t9'));
    await store.deleteInstallation({ isEnterpriseInstall: false, teamId: 'T9', enterpriseId: undefined });
    await expect(store.deleteInstallation({ isEnterpriseInstall: false, teamId: 'T9', enterpriseId: undefined })).resolves.toBeUndefined();
    await expect(store.fetchInstallation({ isEnterpriseInstall: false, teamId: 'T9', enterpriseId: undefined })).rejects.toThrow('no installation for T:T9');
  });
});
