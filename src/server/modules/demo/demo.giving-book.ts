import { randomUUID } from 'node:crypto';
import { type AccountKey, accountKeyString } from '../ledger/ledger.accounts.js';
import type { PostingLinks } from '../ledger/ledger.post.js';
import type { PostingKind } from '../ledger/ledger.table.js';
import { BASE_CURRENCY, POINTS } from '../ledger/ledger.values.js';

/** The demo's point plan: 1 point = 100 yen (the organisations table's default point value). */
export const POINT_VALUE_JPY = 100;

/**
 * The key an expiry is planned with (its request is null): the real key and request name the account's
 * last entry, whose id the database hands out when the entries are written (demo.giving-insert-ledger.ts).
 */
export const EXPIRY_KEY_PENDING = 'expiry:pending';

const ORIGIN_MS = Date.now();
let made = 0;
/**
 * A new id, later than every id made before it in this process: a version 7 UUID (RFC 9562) whose
 * time is the load's plus one millisecond per 4,096 ids, with the count in between and random bits
 * after. The demo writes its rows in the order their ids were made, so each index on an id grows at
 * its right edge instead of splitting pages all over.
 */
export function newId(): string {
  const n = made++;
  const ms = (ORIGIN_MS + Math.floor(n / 4096)).toString(16).padStart(12, '0');
  const count = (n % 4096).toString(16).padStart(3, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${count}-${randomUUID().slice(19)}`;
}

/** A line as posted: its account's key string (the book's map key) is worked out once. */
export type BookLine = { account: AccountKey; key: string; amount: number; valueJpy: number };
export type BookPosting = {
  id: string;
  kind: PostingKind;
  idempotencyKey: string;
  /** What the request asked for (its sha-256 is the posting's request hash). */
  request: unknown;
  effectiveOn: string;
  fiscalYear: number;
  postedAt: Date;
  links: PostingLinks;
  createdBy: string | null;
  reversesId: string | null;
  lines: BookLine[];
};

/**
 * The demo's ledger while it is planned, in memory: the same rules as the database (balanced per unit
 * and in yen, employee points and payables never below zero), so that what is planned posts as is.
 * Postings are kept in the order they are made, which is the order they are inserted.
 */
export type Book = {
  postings: BookPosting[];
  balances: Map<string, number>;
  accounts: Map<string, AccountKey>;
};

export const newBook = (): Book => ({ postings: [], balances: new Map(), accounts: new Map() });

export const balanceIn = (book: Book, key: AccountKey): number =>
  book.balances.get(accountKeyString(key)) ?? 0;

const floored = (key: AccountKey) => key.kind === 'employee_points' || key.kind === 'payable';

export type BookInput = Omit<BookPosting, 'id' | 'lines' | 'reversesId'> & {
  lines: Array<{ account: AccountKey; amount: number; valueJpy?: number }>;
  reversesId?: string | null;
};

function valued(line: BookInput['lines'][number]): BookLine {
  const key = accountKeyString(line.account);
  const { account, amount } = line;
  if (account.unit === POINTS) return { account, key, amount, valueJpy: amount * POINT_VALUE_JPY };
  if (account.unit === BASE_CURRENCY) return { account, key, amount, valueJpy: amount };
  if (line.valueJpy === undefined) throw new Error(`demo ledger: no yen value for ${account.unit}`);
  return { account, key, amount, valueJpy: line.valueJpy };
}

/**
 * Posts when every floor holds afterwards and answers the posting; answers null (and changes
 * nothing) when an employee's points or a payable would go below zero.
 */
export function postIn(book: Book, input: BookInput): BookPosting | null {
  const lines = input.lines.map(valued);
  const units = new Map<string, number>();
  let yen = 0;
  for (const l of lines) {
    units.set(l.account.unit, (units.get(l.account.unit) ?? 0) + l.amount);
    yen += l.valueJpy;
  }
  if ([...units.values()].some((s) => s !== 0) || yen !== 0) {
    throw new Error(`demo ledger: ${input.idempotencyKey} is not balanced`);
  }
  const after = new Map<string, number>();
  for (const l of lines) after.set(l.key, (after.get(l.key) ?? book.balances.get(l.key) ?? 0) + l.amount);
  for (const l of lines) {
    if (floored(l.account) && after.get(l.key)! < 0) return null;
  }
  for (const l of lines) if (!book.accounts.has(l.key)) book.accounts.set(l.key, l.account);
  for (const [k, v] of after) book.balances.set(k, v);
  const posting: BookPosting = { ...input, id: newId(), reversesId: input.reversesId ?? null, lines };
  book.postings.push(posting);
  return posting;
}

/** The reversal of a posting: same kind and links, every line negated (as ledger.post's reverse()). */
export function reverseIn(
  book: Book,
  original: BookPosting,
  input: {
    idempotencyKey: string;
    effectiveOn: string;
    fiscalYear: number;
    postedAt: Date;
    createdBy: string | null;
  },
): BookPosting {
  const reversal = postIn(book, {
    ...input,
    kind: original.kind,
    request: { reverses: original.id },
    links: original.links,
    reversesId: original.id,
    lines: original.lines.map((l) => ({ account: l.account, amount: -l.amount, valueJpy: -l.valueJpy })),
  });
  if (!reversal) throw new Error(`demo ledger: ${input.idempotencyKey} would overdraw`);
  return reversal;
}

/** Sum of the positive amounts of a kind's postings on accounts of one kind (net of reversals). */
export function totalOf(
  book: Book,
  filter: (p: BookPosting) => boolean,
  accountKind: AccountKey['kind'],
): number {
  let sum = 0;
  for (const p of book.postings) {
    if (!filter(p)) continue;
    for (const l of p.lines) if (l.account.kind === accountKind) sum += l.amount;
  }
  return sum;
}
