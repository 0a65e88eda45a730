import { z } from 'zod';
import { EXPENSE_TYPES } from '../accounting/accounting.table.js';
import { REPORT_SECTIONS } from './reports.table.js';

/**
 * The report's contract (issue 6, docs/reports.md): what `GET /api/reports/{fiscalYear}?lang=`, the
 * CLI's `kyosei report --format json` and every export carry. Two layers:
 * - `ReportFigures`: every figure, language-neutral (labels in both languages), computed from the
 *   records for an open year, read from the close snapshot (and its restatements) for a closed one;
 * - `ReportDocument`: the figures for one language, with that language's labels and the texts.
 * Every figure has a `ref`: the key of its drill-down (`GET /api/reports/{fy}/records?figure=ref`).
 * Amounts are integer yen.
 */

export const LabelledSchema = z.object({ labelJa: z.string(), labelEn: z.string() });

/** An amount in a breakdown, with its drill-down key. */
export const AmountLineSchema = z.object({
  code: z.string(),
  labelJa: z.string(),
  labelEn: z.string(),
  amountJpy: z.number().int(),
  ref: z.string(),
});
export type AmountLine = z.infer<typeof AmountLineSchema>;

/** The company's method: cash + products at market unit price + facilities at the external rate. */
export const COMPANY_TYPES = ['cash', 'products', 'facilities'] as const;

export const ExpenseFiguresSchema = z.object({
  /** The company's method (the seeds' total). */
  totalJpy: z.number().int(),
  totalRef: z.string(),
  /** cash (cash donations and sponsorship), products, facilities. */
  byType: z.array(AmountLineSchema),
  /** By Keidanren field (the seeds' breakdown), largest first. */
  byField: z.array(AmountLineSchema),
  /** By the company's own fields. */
  byCompanyField: z.array(AmountLineSchema),
  /** One entry per fiscal year, oldest first, ending with this one (company method). */
  trend: z.array(
    z.object({
      fiscalYear: z.number().int(),
      labelJa: z.string(),
      labelEn: z.string(),
      totalJpy: z.number().int(),
      ref: z.string(),
    }),
  ),
  keidanren: z.object({
    totalJpy: z.number().int(),
    /** 寄付: cash and in-kind gifts, no political donations. */
    giftsJpy: z.number().int(),
    /** 自主プログラム. */
    ownProgramsJpy: z.number().int(),
    /** 災害被災地支援, also inside the total. */
    disasterReliefJpy: z.number().int(),
    byField: z.array(AmountLineSchema),
  }),
  b4si: z.object({
    totalJpy: z.number().int(),
    cashJpy: z.number().int(),
    timeJpy: z.number().int(),
    inKindJpy: z.number().int(),
    managementJpy: z.number().int(),
    byCause: z.array(AmountLineSchema),
    byMotivation: z.array(AmountLineSchema),
    byRegion: z.array(AmountLineSchema),
    /** In-kind items without a cost, counted at market value (flagged in the B4SI export). */
    marketValued: z.object({ count: z.number().int(), amountJpy: z.number().int() }),
    /** Beside the total, never inside it. */
    leverage: z.object({
      employeeDonationsJpy: z.number().int(),
      pointDonationsJpy: z.number().int(),
      ownTimeHours: z.number(),
    }),
  }),
  /** Every expense type's total, for the accounting screens. */
  byExpenseType: z.array(z.object({ type: z.enum(EXPENSE_TYPES), amountJpy: z.number().int() })),
});
export type ExpenseFigures = z.infer<typeof ExpenseFiguresSchema>;

export const VolunteeringFiguresSchema = z.object({
  newRegistrants: z.number().int(),
  /** Registrants since the plan's start (`planStart`, the first target's period start). */
  registrantsSincePlanStart: z.number().int(),
  planStart: z.string().nullable(),
  participants: z.number().int(),
  previousParticipants: z.number().int(),
  participantsChange: z.number().int(),
  hours: z.number(),
  refs: z.record(z.string(), z.string()),
});

export const GOAL_STATUSES = [
  'achieved',
  'on_track',
  'behind',
  'not_achieved',
  'in_progress',
  'reported',
] as const;

