import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useSave } from '../../api/resources';
import { EMPLOYMENT_STATUSES, type Employee, type EmploymentStatus } from '../../api/types';
import { CompanySelect, DepartmentSelect, SiteSelect } from '../../components/org-selects';
import { FormError, notifySuccess } from '../../components/feedback';

type Values = {
  employeeNumber: string;
  nameJa: string;
  nameEn: string;
  nameKana: string;
  email: string;
  companyId: string | null;
  siteId: string | null;
  departmentId: string | null;
  employmentStatus: EmploymentStatus;
  hireDate: string;
  leaveDate: string;
};

const fromEmployee = (e: Employee | null): Values => ({
  employeeNumber: e?.employeeNumber ?? '',
  nameJa: e?.nameJa ?? '',
  nameEn: e?.nameEn ?? '',
  nameKana: e?.nameKana ?? '',
  email: e?.email ?? '',
  companyId: e?.companyId ?? null,
  siteId: e?.siteId ?? null,
  departmentId: e?.departmentId ?? null,
  employmentStatus: e?.employmentStatus ?? 'active',
  hireDate: e?.hireDate ?? '',
  leaveDate: e?.leaveDate ?? '',
});

/** Create or edit an employee; the server's field messages (duplicate number, dates) show inline. */
export function EmployeeForm({ employee, onDone }: { employee: Employee | null; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSave<Employee>('employees');
  const required = (v: string | null) => (v?.trim() ? null : t('form.required'));
  const form = useForm<Values>({
    initialValues: fromEmployee(employee),
    validate: {
      employeeNumber: required,
      nameJa: required,
      nameEn: required,
      nameKana: required,
      email: (v) => (/^[^@\s]+@[^@\s]+$/.test(v.trim()) ? null : t('form.emailInvalid')),
      companyId: required,
      hireDate: required,
      leaveDate: (v, all) =>
        all.employmentStatus === 'left' && !v
          ? t('employees.leaveDateRequired')
          : v && all.hireDate && v < all.hireDate
            ? t('employees.leaveBeforeHire')
            : null,
    },
  });
  const submit = form.onSubmit((v) => {
    const body = {
      ...v,
      employeeNumber: v.employeeNumber.trim(),
      email: v.email.trim(),
      leaveDate: v.leaveDate || null,
    };
    save.mutate(
      { id: employee?.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('common.savedNamed', { name: body.employeeNumber }));
          onDone();
        },
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.employeeNumber')} required {...form.getInputProps('employeeNumber')} />
          <TextInput label={t('fields.email')} type="email" required {...form.getInputProps('email')} />
          <TextInput label={t('fields.personNameJa')} required {...form.getInputProps('nameJa')} />
          <TextInput label={t('fields.nameKana')} required {...form.getInputProps('nameKana')} />
          <TextInput label={t('fields.personNameEn')} required {...form.getInputProps('nameEn')} />
          <CompanySelect
            label={t('fields.company')}
            required
            {...form.getInputProps('companyId')}
            onChange={(v) => form.setValues({ companyId: v, siteId: null, departmentId: null })}
          />
          <SiteSelect
            label={t('fields.site')}
            companyId={form.values.companyId}
            clearable
            disabled={!form.values.companyId}
            {...form.getInputProps('siteId')}
          />
          <DepartmentSelect
            label={t('fields.department')}
            companyId={form.values.companyId}
            clearable
            {...form.getInputProps('departmentId')}
          />
          <Select
            label={t('fields.status')}
            data={EMPLOYMENT_STATUSES.map((s) => ({ value: s, label: t(`employmentStatus.${s}`) }))}
            allowDeselect={false}
            {...form.getInputProps('employmentStatus')}
          />
          <div />
          <TextInput label={t('fields.hireDate')} type="date" required {...form.getInputProps('hireDate')} />
          <TextInput label={t('fields.leaveDate')} type="date" {...form.getInputProps('leaveDate')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
