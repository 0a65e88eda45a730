import {
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/client';
import { useMe } from '../../api/session';
import { FormError, LoadError, notifySuccess, PageLoader } from '../../components/feedback';
import { CompanySelect } from '../../components/org-selects';
import { useFormat } from '../../i18n';
import { useOrganisation } from '../organisations/organisations.api';
import { bodyOf, formPath, type Values, validation, valuesOf } from './campaign-form-values';
import {
  CAMPAIGN_KINDS,
  type Campaign,
  campaignTitle,
  FUND_TYPES,
  managedCompanies,
  partnerName,
  useRecipients,
  useSaveCampaign,
} from './campaigns.api';

/** Create (campaign null) or edit a campaign in a modal. */
export function CampaignForm({ campaign, onClose }: { campaign: Campaign | null; onClose: () => void }) {
  const { t } = useTranslation();
  const org = useOrganisation();
  const recipients = useRecipients();
  const title = campaign ? t('campaigns:form.editTitle') : t('campaigns:form.createTitle');
  const error = org.error ?? recipients.error;
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {org.isPending || recipients.isPending ? (
        <PageLoader />
      ) : error ? (
        <LoadError error={error} />
      ) : (
        <FormBody
          campaign={campaign}
          defaultLang={org.data?.defaultLocale ?? 'ja'}
          recipients={recipients.data ?? []}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function FormBody({
  campaign,
  defaultLang,
  recipients,
  onClose,
}: {
  campaign: Campaign | null;
  defaultLang: 'ja' | 'en';
  recipients: { id: string; code: string; nameJa: string | null; nameEn: string | null }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const me = useMe();
  const save = useSaveCampaign();
  const only = managedCompanies(me.roles);
  const form = useForm<Values>({
    initialValues: valuesOf(campaign, only?.length === 1 ? only[0] : null),
    validate: validation(t, defaultLang),
  });
  const v = form.values;
  const partnerOptions = [
    ...recipients.map((r) => ({ value: r.id, label: `${partnerName(f.locale, r)} (${r.code})` })),
    ...(campaign?.beneficiaries ?? [])
      .filter((b) => !recipients.some((r) => r.id === b.partnerId))
      .map((b) => ({
        value: b.partnerId,
        label: `${partnerName(f.locale, b)} (${b.code}) — ${t('campaigns:facts.notReceiving')}`,
      })),
  ];
  const submit = form.onSubmit((values) =>
    save.mutate(
      { id: campaign?.id, body: bodyOf(values) },
      {
        onSuccess: (saved) => {
          const name = campaignTitle(f.locale, saved);
          notifySuccess(
            campaign
              ? t('campaigns:form.saved', { title: name })
              : t('campaigns:form.created', { title: name }),
          );
          onClose();
        },
        onError: (error) => {
          const errors = fieldErrors(error);
          form.setErrors(Object.fromEntries(Object.entries(errors).map(([k, m]) => [formPath(k), m])));
        },
      },
    ),
  );
  const lang = t(`campaigns:language.${defaultLang}`);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError error={save.error} />
        <Text size="sm" c="dimmed">
          {t('campaigns:form.defaultLanguage', { language: lang })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CompanySelect
            label={t('campaigns:form.company')}
            description={t('campaigns:form.companyHelp')}
            only={only}
            required
            allowDeselect={false}
            disabled={!!campaign && campaign.status !== 'draft'}
            {...form.getInputProps('companyId')}
          />
          <TextInput
            label={t('campaigns:form.code')}
            description={t('campaigns:form.codeHelp')}
            required
            {...form.getInputProps('code')}
          />
          <Select
            label={t('campaigns:form.kind')}
            allowDeselect={false}
            data={CAMPAIGN_KINDS.map((k) => ({ value: k, label: t(`campaigns:kind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('campaigns:form.fundType')}
            description={t(`campaigns:fundTypeHelp.${v.fundType}`)}
            allowDeselect={false}
            data={FUND_TYPES.map((k) => ({ value: k, label: t(`campaigns:fundType.${k}`) }))}
            {...form.getInputProps('fundType')}
          />
          <TextInput
            label={t('campaigns:form.titleJa')}
            lang="ja"
            required={defaultLang === 'ja'}
            {...form.getInputProps('titleJa')}
          />
          <TextInput
            label={t('campaigns:form.titleEn')}
            lang="en"
            required={defaultLang === 'en'}
            {...form.getInputProps('titleEn')}
          />
          <Textarea
            label={t('campaigns:form.storyJa')}
            lang="ja"
            required={defaultLang === 'ja'}
            autosize
            minRows={4}
            {...form.getInputProps('storyJa')}
          />
          <Textarea
            label={t('campaigns:form.storyEn')}
            lang="en"
            required={defaultLang === 'en'}
            autosize
            minRows={4}
            {...form.getInputProps('storyEn')}
          />
          <TextInput
            type="date"
            label={t('campaigns:form.startsOn')}
            required
            {...form.getInputProps('startsOn')}
          />
          <TextInput
            type="date"
            label={t('campaigns:form.endsOn')}
            required
            {...form.getInputProps('endsOn')}
          />
          <NumberInput
            label={t('campaigns:form.goalJpy')}
            description={t('campaigns:form.goalHelp')}
            min={1}
            thousandSeparator=","
            prefix="¥"
            {...form.getInputProps('goalJpy')}
          />
          <MultiSelect
            label={t('campaigns:form.beneficiaries')}
            description={t('campaigns:form.beneficiariesHelp')}
            data={partnerOptions}
            searchable
            nothingFoundMessage={t('campaigns:form.noRecipients')}
            {...form.getInputProps('partnerIds')}
          />
          <Switch
            label={t('campaigns:form.acceptsPoints')}
            {...form.getInputProps('acceptsPoints', { type: 'checkbox' })}
          />
          <Switch
            label={t('campaigns:form.acceptsMoney')}
            {...form.getInputProps('acceptsMoney', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Switch
          label={t('campaigns:form.matching')}
          description={t('campaigns:form.matchingHelp')}
          {...form.getInputProps('matching', { type: 'checkbox' })}
        />
        {v.matching && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('campaigns:form.matchRatioPercent')}
              required
              min={1}
              max={1000}
              suffix="%"
              {...form.getInputProps('matchRatioPercent')}
            />
            <NumberInput
              label={t('campaigns:form.matchCapPerEmployeeJpy')}
              description={t('campaigns:form.noCapHelp')}
              min={1}
              thousandSeparator=","
              prefix="¥"
              {...form.getInputProps('matchCapPerEmployeeJpy')}
            />
            <NumberInput
              label={t('campaigns:form.matchCapPerCampaignJpy')}
              description={t('campaigns:form.noCapHelp')}
              min={1}
              thousandSeparator=","
              prefix="¥"
              {...form.getInputProps('matchCapPerCampaignJpy')}
            />
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
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
