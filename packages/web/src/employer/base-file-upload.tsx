import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Space, Typography } from 'antd';
import { useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { BaseFileErrors } from './base-file-errors.tsx';
import { baseFileFormatOf } from './base-file-format.ts';
import { baseTemplateUrl, uploadBaseFile } from './employer-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { problemMessage } from './problem-message.ts';

/**
 * The yearly base file: templates to download, a file to choose, "check only" or "check and declare".
 * The server declares all rows or none, so a refused file lists every bad row by line and changes
 * nothing; the employer fixes the file and chooses it again.
 */
export function BaseFileUpload({ employerId, cycleStart }: { employerId: number; cycleStart: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const helpId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<'required' | 'type' | null>(null);
  const upload = useMutation({
    mutationFn: (dryRun: boolean) => uploadBaseFile(employerId, file!, { cycleStart, dryRun }),
    onSuccess: (result, dryRun) => {
      if (result.ok && !dryRun) void queryClient.invalidateQueries({ queryKey: ['employer', employerId] });
    },
  });
  const send = (dryRun: boolean) => {
    if (!file) {
      setProblem('required');
      input.current?.focus();
      return;
    }
    upload.mutate(dryRun);
  };
  const result = upload.data;
  return (
    <section aria-labelledby={`${inputId}-title`}>
      <Typography.Title level={3} id={`${inputId}-title`}>
        {t('employerPages.bases.templateTitle')}
      </Typography.Title>
      <Typography.Paragraph>
        {/* The column names are literals the file must carry: shown as code. */}
        <Trans i18nKey="employerPages.bases.templateIntro" components={{ code: <code /> }} />
      </Typography.Paragraph>
      <Space wrap>
        <a
          className="ant-btn ant-btn-default"
          href={baseTemplateUrl(employerId, cycleStart, 'xlsx')}
          download
        >
          {t('employerPages.bases.templateXlsx')}
        </a>
        <a className="ant-btn ant-btn-default" href={baseTemplateUrl(employerId, cycleStart, 'csv')} download>
          {t('employerPages.bases.templateCsv')}
        </a>
      </Space>
      <div className="base-file-field">
        <label htmlFor={inputId} className="base-file-label">
          {t('employerPages.bases.fileLabel')}
        </label>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={helpId}
          aria-invalid={problem !== null}
          onChange={(event) => {
            const chosen = event.target.files?.[0] ?? null;
            upload.reset();
            if (chosen && !baseFileFormatOf(chosen.name)) {
              setFile(null);
              setProblem('type');
              return;
            }
            setFile(chosen);
            setProblem(null);
          }}
        />
        <div id={helpId} className={problem ? 'base-file-help base-file-help-error' : 'base-file-help'}>
          {problem === 'required'
            ? t('employerPages.bases.fileRequired')
            : problem === 'type'
              ? t('employerPages.bases.fileType')
              : t('employerPages.bases.fileHelp')}
        </div>
      </div>
      <Space wrap>
        <Button onClick={() => send(true)} loading={upload.isPending && upload.variables === true}>
          {t('employerPages.bases.check')}
        </Button>
        <Button
          type="primary"
          onClick={() => send(false)}
          loading={upload.isPending && upload.variables === false}
        >
          {t('employerPages.bases.apply')}
        </Button>
      </Space>
      <div className="base-file-result">
        {upload.isError && <ProblemAlert error={upload.error} describe={problemMessage} />}
        {result?.ok && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={
              upload.variables
                ? t('employerPages.bases.checkedOk', { count: result.declared })
                : t('employerPages.bases.appliedOk', { count: result.declared })
            }
          />
        )}
        {result && !result.ok && (
          <>
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('employerPages.bases.refused', { count: result.errors?.length ?? 0 })}
            />
            <BaseFileErrors errors={result.errors ?? []} />
          </>
        )}
      </div>
    </section>
  );
}
