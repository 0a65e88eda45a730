import { NumberInput, Select, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { FormModal } from '../../components/form-modal';
import type { ProgramPartner } from '../programs/programs.api';
import { AttendeePicker, type PickedEmployee } from './attendee-picker';
import {
  PARTICIPANT_KINDS,
  type ParticipantKind,
  SESSION_KINDS,
  type SessionDetail,
  type SessionKind,
  useSaveSession,
} from './sessions.api';

type Values = {
  ref: string;
  kind: SessionKind;
  titleJa: string;
  titleEn: string;
  startsOn: string;
  endsOn: string;
  placeJa: string;
  placeEn: string;
  partnerId: string | null;
  notes: string;
  counts: Record<ParticipantKind, number | string>;
  employeeHours: number | string;
};

const text = (v: string) => v.trim() || null;

/**
 * Records or changes a session: kind, titles, dates, place, partner, counts by kind of participant, the
 * employees' hours (all together) and the employees who took part by name (they count in the volunteering participants KPI). The server's
 * field errors (e.g. fewer employees than named) show under the inputs.
 */
export function SessionForm({
  programId,
  partners,
  session,
  onClose,
}: {
  programId: string;
  partners: ProgramPartner[];
  session: SessionDetail | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const save = useSaveSession(programId);
  const [attendees, setAttendees] = useState<PickedEmployee[]>(
    session?.attendees.map((a) => ({ id: a.employeeId, label: `${a.name} (${a.employeeNumber})` })) ?? [],
  );
  const form = useForm<Values>({
    initialValues: {
      ref: session?.ref ?? '',
      kind: (session?.kind ?? 'class') as SessionKind,
      titleJa: session?.titleJa ?? '',
      titleEn: session?.titleEn ?? '',
      startsOn: session?.startsOn ?? new Date().toISOString().slice(0, 10),
      endsOn: session?.endsOn ?? '',
      placeJa: session?.placeJa ?? '',
      placeEn: session?.placeEn ?? '',
      partnerId: session?.partnerId ?? null,
      notes: session?.notes ?? '',
      counts: Object.fromEntries(
        PARTICIPANT_KINDS.map((k) => [k, session?.counts[k] ?? '']),
      ) as Values['counts'],
      employeeHours: session?.employeeHours ?? '',
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate(
      {
        id: session?.id,
        body: {
          ...(v.ref.trim() ? { ref: v.ref.trim() } : {}),
          kind: v.kind,
          titleJa: text(v.titleJa),
          titleEn: text(v.titleEn),
          startsOn: v.startsOn,
          endsOn: v.endsOn || v.startsOn,
          placeJa: text(v.placeJa),
          placeEn: text(v.placeEn),
          partnerId: v.partnerId,
          notes: text(v.notes),
          counts: Object.fromEntries(
            PARTICIPANT_KINDS.map((k) => [k, v.counts[k] === '' ? null : Number(v.counts[k])]),
          ),
          employeeHours: v.employeeHours === '' ? null : Number(v.employeeHours),
          employeeIds: attendees.map((a) => a.id),
        },
      },
      {
        onSuccess: () => {
          notifySuccess(t('sessions:form.saved'));
          onClose();
        },
        onError: (e) => form.setErrors(fieldErrors(e)),
      },
    ),
  );
  const partnerName = (p: ProgramPartner) =>
    (i18n.language === 'en' ? (p.nameEn ?? p.nameJa) : (p.nameJa ?? p.nameEn)) ?? p.code;
  return (
    <FormModal
      title={t(session ? 'sessions:form.edit' : 'sessions:form.new')}
      onClose={onClose}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <Select
        label={t('sessions:fields.kind')}
        required
        allowDeselect={false}
        data={SESSION_KINDS.map((k) => ({ value: k, label: t(`sessions:kind.${k}`) }))}
        {...form.getInputProps('kind')}
      />
      <TextInput
        label={t('sessions:fields.ref')}
        description={t('sessions:form.refHelp')}
        {...form.getInputProps('ref')}
      />
      <TextInput label={t('sessions:fields.titleJa')} {...form.getInputProps('titleJa')} />
      <TextInput label={t('sessions:fields.titleEn')} {...form.getInputProps('titleEn')} />
      <TextInput
        type="date"
        label={t('sessions:fields.startsOn')}
        required
        {...form.getInputProps('startsOn')}
      />
      <TextInput
        type="date"
        label={t('sessions:fields.endsOn')}
        description={t('sessions:form.endsHelp')}
        {...form.getInputProps('endsOn')}
      />
      <TextInput label={t('sessions:fields.placeJa')} {...form.getInputProps('placeJa')} />
      <TextInput label={t('sessions:fields.placeEn')} {...form.getInputProps('placeEn')} />
      <Select
        label={t('sessions:fields.partner')}
        clearable
        data={partners.map((p) => ({ value: p.partnerId, label: partnerName(p) }))}
        {...form.getInputProps('partnerId')}
      />
      <Textarea label={t('sessions:fields.notes')} autosize minRows={1} {...form.getInputProps('notes')} />
      <div style={{ gridColumn: '1 / -1' }}>
        <Text fw={500} size="sm" mb={4} id="session-counts">
          {t('sessions:form.counts')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} role="group" aria-labelledby="session-counts">
          {PARTICIPANT_KINDS.map((k) => (
            <NumberInput
              key={k}
              label={t(`sessions:participant.${k}`)}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              {...form.getInputProps(`counts.${k}`)}
            />
          ))}
        </SimpleGrid>
      </div>
      <NumberInput
        label={t('sessions:fields.employeeHours')}
        description={t('sessions:form.employeeHoursHelp')}
        min={0}
        decimalScale={2}
        allowNegative={false}
        thousandSeparator=","
        {...form.getInputProps('employeeHours')}
      />
      <div style={{ gridColumn: '1 / -1' }}>
        <AttendeePicker value={attendees} onChange={setAttendees} error={form.errors.employeeIds} />
      </div>
    </FormModal>
  );
}
