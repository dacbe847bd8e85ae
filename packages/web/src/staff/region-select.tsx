import { Select } from 'antd';

/** The regions a staff member works in (UserView.regionCodes); one region needs no choice but is shown. */
export function RegionSelect({
  id,
  regionCodes,
  value,
  onChange,
}: {
  id: string;
  regionCodes: readonly string[];
  value?: string;
  onChange?: (regionCode: string) => void;
}) {
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={regionCodes.map((code) => ({ value: code, label: code }))}
      style={{ minWidth: '10rem' }}
    />
  );
}
