/**
 * The company's four fields of social contribution (the seeds' Make-a-Difference Drive):
 * education, culture and sports; welfare and diversity; environment; regional contribution.
 * Volunteering, programs and expenses are all classified by them.
 */
export const FIELDS = ['education_culture_sports', 'welfare_diversity', 'environment', 'regional'] as const;
export type Field = (typeof FIELDS)[number];

/** The UN Sustainable Development Goals, 1 to 17, used as tags. */
export const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);
