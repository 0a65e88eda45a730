import { Select, SimpleGrid } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Role, ScopeType } from '../../api/types';
import { CompanySelect, SiteSelect } from '../../components/org-selects';
import { ROLES, SCOPE_TYPES } from '../../../shared/roles';

export type GrantValues = {
  role: Role | null;
  scopeType: ScopeType;
  companyId: string | null;
  siteId: string | null;
};

export const emptyGrant: GrantValues = { role: null, scopeType: 'org', companyId: null, siteId: null };

/** Client-side checks of a grant; the server checks again. */
export function validateGrant(t: (k: string) => string, optional = false) {
  return {
    role: (v: Role | null) => (v || optional ? null : t('form.required')),
    companyId: (v: string | null, all: { scopeType?: ScopeType; grant?: GrantValues }) =>
      (all.grant?.scopeType ?? all.scopeType) === 'company' && !v ? t('form.required') : null,
    siteId: (v: string | null, all: { scopeType?: ScopeType; grant?: GrantValues }) =>
      (all.grant?.scopeType ?? all.scopeType) === 'site' && !v ? t('form.required') : null,
  };
}

/** The request body of a grant: only the id its scope needs. */
export function grantBody(g: GrantValues) {
  return {
    role: g.role as Role,
    scopeType: g.scopeType,
    ...(g.scopeType === 'company' && g.companyId ? { companyId: g.companyId } : {}),
    ...(g.scopeType === 'site' && g.siteId ? { siteId: g.siteId } : {}),
  };
}

/** Role, scope (organisation, a company or a site) and the company or site it applies to. */
export function GrantFields<V>({ form, prefix = '' }: { form: UseFormReturnType<V>; prefix?: string }) {
  const { t } = useTranslation();
  const values = (
    prefix ? (form.getValues() as Record<string, unknown>)[prefix.slice(0, -1)] : form.getValues()
  ) as GrantValues;
  const path = (k: keyof GrantValues) => `${prefix}${k}`;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <Select
        label={t('roles.role')}
        placeholder={t('users.chooseRole')}
        data={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        {...form.getInputProps(path('role'))}
      />
      <Select
        label={t('roles.scope')}
        data={SCOPE_TYPES.map((s) => ({ value: s, label: t(`scopeType.${s}`) }))}
        allowDeselect={false}
        {...form.getInputProps(path('scopeType'))}
      />
      {values.scopeType === 'company' && (
        <CompanySelect label={t('fields.company')} {...form.getInputProps(path('companyId'))} />
      )}
      {values.scopeType === 'site' && (
        <SiteSelect label={t('fields.site')} {...form.getInputProps(path('siteId'))} />
      )}
    </SimpleGrid>
  );
}
