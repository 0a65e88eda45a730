import { syntheticEmployees } from './synthetic-employees.js';
import { prng, type SyntheticOrg } from './synthetic.js';

export type QueryKind = 'kanji' | 'kana' | 'number' | 'email' | 'english';
export type SearchQuery = { kind: QueryKind; q: string };

const KINDS: QueryKind[] = ['kanji', 'kana', 'number', 'email', 'english'];
const toHiragana = (s: string) =>
  s.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

/**
 * What people type into the employee search box, drawn from employees that exist: two kanji of a
 * name (usually the family name), the start of a kana reading (in katakana or hiragana), the first
 * digits of an employee number, part of an e-mail address, and English names.
 */
export function searchQueries(
  org: SyntheticOrg,
  employees: number,
  count: number,
  seed: number,
): SearchQuery[] {
  const random = prng(seed);
  const step = Math.max(1, Math.floor(employees / count));
  const out: SearchQuery[] = [];
  let i = 0;
  for (const e of syntheticEmployees(org, employees)) {
    if (i++ % step !== 0 || out.length >= count) continue;
    let kind = KINDS[out.length % KINDS.length];
    const japanese = /[\u4e00-\u9fff]/.test(e.name_ja);
    if (kind === 'kanji' && !japanese) kind = 'kana';
    const family = e.name_kana.split(/[\u3000 ]/)[0];
    switch (kind) {
      case 'kanji':
        out.push({
          kind,
          q: Array.from(e.name_ja.replace(/\u3000/g, ''))
            .slice(0, 2)
            .join(''),
        });
        break;
      case 'kana': {
        const fragment = Array.from(family)
          .slice(0, 2 + Math.floor(random() * 3))
          .join('');
        out.push({ kind, q: random() < 0.5 ? toHiragana(fragment) : fragment });
        break;
      }
      case 'number':
        out.push({ kind, q: e.employee_number.slice(0, 4 + Math.floor(random() * 5)) });
        break;
      case 'email': {
        const local = e.email.split('@')[0];
        out.push({ kind, q: random() < 0.5 ? local : e.email.slice(0, local.length + 5) });
        break;
      }
      case 'english': {
        const [given, last] = e.name_en.split(' ');
        const r = random();
        out.push({ kind, q: r < 0.4 ? e.name_en : r < 0.7 ? last : `${given} ${last.slice(0, 3)}` });
        break;
      }
    }
  }
  return out;
}
