import type { TFunction } from 'i18next';
import type { Program, ProgramCreate, ProgramFramework, ProgramStatus } from './programs.api';

/** The form's values: every input is a string (empty = none) except the SDG list. */
export type Values = {
  code: string;
  nameJa: string;
  nameEn: string;
  descriptionJa: string;
  descriptionEn: string;
  framework: ProgramFramework;
  companyId: string | null;
  companyField: string | null;
  visionLayer: string | null;
  keidanrenField: string | null;
  b4siCause: string | null;
  b4siMotivation: string | null;
  sdgs: string[];
  startYear: number | string;
  endYear: number | string;
  status: ProgramStatus;
  reviewCycleMonths: number | string;
};

export const CLASSIFICATION_INPUTS = [
  ['companyField', 'company_field'],
  ['visionLayer', 'vision_layer'],
  ['keidanrenField', 'keidanren_field'],
  ['b4siCause', 'b4si_cause'],
  ['b4siMotivation', 'b4si_motivation'],
] as const;

export function valuesOf(p: Program | null, companyId: string | null, thisYear: number): Values {
  return {
    code: p?.code ?? '',
    nameJa: p?.nameJa ?? '',
    nameEn: p?.nameEn ?? '',
    descriptionJa: p?.descriptionJa ?? '',
    descriptionEn: p?.descriptionEn ?? '',
    framework: p?.framework ?? 'company_program',
    companyId: p?.companyId ?? companyId,
    companyField: p?.companyField ?? null,
    visionLayer: p?.visionLayer ?? null,
    keidanrenField: p?.keidanrenField ?? null,
    b4siCause: p?.b4siCause ?? null,
    b4siMotivation: p?.b4siMotivation ?? null,
    sdgs: (p?.sdgs ?? []).map(String),
    startYear: p?.startYear ?? thisYear,
    endYear: p?.endYear ?? '',
    status: p?.status ?? 'active',
    reviewCycleMonths: p?.reviewCycleMonths ?? 12,
  };
}

const blank = (s: string) => (s.trim() === '' ? null : s.trim());

export function bodyOf(v: Values): ProgramCreate {
  return {
    code: v.code.trim(),
    nameJa: blank(v.nameJa),
    nameEn: blank(v.nameEn),
    descriptionJa: blank(v.descriptionJa),
    descriptionEn: blank(v.descriptionEn),
    framework: v.framework,
    companyId: v.companyId ?? '',
    companyField: v.companyField,
    visionLayer: v.visionLayer,
    keidanrenField: v.keidanrenField,
    b4siCause: v.b4siCause,
    b4siMotivation: v.b4siMotivation,
    sdgs: v.sdgs.map(Number).sort((a, b) => a - b),
    startYear: Number(v.startYear),
    endYear: v.endYear === '' ? null : Number(v.endYear),
    status: v.status,
    reviewCycleMonths: Number(v.reviewCycleMonths),
  };
}

export function validation(t: TFunction) {
  const required = t('form.required');
  return {
    code: (s: string) =>
      /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(s.trim()) ? null : t('programs:form.codeInvalid'),
    nameJa: (_: string, v: Values) =>
      blank(v.nameJa) || blank(v.nameEn) ? null : t('programs:form.nameRequired'),
    companyId: (s: string | null) => (s ? null : required),
    startYear: (y: number | string) => (y === '' ? required : null),
    endYear: (y: number | string, v: Values) =>
      y !== '' && Number(y) < Number(v.startYear) ? t('programs:form.endBeforeStart') : null,
  };
}
