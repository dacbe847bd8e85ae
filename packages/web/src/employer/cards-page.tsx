import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failedAs } from '../cards/card-problem.ts';
import { applyForEmployees, photoBase64, type EmployerApplicationResult } from '../cards/cards-api.ts';
import '../cards/cards.css';
import { fitsMask, photoProblem } from '../cards/card-checks.ts';
import { PhotoField } from '../cards/photo-field.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { usePageTitle } from '../shell/page-title.ts';
import { fetchStaffForNames, type StaffMember } from './employer-api.ts';

const E = 'cardPages.employer';
const ROW_FIELDS = ['idNumber', 'name', 'photo', 'personId'] as const;

interface Row {
  personId?: number;
  idNumber?: string;
  photo?: File;
}
interface Fields {
  branchName: string;
  rows: Row[];
}

/**
 * /employer/cards (docs/RULES.md 18.3): an employer applies for its new hires' cards in bulk. Each row is
 * an employee chosen from the current staff, their whole identity number (the list shows it masked) and a
 * photo; the server checks and applies each row on its own and this shows every row's outcome with why.
 */
export function CardsPage({ employerId }: { employerId: number }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t(`${E}.title`));
  const [form] = Form.useForm<Fields>();
  const staff = useQuery({
    queryKey: ['employer', employerId, 'staff', 'for-cards'],
    queryFn: () => fetchStaffForNames(employerId, true),
  });
  // Newest hires first: they are the ones who need a card.
  const members = [...(staff.data?.items ?? [])].sort((a, b) => b.hiredOn.localeCompare(a.hiredOn));
  const byId = new Map<number, StaffMember>(members.map((member) => [member.personId, member]));
  const apply = useMutation({
    mutationFn: async (fields: Fields) =>
      applyForEmployees(employerId, {
        branchName: fields.branchName.trim(),
        rows: await Promise.all(
          fields.rows.map(async (row) => ({
            idNumber: row.idNumber!.trim().toUpperCase(),
            name: byId.get(row.personId!)!.name,
            photo: await photoBase64(row.photo!),
          })),
        ),
      }),
  });
  const results = apply.data?.results ?? [];
  const count = (outcome: EmployerApplicationResult['outcome']) =>
    results.filter((row) => row.outcome === outcome).length;
  return (
    <div className="page">
      <Typography.Title level={1}>{t(`${E}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${E}.intro`)}</Typography.Paragraph>
      <Card>
        <Form<Fields>
          form={form}
          name="employer-cards"
          layout="vertical"
          initialValues={{ rows: [{}] }}
          onFinish={(fields) => apply.mutate(fields)}
        >
          <Form.Item
            name="branchName"
            label={t(`${E}.branchName`)}
            rules={[{ required: true, whitespace: true, message: t(`${E}.branchRequired`) }]}
          >
            <Input maxLength={100} style={{ maxWidth: '24rem' }} />
          </Form.Item>
          <Typography.Title level={2} className="section-title">
            {t(`${E}.rows`)}
          </Typography.Title>
          <Form.List name="rows">
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, index) => (
                  <div key={row.key} className="card-employer-row" data-row={index + 1}>
                    <Form.Item
                      name={[row.name, 'personId']}
                      label={t(`${E}.staffMember`)}
                      rules={[{ required: true, message: t(`${E}.staffRequired`) }]}
                    >
                      <Select<number>
                        showSearch={{ optionFilterProp: 'label' }}
                        loading={staff.isPending}
                        placeholder={t(`${E}.staffPlaceholder`)}
                        options={members.map((member) => ({
                          value: member.personId,
                          label: `${member.name} ${member.idNumberMasked}`,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'idNumber']}
                      label={t(`${E}.idNumber`)}
                      dependencies={[['rows', row.name, 'personId']]}
                      rules={[
                        { required: true, whitespace: true, message: t(`${E}.idNumberRequired`) },
                        ({ getFieldValue }) => ({
                          validator: (_rule, value: string | undefined) => {
                            const member = byId.get(getFieldValue(['rows', row.name, 'personId']) as number);
                            return !value || !member || fitsMask(value, member.idNumberMasked)
                              ? Promise.resolve()
                              : Promise.reject(new Error(t(`${E}.idNumberMismatch`)));
                          },
                        }),
                      ]}
                    >
                      <Input maxLength={18} autoComplete="off" spellCheck={false} />
                    </Form.Item>
                    <Form.Item
                      name={[row.name, 'photo']}
                      label={t('cardPages.photo.label')}
                      rules={[
                        {
                          validator: (_rule, file: File | undefined) => {
                            const problem = photoProblem(file);
                            return problem
                              ? Promise.reject(new Error(t(`cardPages.photo.${problem}`)))
                              : Promise.resolve();
                          },
                        },
                      ]}
                    >
                      <PhotoField />
                    </Form.Item>
                    {rows.length > 1 && (
                      <Button
                        type="text"
                        icon={<MinusCircleOutlined />}
                        aria-label={t(`${E}.remove`)}
                        onClick={() => remove(row.name)}
                      >
                        {t(`${E}.remove`)}
                      </Button>
                    )}
                  </div>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({})}
                  disabled={rows.length >= 200}
                  className="card-add-row"
                >
                  {t(`${E}.add`)}
                </Button>
              </>
            )}
          </Form.List>
          <div style={{ marginTop: '1rem' }}>
            <Button type="primary" htmlType="submit" loading={apply.isPending}>
              {t(`${E}.submit`)}
            </Button>
          </div>
        </Form>
        {apply.isError && (
          <ProblemAlert
            className="card-problem"
            error={apply.error}
            describe={failedAs(t('cardPages.common.failed'))}
          />
        )}
      </Card>
      {apply.isSuccess && (
        <section aria-labelledby="card-results-title" className="card-results">
          <Typography.Title level={2} id="card-results-title" className="section-title">
            {t(`${E}.resultsTitle`)}
          </Typography.Title>
          <Alert
            type={count('refused') ? 'warning' : 'success'}
            showIcon
            role="status"
            title={t(`${E}.summary`, {
              rows: results.length,
              applied: count('applied'),
              already: count('already-applied'),
              refused: count('refused'),
            })}
          />
          <div className="card-table">
            <Table<EmployerApplicationResult>
              className="card-employer-results"
              scroll={{ x: 'max-content' }}
              rowKey="line"
              size="small"
              pagination={false}
              dataSource={results}
              onRow={(row) => ({ 'data-outcome': row.outcome }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'line', title: t(`${E}.columns.line`), dataIndex: 'line' },
                {
                  key: 'name',
                  title: t(`${E}.columns.name`),
                  render: (_, row) => (row.personId !== null ? (byId.get(row.personId)?.name ?? '') : ''),
                },
                {
                  key: 'idNumber',
                  title: t(`${E}.columns.idNumber`),
                  render: (_, row) => <code>{row.idNumberMasked}</code>,
                },
                {
                  key: 'outcome',
                  title: t(`${E}.columns.outcome`),
                  render: (_, row) => (
                    <Tag
                      color={row.outcome === 'refused' ? 'red' : row.outcome === 'applied' ? 'green' : 'blue'}
                    >
                      {t(`${E}.outcomes.${row.outcome}`)}
                    </Tag>
                  ),
                },
                {
                  key: 'reason',
                  title: t(`${E}.columns.reason`),
                  render: (_, row) => {
                    if (!row.field) return null;
                    const field = row.field.split('.').at(-1)!;
                    const known = (ROW_FIELDS as readonly string[]).includes(field)
                      ? (field as (typeof ROW_FIELDS)[number])
                      : 'other';
                    // The server's reason is English, for API clients: an English reader gets it as it is.
                    const reason =
                      i18n.language === 'en' && row.reason ? row.reason : t(`${E}.rowReasons.${known}`);
                    return <span className="card-row-refused">{reason}</span>;
                  },
                },
              ]}
            />
          </div>
        </section>
      )}
    </div>
  );
}
