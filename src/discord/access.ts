import type { Capability } from '../runner/command.ts';
import type { Config } from '../config.ts';

/**
 * What a member may do, from their role ids and the configured role lists. Checked by the bot on every
 * interaction (commands, buttons, autocomplete): Discord's default member permissions are only an outer
 * gate that server admins can change.
 */
export interface Member {
  userId: string;
  roleIds: readonly string[];
  channelId: string | null;
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

export function capabilities(config: Pick<Config, 'roles'>, roleIds: readonly string[]): Set<Capability> {
  const has = (ids: readonly string[]) => ids.some((id) => roleIds.includes(id));
  const caps = new Set<Capability>();
  if (has(config.roles.phi)) caps.add('phi').add('reports');
  if (has(config.roles.reports)) caps.add('reports');
  if (has(config.roles.admin)) caps.add('admin');
  return caps;
}

const WHAT: Record<Capability, string> = {
  phi: 'patient records',
  reports: 'reports',
  admin: 'administration',
};
const SETTING: Record<Capability, string> = {
  phi: 'ROLE_PHI_IDS',
  reports: 'ROLE_REPORT_IDS',
  admin: 'ROLE_ADMIN_IDS',
};

export function decide(
  config: Pick<Config, 'roles' | 'phiChannelIds'>,
  member: Member,
  needed: Capability,
): Decision {
  if (!capabilities(config, member.roleIds).has(needed)) {
    return {
      allowed: false,
      reason: `Your roles do not allow ${WHAT[needed]}. An administrator can grant a role listed in ${SETTING[needed]}.`,
    };
  }
  if (
    needed === 'phi' &&
    config.phiChannelIds.length > 0 &&
    (member.channelId === null || !config.phiChannelIds.includes(member.channelId))
  ) {
    return {
      allowed: false,
      reason: 'Patient records can only be opened in the channels set aside for them.',
    };
  }
  return { allowed: true };
}
