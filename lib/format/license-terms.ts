export function formatDuration(durationDays: number | null): string {
  if (durationDays === null) return "Perpetual";
  if (durationDays % 365 === 0) {
    const years = durationDays / 365;
    return years === 1 ? "1 year" : `${years} years`;
  }
  return durationDays === 1 ? "1 day" : `${durationDays} days`;
}

export function formatSeats(seatLimit: number): string {
  return seatLimit === 1 ? "1 seat" : `${seatLimit} seats`;
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
