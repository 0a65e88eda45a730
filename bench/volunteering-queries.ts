import { FIELDS } from '../src/shared/fields.js';
import { OPPORTUNITY_MODES } from '../src/shared/volunteering.js';
import { DEMO_SKILLS } from '../src/server/modules/demo/demo.places.js';
import { DEMO_TEMPLATES } from '../src/server/modules/demo/demo.opportunities.js';
import { prng } from './synthetic.js';

export type OpportunityQueryKind = 'japanese' | 'english' | 'filters' | 'recommended' | 'text+filter';
export type OpportunityQuery = { kind: OpportunityQueryKind; params: Record<string, string> };

const KINDS: OpportunityQueryKind[] = [
  'japanese',
  'english',
  'filters',
  'japanese',
  'english',
  'filters',
  'recommended',
  'text+filter',
];
const JAPANESE_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{2,}/gu;

/**
 * What employees ask the opportunity list: two kanji or kana taken from the activities' Japanese titles
 * (かな and カナ alike), English words from their titles, filters (field, mode, prefecture, the next
 * weeks, a skill, past activities), "recommended for you", and text with a filter. Page size 20.
 */
export function opportunityQueries(count: number, seed: number): OpportunityQuery[] {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const japanese = () => {
    const runs = pick(DEMO_TEMPLATES).ja[0].match(JAPANESE_RUN) ?? ['清掃'];
    const run = Array.from(pick(runs));
    const at = Math.floor(random() * (run.length - 1));
    return run.slice(at, at + 2).join('');
  };
  const english = () => {
    const words = pick(DEMO_TEMPLATES)
      .en[0].toLowerCase()
      .split(/[^a-z-]+/)
      .filter((w) => w.length >= 4);
    return words.length ? pick(words) : 'online';
  };
  const filters = (): Record<string, string> =>
    pick([
      () => ({ field: pick(FIELDS) }),
      () => ({ mode: pick(OPPORTUNITY_MODES) }),
      () => ({ prefecture: pick(['13', '14', '27', '07', '40']) }),
      () => ({ from: day(0), to: day(30) }),
      () => ({ skill: pick(DEMO_SKILLS)[0] }),
      () => ({ field: pick(FIELDS), mode: pick(OPPORTUNITY_MODES) }),
      () => ({ status: 'completed', field: pick(FIELDS) }),
    ])();
  return Array.from({ length: count }, (_, i) => {
    const kind = KINDS[i % KINDS.length];
    const params: Record<string, string> = { size: '20' };
    if (kind === 'japanese') params.q = japanese();
    if (kind === 'english') params.q = english();
    if (kind === 'filters') Object.assign(params, filters());
    if (kind === 'recommended')
      Object.assign(params, { recommended: 'true' }, random() < 0.3 ? { mode: 'online' } : {});
    if (kind === 'text+filter')
      Object.assign(params, { q: random() < 0.5 ? japanese() : english() }, filters());
    return { kind, params };
  });
}
