import type { Ctx } from '../../lib/context.js';
import { minorDigits } from '../ledger/ledger.values.js';
import { notify } from '../notifications/notify.js';
import type { Donation } from './donations.schema.js';

const TAG = { ja: 'ja-JP', en: 'en-GB' } as const;

/** A donation's amount as the donor reads it: "50 ポイント" / "50 points", "¥10,000", "US$25.00". */
export function amountText(d: Pick<Donation, 'points' | 'amountMinor' | 'currency'>): {
  ja: string;
  en: string;
} {
  if (d.points !== null) {
    return {
      ja: `${new Intl.NumberFormat(TAG.ja).format(d.points)} ポイント`,
      en: `${new Intl.NumberFormat(TAG.en).format(d.points)} ${d.points === 1 ? 'point' : 'points'}`,
    };
  }
  const currency = d.currency ?? 'JPY';
  const amount = (d.amountMinor ?? 0) / 10 ** minorDigits(currency);
  const money = (locale: 'ja' | 'en') =>
    new Intl.NumberFormat(TAG[locale], { style: 'currency', currency }).format(amount);
  return { ja: money('ja'), en: money('en') };
}

/** Thanks the donor once a donation is paid (points at once, money when payment is confirmed). */
export async function notifyDonationReceived(ctx: Ctx, employeeId: string, d: Donation): Promise<void> {
  const title = d.campaign
    ? {
        ja: d.campaign.titleJa ?? d.campaign.titleEn ?? '',
        en: d.campaign.titleEn ?? d.campaign.titleJa ?? '',
      }
    : { ja: d.partner.nameJa ?? d.partner.nameEn ?? '', en: d.partner.nameEn ?? d.partner.nameJa ?? '' };
  await notify(ctx, {
    employeeId,
    kind: 'donation_received',
    params: { title, amount: amountText(d) },
    link: '/giving/donations',
    dedupeKey: `donation_received:${d.id}`,
  });
}
