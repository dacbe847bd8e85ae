import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EmployerSummary } from './employer-api.ts';

/**
 * How to pay by bank transfer: the region's collection account and the reference to write on the
 * transfer, which is what the agency's bank-statement import matches the payer on (the credit code).
 * The same block on the start page and on every bill.
 */
export function HowToPay({ howToPay }: { howToPay: EmployerSummary['howToPay'] }) {
  const { t } = useTranslation();
  const account = howToPay.collectionAccount;
  return (
    <section className="employer-how-to-pay" aria-labelledby="how-to-pay-title">
      <Typography.Title level={2} id="how-to-pay-title" className="employer-card-title">
        {t('employerPages.home.howToPay')}
      </Typography.Title>
      <Typography.Paragraph>{t('employerPages.home.howToPayIntro')}</Typography.Paragraph>
      <Descriptions column={1} size="small" bordered>
        {account ? (
          <>
            <Descriptions.Item label={t('employerPages.home.bank')}>{account.bank}</Descriptions.Item>
            <Descriptions.Item label={t('employerPages.home.accountName')}>
              {account.accountName}
            </Descriptions.Item>
            <Descriptions.Item label={t('employerPages.home.accountNo')}>
              <Typography.Text copyable className="employer-mono">
                {account.accountNo}
              </Typography.Text>
            </Descriptions.Item>
          </>
        ) : (
          <Descriptions.Item label={t('employerPages.home.accountNo')}>
            {t('employerPages.home.noAccount')}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('employerPages.home.reference')}>
          <Typography.Text copyable className="employer-mono" data-testid="payment-reference">
            {howToPay.reference}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" className="employer-reference-help">
        {t('employerPages.home.referenceHelp')}
      </Typography.Paragraph>
    </section>
  );
}
