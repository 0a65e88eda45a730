import { z } from 'zod';
import { PageQuerySchema } from '../../lib/pagination.js';

const Id = z.string().uuid();
export const EMPLOYMENT_STATUSES = ['active', 'on_leave', 'left'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export const EmployeeParamsSchema = z.object({ id: Id });

export const EmployeeSchema = z.object({
  id: Id,
  employeeNumber: z.string(),
  nameJa: z.string(),
  nameEn: z.string(),
  nameKana: z.string().describe('Reading of the Japanese name in kana'),
  email: z.string(),
  companyId: Id,
  companyCode: z.string(),
  siteId: Id.nullable(),
  siteCode: z.string().nullable(),
  departmentId: Id.nullable(),
  departmentCode: z.string().nullable(),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES),
  hireDate: z.string().describe('YYYY-MM-DD'),
  leaveDate: z.string().nullable().describe('YYYY-MM-DD'),
});
export type Employee = z.infer<typeof EmployeeSchema>;

const IsoDate = z.iso.date().describe('YYYY-MM-DD');

export const EmployeeCreateSchema = z.strictObject({
  employeeNumber: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .regex(/^\S+$/)
    .describe('Unique in the organisation; what HR systems and imports match on'),
  nameJa: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100),
  nameKana: z.string().trim().min(1).max(100).describe('Reading of the Japanese name in kana'),
  email: z.string().trim().email().max(254),
  companyId: Id,
  siteId: Id.nullable().optional().describe('A site of the same group company'),
  departmentId: Id.nullable().optional().describe('A department of the same group company'),
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).default('active'),
  hireDate: IsoDate,
  leaveDate: IsoDate.nullable().optional().describe('Required when the status is left; not before hireDate'),
});
export type EmployeeCreate = z.infer<typeof EmployeeCreateSchema>;

export const EmployeeUpdateSchema = EmployeeCreateSchema.partial().extend({
  employmentStatus: z.enum(EMPLOYMENT_STATUSES).optional(),
});
export type EmployeeUpdate = z.infer<typeof EmployeeUpdateSchema>;

export const EMPLOYEE_SORTS = ['employeeNumber', 'nameKana', 'hireDate'] as const;
export const EmployeeListQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .describe(
      'Employee number, part of a name in Japanese or English, its kana reading, or e-mail; an exact employee number comes first',
    ),
  companyId: Id.optional(),
  siteId: Id.optional(),
  departmentId: Id.optional(),
  status: z.enum(EMPLOYMENT_STATUSES).optional(),
  sort: z
    .string()
    .max(40)
    .optional()
    .describe(`One of ${EMPLOYEE_SORTS.join(', ')}; prefix - for descending`),
});
export type EmployeeListQuery = z.infer<typeof EmployeeListQuerySchema>;
