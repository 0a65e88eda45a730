import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconLock, IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/data-table';
import { RowActions } from '../../components/row-actions';
import { useFormat } from '../../i18n';
import { expenseText, quantityText, recipientText, useTerms } from './expense-format';
import { usesQuantity } from './expense-form-values';
import { attachmentUrl, type Expense, useDeleteExpense } from './expenses.api';

const SOURCE_COLORS = { app: 'gray', import: 'blue', ledger: 'grape' } as const;
/** A badge in a narrow column keeps its whole word (Mantine cuts it with an ellipsis). */
const WHOLE_LABEL = { label: { overflow: 'visible' } } as const;

/** The expenses of one page; `onEdit` (finance) adds edit and delete to the rows of open years. */
export function ExpensesTable({
  items,
  dimmed,
  onEdit,
}: {
  items: Expense[];
  dimmed?: boolean;
  onEdit?: (expense: Expense) => void;
}) {
  const { t } = useTranslation();
  return (
    <ScrollTable minWidth={1000} label={t('expenses:list.title')}>
      <Table striped highlightOnHover style={{ opacity: dimmed ? 0.6 : 1 }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('expenses:field.spentOn')}</Table.Th>
            <Table.Th>{t('expenses:field.company')}</Table.Th>
            <Table.Th>{t('expenses:field.description')}</Table.Th>
            <Table.Th>{t('expenses:field.type')}</Table.Th>
            <Table.Th>{t('expenses:scheme.keidanren_field')}</Table.Th>
            <Table.Th ta="right">{t('expenses:field.amountJpy')}</Table.Th>
            <Table.Th>{t('expenses:field.source')}</Table.Th>
            {onEdit && <Table.Th>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Row key={e.id} expense={e} onEdit={onEdit} />
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function Row({ expense: e, onEdit }: { expense: Expense; onEdit?: (expense: Expense) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const terms = useTerms(f);
  const remove = useDeleteExpense();
  const name = expenseText(e, f);
  const recipient = recipientText(e);
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.date(e.spentOn)}</Table.Td>
      <Table.Td ff="monospace">{e.companyCode}</Table.Td>
      <Table.Td maw={320}>
        <Stack gap={2}>
          <Text size="sm">{name}</Text>
          {(recipient || e.programCode) && (
            <Text size="xs" c="dimmed">
              {[recipient, e.programCode].filter(Boolean).join(' · ')}
            </Text>
          )}
          {e.attachments.length > 0 && (
            <Group gap={6}>
              {e.attachments.map((a) => (
                <Anchor key={a.id} href={attachmentUrl(a.id)} target="_blank" rel="noopener" size="xs">
                  <IconPaperclip size={12} aria-hidden /> {a.name}
                </Anchor>
              ))}
            </Group>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t(`expenses:type.${e.type}`)}</Text>
        <Text size="xs" c="dimmed">
          {usesQuantity(e.valuationBasis)
            ? t('expenses:list.quantityTimes', {
                quantity: quantityText(e.quantity, f),
                price: f.money(e.unitPriceMinor ?? 0, e.currency),
              })
            : t(`expenses:basis.${e.valuationBasis}`)}
        </Text>
      </Table.Td>
      <Table.Td>{terms.label('keidanren_field', e.keidanrenField)}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={e.amountJpy < 0 ? 'red.8' : undefined}>
          {f.money(e.amountJpy, 'JPY')}
        </Text>
        {e.currency !== 'JPY' && (
          <Text size="xs" c="dimmed">
            {f.money(e.amountMinor, e.currency)}
          </Text>
        )}
        {e.costJpy !== null && (
          <Text size="xs" c="dimmed">
            {t('expenses:list.cost', { cost: f.money(e.costJpy, 'JPY') })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Badge variant="light" color={SOURCE_COLORS[e.source]} c="dark.7" styles={WHOLE_LABEL}>
            {t(`expenses:source.${e.source}`)}
          </Badge>
          {e.restatementId && (
            <Badge variant="light" color="orange" c="dark.7" styles={WHOLE_LABEL}>
              {t('expenses:list.restated')}
            </Badge>
          )}
          {e.closed && (
            <Tooltip label={t('expenses:list.closed')}>
              <IconLock size={16} aria-label={t('expenses:list.closed')} />
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      {onEdit && (
        <Table.Td>
          {!e.closed && (
            <RowActions
              name={name}
              onEdit={() => onEdit(e)}
              onDelete={e.source === 'ledger' ? undefined : () => remove.mutateAsync(e.id)}
              deleteTitle={t('expenses:delete.title')}
              deleteMessage={t('expenses:delete.message', { name })}
              deleting={remove.isPending}
            />
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
