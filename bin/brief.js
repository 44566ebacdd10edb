#!/usr/bin/env node
'use strict';
// Thin launcher so `npx brief` works from a clone: the CLI itself is compiled by `npm install` (prepare).
require('../dist/cli/main.js').runFromProcess();
