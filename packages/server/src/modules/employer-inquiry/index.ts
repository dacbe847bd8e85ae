export {
  listStaff,
  listBills,
  listPayments,
  paymentReceipt,
  employerArrears,
  type EmployerInquiryDeps,
} from './employer-inquiry.service.ts';
export {
  arrearsOfBills,
  dailyLateFeeRatePpm,
  type OpenBill,
  type ArrearsBill,
  type ArrearsOfBills,
} from './arrears-of-bills.ts';
// The per-employee monthly details an employer must give its staff (SIL Art. 60) live in employer-notices.
export { employeeMonthlyDetails, employeeMonthlyDetailsReply } from '../employer-notices/index.ts';
export {
  PAGE_LIMIT_DEFAULT,
  PAGE_LIMIT_MAX,
  listStaffInput,
  listBillsInput,
  listPaymentsInput,
  paymentReceiptInput,
  arrearsInput,
  staffMember,
  billSummary,
  paymentSummary,
  arrearsReply,
  pageReply,
  type Page,
  type StaffMember,
  type BillSummary,
  type PaymentSummary,
  type Arrears,
  type ListStaffInput,
  type ListBillsInput,
  type ListPaymentsInput,
  type PaymentReceiptInput,
  type ArrearsInput,
} from './employer-inquiry.schemas.ts';
