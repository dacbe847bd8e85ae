import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { MonthField } from '../shell/date-field.tsx';
import { DOCUMENT_KIND_OPTIONS, DocumentsTable, documentKindLabel, failedAs } from './application-parts.tsx';
import {
  attachDocument,
  benefitKeys,
  fetchApplication,
  filePension,
  type Application,
  type PensionFacts,
} from './benefits-api.ts';

interface ClaimValues {
  payeeKind: 'bank' | 'card';
  account: string;
  retirementGroup?: 'female-55' | 'female-50';
  chosenMonth?: string;
  deemedMonthsClaimed?: number | null;
  note?: string;
}

/**
 * The pension claim's form, for the person or for staff at the counter: where it is paid, the original
 * retirement age (women only), an earlier or later start month chosen in writing, the deemed months
 * claimed. The server checks the rest (the notice a chosen month needs, one open claim at a time) and its
 * refusal is shown translated.
 */
export function PensionClaimForm({
  personId,
  sex,
  onFiled,
}: {
  personId: number;
  sex: 'male' | 'female' | undefined;
  onFiled: (application: Application) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const file = useMutation({
    mutationFn: (values: ClaimValues) => {
      const facts: PensionFacts = {
        payee: { kind: values.payeeKind, account: values.account.trim() },
        ...(sex === 'female' && values.retirementGroup ? { retirementGroup: values.retirementGroup } : {}),
        ...(sex === 'male' ? { retirementGroup: 'male' as const } : {}),
        ...(values.chosenMonth ? { chosenMonth: values.chosenMonth } : {}),
        ...(values.deemedMonthsClaimed ? { deemedMonthsClaimed: values.deemedMonthsClaimed } : {}),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      };
      return filePension(personId, facts);
    },
    onSuccess: (application) => {
      void queryClient.invalidateQueries({ queryKey: benefitKeys.all });
      onFiled(application);
    },
  });
  return (
    <Form<ClaimValues>
      layout="vertical"
      name="pension-claim"
      className="benefit-form"
      initialValues={{ payeeKind: 'card' }}
      onFinish={(values) => file.mutate(values)}
      style={{ maxWidth: '36rem' }}
    >
      <Form.Item name="payeeKind" label={t('benefitPages.form.payeeKind')}>
        <Radio.Group
          options={(['card', 'bank'] as const).map((kind) => ({
            value: kind,
            label: t(`benefitPages.facts.payeeKinds.${kind}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="account"
        label={t('benefitPages.form.account')}
        extra={t('benefitPages.form.accountHelp')}
        rules={[
          { required: true, pattern: /^\s*\d{12,30}\s*$/, message: t('benefitPages.form.accountInvalid') },
        ]}
      >
        <Input inputMode="numeric" autoComplete="off" maxLength={30} />
      </Form.Item>
      {sex === 'female' && (
        <Form.Item
          name="retirementGroup"
          label={t('benefitPages.form.retirementGroup')}
          rules={[{ required: true, message: t('benefitPages.form.groupRequired') }]}
        >
          <Radio.Group
            options={(['female-55', 'female-50'] as const).map((group) => ({
              value: group,
              label: t(`benefitPages.facts.groups.${group}`),
            }))}
          />
        </Form.Item>
      )}
      <Form.Item
        name="chosenMonth"
        label={t('benefitPages.form.chosenMonth')}
        extra={t('benefitPages.form.chosenMonthHelp')}
      >
        <MonthField block />
      </Form.Item>
      <Form.Item
        name="deemedMonthsClaimed"
        label={t('benefitPages.form.deemedMonths')}
        extra={t('benefitPages.form.deemedMonthsHelp')}
      >
        <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('benefitPages.form.note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <div aria-live="polite">
        {file.isError && (
          <ProblemAlert
            className="benefit-section"
            error={file.error}
            describe={failedAs(t('benefitPages.form.failed'))}
          />
        )}
      </div>
      <Button type="primary" htmlType="submit" loading={file.isPending} className="benefit-section">
        {t('benefitPages.form.submit')}
      </Button>
    </Form>
  );
}

const ACCEPTED = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** Attaches files to an open application, one at a time, each of a kind; the server checks each file's bytes. */
export function DocumentUpload({
  application,
  onUploaded,
}: {
  application: Application;
  onUploaded?: (application: Application) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fileId = useId();
  const kindId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState(application.kind === 'pension' ? 'identity' : 'evidence');
  const [missing, setMissing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => attachDocument(application.id, file, kind),
    onSuccess: (updated, file) => {
      setDone(file.name);
      if (input.current) input.current.value = '';
      queryClient.setQueryData(benefitKeys.application(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: benefitKeys.all });
      onUploaded?.(updated);
    },
  });
  const send = () => {
    const file = input.current?.files?.[0];
    setDone(null);
    setMissing(!file);
    if (file) upload.mutate(file);
  };
  return (
    <div className="benefit-upload">
      <Typography.Paragraph type="secondary">{t('benefitPages.documents.uploadHint')}</Typography.Paragraph>
      <Space wrap align="end">
        <div className="benefit-toolbar-field">
          <label htmlFor={kindId}>{t('benefitPages.documents.kind')}</label>
          <Select
            id={kindId}
            value={kind}
            onChange={setKind}
            style={{ minWidth: '14rem' }}
            options={DOCUMENT_KIND_OPTIONS.map((option) => ({
              value: option,
              label: documentKindLabel(t, option),
            }))}
          />
        </div>
        <div className="benefit-toolbar-field">
          <label htmlFor={fileId}>{t('benefitPages.documents.chooseFile')}</label>
          <input id={fileId} ref={input} type="file" accept={ACCEPTED} className="benefit-file-input" />
        </div>
        <Button icon={<UploadOutlined aria-hidden />} loading={upload.isPending} onClick={send}>
          {t('benefitPages.documents.upload')}
        </Button>
      </Space>
      <div aria-live="polite" className="benefit-upload-outcome">
        {missing && <Typography.Text type="danger">{t('benefitPages.documents.noFile')}</Typography.Text>}
        {done && (
          <Typography.Text type="success" role="status">
            {t('benefitPages.documents.uploaded', { name: done })}
          </Typography.Text>
        )}
        {upload.isError && (
          <ProblemAlert error={upload.error} describe={failedAs(t('benefitPages.documents.uploadFailed'))} />
        )}
      </div>
    </div>
  );
}

/**
 * A claim just filed, by the person or at the counter: the number it got, its documents to attach and
 * those attached, and where to go next.
 */
export function FiledClaim({ filed, next }: { filed: Application; next: ReactNode }) {
  const { t } = useTranslation();
  const current = useQuery({
    queryKey: benefitKeys.application(filed.id),
    queryFn: () => fetchApplication(filed.id),
    initialData: filed,
  });
  return (
    <>
      <Alert
        type="success"
        showIcon
        role="status"
        title={t('benefitPages.person.apply.done', { no: filed.applicationNo })}
      />
      <Typography.Title level={2} className="section-title">
        {t('benefitPages.documents.uploadTitle')}
      </Typography.Title>
      <DocumentUpload application={current.data} />
      <DocumentsTable application={current.data} />
      <Typography.Paragraph className="benefit-section">{next}</Typography.Paragraph>
    </>
  );
}
