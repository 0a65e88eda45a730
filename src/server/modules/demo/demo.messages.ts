import type { DemoAccount } from './demo.accounts.js';
import { DEMO_ORG } from './demo.structure.js';

type Translate = (key: string, params?: Record<string, unknown>) => string;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes in a terminal: kanji, kana and full-width forms take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Where the demo accounts' password comes from, for the start-up message. */
export type PasswordSource = { generated: string } | 'given' | 'earlier';

/**
 * The lines that list the demo accounts with their roles and say what the password is (printed by
 * `npm start` and `kyosei demo load`). The password itself appears only when it was generated now.
 */
export function demoAccountLines(
  t: Translate,
  lang: 'ja' | 'en',
  accounts: DemoAccount[],
  password: PasswordSource,
): string[] {
  const emailWidth = Math.max(...accounts.map((a) => a.email.length));
  const roles = accounts.map((a) => {
    const scope = a.siteScope ? ` (${t('cli:message.accountSite', { site: a.siteScope })})` : '';
    return `${t(`web:role.${a.role}`)}${scope}`;
  });
  const roleWidth = Math.max(...roles.map(displayWidth));
  const lines = [t('cli:message.accountsTitle', { org: lang === 'ja' ? DEMO_ORG.nameJa : DEMO_ORG.nameEn })];
  accounts.forEach((a, i) => {
    const role = roles[i] + ' '.repeat(roleWidth - displayWidth(roles[i]));
    lines.push(`  ${a.email.padEnd(emailWidth)}  ${role}  ${lang === 'ja' ? a.nameJa : a.nameEn}`);
  });
  if (password === 'given') lines.push(t('cli:message.passwordGiven'));
  else if (password === 'earlier') lines.push(t('cli:message.passwordEarlier'));
  else lines.push(t('cli:message.passwordGenerated', { password: password.generated }));
  return lines;
}
