/** Compare vendor versions such as `R9.1.0` and `R14.10.0` by their numeric parts (negative, 0, positive). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string): number[] => v.replace(/^[A-Za-z]+/, '').split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
