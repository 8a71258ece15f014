// «Настройки → Пользователи»: the cabinet's users as GET /api/v1/users returns them, the invitation
// form's checks (the same as the server's, so the form names the field before sending), and which
// sections a role may open (the permission matrix of src/cloud/Permissions.cpp, docs/cloud.md).

import type { Role } from './api';
import { intlLocale, kShopTimeZone } from './format';

export type UserStatus = 'invited' | 'active' | 'disabled';

/** What the signed-in user may do to one user; the server decides, the page only offers it. */
export interface UserActions {
  rename: boolean;
  changeRole: boolean;
  disable: boolean;
  enable: boolean;
  resend: boolean;
  /** Withdraw an invitation nobody accepted yet. */
  cancel: boolean;
}

export interface CabinetUser {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  role: Role;
  status: UserStatus;
  /** UTC microseconds, as every time in the API. */
  lastLoginAt: number | null;
  invitedAt: number | null;
  createdAt: number;
  self: boolean;
  may: UserActions;
}

export interface UsersList {
  users: CabinetUser[];
  /** The roles the signed-in user may invite or give. */
  assignableRoles: Role[];
}

/** The set-password page's greeting for an invitation link. */
export interface Invitation {
  name: string | null;
  role: Role;
  email: string | null;
  phone: string | null;
  account: { name: string | null; businessType: string };
  expiresAt: number;
}

export interface InviteInput {
  name: string;
  email?: string;
  phone?: string;
  role: string;
}

export interface InviteForm {
  name: string;
  /** An e-mail or a phone in one field: which one is told by the '@'. */
  contact: string;
  role: string;
}

export type InviteProblem = 'nameRequired' | 'nameTooLong' | 'nameOneLine' | 'contactRequired' | 'emailInvalid' | 'phoneInvalid' | 'roleRequired';
export type InviteField = 'name' | 'contact' | 'role';

export const kRoles: Role[] = ['owner', 'administrator', 'cashier', 'technician'];
/** As the server counts it: characters, not bytes. */
export const kMaxNameChars = 100;

/**
 * A Russian phone as the server stores it (+7 and ten digits), or null: the rules of
 * src/core/Phone.cpp (+7 / 8 / 7 and ten digits, or ten digits not starting with 8; spaces,
 * dashes, dots and brackets allowed; '+' only first; a national number never starts with 0).
 */
export function normalizePhone(text: string): string | null {
  if (text.length > 40) {
    return null;
  }
  let digits = '';
  let plus = false;
  for (const c of text) {
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c === '+') {
      if (digits !== '' || plus) {
        return null;
      }
      plus = true;
    } else if (!' -().\t\u00a0'.includes(c)) {
      return null;
    }
  }
  let national: string;
  if (digits.length === 11 && (digits[0] === '7' || (digits[0] === '8' && !plus))) {
    national = digits.slice(1);
  } else if (digits.length === 10 && !plus && digits[0] !== '8') {
    national = digits;
  } else {
    return null;
  }
  return national[0] === '0' ? null : `+7${national}`;
}

/** The server's e-mail check: one '@' with something either side, no spaces or <>,; in it. */
export function emailAcceptable(text: string): boolean {
  const at = text.indexOf('@');
  return text.length <= 254 && at > 0 && at + 1 < text.length && text.indexOf('@', at + 1) < 0 && !/[\s<>,;]/.test(text);
}

/** The form's problems per field, and the request body when there are none. */
export function checkInvite(form: InviteForm): { problems: Partial<Record<InviteField, InviteProblem>>; input: InviteInput | null } {
  const problems: Partial<Record<InviteField, InviteProblem>> = {};
  const name = form.name.trim();
  if (name === '') {
    problems.name = 'nameRequired';
  } else if ([...name].length > kMaxNameChars) {
    problems.name = 'nameTooLong';
  } else if (/[\u0000-\u001f\u007f]/.test(name)) {
    problems.name = 'nameOneLine';
  }
  const contact = form.contact.trim();
  let email: string | undefined;
  let phone: string | undefined;
  if (contact === '') {
    problems.contact = 'contactRequired';
  } else if (contact.includes('@')) {
    if (emailAcceptable(contact)) {
      email = contact.toLowerCase();
    } else {
      problems.contact = 'emailInvalid';
    }
  } else {
    phone = normalizePhone(contact) ?? undefined;
    if (!phone) {
      problems.contact = 'phoneInvalid';
    }
  }
  if (!kRoles.includes(form.role)) {
    problems.role = 'roleRequired';
  }
  if (Object.keys(problems).length > 0) {
    return { problems, input: null };
  }
  return { problems, input: { name, role: form.role, ...(email ? { email } : { phone }) } };
}

/** The form field a server error names (the body's `email` and `phone` are one field here). */
export function inviteFieldOf(serverField: string | null | undefined): InviteField | null {
  if (serverField === 'email' || serverField === 'phone') {
    return 'contact';
  }
  return serverField === 'name' || serverField === 'role' ? serverField : null;
}

/** The permission (of GET /me's `permissions`) each guarded section needs. */
const kSectionPermission: Record<string, string> = {
  analytics: 'viewAnalytics',
  finance: 'viewFinance',
  products: 'viewCatalog',
  settings: 'manageUsers',
};

/**
 * Whether the signed-in user's permissions (the server's matrix, as /me names it) open a
 * section; what they do not open is not offered. A section with no permission of its own is
 * open to everyone signed in.
 */
export function sectionAllowed(section: string, permissions: readonly string[] | undefined): boolean {
  const needed = kSectionPermission[section];
  return needed === undefined || (permissions ?? []).includes(needed);
}

/** A time of the API (UTC microseconds) as a short date and time in the shop's zone: «4 дек., 17:45». */
export function formatMoment(us: number, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone: kShopTimeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(Math.floor(us / 1000)));
}
