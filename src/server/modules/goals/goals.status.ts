import type { GoalLine } from '../reports/report.schema.js';

type Status = GoalLine['status'];
type Comparison = GoalLine['comparison'];

/**
 * A yearly goal's status (docs/goals.md): a goal in words is 'reported'; a measured one is
 * 'in_progress' until its year has ended (or while its value is unknown), then 'achieved' or
 * 'not_achieved' by its comparison: at least / at most the goal value, or more than the year before.
 */
export function yearlyStatus(g: {
  comparison: Comparison;
  goal: number | null;
  actual: number | null;
  previous: number | null;
  ended: boolean;
}): Status {
  if (g.comparison === 'none') return 'reported';
  if (!g.ended || g.actual === null) return 'in_progress';
  if (g.comparison === 'increase') {
    if (g.previous === null) return 'in_progress';
    return g.actual > g.previous ? 'achieved' : 'not_achieved';
  }
  if (g.goal === null) return 'in_progress';
  const met = g.comparison === 'at_least' ? g.actual >= g.goal : g.actual <= g.goal;
  return met ? 'achieved' : 'not_achieved';
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The share (0..1) of a period elapsed by `asOf`, counting whole days, both ends inclusive. */
export function elapsedShare(periodStart: string, periodEnd: string, asOf: string): number {
  const total = dayNumber(periodEnd) - dayNumber(periodStart) + 1;
  const done = dayNumber(asOf) - dayNumber(periodStart) + 1;
  return Math.min(1, Math.max(0, done / total));
}

/**
 * A medium- to long-term target's status as of `asOf` (the end of the year reported, or today
 * while that year runs): 'reported' without a measure; 'achieved' once the actual reaches the
 * target; after the period 'not_achieved'; before it 'in_progress'; during it 'on_track' when the
 * actual is at least the target times the elapsed share of the period, else 'behind'.
 */
export function targetStatus(t: {
  target: number | null;
  actual: number | null;
  periodStart: string;
  periodEnd: string;
  asOf: string;
}): Status {
  if (t.target === null) return 'reported';
  if (t.actual !== null && t.actual >= t.target) return 'achieved';
  if (t.asOf >= t.periodEnd) return 'not_achieved';
  if (t.asOf < t.periodStart || t.actual === null) return 'in_progress';
  return t.actual >= t.target * elapsedShare(t.periodStart, t.periodEnd, t.asOf) ? 'on_track' : 'behind';
}