/** A target or a yearly goal as the report shows it. `actual` is computed for bound metrics. */
export const GoalLineSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(['target', 'yearly']),
  targetId: z.string().uuid().nullable(),
  fiscalYear: z.number().int().nullable(),
  textJa: z.string().nullable(),
  textEn: z.string().nullable(),
  materiality: z.boolean(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  metric: z
    .object({
      code: z.string(),
      nameJa: z.string().nullable(),
      nameEn: z.string().nullable(),
      unitJa: z.string().nullable(),
      unitEn: z.string().nullable(),
      bound: z.boolean(),
    })
    .nullable(),
  comparison: z.enum(['none', 'at_least', 'at_most', 'increase']),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  previous: z.number().nullable(),
  status: z.enum(GOAL_STATUSES),
  ref: z.string().nullable(),
});
export type GoalLine = z.infer<typeof GoalLineSchema>;

export const ProgressSchema = z.object({
  targetId: z.string().uuid(),
  progressJa: z.string().nullable(),
  progressEn: z.string().nullable(),
  achievementsJa: z.string().nullable(),
  achievementsEn: z.string().nullable(),
  issuesJa: z.string().nullable(),
  issuesEn: z.string().nullable(),
});

export const ProgramLineSchema = z.object({
  id: z.string().uuid(),
  code: z.string(),
  nameJa: z.string().nullable(),
  nameEn: z.string().nullable(),
  /** Named figures of the year (sessions, participants, graduates, certified, ...), each with its ref. */
  figures: z.array(
    z.object({
      key: z.string(),
      labelJa: z.string(),
      labelEn: z.string(),
      value: z.number(),
      ref: z.string(),
    }),
  ),
});

export const DisasterLineSchema = z.object({
  campaignId: z.string().uuid(),
  code: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  /** The company's own donations (the seeds' "donated 5 million yen"). */
  companyDonationsJpy: z.number().int(),
  /** The company's matching of employee donations, shown apart. */
  matchingJpy: z.number().int(),
  employeeDonationsJpy: z.number().int(),
  pointDonationsJpy: z.number().int(),
  donors: z.number().int(),
  ref: z.string(),
});

export const DriveLineSchema = z.object({
  driveId: z.string().uuid(),
  code: z.string(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  totalJpy: z.number().int(),
  items: z.array(
    z.object({ code: z.string(), labelJa: z.string(), labelEn: z.string(), quantity: z.number() }),
  ),
  ref: z.string(),
});

export const RestatementLineSchema = z.object({
  id: z.string().uuid(),
  createdAt: z.string(),
  reasonJa: z.string().nullable(),
  reasonEn: z.string().nullable(),
  totalJpyBefore: z.number().int(),
  totalJpyAfter: z.number().int(),
});

/** Every figure of a fiscal year's report, language-neutral: what a close stores as its snapshot. */
export const ReportFiguresSchema = z.object({
  /** The organisation's label number (NEC: 2024 for April 2023 to March 2024). */
  fiscalYear: z.number().int(),
  /** The year it starts (the internal `fiscalYear` of every table). */
  startYear: z.number().int(),
  period: z.object({ start: z.string(), end: z.string(), labelJa: z.string(), labelEn: z.string() }),
  computedAt: z.string(),
  closedAt: z.string().nullable(),
  expenses: ExpenseFiguresSchema,
  volunteering: VolunteeringFiguresSchema,
  goals: z.array(GoalLineSchema),
  nextYearGoals: z.array(GoalLineSchema),
  progress: z.array(ProgressSchema),
  programs: z.array(ProgramLineSchema),
  disaster: z.array(DisasterLineSchema),
  drives: z.array(DriveLineSchema),
});
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

export const ReportBlockSchema = z.object({
  id: z.string().uuid(),
  section: z.enum(REPORT_SECTIONS),
  position: z.number().int(),
  programId: z.string().uuid().nullable(),
  titleJa: z.string().nullable(),
  titleEn: z.string().nullable(),
  bodyJa: z.string().nullable(),
  bodyEn: z.string().nullable(),
});
export type ReportBlock = z.infer<typeof ReportBlockSchema>;

/**
 * The report in one language: the API's and the CLI's JSON. `period.label` is "2023年度" or
 * "fiscal 2024"; amounts stay integer yen (the page formats them as 億円, 百万円 or million yen).
 */
export const ReportDocumentSchema = ReportFiguresSchema.omit({ period: true }).extend({
  lang: z.enum(['ja', 'en']),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  amountUnitJa: z.enum(['oku', 'hyakuman']),
  organisation: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ start: z.string(), end: z.string(), label: z.string() }),
  blocks: z.array(
    z.object({
      id: z.string().uuid(),
      section: z.enum(REPORT_SECTIONS),
      programId: z.string().uuid().nullable(),
      title: z.string().nullable(),
      body: z.string().nullable(),
    }),
  ),
  restatements: z.array(RestatementLineSchema),
});
export type ReportDocument = z.infer<typeof ReportDocumentSchema>;
