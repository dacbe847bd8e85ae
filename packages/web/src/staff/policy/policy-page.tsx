import { useQuery } from '@tanstack/react-query';
import { Form, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { versionEnds } from '@shebao/domain';
import { api } from '../../api/client.ts';
import type { UserView } from '../../api/pending-paths.ts';
import { formatPeriod } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { RegionSelect } from '../region-select.tsx';
import {
  DIMENSION_VALUES,
  formatParameterValue,
  tableFieldNames,
  PARAMETER_NAMES,
  parameterLabel,
  parameterSearch,
  sourceParts,
} from './parameter-value.ts';
import { ProposeVersionForm } from './propose-version-form.tsx';

/**
 * /staff/policy: the parameter versions of a region with their effective months and sources (a change
 * is always a new version), and, for administrators, a proposal of a new version that takes effect
 * only when a second administrator approves it.
 */
export function PolicyPage({ user }: { user: UserView }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('staffPages.policy.title'));
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const [name, setName] = useState<string | undefined>();
  const versions = useQuery({
    queryKey: ['staff', 'policy', regionCode, name ?? ''],
    queryFn: () =>
      dataOf(() =>
        api.GET('/api/policy/parameters', { params: { query: { regionCode, ...(name ? { name } : {}) } } }),
      ),
    enabled: regionCode !== '',
  });
  const sorted = [...(versions.data?.items ?? [])].sort(
    (a, b) =>
      a.name.localeCompare(b.name) ||
      (a.insurance ?? '').localeCompare(b.insurance ?? '') ||
      (a.party ?? '').localeCompare(b.party ?? '') ||
      (a.category ?? '').localeCompare(b.category ?? '') ||
      b.validFrom.localeCompare(a.validFrom) ||
      b.version - a.version,
  );
  // A version ends where its successor begins (docs/RULES.md 12.3), even when its own validTo is open.
  const ends = versionEnds(sorted);
  const rows = sorted.map((row, index) => ({ ...row, ...ends[index]! }));
  const label = t as unknown as Parameters<typeof parameterLabel>[0];
  const fields = tableFieldNames(label, i18n.language);
  const dimension = (value: string | null, kind: keyof typeof DIMENSION_VALUES) =>
    value === null
      ? t('staffPages.policy.any')
      : t(`staffPages.dimensions.${kind}.${value}` as 'staffPages.dimensions.insurance.pension');
  return (
    <div className="page page-wide">
      <Typography.Title level={1}>{t('staffPages.policy.title')}</Typography.Title>
      <Typography.Paragraph>{t('staffPages.policy.intro')}</Typography.Paragraph>
      <Form layout="inline" className="staff-toolbar">
        <Form.Item label={t('staffPages.common.region')} htmlFor="policy-region">
          <RegionSelect
            id="policy-region"
            regionCodes={user.regionCodes}
            value={regionCode}
            onChange={setRegionCode}
          />
        </Form.Item>
        <Form.Item label={t('staffPages.policy.name')} htmlFor="policy-name">
          <Select
            id="policy-name"
            allowClear
            showSearch={parameterSearch}
            placeholder={t('staffPages.policy.allNames')}
            value={name}
            onChange={(value?: string) => setName(value)}
            options={PARAMETER_NAMES.map((value) => ({ value, label: parameterLabel(label, value) }))}
            style={{ minWidth: '18rem' }}
          />
        </Form.Item>
      </Form>
      <section aria-labelledby="policy-versions">
        <Typography.Title level={2} id="policy-versions" className="section-title">
          {t('staffPages.policy.versions')}
        </Typography.Title>
        {versions.isError ? (
          <ProblemAlert error={versions.error} describe={problemMessage} />
        ) : (
          <Table
            rowKey={(row) =>
              `${row.name}|${row.insurance}|${row.party}|${row.category}|${row.validFrom}|${row.version}`
            }
            size="small"
            loading={versions.isPending && regionCode !== ''}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('staffPages.policy.noVersions') }}
            scroll={{ x: true }}
            columns={[
              {
                title: t('staffPages.policy.name'),
                dataIndex: 'name',
                render: (value: string) => parameterLabel(label, value),
              },
              {
                title: t('staffPages.policy.insurance'),
                dataIndex: 'insurance',
                render: (value: string | null) => dimension(value, 'insurance'),
              },
              {
                title: t('staffPages.policy.party'),
                dataIndex: 'party',
                render: (value: string | null) => dimension(value, 'party'),
              },
              {
                title: t('staffPages.policy.category'),
                dataIndex: 'category',
                render: (value: string | null) => dimension(value, 'category'),
              },
              {
                title: t('staffPages.policy.effective'),
                key: 'effective',
                render: (_value, row) =>
                  `${formatPeriod(row.validFrom, i18n.language)} – ${
                    row.effectiveTo
                      ? formatPeriod(row.effectiveTo, i18n.language)
                      : t('staffPages.policy.open')
                  }${
                    row.replacedByVersion === null
                      ? ''
                      : ` (${t('staffPages.policy.replaced', { version: row.replacedByVersion })})`
                  }`,
              },
              {
                title: t('staffPages.policy.value'),
                dataIndex: 'value',
                align: 'right',
                render: (value: unknown, row) => {
                  const text = formatParameterValue(row.name, value, fields);
                  // A table with no description in words yet: its JSON (catalogue field names) stays folded
                  // behind a label in the reader's language.
                  return text.startsWith('{') || text.startsWith('[') ? (
                    <details className="policy-table-value">
                      <summary>{t('staffPages.policy.tableValue')}</summary>
                      <code>{text}</code>
                    </details>
                  ) : (
                    text
                  );
                },
              },
              {
                title: t('staffPages.policy.source'),
                dataIndex: 'source',
                render: (value: string) => <SourceText source={value} />,
              },
              { title: t('staffPages.policy.version'), dataIndex: 'version', align: 'right' },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary">
          {t('staffPages.terms.sourceTags.legend')}
        </Typography.Paragraph>
      </section>
      <ProposeVersionForm user={user} regionCode={regionCode} />
    </div>
  );
}

/** A source, with the seeds' "[R]"/"[U]" said in words (checked / not yet checked) and explained. */
function SourceText({ source }: { source: string }) {
  const { t } = useTranslation();
  const { text, tag } = sourceParts(source);
  return (
    <>
      {text}{' '}
      {tag && (
        <Tooltip title={t(`staffPages.terms.sourceTags.${tag}Help`)}>
          <Tag color={tag === 'R' ? 'green' : 'orange'}>{t(`staffPages.terms.sourceTags.${tag}`)}</Tag>
        </Tooltip>
      )}
    </>
  );
}
