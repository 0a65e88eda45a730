import { Drawer, Table, Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useItem } from '../../api/resources';
import { useCan } from '../../api/session';
import type { Employee, EmploymentStatus } from '../../api/types';
import { useFormat } from '../../i18n';
import { EmployeeForm } from './employee-form';
import { LoadError, PageLoader } from '../../components/feedback';

/** One employee in a side drawer: a form with people.manage, a read-only card otherwise. */
export function EmployeeDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canManage = useCan()('people.manage');
  const item = useItem<Employee>('employees', id);
  const title = id
    ? item.data
      ? `${item.data.employeeNumber} ${f.name(item.data)}`
      : t('employees.detail')
    : t('employees.create');
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="lg"
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {id && item.isPending ? (
        <PageLoader />
      ) : id && item.isError ? (
        <LoadError error={item.error} onRetry={() => item.refetch()} />
      ) : canManage ? (
        <EmployeeForm key={id ?? 'new'} employee={item.data ?? null} onDone={onClose} />
      ) : item.data ? (
        <EmployeeDetails employee={item.data} />
      ) : null}
    </Drawer>
  );
}

/** An employee record, read-only (also the profile's "my employee record"). */
export function EmployeeDetails({ employee: e }: { employee: Employee }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows: [string, React.ReactNode][] = [
    [t('fields.employeeNumber'), e.employeeNumber],
    [t('fields.personNameJa'), e.nameJa],
    [t('fields.nameKana'), e.nameKana],
    [t('fields.personNameEn'), e.nameEn],
    [t('fields.email'), e.email],
    [t('fields.company'), e.companyCode],
    [t('fields.site'), e.siteCode ?? ''],
    [t('fields.department'), e.departmentCode ?? ''],
    [t('fields.status'), <StatusBadge key="s" status={e.employmentStatus} />],
    [t('fields.hireDate'), f.date(e.hireDate)],
    [t('fields.leaveDate'), f.date(e.leaveDate)],
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={180}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

// Pale background, dark text: every pair keeps WCAG AA contrast (checked with axe-core).
const STYLE: Record<EmploymentStatus, { color: string; c: string; variant: 'light' | 'outline' }> = {
  active: { color: 'teal', c: 'dark.7', variant: 'light' },
  on_leave: { color: 'orange', c: 'dark.7', variant: 'light' },
  left: { color: 'gray.7', c: 'gray.8', variant: 'outline' },
};

/** Active, on leave or left, in words and colour. */
export function StatusBadge({ status }: { status: EmploymentStatus }) {
  const { t } = useTranslation();
  const s = STYLE[status];
  return (
    <Badge variant={s.variant} color={s.color} c={s.c}>
      {t(`employmentStatus.${status}`)}
    </Badge>
  );
}
