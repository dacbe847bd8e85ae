export { employeeMonthlyDetails } from './employee-monthly-details.ts';
export {
  employeeMonthlyDetail,
  employeeMonthlyDetailsReply,
  employeeMonthlyDetailsInput,
  type EmployeeMonthlyDetail,
  type EmployeeMonthlyDetails,
  type EmployeeMonthlyDetailsInput,
} from './employer-notices.schemas.ts';
