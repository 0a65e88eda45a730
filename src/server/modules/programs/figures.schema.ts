import { z } from 'zod';

export const PARTICIPANT_KINDS = [
  'students',
  'guardians',
  'teachers',
  'employees',
  'public',
  'organisations',
  'other',
] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const FiguresQuerySchema = z.object({
  from: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .describe('First fiscal year (default: to - 9)'),
  to: z.coerce.number().int().min(1900).max(2200).optional().describe('Last fiscal year (default: this one)'),
});
export type FiguresRange = { from: number; to: number };

export const SurveyIndicatorFigureSchema = z.object({
  surveyId: z.string().uuid(),
  code: z.string(),
  labelJa: z.string().nullable(),
  labelEn: z.string().nullable(),
  value: z.number().nullable().describe('Share 0..1 of those who answered; null when n = 0'),
  n: z.number().int(),
});
export type SurveyIndicatorFigure = z.infer<typeof SurveyIndicatorFigureSchema>;

export const YearFiguresSchema = z.object({
  fiscalYear: z.number().int(),
  sessions: z.number().int(),
  participants: z.object(
    Object.fromEntries(PARTICIPANT_KINDS.map((k) => [k, z.number().int()])) as Record<
      ParticipantKind,
      z.ZodNumber
    >,
  ),
  participantsTotal: z.number().int().describe('Every counted participant (organisations excluded)'),
  employees: z.number().int().describe('Distinct employees named as attendees'),
  employeeHours: z
    .number()
    .describe('Hours employees gave to the sessions of the year (recorded minutes / 60, one decimal)'),
  graduates: z.number().int().describe('Graduates of the cohorts of the year'),
  graduatesCumulative: z.number().int().describe('Graduates of every cohort up to the year'),
  supportedVentures: z.number().int(),
  projects: z.number().int(),
  outcomesQuantity: z.number().int().describe('Sum of the quantities of the projects’ outcomes'),
  classRequestsCompleted: z.number().int(),
  testimonials: z.number().int(),
  surveyIndicators: z.array(SurveyIndicatorFigureSchema),
});
export type YearFigures = z.infer<typeof YearFiguresSchema>;

export const ProgramFiguresSchema = z.object({
  programId: z.string().uuid(),
  from: z.number().int(),
  to: z.number().int(),
  years: z.array(YearFiguresSchema).describe('One entry per fiscal year from..to, oldest first'),
  certifiedNow: z.number().int().describe('Employees holding a current certification of the program today'),
  latestReview: z
    .object({
      decision: z.string().nullable(),
      reviewedOn: z.string().nullable(),
      nextReviewOn: z.string().nullable(),
    })
    .nullable(),
});
export type ProgramFigures = z.infer<typeof ProgramFiguresSchema>;
