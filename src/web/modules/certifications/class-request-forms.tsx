import {
  Button,
  Group,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { FormError, notifySuccess } from '../../components/feedback';
import { useFormat } from '../../i18n';
import {
  CLASS_COUNT_KINDS,
  type ClassRequestDetail,
  useClassRequestAction,
  useHolders,
} from './certifications.api';

/** Choose the class day and certified instructors: only employees certified on that day are offered. */
export function AssignForm({ request: r }: { request: ClassRequestDetail }) {
  const { t } = useTranslation();
  const f = useFormat();
  const action = useClassRequestAction(r.id);
  const [day, setDay] = useState(r.scheduledOn ?? r.preferredOn);
  const [selected, setSelected] = useState<string[]>(r.instructors.map((i) => i.employeeId));
  const [labels, setLabels] = useState<Record<string, string>>(
    Object.fromEntries(r.instructors.map((i) => [i.employeeId, `${f.name(i)} (${i.employeeNumber})`])),
  );
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const validDay = /^\d{4}-\d\d-\d\d$/.test(day);
  const holders = useHolders(
    r.certificationId,
    { status: 'current', on: day, q: q || undefined, size: 50 },
    validDay,
  );
  const offered = (holders.data?.items ?? []).map((h) => ({
    value: h.employeeId,
    label: `${f.name(h)} (${h.employeeNumber})`,
  }));
  const data = [
    ...offered,
    ...selected
      .filter((id) => !offered.some((o) => o.value === id))
      .map((id) => ({ value: id, label: labels[id] ?? id })),
  ];
  const errors = fieldErrors(action.error);
  const save = () =>
    action.mutate(
      { kind: 'assign', body: { scheduledOn: day, employeeIds: selected } },
      { onSuccess: () => notifySuccess(t('certifications:requests.assigned')) },
    );
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {r.status === 'assigned'
          ? t('certifications:requests.reassign')
          : t('certifications:requests.assign')}
      </Title>
      <FormError error={action.variables?.kind === 'assign' ? action.error : null} />
      <TextInput
        label={t('certifications:requests.classDay')}
        type="date"
        value={day}
        onChange={(e) => setDay(e.currentTarget.value)}
        error={errors.scheduledOn}
        w={200}
      />
      <MultiSelect
        label={t('certifications:requests.chooseInstructors')}
        description={t('certifications:requests.chooseHelp', { count: holders.data?.total ?? 0 })}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={data}
        value={selected}
        onChange={(ids) => {
          setLabels((cur) => ({ ...cur, ...Object.fromEntries(offered.map((o) => [o.value, o.label])) }));
          setSelected(ids);
        }}
        nothingFoundMessage={t('certifications:requests.noneCertified')}
        error={Object.entries(errors).find(([k]) => k.startsWith('employeeIds'))?.[1]}
        maxValues={20}
      />
      <Group>
        <Button
          onClick={save}
          disabled={!selected.length || !validDay}
          loading={action.isPending && action.variables?.kind === 'assign'}
        >
          {t('certifications:requests.assignAction')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Decline with a reason the requester reads in their e-mail. */
export function DeclineForm({ request: r }: { request: ClassRequestDetail }) {
  const { t } = useTranslation();
  const action = useClassRequestAction(r.id);
  const [reason, setReason] = useState('');
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('certifications:requests.decline')}
      </Title>
      <Textarea
        label={t('certifications:requests.declineReason')}
        description={t('certifications:requests.declineHelp')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
        error={action.variables?.kind === 'decline' ? fieldErrors(action.error).reason : undefined}
      />
      <Group>
        <Button
          color="red"
          variant="light"
          disabled={!reason.trim()}
          loading={action.isPending && action.variables?.kind === 'decline'}
          onClick={() =>
            action.mutate(
              { kind: 'decline', body: { reason: reason.trim() } },
              { onSuccess: () => notifySuccess(t('certifications:requests.declined')) },
            )
          }
        >
          {t('certifications:requests.declineAction')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The class was held: how many took part; it becomes a session of the program. */
export function CompleteForm({ request: r }: { request: ClassRequestDetail }) {
  const { t } = useTranslation();
  const action = useClassRequestAction(r.id);
  const [counts, setCounts] = useState<Record<string, number | string>>({ students: r.expectedParticipants });
  const [notes, setNotes] = useState('');
  const submit = () => {
    const body = Object.fromEntries(
      Object.entries(counts).flatMap(([k, v]) => (v === '' || v === undefined ? [] : [[k, Number(v)]])),
    );
    action.mutate(
      { kind: 'complete', body: { counts: body, notes: notes.trim() || undefined } },
      { onSuccess: () => notifySuccess(t('certifications:requests.completed')) },
    );
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('certifications:requests.complete')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('certifications:requests.completeHelp', { count: r.instructors.length })}
      </Text>
      <FormError error={action.variables?.kind === 'complete' ? action.error : null} />
      <SimpleGrid cols={{ base: 2, sm: 3 }}>
        {CLASS_COUNT_KINDS.map((k) => (
          <NumberInput
            key={k}
            label={t(`certifications:counts.${k}`)}
            min={0}
            allowDecimal={false}
            value={counts[k] ?? ''}
            onChange={(v) => setCounts((c) => ({ ...c, [k]: v }))}
          />
        ))}
      </SimpleGrid>
      <Textarea
        label={t('certifications:requests.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      <Group>
        <Button
          color="teal"
          onClick={submit}
          loading={action.isPending && action.variables?.kind === 'complete'}
        >
          {t('certifications:requests.completeAction')}
        </Button>
      </Group>
    </Stack>
  );
}
