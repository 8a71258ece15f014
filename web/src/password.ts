// The password rules, checked live while the owner types. The server checks the same rules and
// has the last word (its error is shown if it refuses); these only save a round trip.

export const kMinPasswordLength = 10;

export type RuleId = 'length' | 'classes' | 'notIdentity';

export interface RuleResult {
  id: RuleId;
  ok: boolean;
}

/** What the password must not be: the owner's phone and e-mail, when the page knows them. */
export interface Identity {
  phone?: string | null;
  email?: string | null;
}

/** Characters, not UTF-16 units: a Cyrillic or emoji password counts what the owner typed. */
export function passwordLength(password: string): number {
  return [...password].length;
}

/**
 * Which of the four classes appear: Latin lower-case, Latin upper-case, digits, and everything
 * else (Cyrillic letters, spaces, symbols), exactly as the server counts them
 * (src/cloud/ServiceContext.cpp, checkPasswordRules), so the page never approves a password the
 * server then refuses.
 */
export function characterClasses(password: string): Set<'lower' | 'upper' | 'digit' | 'other'> {
  const classes = new Set<'lower' | 'upper' | 'digit' | 'other'>();
  for (const ch of password) {
    if (ch >= 'a' && ch <= 'z') {
      classes.add('lower');
    } else if (ch >= 'A' && ch <= 'Z') {
      classes.add('upper');
    } else if (ch >= '0' && ch <= '9') {
      classes.add('digit');
    } else {
      classes.add('other');
    }
  }
  return classes;
}

/** The ten national digits of a Russian phone (+7 / 8 / 7 prefix, any punctuation), or null. */
export function phoneDigits(text: string): string | null {
  if (!/^[\d\s()+\-.]+$/.test(text.trim())) {
    return null;
  }
  const digits = text.replace(/\D/g, '');
  if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) {
    return digits.slice(1);
  }
  if (digits.length === 10) {
    return digits;
  }
  return null;
}

export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}

/**
 * True when the password is the owner's phone or e-mail, or (when the page does not know them)
 * has the shape of a phone number or an e-mail address at all.
 */
export function isIdentityLike(password: string, identity: Identity = {}): boolean {
  const trimmed = password.trim();
  if (trimmed.length === 0) {
    return false;
  }
  const asPhone = phoneDigits(trimmed);
  if (asPhone !== null) {
    return true;
  }
  if (looksLikeEmail(trimmed)) {
    return true;
  }
  const lowered = trimmed.toLowerCase();
  if (identity.email && lowered === identity.email.trim().toLowerCase()) {
    return true;
  }
  if (identity.email) {
    const local = identity.email.trim().toLowerCase().split('@')[0];
    if (local && lowered === local) {
      return true;
    }
  }
  return false;
}

export function checkPassword(password: string, identity: Identity = {}): RuleResult[] {
  return [
    { id: 'length', ok: passwordLength(password) >= kMinPasswordLength },
    { id: 'classes', ok: characterClasses(password).size >= 2 },
    { id: 'notIdentity', ok: password.length > 0 && !isIdentityLike(password, identity) },
  ];
}

export function passwordAcceptable(password: string, identity: Identity = {}): boolean {
  return checkPassword(password, identity).every((r) => r.ok);
}
