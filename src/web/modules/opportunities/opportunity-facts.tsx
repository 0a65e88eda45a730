import { Anchor, Paper, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { useSkills } from '../volunteering/registrations.api';
import { placeOf } from './opportunity-badges';
import type { Opportunity } from './opportunities.api';
import { formatInZone } from './zoned-time';

/** The facts of an opportunity in a two-column table: who runs it, where, deadlines, conditions. */
export function OpportunityFacts({ o }: { o: Opportunity }) {
  const { t } = useTranslation();
  const f = useFormat();
  const skills = useSkills(true);
  const skillName = (code: string) => {
    const s = skills.data?.find((x) => x.code === code);
    return s ? f.name(s) : code;
  };
  const yesNo = (v: boolean) => (v ? t('opportunities:detail.yes') : t('opportunities:detail.no'));
  const deadline = (iso: string | null) =>
    iso ? formatInZone(iso, o.timeZone, f.locale) : t('opportunities:detail.none');
  const place = [o.address, placeOf(o, f.locale)].filter(Boolean).join(', ');
  const rows: [string, React.ReactNode][] = [
    [t('opportunities:detail.organiser'), o.organiser],
    [t('opportunities:detail.partner'), o.partnerName ?? t('opportunities:detail.none')],
    [t('opportunities:detail.company'), [o.companyCode, o.siteCode].filter(Boolean).join(' / ')],
    [t('opportunities:detail.field'), t(`field.${o.field}`)],
    [
      t('opportunities:detail.sdgs'),
      o.sdgs.length ? o.sdgs.map((n) => `SDG ${n}`).join(', ') : t('opportunities:detail.none'),
    ],
    [t('opportunities:detail.mode'), t(`opportunities:mode.${o.mode}`)],
  ];
  if (o.mode !== 'online') rows.push([t('opportunities:detail.place'), place]);
  if (o.mode !== 'on_site' && o.onlineUrl)
    rows.push([
      t('opportunities:detail.onlineLink'),
      <Anchor
        key="url"
        href={o.onlineUrl}
        target="_blank"
        rel="noopener noreferrer"
        style={{ wordBreak: 'break-all' }}
      >
        {o.onlineUrl}
      </Anchor>,
    ]);
  rows.push(
    [t('opportunities:detail.signupDeadline'), deadline(o.signupDeadline)],
    [t('opportunities:detail.cancelDeadline'), deadline(o.cancelDeadline)],
    [
      t('opportunities:detail.requiredSkills'),
      o.requiredSkills.length ? o.requiredSkills.map(skillName).join(', ') : t('opportunities:detail.none'),
    ],
    [t('opportunities:detail.familyAllowed'), yesNo(o.familyAllowed)],
    [t('opportunities:detail.transportByPoints'), yesNo(o.transportByPoints)],
  );
  if (o.canManage)
    rows.push([t('opportunities:detail.visibility'), t(`opportunities:visibility.${o.visibility}`)]);
  return (
    <Paper withBorder p={0}>
      <Table variant="vertical" layout="fixed">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={150}>{label}</Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
