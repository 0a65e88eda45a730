import { and, asc, desc, eq, ne } from 'drizzle-orm';
import { audit } from '../../lib/audit.js';
import { type Ctx, inTransaction } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import type { Contact, ContactCreate, ContactUpdate } from './contacts.schema.js';
import { partnerContacts, partners } from './partners.table.js';

type ContactRow = typeof partnerContacts.$inferSelect;

const contactNotFound = () => new AppError('not_found', { params: { entity: 'partner_contact' } });

const view = (r: ContactRow): Contact => ({
  id: r.id,
  partnerId: r.partnerId,
  name: r.name,
  title: r.title,
  email: r.email,
  phone: r.phone,
  isPrimary: r.isPrimary,
  createdAt: r.createdAt.toISOString(),
});

async function assertPartner(ctx: Ctx, partnerId: string): Promise<void> {
  const [p] = await ctx.db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.orgId, ctx.orgId), eq(partners.id, partnerId)));
  if (!p) throw new AppError('not_found', { params: { entity: 'partner' } });
}

/** Makes this contact the only primary one of its partner. */
async function clearOtherPrimaries(ctx: Ctx, partnerId: string, keepId: string): Promise<void> {
  await ctx.db
    .update(partnerContacts)
    .set({ isPrimary: false })
    .where(
      and(
        eq(partnerContacts.orgId, ctx.orgId),
        eq(partnerContacts.partnerId, partnerId),
        ne(partnerContacts.id, keepId),
        eq(partnerContacts.isPrimary, true),
      ),
    );
}

/** The contacts of a partner, the primary one first. Throws not_found (partner). */
export async function listContacts(ctx: Ctx, partnerId: string): Promise<Contact[]> {
  await assertPartner(ctx, partnerId);
  const rows = await ctx.db
    .select()
    .from(partnerContacts)
    .where(and(eq(partnerContacts.orgId, ctx.orgId), eq(partnerContacts.partnerId, partnerId)))
    .orderBy(desc(partnerContacts.isPrimary), asc(partnerContacts.name), asc(partnerContacts.id));
  return rows.map(view);
}

/** Adds a contact to a partner. Throws not_found (partner). */
export async function createContact(ctx: Ctx, partnerId: string, input: ContactCreate): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    await assertPartner(tx, partnerId);
    const [row] = await tx.db
      .insert(partnerContacts)
      .values({
        orgId: tx.orgId,
        partnerId,
        name: input.name,
        title: input.title ?? null,
        email: input.email ?? null,
        phone: input.phone ?? null,
        isPrimary: input.isPrimary,
      })
      .returning();
    if (row.isPrimary) await clearOtherPrimaries(tx, partnerId, row.id);
    await audit(tx, {
      action: 'partner_contact.create',
      entityType: 'partner_contact',
      entityId: row.id,
      after: row,
    });
    return view(row);
  });
}

async function findContact(ctx: Ctx, partnerId: string, id: string): Promise<ContactRow> {
  const [row] = await ctx.db
    .select()
    .from(partnerContacts)
    .where(
      and(
        eq(partnerContacts.orgId, ctx.orgId),
        eq(partnerContacts.partnerId, partnerId),
        eq(partnerContacts.id, id),
      ),
    )
    .for('update');
  if (!row) throw contactNotFound();
  return row;
}

/** Changes a contact of a partner. Throws not_found. */
export async function updateContact(
  ctx: Ctx,
  partnerId: string,
  id: string,
  input: ContactUpdate,
): Promise<Contact> {
  return inTransaction(ctx, async (tx) => {
    const before = await findContact(tx, partnerId, id);
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [after] = Object.keys(patch).length
      ? await tx.db
          .update(partnerContacts)
          .set(patch)
          .where(and(eq(partnerContacts.orgId, tx.orgId), eq(partnerContacts.id, id)))
          .returning()
      : [before];
    if (after.isPrimary) await clearOtherPrimaries(tx, partnerId, id);
    await audit(tx, {
      action: 'partner_contact.update',
      entityType: 'partner_contact',
      entityId: id,
      before,
      after,
    });
    return view(after);
  });
}

/** Removes a contact of a partner. Throws not_found. */
export async function deleteContact(ctx: Ctx, partnerId: string, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await findContact(tx, partnerId, id);
    await tx.db
      .delete(partnerContacts)
      .where(and(eq(partnerContacts.orgId, tx.orgId), eq(partnerContacts.id, id)));
    await audit(tx, {
      action: 'partner_contact.delete',
      entityType: 'partner_contact',
      entityId: id,
      before,
    });
  });
}
