import { Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title, Typography } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { useFormat } from '../../i18n';
import { ProgramFiguresSection } from './program-figures';
import { ProgramPartnersSection } from './program-partners';
import { inLocale, type Program, programName } from './programs.api';

/** The program's name, owning company and years above its tabs, with the edit action. */
export function ProgramHeader({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <PageHeader
      title={programName(f.locale, p)}
      description={t('programs:detail.runBy', {
        code: p.code,
        company: f.locale === 'ja' ? p.companyNameJa : p.companyNameEn,
        since: p.startYear,
      })}
      actions={
        p.canManage && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            renderRoot={(props) => <Link to="/programs/$id/edit" params={{ id: p.id }} {...props} />}
          >
            {t('programs:action.edit')}
          </Button>
        )
      }
    />
  );
}

/** The overview tab: description, classifications, partners and the figures per fiscal year. */
export function ProgramOverview({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const f = useFormat();
  const description = inLocale(f.locale, p.descriptionJa, p.descriptionEn);
  return (
    <Stack gap="lg">
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="program-description" h="100%">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="program-description">
                {t('programs:detail.description')}
              </Title>
              <Group gap={6}>
                <Badge variant="light">{t(`programs:status.${p.status}`)}</Badge>
                <Badge variant="outline" color="gray.7" c="dark.7">
                  {t(`programs:framework.${p.framework}`)}
                </Badge>
              </Group>
            </Group>
            <Typography>
              <Text style={{ whiteSpace: 'pre-wrap' }}>
                {description || t('programs:detail.noDescription')}
              </Text>
            </Typography>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <ClassificationsCard program={p} />
        </Grid.Col>
      </Grid>
      <ProgramPartnersSection program={p} />
      <ProgramFiguresSection program={p} />
    </Stack>
  );
}

function ClassificationsCard({ program: p }: { program: Program }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = (scheme: string) => p.classifications.find((c) => c.scheme === scheme);
  const rows = (
    ['company_field', 'vision_layer', 'keidanren_field', 'b4si_cause', 'b4si_motivation'] as const
  ).map((scheme) => {
    const term = label(scheme);
    return (
      <Table.Tr key={scheme}>
        <Table.Th scope="row" fw={500} w="45%">
          {t(`programs:scheme.${scheme}`)}
        </Table.Th>
        <Table.Td>{term ? inLocale(f.locale, term.labelJa, term.labelEn) : '—'}</Table.Td>
      </Table.Tr>
    );
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="program-classifications" h="100%">
      <Title order={2} size="h4" id="program-classifications" mb="sm">
        {t('programs:detail.classifications')}
      </Title>
      <Table>
        <Table.Tbody>
          {rows}
          <Table.Tr>
            <Table.Th scope="row" fw={500}>
              {t('programs:field.sdgs')}
            </Table.Th>
            <Table.Td>
              {p.sdgs.length === 0 ? (
                '—'
              ) : (
                <Group gap={4}>
                  {p.sdgs.map((n) => (
                    <Badge
                      key={n}
                      variant="light"
                      color="teal"
                      c="teal.9"
                      aria-label={t('programs:sdgNamed', { n })}
                    >
                      {n}
                    </Badge>
                  ))}
                </Group>
              )}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
