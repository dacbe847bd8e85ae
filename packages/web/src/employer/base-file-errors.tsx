import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BaseFileError } from './employer-api.ts';
import { baseFileReasonKey } from './base-file-reasons.ts';
import { fieldName } from './problem-message.ts';

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
            const key = baseFileReasonKey(error);
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
