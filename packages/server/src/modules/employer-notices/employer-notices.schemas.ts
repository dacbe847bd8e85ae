import { INSURANCES, isPeriod } from '@shebao/domain';
import { z } from 'zod';

/** Request and reply shapes of the employer's monthly notice to its staff (SIL Art. 60). */

export const employeeMonthlyDetailsInput = z.object({
  employerId: z.number().int('must be a whole number').positive('must be a positive id'),
  period: z.string().trim().refine(isPeriod, 'must be a month in the form YYYY-MM'),
});
export type EmployeeMonthlyDetailsInput = z.input<typeof employeeMonthlyDetailsInput>;

const fen = z.number().int();

export const insuranceDetail = z.object({ baseFen: fen, employerFen: fen, employeeFen: fen });

export const employeeMonthlyDetail = z.object({
  personId: z.number().int(),
  name: z.string(),
  /** Masked for lists: the address code and the last four characters stay visible. */
  idNumberMasked: z.string(),
  /** Per insurance; maternity is on the medical base and paid by the employer alone. */
  insurances: z.record(z.enum(INSURANCES), insuranceDetail),
  employerFen: fen,
  employeeFen: fen,
  totalFen: fen,
  /** What goes to the person's own accounts out of the amounts above. */
  personalAccounts: z.object({ pensionFen: fen, medicalFen: fen }),
  /** Whether every bill carrying this person's month is paid in full. */
  paid: z.boolean(),
});
export type EmployeeMonthlyDetail = z.infer<typeof employeeMonthlyDetail>;

export const employeeMonthlyDetailsReply = z.object({
  employerId: z.number().int(),
  period: z.string(),
  employees: z.array(employeeMonthlyDetail),
  totals: z.object({ employerFen: fen, employeeFen: fen, totalFen: fen }),
});
export type EmployeeMonthlyDetails = z.infer<typeof employeeMonthlyDetailsReply>;
