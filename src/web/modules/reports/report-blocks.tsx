import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { programName, usePrograms } from '../programs/programs.api';
import { BlockForm } from './block-form';
import { REPORT_SECTIONS, type ReportBlock, type ReportSection, useBlocks } from './reports.api';

/**
 * The report's texts, section by section in the report's order. Each block is written in Japanese and
 * English side by side; a program's highlight names the program whose figures the report pulls in.
 */
export function ReportBlocks({
  fy,
  canManage,
  published,
}: {
  fy: number;
  canManage: boolean;
  published: boolean;
}) {
  const { t } = useTranslation();
  const blocks = useBlocks(fy);
  const f = useFormat();
  const programs = usePrograms({ size: 200, sort: 'code' });
  const programOptions = (programs.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.code} ${programName(f.locale, p)}`,
  }));
  return (
    <Stack gap="md" component="section" aria-labelledby="report-blocks">
      <div>
        <Title order={2} size="h3" id="report-blocks">
          {t('reports:blocks.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {published ? t('reports:blocks.helpPublished') : t('reports:blocks.help')}
        </Text>
      </div>
      <QueryState query={blocks}>
        {(items) => (
          <>
            {REPORT_SECTIONS.map((section) => (
              <Section
                key={section}
                fy={fy}
                section={section}
                blocks={items.filter((b) => b.section === section).sort((a, b) => a.position - b.position)}
                canManage={canManage}
                programOptions={programOptions}
              />
            ))}
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function Section({
  fy,
  section,
  blocks,
  canManage,
  programOptions,
}: {
  fy: number;
  section: ReportSection;
  blocks: ReportBlock[];
  canManage: boolean;
  programOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [adding, setAdding] = useState(false);
  const name = t(`reports:section.${section}`);
  const nextPosition = blocks.reduce((max, b) => Math.max(max, b.position + 1), 0);
  return (
    <Paper withBorder p="md" component="section" aria-label={name}>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Title order={3} size="h4">
            {name}
          </Title>
          <Badge variant="light" color="gray" c="dark.7">
            {t('reports:blocks.count', { n: f.number(blocks.length) })}
          </Badge>
        </Group>
        {canManage && !adding && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('reports:blocks.add', { section: name })}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t(`reports:sectionHelp.${section}`)}
      </Text>
      <Stack gap="md">
        {blocks.length === 0 && !adding && (
          <Text size="sm" c="dimmed" fs="italic">
            {t('reports:blocks.empty')}
          </Text>
        )}
        {blocks.map((b, i) => (
          <BlockForm
            key={b.id}
            fy={fy}
            block={b}
            section={section}
            index={i + 1}
            count={blocks.length}
            canManage={canManage}
            programOptions={programOptions}
          />
        ))}
        {adding && (
          <BlockForm
            fy={fy}
            section={section}
            index={blocks.length + 1}
            position={nextPosition}
            canManage={canManage}
            programOptions={programOptions}
            onDone={() => setAdding(false)}
          />
        )}
      </Stack>
    </Paper>
  );
}
