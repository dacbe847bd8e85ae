import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api/pending-paths.ts';

/** The region a page works on: the staff member's first region, or the one they choose among theirs. */
export function useStaffRegion(user: UserView) {
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  return { regionCode, setRegionCode, regionCodes: user.regionCodes };
}

/**
 * A labelled choice of region, shown only to staff who act in more than one. `onChange` runs after the
 * region changes, for what depends on it (a paged list goes back to its first page).
 */
export function RegionSelect({
  region,
  onChange,
}: {
  region: ReturnType<typeof useStaffRegion>;
  onChange?: () => void;
}) {
  const { t } = useTranslation();
  if (region.regionCodes.length < 2) return null;
  return (
    <div className="money-toolbar-field">
      <label htmlFor="money-region">{t('staffMoneyPages.common.region')}</label>
      <Select
        id="money-region"
        value={region.regionCode}
        onChange={(code: string) => {
          region.setRegionCode(code);
          onChange?.();
        }}
        options={region.regionCodes.map((code) => ({ value: code, label: code }))}
        style={{ minWidth: 140 }}
      />
    </div>
  );
}
