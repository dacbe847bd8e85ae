/** 721 -> "60 years 1 month"; 756 -> "63 years". For explanations and display. */
export function formatAgeMonths(ageMonths: number): string {
  const years = Math.floor(ageMonths / 12);
  const months = ageMonths - years * 12;
  const yearText = `${years} ${years === 1 ? 'year' : 'years'}`;
  if (months === 0) return yearText;
  return `${yearText} ${months} ${months === 1 ? 'month' : 'months'}`;
}
