import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useState, type CSSProperties } from 'react';
import { chinaToday } from './agency-clock.ts';

dayjs.extend(customParseFormat);

const DAY = 'YYYY-MM-DD';
const MONTH = 'YYYY-MM';

/** What a form gives a field (value, onChange, id, aria-*), plus the bounds of the days that may be picked. */
interface FieldProps {
  /** The day (YYYY-MM-DD) or month (YYYY-MM); '' or undefined for none. */
  value?: string;
  /** Called with the picked day or month in the same form, or '' when cleared. */
  onChange?: (value: string) => void;
  /** The earliest day or month that may be picked, in the same form as the value. */
  min?: string;
  /** The latest day or month that may be picked, in the same form as the value. */
  max?: string;
  /** Whether the field may be emptied (off for fields that always hold a day, e.g. "as of"). */
  allowClear?: boolean;
  /** Full width, as the other inputs of a vertical form. */
  block?: boolean;
  id?: string;
  className?: string;
  style?: CSSProperties;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  'aria-required'?: boolean | 'true' | 'false';
}

function Field({
  picker,
  format,
  value,
  onChange,
  min,
  max,
  block,
  style,
  ...rest
}: FieldProps & {
  picker: 'date' | 'month';
  format: string;
}) {
  const [open, setOpen] = useState(false);
  const parsed = value ? dayjs(value, format, true) : null;
  // The strings compare as the days and months do: a cell is out of bounds when its own text is.
  const disabledDate =
    min || max
      ? (current: Dayjs) => {
          const text = current.format(format);
          return (min !== undefined && text < min) || (max !== undefined && text > max);
        }
      : undefined;
  return (
    <DatePicker
      {...rest}
      picker={picker}
      format={format}
      value={parsed?.isValid() ? parsed : null}
      onChange={(picked: Dayjs | null) => onChange?.(picked ? picked.format(format) : '')}
      disabledDate={disabledDate}
      // The calendar's own "Today" reads the visitor's computer clock; the agency's day is another
      // (agency-clock.ts), so there is no such button, and an empty field opens on the agency's month.
      showNow={false}
      defaultPickerValue={dayjs(chinaToday(), DAY)}
      style={block ? { width: '100%', ...style } : style}
      onOpenChange={setOpen}
      // Enter in the open calendar takes the day typed or chosen; only with the calendar closed does it
      // submit the form, as in any other field (the calendar alone would do both at once).
      onKeyDown={(event) => {
        if (event.key === 'Enter' && open) event.preventDefault();
      }}
    />
  );
}

/**
 * A day as the server takes it (YYYY-MM-DD, a string in and out), picked on Ant Design's calendar in the
 * app's language (the ConfigProvider's locale, app.tsx) instead of the browser's native date input, which
 * speaks the browser's language. The day can also be typed.
 */
export function DateField(props: FieldProps) {
  return <Field picker="date" format={DAY} {...props} />;
}

/** A month as the server takes it (YYYY-MM), picked on Ant Design's month panel in the app's language. */
export function MonthField(props: FieldProps) {
  return <Field picker="month" format={MONTH} {...props} />;
}
