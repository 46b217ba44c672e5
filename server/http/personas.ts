/** Personas: every active user of the snapshot with a random token (per sandbox, never derived from names). */
import { randomBytes } from 'node:crypto';
import type { Tracker } from '../tracker/index.ts';
import type { Persona } from './context.ts';

export const newToken = (): string => `ust_${randomBytes(24).toString('base64url')}`;

/**
 * Builds the persona list from the configuration; tokens already issued to an account are kept,
 * so a migration that renames a user does not sign everybody out.
 */
export const buildPersonas = (tracker: Tracker, tokens: Map<string, string>): Persona[] =>
  tracker.config.users
    .filter((u) => u.active)
    .map((u) => {
      let token = tokens.get(u.accountId);
      if (!token) {
        token = newToken();
        tokens.set(u.accountId, token);
      }
      return {
        accountId: u.accountId,
        displayName: u.displayName,
        email: u.email,
        token,
        groups: [...u.groups],
        admin: tracker.isAdmin(u.accountId),
      };
    });
