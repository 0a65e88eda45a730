import { Alert, Anchor, Badge, Group, List, Paper, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/feedback';
import { useFormat } from '../../i18n';
import { type MissingTranslation, pickText, useMissingTranslations } from './reports.api';

const FIELDS = ['title', 'body', 'text', 'name', 'progress', 'achievements', 'issues', 'reason'];

/** Where the text is written: a block on this page, anything else on its own screen. */
function fixHref(m: MissingTranslation): string | null {
  if (m.kind === 'block') return `#block-${m.id}`;
  return m.fixPath ?? null;
}

/**
 * Every text the report shows that exists in one language only. A public report never falls back to
 * the other language, so each of these blocks publishing until it is written.
 */
export function MissingTranslations({ fy }: { fy: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const missing = useMissingTranslations(fy);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-missing">
      <Group gap="xs" mb="sm">
        <IconLanguage size={20} aria-hidden />
        <Title order={2} size="h4" id="report-missing">
          {t('reports:missing.title')}
        </Title>
        {missing.data && missing.data.length > 0 && (
          <Badge color="orange" variant="light" c="dark.7">
            {f.number(missing.data.length)}
          </Badge>
        )}
      </Group>
      {missing.isError ? (
        <LoadError error={missing.error} onRetry={() => missing.refetch()} />
      ) : missing.data && missing.data.length === 0 ? (
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />}>
          {t('reports:missing.none')}
        </Alert>
      ) : missing.data ? (
        <List spacing="xs" aria-label={t('reports:missing.title')}>
          {missing.data.map((m) => {
            const href = fixHref(m);
            const what = FIELDS.includes(m.field)
              ? `${t(`reports:kind.${m.kind}`)}: ${t(`reports:field.${m.field}`)}`
              : t(`reports:kind.${m.kind}`);
            const text = pickText(f.locale, m.textJa, m.textEn);
            return (
              <List.Item key={`${m.kind}:${m.id}:${m.field}`}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {what}
                  </Text>
                  {text && (
                    <Text size="sm" lineClamp={1} maw={420}>
                      {text}
                    </Text>
                  )}
                  {m.missing.map((lang) => (
                    <Badge key={lang} color="orange" variant="outline" c="dark.7">
                      {t('reports:missing.lacks', { lang: t(`reports:lang.${lang}`) })}
                    </Badge>
                  ))}
                  {href && (
                    <Anchor size="sm" href={href}>
                      {t('reports:missing.fix')}
                    </Anchor>
                  )}
                </Group>
              </List.Item>
            );
          })}
        </List>
      ) : (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      )}
    </Paper>
  );
}
