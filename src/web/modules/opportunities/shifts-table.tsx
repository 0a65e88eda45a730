import { Anchor, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconClipboardCheck } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../components/confirm-button';
import { Empty, ScrollTable } from '../../components/data-table';
import { notifyError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { ParticipationBadge } from '../participation/participation-badges';
import { type Signup, useSignupActions } from '../participation/participation.api';
import { type Opportunity, type Shift, shiftCalendarUrl } from './opportunities.api';
import { formatDayWithWeekday, formatSpan, toZoned, zoneLabel } from './zoned-time';

export type Overlap = Signup['overlaps'][number];

/** Whether a shift still takes sign-ups (the server decides; this only hides a button that would fail). */
function open(o: Opportunity, s: Shift, now: Date): boolean {
  if (o.status !== 'published' || new Date(s.startsAt) <= now) return false;
  return !o.signupDeadline || new Date(o.signupDeadline) > now;
}

/**
 * The shifts of an opportunity in its own time zone: seats left, waitlist, the caller's sign-up (with
 * their place on the waitlist) and one-click sign-up or cancel; organisers get the attendance page.
 */
export function ShiftsTable({ o, onOverlaps }: { o: Opportunity; onOverlaps: (o: Overlap[]) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { signUp, cancel } = useSignupActions();
  const now = new Date();
  const when = (s: Shift) => formatSpan(s.startsAt, s.endsAt, o.timeZone, f.locale);
  const timesOf = (s: Shift) => {
    const start = toZoned(s.startsAt, o.timeZone);
    const end = toZoned(s.endsAt, o.timeZone);
    return start.date === end.date
      ? `${start.time} – ${end.time}`
      : `${start.time} – ${formatDayWithWeekday(s.endsAt, o.timeZone, f.locale)} ${end.time}`;
  };
  const join = (s: Shift) =>
    signUp.mutate(s.id, {
      onSuccess: (result) => {
        notifySuccess(
          result.status === 'confirmed'
            ? t('opportunities:detail.signedUp', { when: when(s) })
            : t('opportunities:detail.waitlisted', { position: result.waitlistPosition ?? '' }),
        );
        onOverlaps(result.overlaps);
      },
      onError: notifyError,
    });
  const leave = (signupId: string) =>
    cancel.mutateAsync(signupId).then(() => {
      notifySuccess(t('opportunities:detail.cancelled'));
      onOverlaps([]);
    }, notifyError);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="opportunity-shifts">
      <Stack gap={4} mb="sm">
        <Title order={2} size="h4" id="opportunity-shifts">
          {t('opportunities:detail.shiftsTitle')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('opportunities:detail.timeZoneNote', {
            zone: zoneLabel(o.timeZone, f.locale, o.firstStartsAt ?? undefined),
          })}
        </Text>
      </Stack>
      {o.shifts.length === 0 ? (
        <Empty title={t('opportunities:detail.none')} />
      ) : (
        <ScrollTable minWidth={640} label={t('opportunities:detail.shiftsTable')}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('opportunities:detail.when')}</Table.Th>
                <Table.Th>{t('opportunities:detail.seats')}</Table.Th>
                <Table.Th>{t('opportunities:detail.you')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.shifts.map((s) => {
                const mine = s.mySignup;
                const label = when(s);
                return (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {formatDayWithWeekday(s.startsAt, o.timeZone, f.locale)}
                      </Text>
                      <Text size="sm">{timesOf(s)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <div>
                        {t('opportunities:detail.seatsOf', { left: s.seatsLeft, capacity: s.capacity })}
                      </div>
                      {s.waitlisted > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('opportunities:detail.waitlist', { count: s.waitlisted })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {mine ? (
                        <Box w="max-content">
                          <ParticipationBadge
                            status={mine.attendance ?? mine.status}
                            position={mine.waitlistPosition}
                          />
                        </Box>
                      ) : open(o, s, now) ? (
                        <Button
                          size="xs"
                          onClick={() => join(s)}
                          loading={signUp.isPending && signUp.variables === s.id}
                          aria-label={
                            s.seatsLeft > 0
                              ? t('opportunities:detail.signUpFor', { when: label })
                              : t('opportunities:detail.joinWaitlistFor', { when: label })
                          }
                        >
                          {s.seatsLeft > 0
                            ? t('opportunities:detail.signUp')
                            : t('opportunities:detail.joinWaitlist')}
                        </Button>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('opportunities:detail.closed')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {mine && !mine.attendance && new Date(s.startsAt) > now && (
                          <ConfirmButton
                            size="xs"
                            label={t('opportunities:detail.cancelSignup')}
                            aria-label={t('opportunities:detail.cancelSignupFor', { when: label })}
                            title={t('opportunities:detail.cancelTitle')}
                            message={t('opportunities:detail.cancelMessage')}
                            confirmLabel={t('opportunities:detail.cancelConfirm')}
                            loading={cancel.isPending}
                            onConfirm={() => leave(mine.id)}
                          />
                        )}
                        {o.status !== 'cancelled' && (
                          <Anchor
                            href={`${shiftCalendarUrl(s.id)}?lang=${f.locale}`}
                            download
                            size="sm"
                            aria-label={t('opportunities:detail.addToCalendarFor', { when: label })}
                          >
                            <Group gap={4} component="span" wrap="nowrap">
                              <IconCalendarPlus size={16} aria-hidden />
                              {t('opportunities:detail.addToCalendar')}
                            </Group>
                          </Anchor>
                        )}
                        {o.canManage && (
                          <Anchor
                            size="sm"
                            aria-label={t('opportunities:detail.attendanceFor', { when: label })}
                            renderRoot={(props) => (
                              <Link
                                to="/opportunities/$id/shifts/$shiftId/attendance"
                                params={{ id: o.id, shiftId: s.id }}
                                {...props}
                              />
                            )}
                          >
                            <Group gap={4} component="span" wrap="nowrap">
                              <IconClipboardCheck size={16} aria-hidden />
                              {t('opportunities:detail.attendance')}
                            </Group>
                          </Anchor>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Paper>
  );
}
