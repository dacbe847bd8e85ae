import { useQuery } from '@tanstack/react-query';
import { Button, Modal, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../shell/page-title.ts';
import { pagerTexts } from './pager-texts.ts';
import { CursorPager, useCursorPages } from '../components/cursor-pager.tsx';
import { fetchStaff, type StaffMember } from './employer-api.ts';
import { HireForm } from './hire-form.tsx';
import { LeaveForm } from './leave-form.tsx';
import { QueryState } from './query-state.tsx';

/** /employer/staff: the staff list (masked identity numbers, pages), adding an employee and removing one. */
export function StaffPage({ employerId }: { employerId: number }) {
  const { t } = useTranslation();
  usePageTitle(t('employerPages.staff.title'));
  const [current, setCurrent] = useState(true);
  const [hiring, setHiring] = useState(false);
  const [leaving, setLeaving] = useState<StaffMember | null>(null);
  const pages = useCursorPages();
  const staff = useQuery({
    queryKey: ['employer', employerId, 'staff', current, pages.cursor],
    queryFn: () => fetchStaff(employerId, { current, ...(pages.cursor ? { cursor: pages.cursor } : {}) }),
  });
  return (
    <div className="page">
      <Typography.Title level={1}>{t('employerPages.staff.title')}</Typography.Title>
      <Typography.Paragraph>{t('employerPages.staff.intro')}</Typography.Paragraph>
      <Space wrap className="employer-toolbar">
        <Button type="primary" onClick={() => setHiring(true)}>
          {t('employerPages.staff.add')}
        </Button>
        <Radio.Group
          aria-label={t('employerPages.staff.listLabel')}
          optionType="button"
          value={current}
          onChange={(event) => {
            setCurrent(event.target.value as boolean);
            pages.reset();
          }}
          options={[
            { value: true, label: t('employerPages.staff.showCurrent') },
            { value: false, label: t('employerPages.staff.showAll') },
          ]}
        />
      </Space>
      <QueryState query={staff}>
        {(page) => (
          <>
            <Table<StaffMember>
              aria-label={t('employerPages.staff.listLabel')}
              rowKey="employmentId"
              dataSource={page.items}
              pagination={false}
              size="middle"
              scroll={{ x: true }}
              locale={{ emptyText: t('employerPages.common.empty') }}
              columns={[
                { title: t('employerPages.staff.name'), dataIndex: 'name' },
                {
                  title: t('employerPages.staff.idNumber'),
                  dataIndex: 'idNumberMasked',
                  className: 'employer-mono',
                },
                { title: t('employerPages.staff.hiredOn'), dataIndex: 'hiredOn' },
                {
                  title: t('employerPages.staff.leftOn'),
                  render: (_, member) => member.leftOn ?? t('employerPages.staff.current'),
                },
                {
                  title: t('employerPages.staff.leaveReason'),
                  render: (_, member) =>
                    member.leaveReason
                      ? t(`employerPages.leave.reasons.${member.leaveReason as 'death'}`, member.leaveReason)
                      : '',
                },
                {
                  title: t('employerPages.staff.actions'),
                  render: (_, member) =>
                    member.leftOn === null && (
                      <Button
                        size="small"
                        aria-label={t('employerPages.staff.removeFor', { name: member.name })}
                        onClick={() => setLeaving(member)}
                      >
                        {t('employerPages.staff.remove')}
                      </Button>
                    ),
                },
              ]}
            />
            <CursorPager pages={pages} nextCursor={page.nextCursor} texts={pagerTexts(t, pages.page)} />
          </>
        )}
      </QueryState>
      <Modal
        open={hiring}
        title={t('employerPages.hire.title')}
        onCancel={() => setHiring(false)}
        footer={null}
        destroyOnHidden
        width={640}
      >
        <HireForm employerId={employerId} onDone={() => setHiring(false)} />
      </Modal>
      <Modal
        open={leaving !== null}
        title={leaving ? t('employerPages.leave.title', { name: leaving.name }) : ''}
        onCancel={() => setLeaving(null)}
        footer={null}
        destroyOnHidden
      >
        {leaving && <LeaveForm employerId={employerId} member={leaving} onDone={() => setLeaving(null)} />}
      </Modal>
    </div>
  );
}
