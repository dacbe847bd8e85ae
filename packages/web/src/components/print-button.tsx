import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';

/** Prints the page (a receipt); the page's print style hides the frame and this button. */
export function PrintButton({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <Button className={className} icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
      {children}
    </Button>
  );
}
