import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n';
import { newShift, type Values } from './opportunity-form-values';
import { zoneLabel } from './zoned-time';

/**
 * The shifts of an opportunity as a growing list: date, start, end and seats, in the opportunity's
 * time zone (named above the list). At least one shift; a booked shift cannot be removed (the server
 * says so).
 */
export function ShiftFields({
  form,
  timeZone,
}: {
  form: UseFormReturnType<Values>;
  timeZone: string | null;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const shifts = form.values.shifts;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {timeZone
          ? t('opportunities:form.timeZone', { zone: zoneLabel(timeZone, f.locale) })
          : t('opportunities:form.timeZoneUnknown')}
      </Text>
      {shifts.map((s, i) => (
        <Fieldset key={s.key} legend={t('opportunities:form.shiftLabel', { n: i + 1 })} p="sm">
          <Group align="flex-start" wrap="wrap" gap="sm">
            <TextInput
              type="date"
              label={t('opportunities:form.shiftDate')}
              required
              w={170}
              {...form.getInputProps(`shifts.${i}.date`)}
            />
            <TextInput
              type="time"
              label={t('opportunities:form.shiftStart')}
              required
              w={120}
              {...form.getInputProps(`shifts.${i}.start`)}
            />
            <TextInput
              type="time"
              label={t('opportunities:form.shiftEnd')}
              required
              w={120}
              {...form.getInputProps(`shifts.${i}.end`)}
            />
            <NumberInput
              label={t('opportunities:form.capacity')}
              required
              min={1}
              max={100000}
              allowDecimal={false}
              w={110}
              {...form.getInputProps(`shifts.${i}.capacity`)}
            />
            {shifts.length > 1 && (
              <Tooltip label={t('opportunities:form.removeShift', { n: i + 1 })}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  aria-label={t('opportunities:form.removeShift', { n: i + 1 })}
                  onClick={() => form.removeListItem('shifts', i)}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => {
            const last = shifts[shifts.length - 1];
            form.insertListItem(
              'shifts',
              last
                ? { ...newShift(), start: last.start, end: last.end, capacity: last.capacity }
                : newShift(),
            );
          }}
        >
          {t('opportunities:form.addShift')}
        </Button>
      </Group>
    </Stack>
  );
}
