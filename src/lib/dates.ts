// Dates as Chinese readers write them: 2026年11月27日. UTC, since content
// dates are calendar days, not instants.
export function formatDate(date: Date): string {
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
}
