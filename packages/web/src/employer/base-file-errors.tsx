import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BaseFileError } from './employer-api.ts';
import { fieldName } from './problem-message.ts';

type ReasonKey = 'notFoundIdNumber' | 'notEmployed' | 'duplicate' | 'notAmount' | 'empty' | 'notPositive';

/** The reader's-language reason for the refusals an employer meets in practice; others keep the server's. */
function reasonKey(error: BaseFileError): ReasonKey | null {
  const field = error.field.split('.').at(-1);
  if (error.reason === 'must not be empty') return 'empty';
  if (error.reason === 'must be more than 0') return 'notPositive';
  if (field === 'declared' || field === 'declaredFen') return 'notAmount';
  if (field !== 'idNumber' && field !== 'personId') return null;
  if (error.code === 'NOT_FOUND') return 'notFoundIdNumber';
  if (error.code === 'RULE_VIOLATION') return 'notEmployed';
  if (error.reason.includes('already declares')) return 'duplicate';
  return null;
}

/** Every refused row of a base file: its line in the file, the field and the reason. */
export function BaseFileErrors({ errors }: { errors: readonly BaseFileError[] }) {
  const { t } = useTranslation();
  return (
    <Table<BaseFileError>
      aria-label={t('employerPages.bases.errorsLabel')}
      className="base-file-errors"
      rowKey={(error) => `${error.line}-${error.field}`}
      dataSource={[...errors]}
      pagination={errors.length > 50 ? { pageSize: 50 } : false}
      size="small"
      columns={[
        { title: t('employerPages.bases.line'), dataIndex: 'line', width: 90 },
        {
          title: t('employerPages.bases.field'),
          render: (_, error) => fieldName(t, error.field),
        },
        {
          title: t('employerPages.bases.reason'),
          render: (_, error) => {
            const key = reasonKey(error);
            return key ? (
              <>
                {t(`employerPages.bases.reasons.${key}`)}
                <Typography.Text type="secondary" className="employer-server-reason">
                  {error.reason}
                </Typography.Text>
              </>
            ) : (
              error.reason
            );
          },
        },
      ]}
    />
  );
}
