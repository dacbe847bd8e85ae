import { Form, Input, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { UserView } from '../../api/pending-paths.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { RegionSelect } from '../region-select.tsx';
import { SearchResults } from './search-results.tsx';

type Kind = 'employers' | 'persons';

/**
 * /staff/search: employers by credit code or name, persons by identity number or name, in the staff
 * member's regions. The search lives in the address (kind, region, q), so Back returns to the results.
 */
export function SearchPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('staffPages.search.title'));
  const [params, setParams] = useSearchParams();
  const kind: Kind = params.get('kind') === 'persons' ? 'persons' : 'employers';
  const regionCode = params.get('region') ?? user.regionCodes[0] ?? '';
  const q = params.get('q') ?? '';
  const update = (changes: Record<string, string>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) next.set(key, value);
      return next;
    });

  return (
    <div className="page">
      <Typography.Title level={1}>{t('staffPages.search.title')}</Typography.Title>
      <Typography.Paragraph>{t('staffPages.search.intro')}</Typography.Paragraph>
      <Segmented<Kind>
        aria-label={t('staffPages.search.kind')}
        value={kind}
        onChange={(value) => update({ kind: value })}
        options={[
          { value: 'employers', label: t('staffPages.search.employers') },
          { value: 'persons', label: t('staffPages.search.persons') },
        ]}
      />
      <Form
        layout="inline"
        className="staff-toolbar"
        key={`${kind}|${q}`}
        initialValues={{ q }}
        onFinish={(values: { q?: string }) => update({ q: values.q?.trim() ?? '', region: regionCode })}
      >
        <Form.Item label={t('staffPages.common.region')} htmlFor="search-region">
          <RegionSelect
            id="search-region"
            regionCodes={user.regionCodes}
            value={regionCode}
            onChange={(region) => update({ region })}
          />
        </Form.Item>
        <Form.Item
          name="q"
          label={t(
            kind === 'employers' ? 'staffPages.search.employerQuery' : 'staffPages.search.personQuery',
          )}
          rules={[{ max: 60, message: t('staffPages.search.tooLong') }]}
        >
          <Input.Search
            allowClear
            enterButton={t('staffPages.search.submit')}
            onSearch={(value) => update({ q: value.trim(), region: regionCode })}
            style={{ width: '26rem', maxWidth: '100%' }}
          />
        </Form.Item>
      </Form>
      {regionCode === '' ? (
        <Typography.Paragraph>{t('staffPages.common.noRegions')}</Typography.Paragraph>
      ) : kind === 'employers' ? (
        <EmployerResults regionCode={regionCode} q={q} />
      ) : (
        <PersonResults regionCode={regionCode} q={q} />
      )}
    </div>
  );
}

function EmployerResults({ regionCode, q }: { regionCode: string; q: string }) {
  const { t } = useTranslation();
  return (
    <SearchResults
      headingId="employer-results"
      queryKey={['staff', 'employers', regionCode, q]}
      fetchPage={(cursor) =>
        dataOf(() =>
          api.GET('/api/employers', {
            params: { query: { regionCode, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
          }),
        )
      }
      emptyText={t('staffPages.search.noEmployers')}
      columns={[
        {
          title: t('staffPages.employer.name'),
          dataIndex: 'name',
          render: (name: string, row) => <Link to={`/staff/employers/${row.id}`}>{name}</Link>,
        },
        { title: t('staffPages.employer.creditCode'), dataIndex: 'creditCode' },
        { title: t('staffPages.common.region'), dataIndex: 'regionCode' },
        { title: t('staffPages.employer.registeredOn'), dataIndex: 'registeredOn' },
      ]}
    />
  );
}

function PersonResults({ regionCode, q }: { regionCode: string; q: string }) {
  const { t } = useTranslation();
  return (
    <SearchResults
      headingId="person-results"
      queryKey={['staff', 'persons', regionCode, q]}
      fetchPage={(cursor) =>
        dataOf(() =>
          api.GET('/api/persons', {
            params: { query: { regionCode, ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) } },
          }),
        )
      }
      emptyText={t('staffPages.search.noPersons')}
      columns={[
        {
          title: t('staffPages.person.name'),
          dataIndex: 'name',
          render: (name: string, row) => <Link to={`/staff/persons/${row.id}`}>{name}</Link>,
        },
        { title: t('staffPages.person.idNumber'), dataIndex: 'idNumberMasked' },
        {
          title: t('staffPages.person.sex'),
          dataIndex: 'sex',
          render: (sex: 'male' | 'female') => t(`staffPages.person.sexes.${sex}`),
        },
        { title: t('staffPages.person.birthDate'), dataIndex: 'birthDate' },
        {
          title: t('staffPages.person.category'),
          dataIndex: 'category',
          render: (category: 'employee' | 'flexible' | 'resident') =>
            t(`staffPages.person.categories.${category}`),
        },
      ]}
    />
  );
}
