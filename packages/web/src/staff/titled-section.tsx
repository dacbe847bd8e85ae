import { Typography } from 'antd';
import type { ReactNode } from 'react';

/**
 * A page section under its own level-2 heading, named by that heading for screen readers (landmark
 * navigation lists it by title). `id` is the heading's id, so it must be unique on the page.
 */
export function TitledSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Typography.Title level={2} id={id} className="section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}
