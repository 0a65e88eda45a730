import { z } from 'zod';

/** Query parameters of every paged list: page (1-based), size, sort (`field` or `-field`). */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('Page number, from 1'),
  size: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page, at most 200'),
  sort: z.string().max(40).optional().describe('Sort field; prefix with - for descending'),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().describe('Items matching the filter, on all pages'),
    page: z.number().int(),
    size: z.number().int(),
  });
}
export type Page<T> = { items: T[]; total: number; page: number; size: number };

/** Resolves `sort` against the allowed columns; falls back to the default. */
export function sortSpec<K extends string>(
  sort: string | undefined,
  allowed: readonly K[],
  fallback: K,
): { field: K; desc: boolean } {
  const desc = sort?.startsWith('-') ?? false;
  const name = (desc ? sort!.slice(1) : sort) as K | undefined;
  return name && allowed.includes(name) ? { field: name, desc } : { field: fallback, desc: false };
}

export const offsetOf = (q: PageQuery) => (q.page - 1) * q.size;
