import { z } from 'zod';

// Contracts of the people to talk to at a partner organisation.

const Id = z.string().uuid();
const Optional = (max: number) => z.string().trim().min(1).max(max).nullable().optional();

export const ContactParamsSchema = z.object({ id: Id, contactId: Id });

const fields = {
  name: z.string().trim().min(1).max(200).describe('Full name as the partner writes it'),
  title: Optional(200).describe('Role or title, e.g. 事務局長'),
  email: z.email().max(320).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9()\- ]{6,30}$/)
    .nullable()
    .optional()
    .describe('Digits, spaces, -, ( ) and a leading +'),
  isPrimary: z
    .boolean()
    .describe('The main contact: at most one per partner (setting one clears the others)'),
};

export const ContactCreateSchema = z.strictObject({ ...fields, isPrimary: fields.isPrimary.default(false) });
export type ContactCreate = z.infer<typeof ContactCreateSchema>;

export const ContactUpdateSchema = z.strictObject({
  name: fields.name.optional(),
  title: fields.title,
  email: fields.email,
  phone: fields.phone,
  isPrimary: fields.isPrimary.optional(),
});
export type ContactUpdate = z.infer<typeof ContactUpdateSchema>;

export const ContactSchema = z.object({
  id: Id,
  partnerId: Id,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isPrimary: z.boolean(),
  createdAt: z.string(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const ContactListSchema = z.object({ items: z.array(ContactSchema) });
