// Roles from the seed policies and what each may do. Pure: no I/O. An org may rename a role or
// change its permissions (roles table); these are the defaults a profile loads.

export const PERMISSIONS = [
  'cases:read:org', // any case of the org (contact-centre staff answering any caller)
  'cases:read:department', // cases in the user's department queue, or owned by the user
  'cases:create',
  'cases:work', // notes, replies, transfer, request information, respond — on cases the user can read
  'cases:close', // close, reject, reopen, bulk follow-up actions (manager / supervisor)
  'cases:assign', // change owner within the org
  'customers:read',
  'customers:write',
  'settings:manage', // departments, categories, services, form, roles
  'users:manage',
  'reports:read',
  'audit:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_CODES = [
  'administrator',
  'cs_manager',
  'supervisor',
  'agent',
  'qa_officer',
  'follow_up_officer',
  'after_sales_agent',
  'department_staff',
  'finance',
  'auditor',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export const DEFAULT_ROLE_PERMISSIONS: Record<RoleCode, Permission[]> = {
  administrator: [...PERMISSIONS],
  cs_manager: [
    'cases:read:org',
    'cases:create',
    'cases:work',
    'cases:close',
    'cases:assign',
    'customers:read',
    'customers:write',
    'reports:read',
    'audit:read',
  ],
  supervisor: [
    'cases:read:org',
    'cases:create',
    'cases:work',
    'cases:close',
    'cases:assign',
    'customers:read',
    'customers:write',
    'reports:read',
  ],
  agent: ['cases:read:org', 'cases:create', 'cases:work', 'customers:read', 'customers:write'],
  qa_officer: ['cases:read:org', 'customers:read', 'reports:read'],
  follow_up_officer: ['cases:read:org', 'cases:work', 'customers:read'],
  after_sales_agent: ['cases:read:department', 'cases:work', 'customers:read'],
  department_staff: ['cases:read:department', 'cases:work', 'customers:read'],
  finance: ['cases:read:department', 'cases:work', 'customers:read'],
  auditor: ['cases:read:org', 'customers:read', 'reports:read', 'audit:read'],
};

/** Who is acting: a signed-in user or an API token's user, always inside one org. */
export interface Actor {
  orgId: string;
  userId: string;
  roleCode: string;
  departmentId: string | null;
  permissions: ReadonlySet<string>;
  locale: string;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** Whether the actor may see this case at all (404 otherwise, so existence is not revealed). */
export function canReadCase(actor: Actor, c: { department_id: string; owner_id: string }): boolean {
  if (can(actor, 'cases:read:org')) return true;
  if (can(actor, 'cases:read:department')) {
    return (
      c.owner_id === actor.userId || (actor.departmentId !== null && c.department_id === actor.departmentId)
    );
  }
  return false;
}
