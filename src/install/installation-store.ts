import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Pool } from 'pg';
import { openPool } from '../db/migrations';

/** The store Bolt's OAuth flow writes to and `authorize` reads from, plus what start-up and shutdown need. */
export interface Installations extends InstallationStore {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  close(): Promise<void>;
}

/** An org-wide install answers for every workspace of the organisation: it is kept under the organisation. */
export function installationKey(of: { isEnterpriseInstall?: boolean; enterpriseId?: string; teamId?: string }): string {
  if (of.isEnterpriseInstall && of.enterpriseId) return `E:${of.enterpriseId}`;
  if (of.teamId) return `T:${of.teamId}`;
  throw new Error('an installation query without a workspace or organisation id');
}

export const keyOfInstallation = (i: Installation) => installationKey({ isEnterpriseInstall: i.isEnterpriseInstall, enterpriseId: i.enterprise?.id, teamId: i.team?.id });

/** Installations in the `brief_installations` table (migration 3): one row per key, replaced on re-install. */
export function postgresInstallations(pool: Pool): Installations {
  return {
    async storeInstallation(installation) {
      await pool.query(
        `INSERT INTO brief_installations (key, installation) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET installation = EXCLUDED.installation, updated_at = now()`,
        [keyOfInstallation(installation), JSON.stringify(installation)],
      );
    },
    async fetchInstallation(query) {
      const key = installationKey(query);
      const { rows } = await pool.query<{ installation: Installation }>('SELECT installation FROM brief_installations WHERE key = $1', [key]);
      if (!rows[0]) throw new Error(`no installation for ${key}`);
      return rows[0].installation;
    },
    // An uninstall that arrives twice (or for a workspace never stored) deletes nothing, and that is fine.
    async deleteInstallation(query) {
      await pool.query('DELETE FROM brief_installations WHERE key = $1', [installationKey(query)]);
    },
    close: () => pool.end(),
  };
}

/** The PostgreSQL store at DATABASE_URL, migrated (the same versioned migrations and lock as the feedback table). */
export async function openInstallations(databaseUrl: string): Promise<Installations> {
  return postgresInstallations(await openPool(databaseUrl));
}
