import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../api/types';
import { useFormat } from '../../i18n';
import { usePrefectures } from '../organisations/organisations.api';
import { type Registration, type RegistrationStatus, useSkills } from './registrations.api';

const languageNames = new Map<Locale, Intl.DisplayNames>();

/** A language code (ISO 639-1) in the UI language, from the browser's Intl data. */
export function languageName(code: string, locale: Locale): string {
  let names = languageNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale === 'ja' ? 'ja-JP' : 'en-GB'], { type: 'language' });
    languageNames.set(locale, names);
  }
  return names.of(code) ?? code;
}

// Pale background, dark text: the pairs keep WCAG AA contrast like the employee status badges.
export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return status === 'active' ? (
    <Badge variant="light" color="teal" c="dark.7">
      {t('volunteer:status.active')}
    </Badge>
  ) : (
    <Badge variant="outline" color="gray.7" c="gray.8">
      {t('volunteer:status.left')}
    </Badge>
  );
}

/** Codes shown as small badges with their labels. */
export function Tags({ values, label }: { values: string[]; label: (code: string) => string }) {
  if (!values.length)
    return (
      <Text span c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4}>
      {values.map((v) => (
        <Badge key={v} variant="default" tt="none" fw={500}>
          {label(v)}
        </Badge>
      ))}
    </Group>
  );
}

/** Labels for the codes a registration holds: fields, skills (by the list), languages, availability. */
export function useRegistrationLabels() {
  const { t } = useTranslation();
  const f = useFormat();
  const skills = useSkills(true);
  const prefectures = usePrefectures();
  return {
    field: (code: string) => t(`field.${code}`),
    skill: (code: string) => {
      const s = skills.data?.find((x) => x.code === code);
      return s ? f.name(s) : code;
    },
    language: (code: string) => languageName(code, f.locale),
    availability: (code: string) => t(`volunteer:availability.${code}`),
    prefecture: (code: string | null) => {
      const p = code ? prefectures.data?.find((x) => x.code === code) : undefined;
      return p ? f.name(p) : (code ?? '');
    },
  };
}

/** A registration, read-only: the volunteer database's drawer. */
export function RegistrationDetails({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useRegistrationLabels();
  const place = [label.prefecture(r.prefecture), r.region].filter(Boolean).join(' ');
  const rows: [string, React.ReactNode][] = [
    [t('fields.employeeNumber'), r.employee.employeeNumber],
    [t('fields.name'), f.name(r.employee)],
    [t('fields.email'), r.employee.email],
    [t('fields.company'), r.employee.companyCode],
    [t('fields.site'), r.employee.siteCode ?? ''],
    [t('volunteer:fields.status'), <RegistrationStatusBadge key="s" status={r.status} />],
    [t('volunteer:fields.joinedOn'), f.date(r.joinedOn)],
    [t('volunteer:fields.leftOn'), f.date(r.leftOn)],
    [t('volunteer:fields.interestFields'), <Tags key="i" values={r.interestFields} label={label.field} />],
    [t('volunteer:fields.skills'), <Tags key="k" values={r.skills} label={label.skill} />],
    [t('volunteer:fields.skillsNote'), r.skillsNote ?? ''],
    [t('volunteer:fields.languages'), <Tags key="l" values={r.languages} label={label.language} />],
    [t('volunteer:fields.place'), place],
    [t('volunteer:fields.availability'), <Tags key="a" values={r.availability} label={label.availability} />],
    [t('volunteer:fields.onlineOk'), r.onlineOk ? t('volunteer:yes') : t('volunteer:no')],
    [t('volunteer:fields.updatedAt'), f.dateTime(r.updatedAt)],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Th w={180}>{name}</Table.Th>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
