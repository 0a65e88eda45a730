import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Empty, ScrollTable } from '../../components/data-table';
import { QueryState } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { CheckinCard } from './checkin-card';
import { type Roster, useRoster } from './participation.api';
import { titleIn } from './participation-badges';
import { AttendanceControls } from './attendance-controls';

/**
 * Attendance of one shift, for its organisers: every confirmed sign-up with attended / absent and the
 * credited minutes, the waitlist, and the QR code that employees scan at the venue to check in.
 * Auditors and other readers of the volunteer database see it read-only.
 */
export function RosterPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id, shiftId } = useParams({ strict: false }) as { id: string; shiftId: string };
  const roster = useRoster(shiftId);
  const title = roster.data ? titleIn(f.locale, roster.data.shift) : '';
  return (
    <>
      <Anchor
        renderRoot={(props) => <Link to="/opportunities/$id" params={{ id }} {...props} />}
        size="sm"
        mb="xs"
        display="inline-block"
      >
        <Group gap={4} component="span">
          <IconArrowLeft size={16} aria-hidden />
          {t('participation:roster.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={t('participation:roster.title')}
        description={
          roster.data
            ? t('participation:roster.subtitle', {
                title,
                start: f.dateTime(roster.data.shift.startsAt),
                end: f.dateTime(roster.data.shift.endsAt),
              })
            : undefined
        }
      />
      <QueryState query={roster}>{(data) => <RosterBody roster={data} shiftId={shiftId} />}</QueryState>
    </>
  );
}

function RosterBody({ roster, shiftId }: { roster: Roster; shiftId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const confirmed = roster.items.filter((i) => i.status === 'confirmed');
  const waitlisted = roster.items.filter((i) => i.status === 'waitlisted');
  const attended = confirmed.filter((i) => i.attendance === 'attended');
  const minutes = attended.reduce((sum, i) => sum + (i.minutes ?? 0), 0);
  const { shift } = roster;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure
          label={t('participation:roster.confirmed')}
          value={`${f.number(shift.confirmed)} / ${f.number(shift.capacity)}`}
        />
        <Figure label={t('participation:roster.waitlisted')} value={f.number(shift.waitlisted)} />
        <Figure label={t('participation:roster.attended')} value={f.number(attended.length)} />
        <Figure
          label={t('participation:roster.hours')}
          value={f.number(Math.round((minutes / 60) * 100) / 100)}
        />
      </SimpleGrid>
      {shift.canManage && <CheckinCard shiftId={shiftId} title={titleIn(f.locale, shift)} />}
      <Paper withBorder p="md" component="section" aria-labelledby="roster-confirmed">
        <Title order={2} size="h4" id="roster-confirmed" mb="xs">
          {t('participation:roster.confirmedTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('participation:roster.minutesHelp', { minutes: f.number(shift.shiftMinutes) })}
        </Text>
        {confirmed.length === 0 ? (
          <Empty title={t('participation:roster.empty')} />
        ) : (
          <ScrollTable minWidth={760} label={t('participation:roster.confirmedTitle')}>
            <Table striped verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.employeeNumber')}</Table.Th>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('fields.company')}</Table.Th>
                  <Table.Th>{t('participation:roster.attendance')}</Table.Th>
                  <Table.Th>{t('participation:roster.minutes')}</Table.Th>
                  <Table.Th>{t('participation:roster.checkedIn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {confirmed.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td ff="monospace">{item.employeeNumber}</Table.Td>
                    <Table.Td>{f.name(item)}</Table.Td>
                    <Table.Td ff="monospace">{item.companyCode}</Table.Td>
                    <AttendanceControls
                      item={item}
                      shiftId={shiftId}
                      defaultMinutes={shift.shiftMinutes}
                      editable={shift.canManage}
                    />
                    <Table.Td>{item.checkedInAt ? f.dateTime(item.checkedInAt) : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Paper>
      {waitlisted.length > 0 && (
        <Paper withBorder p="md" component="section" aria-labelledby="roster-waitlist">
          <Title order={2} size="h4" id="roster-waitlist" mb="md">
            {t('participation:roster.waitlistTitle')}
          </Title>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('participation:roster.position')}</Table.Th>
                <Table.Th>{t('fields.employeeNumber')}</Table.Th>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.company')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {waitlisted.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td>
                    <Badge variant="light" color="yellow">
                      {item.waitlistPosition}
                    </Badge>
                  </Table.Td>
                  <Table.Td ff="monospace">{item.employeeNumber}</Table.Td>
                  <Table.Td>{f.name(item)}</Table.Td>
                  <Table.Td ff="monospace">{item.companyCode}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}
