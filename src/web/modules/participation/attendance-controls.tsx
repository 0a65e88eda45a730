import { NumberInput, SegmentedControl, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type RosterItem, useSetAttendance } from './participation.api';

type Choice = 'attended' | 'absent' | 'none';

/**
 * One confirmed sign-up's attendance cells: attended / absent / not recorded, and the credited minutes
 * (the shift's length unless edited; saved when the field is left). Read-only without `editable`.
 */
export function AttendanceControls({
  item,
  shiftId,
  defaultMinutes,
  editable,
}: {
  item: RosterItem;
  shiftId: string;
  defaultMinutes: number;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const save = useSetAttendance(shiftId);
  const [minutes, setMinutes] = useState<number | string>(item.minutes ?? '');
  useEffect(() => setMinutes(item.minutes ?? ''), [item.minutes]);
  const name = f.name(item);
  const choice: Choice = item.attendance ?? 'none';
  const label = (c: Choice) =>
    c === 'none' ? t('participation:roster.unmarked') : t(`participation:status.${c}`);

  if (!editable)
    return (
      <>
        <Table.Td>{label(choice)}</Table.Td>
        <Table.Td>{item.minutes ? f.number(item.minutes) : '—'}</Table.Td>
      </>
    );

  const mark = (next: Choice) =>
    save.mutate(
      { id: item.id, body: { attendance: next === 'none' ? null : next } },
      { onError: (error) => notifyError(error) },
    );
  const saveMinutes = () => {
    const value = Number(minutes);
    if (item.attendance !== 'attended' || value === item.minutes) return;
    if (!Number.isInteger(value) || value < 1 || value > 1440) {
      setMinutes(item.minutes ?? '');
      return;
    }
    save.mutate(
      { id: item.id, body: { attendance: 'attended', minutes: value } },
      { onError: (error) => notifyError(error) },
    );
  };
  return (
    <>
      <Table.Td>
        <SegmentedControl
          size="xs"
          aria-label={t('participation:roster.attendanceOf', { name })}
          value={choice}
          onChange={(v) => mark(v as Choice)}
          disabled={save.isPending}
          data={(['attended', 'absent', 'none'] as const).map((c) => ({ value: c, label: label(c) }))}
        />
      </Table.Td>
      <Table.Td>
        {item.attendance === 'attended' ? (
          <NumberInput
            size="xs"
            w={110}
            min={1}
            max={1440}
            step={15}
            allowDecimal={false}
            aria-label={t('participation:roster.minutesOf', { name })}
            value={minutes}
            onChange={setMinutes}
            onBlur={saveMinutes}
            onKeyDown={(e) => e.key === 'Enter' && saveMinutes()}
            placeholder={String(defaultMinutes)}
          />
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
    </>
  );
}
