/** Inner file names carry `YYYY-MM-DD_H<HH>M<MM>S<SS>` in UTC, without microseconds (docs/compatibility.md#inner-file-names). */
export function innerFileTimestamp(at: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const day = `${at.getUTCFullYear()}-${two(at.getUTCMonth() + 1)}-${two(at.getUTCDate())}`;
  return `${day}_H${two(at.getUTCHours())}M${two(at.getUTCMinutes())}S${two(at.getUTCSeconds())}`;
}
