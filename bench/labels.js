'use strict';
/** How each system is named in the bench's output and in the README's tables (bench/readme-tables.js). */
const LABELS = Object.freeze({
  'briefing-bot': 'Briefing Bot engine',
  fuse: 'fuse.js 7.5 (defaults)',
  minisearch: 'MiniSearch 7.2 (defaults)',
});

/** The bot's engine run with Node's default four V8 helper threads (the comparison run, not how the bot runs). */
const FOUR_THREADS = 'Briefing Bot, 4 V8 threads';

module.exports = { LABELS, FOUR_THREADS };
