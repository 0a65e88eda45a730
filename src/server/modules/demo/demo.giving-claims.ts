import { account } from '../ledger/ledger.keys.js';
import { postIn } from './demo.giving-book.js';
import {
  dayInTokyo,
  type GivingState,
  isoInTokyo,
  newId,
  type PlannedClaim,
  schedule,
  tokyo,
} from './demo.giving-plan.js';
import { earnsPoints, employedOn, type Giver, type Participation } from './demo.giving-world.js';
import { DEMO_DOMAIN } from './demo.generator.js';
import { between, pick, type Rng, sample } from './demo.random.js';
import { fyOfDay, fyStart, isoOf } from './demo.time.js';

/** Transport claims in the full demo, on activities of the years with points (demo.giving.ts). */
export const CLAIMS_PLANNED = 360;
/** Claims of the promoter's site waiting for the promoter, whatever the draw. */
const PENDING_AT_PROMOTER_SITE = 2;
/** Activities this recent may still have claims waiting for a decision. */
const RECENT_DAYS = 45;
/** Prefectures a long way from most sites: Fukushima, Ishikawa (Noto), Nagano, Okinawa. */
const FAR = new Set(['07', '17', '20', '47']);

const REJECTIONS = [
  '領収書の日付が活動日と一致しません。正しい領収書を添付して、もう一度申請してください。',
  '申請されたポイントが領収書の金額を超えています。',
  '通勤定期券の区間は対象外です。区間外の運賃で申請してください。',
];
const NOTES = [
  '交通系ICカードの利用履歴を添付します。',
  '往復とも同じ経路です。',
  '現地では路線バスを利用しました。',
];

/** Points for the fare (1 point = 100 yen, rounded up) and the route as an employee would write it. */
function fare(rng: Rng, person: Giver, p: Participation): { points: number; route: string } {
  const local = p.prefecture !== null && p.prefecture === person.prefecture;
  const far = p.prefecture !== null && FAR.has(p.prefecture) && !local;
  const points = far ? between(rng, 80, 160) : local ? between(rng, 4, 16) : between(rng, 12, 40);
  const means = far ? '新幹線・路線バス' : local ? '電車' : '電車・バス';
  return { points, route: `自宅最寄り駅 ⇄ ${p.place}(${means}・往復)` };
}

type Status = PlannedClaim['status'];

function statusOf(rng: Rng, recent: boolean): Status {
  const r = rng();
  if (recent) return r < 0.55 ? 'pending' : r < 0.9 ? 'approved' : 'rejected';
  return r < 0.88 ? 'approved' : r < 0.96 ? 'rejected' : 'withdrawn';
}

/** One claim for one attended activity; an approval posts the points (dropped if they fall short). */
function claimFor(state: GivingState, p: Participation, forcePending: boolean): void {
  const { world, rng } = state;
  const person = world.byId.get(p.employeeId)!;
  const createdDay = Math.min(p.day + between(rng, 0, 6), world.today - 1);
  if (!employedOn(person, createdDay)) return;
  const createdAt = tokyo(createdDay, between(rng, 12 * 60, 23 * 60 - 1));
  const decidedAt = tokyo(createdDay + between(rng, 1, 6), between(rng, 9 * 60, 18 * 60));
  let status = forcePending ? 'pending' : statusOf(rng, p.day >= world.today - RECENT_DAYS);
  if ((status === 'approved' || status === 'rejected') && decidedAt >= world.now) status = 'pending';
  const promoterSite = world.byEmail.get(`promoter@${DEMO_DOMAIN}`)!.siteCode;
  const approver = person.siteCode === promoterSite ? world.users.promoter : world.users.csr;
  const decided = status === 'approved' || status === 'rejected';
  const { points, route } = fare(rng, person, p);
  const claim: PlannedClaim = {
    id: newId(),
    employeeId: person.id,
    signupId: p.signupId,
    points,
    route,
    note: rng() < 0.2 ? pick(rng, NOTES) : null,
    receiptFileId: newId(),
    status,
    decidedBy: decided ? approver : null,
    decidedAt: decided ? decidedAt : null,
    decisionNote: status === 'rejected' ? pick(rng, REJECTIONS) : null,
    createdAt,
    updatedAt: decided
      ? decidedAt
      : status === 'withdrawn'
        ? new Date(createdAt.getTime() + 86_400_000)
        : createdAt,
  };
  const file = { id: claim.receiptFileId, name: `receipt-${isoOf(p.day)}.png`, createdAt };
  if (status !== 'approved') {
    state.claims.push(claim);
    state.files.push(file);
    return;
  }
  schedule(state, decidedAt, () => {
    const fy = fyOfDay(dayInTokyo(decidedAt));
    const posted = postIn(state.book, {
      kind: 'claim',
      idempotencyKey: `claim:${claim.id}`,
      request: { claimId: claim.id, points },
      effectiveOn: isoInTokyo(decidedAt),
      fiscalYear: fy,
      postedAt: decidedAt,
      links: { employeeId: person.id, claimId: claim.id },
      createdBy: approver,
      lines: [
        { account: account.employeePoints(person.id, fy), amount: -points },
        { account: account.pointsReimbursed(fy), amount: points },
      ],
    });
    if (!posted) return;
    state.claims.push(claim);
    state.files.push(file);
  });
}

/**
 * Transport claims on attended activities that allow them: most long decided (approved, a few
 * rejected or withdrawn), recent ones often still waiting, and a couple at the promoter's site
 * waiting for the promoter. Only employees in Japan have points to claim; the demo accounts' own
 * activities are left unclaimed.
 */
export function planClaims(state: GivingState, years: number[]): void {
  const { world, rng } = state;
  const withPoints = new Set(years);
  const candidates = world.participations.filter((p) => {
    const person = world.byId.get(p.employeeId)!;
    return (
      withPoints.has(fyOfDay(p.day)) && p.day <= world.today - 2 && !person.account && earnsPoints(person)
    );
  });
  const chosen = new Set(sample(rng, candidates, Math.round(CLAIMS_PLANNED * world.scale)));
  const promoterSite = world.byEmail.get(`promoter@${DEMO_DOMAIN}`)!.siteCode;
  const atSite = candidates
    .filter((p) => !chosen.has(p) && p.day >= fyStart(world.currentFy))
    .filter((p) => world.byId.get(p.employeeId)!.siteCode === promoterSite)
    .slice(-PENDING_AT_PROMOTER_SITE);
  const pending = new Set(atSite);
  for (const p of candidates) if (chosen.has(p) || pending.has(p)) claimFor(state, p, pending.has(p));
}
