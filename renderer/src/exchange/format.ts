// Counts and sizes in the export screens' messages: "1,000 patients", "3.4 MB".
const count = new Intl.NumberFormat('en-GB');

export function formatCount(n: number, one: string, many: string): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

/** "312 of 1,000 patients" */
export function progressText(done: number, total: number): string {
  return `${count.format(done)} of ${formatCount(total, 'patient', 'patients')}`;
}
