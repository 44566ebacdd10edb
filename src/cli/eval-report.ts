import { checkSplit, precisionCoverage, reliability, summarise, type Outcome } from '../eval/metrics';

const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95];
export const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** Where the stage that answered draws the line: its decision threshold, and the lexical gate (0: none). */
export interface OperatingPoint {
  threshold: number;
  gate: number;
}

/** Precision, coverage, what other operating points would give, and how well scores match outcomes. */
export function qualityReport(outcomes: readonly Outcome[], point: OperatingPoint) {
  const thresholds = [...new Set([...THRESHOLDS, point.threshold])].sort((a, b) => a - b);
  return {
    summary: summarise(outcomes),
    threshold: point.threshold,
    lexicalGate: point.gate,
    precisionCoverage: precisionCoverage(outcomes, thresholds),
    reliability: reliability(outcomes),
    checkSplit: checkSplit(outcomes),
  };
}

const splitLine = ({ right, wrong }: { right: number; wrong: number }) =>
  `${right + wrong} ${right + wrong === 1 ? 'answer' : 'answers'}, ${right} right, ${wrong} wrong${right + wrong > 0 ? ` (${pct(right / (right + wrong))} precision)` : ''}`;

export function qualityLines(report: ReturnType<typeof qualityReport>): string[] {
  const s = report.summary;
  const lines = [
    `Precision:          ${pct(s.precision)} (${s.right} right of ${s.right + s.wrong} answers given)`,
    `Coverage:           ${s.answerable ? pct(s.coverage) : 'n/a'} of answerable questions answered`,
    `Given as sure:      ${splitLine(report.checkSplit.sure)}`,
    `Given to check:     ${splitLine(report.checkSplit.toCheck)}`,
    '',
    `Precision–coverage (an answer needs ${report.lexicalGate > 0 ? `lexical match ≥ ${report.lexicalGate} and ` : ''}score ≥ threshold; default ${report.threshold}):`,
    '  threshold  precision  coverage  right  wrong',
  ];
  for (const row of report.precisionCoverage) {
    const mark = row.threshold === report.threshold ? ' ←' : '';
    lines.push(`  ${row.threshold.toFixed(2).padStart(9)}  ${pct(row.precision).padStart(9)}  ${pct(row.coverage).padStart(8)}  ${String(row.right).padStart(5)}  ${String(row.wrong).padStart(5)}${mark}`);
  }
  lines.push('', 'Reliability (score of the top result → how often it was the right excerpt):', '  score band  questions  mean score  right');
  for (const band of report.reliability) {
    if (band.questions === 0) continue;
    lines.push(`  ${band.band.padStart(10)}  ${String(band.questions).padStart(9)}  ${band.meanScore.toFixed(2).padStart(10)}  ${pct(band.rightShare).padStart(6)}`);
  }
  return lines;
}
