/** A stored Russian phone (+7 and ten digits) as people write it: +7 900 123-45-67. */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) {
    return '';
  }
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone.replace(/[\s()-]/g, ''));
  return m ? `+7\u00a0${m[1]}\u00a0${m[2]}-${m[3]}-${m[4]}` : phone;
}
