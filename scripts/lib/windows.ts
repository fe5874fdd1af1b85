/**
 * The most arrivals within any window of `windowMs`, given their times in ms: what a sliding-window rate limit
 * counts. A window is half-open, as the server's is: two arrivals exactly `windowMs` apart are in two windows.
 */
export function maxInAnyWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let max = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
