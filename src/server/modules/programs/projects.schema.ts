import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../../lib/pagination.js';
import { FiscalYear, IsoDate, optionalText, RecordCode } from './records.fields.js';

export const PROJECT_STATUSES = ['planned', 'active', 'completed', 'cancelled'] as const;
export const PROJECT_ROLES = ['leader', 'member', 'advisor'] as const;
export const PROJECT_ITEM_KINDS = ['milestone', 'deliverable', 'outcome'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type ProjectItemKind = (typeof PROJECT_ITEM_KINDS)[number];

const ProjectFields = {
  titleJa: optionalText(200),
  titleEn: optionalText(200),
  summaryJa: optionalText(5000),
  summaryEn: optionalText(5000),
  partnerId: z.string().uuid().nullable().optional().describe('The partner the project works with'),
  startsOn: IsoDate.nullable().optional(),
  endsOn: IsoDate.nullable().optional().describe('On or after startsOn'),
  status: z.enum(PROJECT_STATUSES),
};

export const ProjectCreateSchema = z.strictObject({
  code: RecordCode.describe('The project’s code, unique in the program (e.g. 2018-KAKEGAWA)'),
  ...ProjectFields,
  status: ProjectFields.status.default('active'),
  fiscalYear: FiscalYear.optional().describe('Defaults to the fiscal year of startsOn; required without it'),
});
export type ProjectCreate = z.infer<typeof ProjectCreateSchema>;

export const ProjectUpdateSchema = z.strictObject({
  code: RecordCode.optional(),
  ...ProjectFields,
  status: ProjectFields.status.optional(),
  fiscalYear: FiscalYear.optional(),
});
export type ProjectUpdate = z.infer<typeof ProjectUpdateSchema>;

export const ProjectListQuerySchema = PageQuerySchema.pick({ page: true, size: true }).extend({
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
});

const PartnerRefSchema = z.object({ id: z.string().uuid(), code: z.string(), name: z.string() });

export const ProjectSchema = z.object({
  id: z.string().uuid(),
  programId: z.string().uuid(),
  code: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  title: z.string().describe('In the caller’s language, else the other'),
  summaryJa: z.string().nullable(),
  summaryEn: z.string().nullable(),
  partner: PartnerRefSchema.nullable(),
  fiscalYear: z.number().int(),
  fiscalYearLabel: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  members: z.number().int().describe('Employees on the team'),
  outcomesQuantity: z.number().int().describe('Sum of the outcomes’ quantities'),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof ProjectSchema>;

export const ProjectPageSchema = pageOf(ProjectSchema);
export type ProjectPage = z.infer<typeof ProjectPageSchema>;

export const ProjectMemberSchema = z.object({
  employeeId: z.string().uuid(),
  employeeNumber: z.string(),
  name: z.string(),
  role: z.enum(PROJECT_ROLES),
});
export type ProjectMember = z.infer<typeof ProjectMemberSchema>;

export const ProjectItemSchema = z.object({
  id: z.string().uuid(),
  projectId: z.string().uuid(),
  kind: z.enum(PROJECT_ITEM_KINDS),
  position: z.number().int(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  title: z.string(),
  quantity: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
});
export type ProjectItem = z.infer<typeof ProjectItemSchema>;

export const ProjectDetailSchema = ProjectSchema.extend({
  team: z.array(ProjectMemberSchema),
  items: z.array(ProjectItemSchema).describe('Milestones, deliverables and outcomes, by kind and position'),
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

export const ProjectMembersPutSchema = z.strictObject({
  items: z
    .array(z.strictObject({ employeeId: z.string().uuid(), role: z.enum(PROJECT_ROLES).default('member') }))
    .max(500)
    .describe('The whole team: replaces the one recorded'),
});
export type ProjectMembersPut = z.infer<typeof ProjectMembersPutSchema>;

const ItemFields = {
  titleJa: optionalText(300),
  titleEn: optionalText(300),
  quantity: z.number().int().min(0).max(100_000_000).nullable().optional().describe('Outcomes only: a count'),
  dueOn: IsoDate.nullable().optional(),
  doneOn: IsoDate.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
};

export const ProjectItemCreateSchema = z.strictObject({ kind: z.enum(PROJECT_ITEM_KINDS), ...ItemFields });
export type ProjectItemCreate = z.infer<typeof ProjectItemCreateSchema>;

export const ProjectItemUpdateSchema = z.strictObject({
  kind: z.enum(PROJECT_ITEM_KINDS).optional(),
  ...ItemFields,
});
export type ProjectItemUpdate = z.infer<typeof ProjectItemUpdateSchema>;
