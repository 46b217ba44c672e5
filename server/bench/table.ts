import type { BenchRow } from './types.ts';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export const HEADER = `${pad('section', 8)} ${lpad('issues', 9)}  ${pad('step', 46)} ${lpad('seconds', 9)} ${lpad('× floor', 8)} ${lpad('cpu s', 7)} ${lpad('cpu ×', 6)}  note`;

export const formatRow = (r: BenchRow): string =>
  `${pad(r.section, 8)} ${lpad(r.size.toLocaleString('en'), 9)}  ${pad(r.step, 46)} ${lpad(r.seconds === undefined ? '-' : r.seconds.toFixed(2), 9)} ${lpad(r.ratio === undefined ? '' : r.ratio.toFixed(2), 8)} ${lpad(r.cpu === undefined ? '' : r.cpu.toFixed(2), 7)} ${lpad(r.cpuRatio === undefined ? '' : r.cpuRatio.toFixed(2), 6)}  ${r.note ?? ''}`;
