import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Spin, Switch, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { LANGUAGES } from '../i18n/language.ts';
import { fieldLabel } from '../shell/problem-reason.ts';
import { failedAs } from './notice-problem.ts';
import {
  fetchNoticeSettings,
  noticeKeys,
  saveNoticeSettings,
  type NoticeSettings,
  type NoticeSettingsInput,
  type Recipient,
} from './notices-api.ts';

interface Fields {
  email: string;
  phone: string;
  emailEnabled: boolean;
  smsEnabled: boolean;
  language: NoticeSettings['language'];
  monthlyDetails: boolean;
}

const FIELDS = ['email', 'phone', 'emailEnabled', 'smsEnabled', 'language', 'monthlyDetails'] as const;

/**
 * The channels and language a person or an employer is told on (docs/RULES.md 17.2): an e-mail address and
 * a mainland mobile number, which of them to use, the language of e-mails and texts; for an employer also
 * whether Shebao tells its staff their monthly details (SIL Art. 60). The server checks the formats: the
 * fields it names are marked with the reason in the reader's language.
 */
export function NoticeSettingsCard({ recipient, headingId }: { recipient: Recipient; headingId: string }) {
  const { t } = useTranslation();
  const settings = useQuery({
    queryKey: noticeKeys.settings(recipient),
    queryFn: () => fetchNoticeSettings(recipient),
  });
  return (
    <section aria-labelledby={headingId} className="notice-settings">
      <Typography.Title level={2} id={headingId} className="section-title">
        {t('noticePages.settings.title')}
      </Typography.Title>
      {settings.isPending ? (
        <div className="notice-loading" role="status">
          <Spin size="small" /> {t('noticePages.common.loading')}
        </div>
      ) : settings.isError ? (
        <ProblemAlert
          error={settings.error}
          describe={failedAs(t('noticePages.common.loadFailed'))}
          action={<Button onClick={() => void settings.refetch()}>{t('noticePages.common.retry')}</Button>}
        />
      ) : (
        <SettingsForm recipient={recipient} settings={settings.data} />
      )}
    </section>
  );
}

function SettingsForm({ recipient, settings }: { recipient: Recipient; settings: NoticeSettings }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const queryClient = useQueryClient();
  const employer = recipient.kind === 'employer';
  const save = useMutation({
    mutationFn: (fields: Fields) => saveNoticeSettings(recipient, bodyOf(fields, employer)),
    onSuccess: (saved) => queryClient.setQueryData(noticeKeys.settings(recipient), saved),
    onError: (error) => markFields(form, t, error),
  });
  const unmarked = save.isError && !namesKnownField(save.error);
  return (
    <Card>
      <Typography.Paragraph>{t('noticePages.settings.intro')}</Typography.Paragraph>
      {!settings.saved && (
        <Typography.Paragraph type="secondary" className="notice-not-saved">
          {t('noticePages.settings.notSaved')}
        </Typography.Paragraph>
      )}
      <Form<Fields>
        form={form}
        name={`${recipient.kind}-notice-settings`}
        layout="vertical"
        className="notice-settings-form"
        initialValues={{
          email: settings.email ?? '',
          phone: settings.phone ?? '',
          emailEnabled: settings.emailEnabled,
          smsEnabled: settings.smsEnabled,
          language: settings.language,
          monthlyDetails: settings.monthlyDetails,
        }}
        onValuesChange={() => save.isSuccess && save.reset()}
        onFinish={(fields) => save.mutate(fields)}
      >
        {employer && (
          <div className="notice-monthly">
            <Typography.Title level={3} className="notice-monthly-title">
              {t('noticePages.monthly.title')}
            </Typography.Title>
            <Typography.Paragraph>{t('noticePages.monthly.text')}</Typography.Paragraph>
            <Form.Item name="monthlyDetails" valuePropName="checked" label={t('noticePages.monthly.label')}>
              <Switch />
            </Form.Item>
          </div>
        )}
        <Form.Item
          name="email"
          label={t('noticePages.settings.email')}
          dependencies={['emailEnabled']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string) =>
                getFieldValue('emailEnabled') && !value?.trim()
                  ? Promise.reject(new Error(t('noticePages.settings.emailRequired')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input type="email" autoComplete="email" maxLength={254} inputMode="email" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('noticePages.settings.phone')}
          dependencies={['smsEnabled']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string) =>
                getFieldValue('smsEnabled') && !value?.trim()
                  ? Promise.reject(new Error(t('noticePages.settings.phoneRequired')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input type="tel" autoComplete="tel-national" maxLength={11} inputMode="numeric" />
        </Form.Item>
        <Form.Item label={t('noticePages.settings.channels')} className="notice-channels">
          <Form.Item name="emailEnabled" valuePropName="checked" noStyle>
            <Checkbox>{t('noticePages.settings.emailEnabled')}</Checkbox>
          </Form.Item>
          <Form.Item name="smsEnabled" valuePropName="checked" noStyle>
            <Checkbox>{t('noticePages.settings.smsEnabled')}</Checkbox>
          </Form.Item>
        </Form.Item>
        <Form.Item name="language" label={t('noticePages.settings.language')}>
          <Radio.Group
            options={LANGUAGES.map((language) => ({
              value: language,
              label: t(`noticePages.settings.languages.${language}`),
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('noticePages.settings.save')}
        </Button>
      </Form>
      <div role="status" className="notice-saved">
        {save.isSuccess && <Alert type="success" showIcon title={t('noticePages.settings.saved')} />}
      </div>
      {unmarked && <ProblemAlert error={save.error} describe={failedAs(t('noticePages.common.failed'))} />}
    </Card>
  );
}

/** The request body: empty addresses as null; the monthly details only where an employer chooses them. */
function bodyOf(fields: Fields, employer: boolean): NoticeSettingsInput {
  return {
    email: fields.email?.trim() || null,
    phone: fields.phone?.trim() || null,
    emailEnabled: fields.emailEnabled,
    smsEnabled: fields.smsEnabled,
    language: fields.language,
    ...(employer ? { monthlyDetails: fields.monthlyDetails } : {}),
  };
}

/** The fields a 400 names, by their last part ("body.email" -> "email"), among this form's. */
function fieldsNamed(error: unknown): (typeof FIELDS)[number][] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  const named = [error.problem?.field, ...(error.problem?.errors ?? []).map((it) => it.field ?? it.path)];
  const names = named
    .filter((it): it is string => typeof it === 'string')
    .map((field) => field.split(/[./]/).at(-1)!)
    .filter((field): field is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(field));
  return [...new Set(names)];
}

const namesKnownField = (error: unknown) => fieldsNamed(error).length > 0;

/** Marks each field the server refused with why, in the reader's language. */
function markFields(form: FormInstance<Fields>, t: TFunction, error: unknown): void {
  form.setFields(
    fieldsNamed(error).map((name) => {
      const empty = !String(form.getFieldValue(name) ?? '').trim();
      const reason =
        name === 'email'
          ? t(empty ? 'noticePages.settings.emailRequired' : 'noticePages.settings.emailInvalid')
          : name === 'phone'
            ? t(empty ? 'noticePages.settings.phoneRequired' : 'noticePages.settings.phoneInvalid')
            : t('noticePages.settings.invalid', { field: fieldLabel(i18next, name) });
      return { name, errors: [reason] };
    }),
  );
}
