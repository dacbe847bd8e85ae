/** How a batch's progress bar looks for the batch's status (the collection run, the payroll). */
export function progressStatusOf(status: string): 'exception' | 'success' | 'active' {
  if (status === 'failed' || status === 'interrupted') return 'exception';
  return status === 'done' ? 'success' : 'active';
}
