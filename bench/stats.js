'use strict';
/** Timing helpers shared by the benchmark scripts. */

/** @param {bigint} start a process.hrtime.bigint() reading @returns {number} milliseconds since then */
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** The `p` quantile (0..1) of ascending `sorted`; null when there is none. @param {readonly number[]} sorted @param {number} p */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? null;

module.exports = { msSince, percentile };
