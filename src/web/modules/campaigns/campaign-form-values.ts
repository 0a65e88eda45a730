import type { FormValidateInput } from '@mantine/form';
import type { Campaign, CampaignCreate, CampaignKind, FundType } from './campaigns.api';

export type Values = {
  companyId: string | null;
  code: string;
  kind: CampaignKind;
  fundType: FundType;
  titleJa: string;
  titleEn: string;
  storyJa: string;
  storyEn: string;
  goalJpy: number | string;
  startsOn: string;
  endsOn: string;
  acceptsPoints: boolean;
  acceptsMoney: boolean;
  matching: boolean;
  matchRatioPercent: number | string;
  matchCapPerEmployeeJpy: number | string;
  matchCapPerCampaignJpy: number | string;
  partnerIds: string[];
};

const text = (v: string | null | undefined) => v ?? '';
const num = (v: number | null | undefined) => v ?? '';

/** The form's values for a new campaign (the company preset when the user runs only one), or to edit one. */
export function valuesOf(c: Campaign | null, companyId: string | null): Values {
  return {
    companyId: c?.companyId ?? companyId,
    code: text(c?.code),
    kind: c?.kind ?? 'disaster',
    fundType: c?.fundType ?? 'victim_relief',
    titleJa: text(c?.titleJa),
    titleEn: text(c?.titleEn),
    storyJa: text(c?.storyJa),
    storyEn: text(c?.storyEn),
    goalJpy: num(c?.goalJpy),
    startsOn: text(c?.startsOn),
    endsOn: text(c?.endsOn),
    acceptsPoints: c?.acceptsPoints ?? true,
    acceptsMoney: c?.acceptsMoney ?? true,
    matching: !!c?.matchRatioPercent,
    matchRatioPercent: num(c?.matchRatioPercent) || 100,
    matchCapPerEmployeeJpy: num(c?.matchCapPerEmployeeJpy),
    matchCapPerCampaignJpy: num(c?.matchCapPerCampaignJpy),
    partnerIds: c?.beneficiaries.map((b) => b.partnerId) ?? [],
  };
}

const orNull = (v: string) => v.trim() || null;
const yenOrNull = (v: number | string) => (typeof v === 'number' && v > 0 ? v : null);

/** What the API receives (the same body creates or, as a PATCH, changes a campaign). */
export function bodyOf(v: Values): CampaignCreate {
  return {
    companyId: v.companyId as string,
    code: v.code.trim(),
    kind: v.kind,
    fundType: v.fundType,
    titleJa: orNull(v.titleJa),
    titleEn: orNull(v.titleEn),
    storyJa: orNull(v.storyJa),
    storyEn: orNull(v.storyEn),
    goalJpy: yenOrNull(v.goalJpy),
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    acceptsPoints: v.acceptsPoints,
    acceptsMoney: v.acceptsMoney,
    matchRatioPercent: v.matching ? yenOrNull(v.matchRatioPercent) : null,
    matchCapPerEmployeeJpy: v.matching ? yenOrNull(v.matchCapPerEmployeeJpy) : null,
    matchCapPerCampaignJpy: v.matching ? yenOrNull(v.matchCapPerCampaignJpy) : null,
    partnerIds: v.partnerIds,
  };
}

/** The checks made before sending: what the server would refuse anyway, said at once and in place. */
export function validation(t: (key: string) => string, defaultLang: 'ja' | 'en'): FormValidateInput<Values> {
  const required = (v: string | null) => (v?.toString().trim() ? null : t('form.required'));
  const own = (lang: 'ja' | 'en') => (v: string) => (defaultLang === lang ? required(v) : null);
  return {
    companyId: required,
    code: (v) => (/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/.test(v.trim()) ? null : t('campaigns:form.codeInvalid')),
    titleJa: own('ja'),
    titleEn: own('en'),
    storyJa: own('ja'),
    storyEn: own('en'),
    startsOn: required,
    endsOn: (v, all) =>
      required(v) ?? (all.startsOn && v < all.startsOn ? t('campaigns:form.endsBeforeStart') : null),
    acceptsMoney: (v, all) => (v || all.acceptsPoints ? null : t('campaigns:form.acceptsNothing')),
    matchRatioPercent: (v, all) =>
      !all.matching || (typeof v === 'number' && v >= 1 && v <= 1000)
        ? null
        : t('campaigns:form.ratioInvalid'),
  };
}

/** The form field an API field problem belongs to. */
export const formPath = (path: string) => (path.startsWith('partnerIds') ? 'partnerIds' : path);
