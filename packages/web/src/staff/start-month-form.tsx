import { Button, Form, Input } from 'antd';
import { currentPeriod } from '../shell/agency-clock.ts';
import { RegionSelect } from './region-select.tsx';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The words of the form, in the page's language. */
export interface StartMonthLabels {
  region: string;
  period: string;
  periodRequired: string;
  periodInvalid: string;
  start: string;
}

/**
 * The toolbar that starts a month's batch for a region (the collection run, the payroll): the region among
 * the staff member's, the month (this month by the agency's clock), and the button.
 */
export function StartMonthForm({
  name,
  regionId,
  regionCodes,
  regionCode,
  onRegionChange,
  labels,
  starting,
  disabled,
  onStart,
}: {
  name: string;
  regionId: string;
  regionCodes: readonly string[];
  regionCode: string;
  onRegionChange: (regionCode: string) => void;
  labels: StartMonthLabels;
  starting: boolean;
  disabled: boolean;
  onStart: (period: string) => void;
}) {
  return (
    <Form<{ period: string }>
      layout="inline"
      name={name}
      initialValues={{ period: currentPeriod() }}
      onFinish={(fields) => onStart(fields.period)}
      className="staff-toolbar"
    >
      <Form.Item label={labels.region} htmlFor={regionId}>
        <RegionSelect id={regionId} regionCodes={regionCodes} value={regionCode} onChange={onRegionChange} />
      </Form.Item>
      <Form.Item
        name="period"
        label={labels.period}
        rules={[
          { required: true, message: labels.periodRequired },
          { pattern: PERIOD, message: labels.periodInvalid },
        ]}
      >
        <Input autoComplete="off" maxLength={7} style={{ width: '8rem' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={starting} disabled={disabled}>
        {labels.start}
      </Button>
    </Form>
  );
}
