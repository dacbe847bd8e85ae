import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useId, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import { fetchRegionArrears, importStatement, type ImportSummary } from './money-api.ts';
import { failedAs } from './problem-text.ts';
import { buildSampleStatement } from './sample-statement.ts';
import { chinaToday } from '../../shell/agency-clock.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';

const B = 'staffMoneyPages.bank' as const;
/** The server's limit for one statement. */
const MAX_BYTES = 20_000_000;
/** The sample pays at most this much of the employer's arrears, so trying it leaves some behind. */
const SAMPLE_AMOUNT_MAX_FEN = 100_000;

/** Choosing a statement file and importing it; the result goes to `onImported`. */
export function StatementImport({
  regionCode,
  onImported,
}: {
  regionCode: string;
  onImported: (summary: ImportSummary) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) =>
      importStatement(chosen.name, await chosen.text(), newIdempotencyKey()),
    onSuccess: (summary) => {
      onImported(summary);
      void queryClient.invalidateQueries({ queryKey: ['staff-money'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setFileError(t(`${B}.fileRequired`));
    if (file.size > MAX_BYTES) return setFileError(t(`${B}.fileTooLarge`));
    setFileError(null);
    upload.mutate(file);
  };
  return (
    <>
      <Typography.Paragraph>
        {/* The column names are literals the file must carry: shown as code. */}
        <Trans i18nKey={`${B}.format`} components={{ code: <code /> }} />
      </Typography.Paragraph>
      <SampleDownload regionCode={regionCode} />
      <form onSubmit={submit} className="money-form" noValidate>
        <div className="money-field">
          <label htmlFor={inputId}>{t(`${B}.file`)}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`${inputId}-help${fileError ? ` ${inputId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setFileError(null);
            }}
          />
          <div id={`${inputId}-help`} className="money-field-help">
            {t(`${B}.fileHelp`)}
          </div>
          {fileError && (
            <div id={`${inputId}-error`} className="money-field-error" role="alert">
              {fileError}
            </div>
          )}
        </div>
        <Button type="primary" htmlType="submit" loading={upload.isPending}>
          {upload.isPending ? t(`${B}.submitting`) : t(`${B}.submit`)}
        </Button>
      </form>
      {upload.isError && (
        <ProblemAlert className="money-result" error={upload.error} describe={failedAs(t(`${B}.failed`))} />
      )}
    </>
  );
}

/** A sample statement built from the region's own data: one employer in arrears, one unknown company. */
function SampleDownload({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  const today = chinaToday();
  const arrears = useQuery({
    queryKey: ['staff-money', 'arrears', regionCode, today, 'sample'],
    queryFn: () => fetchRegionArrears(regionCode, today, undefined, 50),
    enabled: regionCode !== '',
  });
  const download = () => {
    const employer = arrears.data?.items.find((item) => item.payer.kind === 'employer');
    // Digits only: the file name and the references read as codes in either language.
    const nonce = String(Date.now());
    const text = buildSampleStatement({
      payer: employer
        ? {
            code: employer.payer.code,
            name: employer.payer.name,
            amountFen: Math.min(employer.overdueFen, SAMPLE_AMOUNT_MAX_FEN),
          }
        : null,
      regionCode,
      paidOn: today,
      nonce,
    });
    const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `sample-statement-${nonce}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <Space direction="vertical" className="money-sample">
      <Button icon={<DownloadOutlined aria-hidden />} onClick={download} disabled={arrears.isPending}>
        {t(`${B}.sample`)}
      </Button>
      <Typography.Text type="secondary">{t(`${B}.sampleHelp`)}</Typography.Text>
    </Space>
  );
}
