import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Json = Record<string, unknown>;

const asObject = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 1));

/**
 * The fields a change touched: before and after side by side, changed fields first and marked.
 * Records that are not objects (or only one side) fall back to showing what there is.
 */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const a = asObject(before);
  const b = asObject(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  if (keys.length === 0) return <Text size="sm">{t('audit.noDetails')}</Text>;
  const changed = (k: string) => show(a[k]) !== show(b[k]);
  keys.sort((x, y) => Number(changed(y)) - Number(changed(x)) || x.localeCompare(y));
  return (
    <Table withTableBorder withColumnBorders fz="xs" layout="fixed">
      <Table.Caption>{t('audit.diffCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="22%">{t('audit.field')}</Table.Th>
          <Table.Th>{t('audit.before')}</Table.Th>
          <Table.Th>{t('audit.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {keys.map((k) => (
          <Table.Tr key={k} bg={changed(k) ? 'yellow.0' : undefined}>
            <Table.Td>
              <Code>{k}</Code>{' '}
              {changed(k) && (
                <Badge size="xs" color="indigo.9" variant="outline">
                  {t('audit.changed')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{show(a[k])}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>{show(b[k])}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
