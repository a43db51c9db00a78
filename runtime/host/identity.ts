/**
 * Which Google accounts the world's people have, and what Apps Script reveals about them.
 *
 * Google's Session reference (developers.google.com/apps-script/reference/base/session#getActiveUser()):
 * "the user's email address is not available in any context that allows a script to run without that
 * user's authorization, like a simple onOpen(e) or onEdit(e) trigger […]. However, these restrictions
 * generally do not apply if the developer runs the script themselves or belongs to the same Google
 * Workspace domain as the user." And getEffectiveUser(): "If the script is running under an installable
 * trigger, this returns the account of the user who created the trigger. In most other scenarios, this
 * returns the same account as getActiveUser()." The events guide gives `e.user` the same rule ("if
 * available (depending on a complex set of security restrictions)").
 */
import type { ExecutionKind } from './execution';

/**
 * The kind of accounts a world holds: pass one as `accounts` when loading the runtime.
 * - `workspace` (the default): everyone is in one Google Workspace domain, whatever their address,
 *   so Google reveals every user everywhere: the world every existing test was written in.
 * - `consumer`: every address is a consumer (e.g. @gmail.com) account of its own.
 * - `mixed`: an address at one of `workspaceDomains` belongs to that domain's Workspace; any other
 *   address is a consumer account.
 */
export type Accounts =
  { kind: 'workspace' } | { kind: 'consumer' } | { kind: 'mixed'; workspaceDomains: readonly string[] };

export const ONE_WORKSPACE: Accounts = { kind: 'workspace' };

/** The Workspace domain an account belongs to, or null for a consumer account. */
export function workspaceOf(accounts: Accounts, email: string): string | null {
  if (accounts.kind === 'workspace') return 'the-domain';
  if (accounts.kind === 'consumer') return null;
  const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
  return accounts.workspaceDomains.some((d) => d.toLowerCase() === domain) ? domain : null;
}

/** True when both accounts are members of one Workspace domain (two consumer accounts never are). */
export function sameWorkspace(accounts: Accounts, a: string, b: string): boolean {
  const domain = workspaceOf(accounts, a);
  return domain !== null && domain === workspaceOf(accounts, b);
}

/** What `Session.getActiveUser()`, `getEffectiveUser()` and `e.user` show to one execution. */
export interface SessionIdentity {
  activeEmail: string;
  effectiveEmail: string;
}

/**
 * - A menu item, `google.script.run` or the editor: the user runs the add-on with their own
 *   authorization, so both are revealed (they are the same person).
 * - A simple trigger runs without anyone's authorization: the user is revealed only when they share a
 *   Workspace domain with the script's developer. An editor add-on's developer is its publisher; the
 *   runtime stands the document's owner in for them (in the one-domain world both are in the domain;
 *   a consumer account never shares a domain, not even the owner's own).
 * - An installable trigger runs with its owner's authorization: the effective user is the owner, and
 *   the person whose action fired it is revealed only when that is the owner, or shares the owner's
 *   Workspace domain.
 */
export function sessionIdentity(
  accounts: Accounts,
  execution: { kind: ExecutionKind; user: string; effectiveUser: string; developer: string | null },
): SessionIdentity {
  const { kind, user, effectiveUser } = execution;
  if (kind === 'simple-trigger') {
    const revealed =
      accounts.kind === 'workspace' ||
      (execution.developer !== null && sameWorkspace(accounts, user, execution.developer));
    const email = revealed ? user : '';
    return { activeEmail: email, effectiveEmail: email };
  }
  if (kind === 'installable-trigger') {
    const revealed = user === effectiveUser || sameWorkspace(accounts, user, effectiveUser);
    return { activeEmail: revealed ? user : '', effectiveEmail: effectiveUser };
  }
  return { activeEmail: user, effectiveEmail: effectiveUser };
}

export function parseAccounts(value: unknown): Accounts {
  if (value === undefined) return ONE_WORKSPACE;
  const a = value as Partial<{ kind: string; workspaceDomains: unknown }>;
  if (a.kind === 'workspace' || a.kind === 'consumer') return { kind: a.kind };
  if (
    a.kind === 'mixed' &&
    Array.isArray(a.workspaceDomains) &&
    a.workspaceDomains.every((d) => typeof d === 'string' && /^[a-z0-9.-]+\.[a-z]+$/i.test(d))
  ) {
    return { kind: 'mixed', workspaceDomains: [...(a.workspaceDomains as string[])] };
  }
  throw new Error(
    `accounts must be { kind: 'workspace' }, { kind: 'consumer' } or { kind: 'mixed', workspaceDomains: ['example.com'] }, got ${JSON.stringify(value)}`,
  );
}
