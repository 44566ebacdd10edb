/**
 * Every message a user or curator can see, in one place, so wording stays consistent and tests can
 * assert it exactly. Each says what is wrong, where, and how to fix it.
 */
import { KNOWLEDGE_LIMITS } from './knowledge/limits';
import { formatDate } from './knowledge/source-line';

export const knowledgeMessages = Object.freeze({
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  unclosedQuote: () => 'YAML syntax error: a quoted text starts here but is never closed: add the closing quote',
  tabIndent: () => 'YAML syntax error: a tab character is used for indentation: indent with spaces',
  misindented: (key: string | undefined) =>
    `YAML syntax error: ${key ? `"${key}:"` : 'this line'} is not lined up with the field above it: start the fields of one entry in the same column`,
  missingColon: (word: string) => `YAML syntax error: a colon is missing after "${word}": write each field as name: value`,
  colonInValue: (key: string | undefined) =>
    `YAML syntax error: the value${key ? ` of "${key}"` : ''} contains a colon followed by a space: put the whole value in quotes`,
  duplicateKey: (key: string) => `YAML syntax error: "${key}" is given twice in the same entry: keep only one`,
  unclosedList: () => 'YAML syntax error: a [ list starts here but is never closed: add the closing ]',
  textAfterQuote: () =>
    `YAML syntax error: the value goes on after its closing quote: to quote text that contains " marks, put it in single quotes ('…') instead`,
  emptyFile: () =>
    'the file is empty: a knowledge file needs a source: block and a facts: list (see knowledge/README.md)',
  aliasesEmpty: () => 'the file is empty: list the groups of names that mean the same, one per line, e.g. - [NRF, National Resistance Front], or delete the file',
  aliasesNotAList: () => 'the file should be a list of groups of names that mean the same, one per line, e.g. - [NRF, National Resistance Front]',
  notAMapping: (found: string) =>
    `the file should be a mapping with source: and facts: at the top level, not ${found}`,
  required: (field: string, hint: string) => `${field} is required: ${hint}`,
  wrongType: (field: string, expected: string, found: string) => `${field} should be ${expected}, not ${found}`,
  empty: (field: string) => `${field} is empty: remove it or give it a value`,
  // Numbers are formatted only when the message is made: the first toLocaleString loads ICU's data
  // (~20 ms), which every start would otherwise pay, `brief ask` included.
  textTooLong: (field: string, length: number) =>
    `${field} is ${length.toLocaleString('en-US')} characters long, over the ${KNOWLEDGE_LIMITS.maxTextLength.toLocaleString('en-US')} limit: split it into smaller facts`,
  idTooLong: (field: string, length: number) =>
    `${field} is ${length} characters long, over the ${KNOWLEDGE_LIMITS.maxIdLength} limit: use a short name for the fact, e.g. "programme-base"`,
  noFacts: (field: string) => `${field} is an empty list: add at least one fact, or remove the file`,
  aliasGroupTooSmall: (group: number) =>
    `alias group ${group} has a single term: a group needs two or more terms that mean the same, e.g. [NRF, National Resistance Front]`,
  noAliasGroups: () => 'the aliases file has no groups: add groups like "- [NRF, National Resistance Front]" or delete the file',
  badId: (field: string, value: string) =>
    `${field} "${value}" is not a valid id: use lowercase letters, digits and single hyphens, e.g. "programme-base"`,
  badDate: (field: string, value: string) =>
    `${field} "${value}" is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2024-05`,
  badTextFile: (field: string, value: string) =>
    `${field} "${value}" is outside the knowledge folder: give a path inside it, e.g. sources/annual-review.txt`,
  badChoice: (field: string, value: string, allowed: readonly string[]) =>
    `${field} "${value}" is not allowed: use one of ${allowed.join(', ')}`,
  badUrl: (field: string, value: string) => `${field} "${value}" is not a web address: use a full http:// or https:// URL`,
  unknownField: (where: string, key: string, allowed: readonly string[]) =>
    `${where} has an unknown field "${key}": allowed fields are ${allowed.join(', ')}`,
  refusedAndStored: (field: string, id: string, phrasing: string) =>
    `${field} ${JSON.stringify(phrasing)} is also one of fact "${id}"'s questions: keep it under questions if the fact answers it, else under does_not_answer only`,
  duplicateId: (field: string, id: string, firstAt: string) =>
    `${field} "${id}" is already used at ${firstAt}: fact ids must be unique across the knowledge base`,
  invalid: (field: string, detail: string) => `${field} is invalid: ${detail}`,
  dirMissing: () => 'knowledge folder not found: pass --knowledge DIR or set KNOWLEDGE_DIR to a folder of *.yml files',
  noFiles: () => 'no knowledge files (*.yml, *.yaml) found: add one file per source (see knowledge/README.md)',
  unreadable: (detail: string) => `cannot read the file: ${detail}`,
});

export const fieldHints: Readonly<Record<string, string>> = Object.freeze({
  source: 'add a source: block with at least a title',
  title: 'give the source its title',
  facts: 'add a facts: list with at least one fact',
  id: 'give the fact an id made of lowercase letters, digits and hyphens',
  text: 'add the verbatim excerpt this fact quotes',
});

export const USAGE = `Usage: brief <command> [options]

Commands:
  ask [QUESTION]        Answer a question from the knowledge base (no QUESTION: one per line on stdin)
      --json            One JSON object per question (JSON Lines)
      --top N           Show up to N matches (default 3)
      --context         Show the sentences before and after the excerpt in the source's stored text
      --lexical         Word matching alone: starts faster, but answers less precisely (no sentence model)
  check [DIR]           Validate a knowledge folder (every book, and channels.yml); list every problem as path:line: message
      --strict          Facts past their review_by date, and questions stored or subjects defined by more
                        than one fact, are errors (default: warnings)
  review [DIR]          Facts due for review (review_by reached), oldest first
  books                 The books of the knowledge folder, their size and the channels that search each
  stats                 Facts, sources, drafts, reviews due; questions per week from the feedback log
  ingest FILE|URL...    Draft knowledge from documents (.txt, .md, .html, .docx, .pdf), files or http(s) addresses
      --out DIR         Where to write (default ./knowledge); re-running updates the drafts
      --source-title T  --publisher P  --date YYYY[-MM[-DD]]  --url URL
                        Source fields the document does not show (never guessed)
  eval FILE.jsonl       Score a question set ({"q": ..., "expect": [phrases] | null} per line)
      --min RATIO       Exit 1 when overall accuracy is below RATIO (default 0.9)
      --lexical         Score word matching alone (compare with the default, which adds the sentence model)
      --json            The same report as one JSON object
  gaps                  Curators' to-do list: most frequent unanswered questions, most 👎 facts,
                        questions marked 👍 proposed as new phrasings of their facts, and 👎 as
                        questions their facts do not answer
      --apply           Write the proposed phrasings into the facts' questions (comments and layout kept)
      --refuse          Write the refused phrasings into the facts' does_not_answer
      --accept N,…      Write the numbered proposals for unanswered questions into the facts' questions
      --log FILE        Feedback log, for gaps and stats (default: FEEDBACK_LOG or ./feedback.jsonl;
                        with DATABASE_URL set, both read PostgreSQL instead)

Common options:
  --knowledge DIR       Knowledge folder (default: KNOWLEDGE_DIR or the bundled knowledge/)
  --book NAME           The book to use (ask, eval, gaps, stats, review; default: channels.yml's default)
  -h, --help            Show this help

Examples:
  brief ask "What are the NRF's stated goals?"
  brief ask --json --top 1 < questions.txt
  brief check knowledge/
  brief eval questions.jsonl --min 0.95`;

export const cliMessages = Object.freeze({
  semanticDeferred: (texts: number) =>
    `brief: answering by word matching alone: the sentence vectors of this knowledge (${texts.toLocaleString('en')} texts, about ${Math.ceil(texts / 6000)} min to compute) are not cached yet. The bot computes and caches them in the background (npm start with the same KNOWLEDGE_DIR and KNOWLEDGE_CACHE_DIR); brief uses them from then on.`,
  semanticUnavailable: (detail: string) => `brief: answering by word matching alone: the sentence model failed (${detail}).`,
  feedbackUnavailable: (where: string, reason: string) => `Could not read the feedback in ${where}: ${reason}. Check DATABASE_URL and that the database is up.`,
  unknownCommand: (command: string) => `brief: unknown command "${command}"`,
  noCommand: () => 'brief: a command is required',
  badOption: (detail: string) => `brief: ${detail}`,
  badNumber: (option: string, value: string, rule: string) => `brief: ${option} must be ${rule}, not "${value}"`,
  evalFileMissing: () => 'brief eval: give the question file, e.g. brief eval questions.jsonl',
  evalFileUnreadable: (file: string, detail: string) => `brief eval: cannot read ${file}: ${detail}`,
  evalLineInvalid: (file: string, line: number, detail: string) =>
    `${file}:${line}: not a question line: ${detail}; expected {"q": "question", "expect": ["phrase", ...] or null}`,
  evalNotJson: (detail: string) => `not valid JSON (${detail})`,
  evalNotAnObject: (found: string) => `the line is ${found}, not a JSON object`,
  evalFieldMissing: (field: string) => `${field} is missing`,
  evalFieldEmpty: (field: string) => `${field} is empty`,
  evalFieldWrongType: (field: string, expected: string, found: string) => `${field} should be ${expected}, not ${found}`,
  checkOk: (dir: string, sources: number, facts: number, aliasGroups: number) =>
    `${dir}: OK: ${sources} ${plural(sources, 'source')}, ${facts} ${plural(facts, 'fact')}, ${aliasGroups} alias ${plural(aliasGroups, 'group')}`,
  checkFailed: (problems: number, files: number) =>
    `${problems} ${plural(problems, 'problem')} in ${files} ${plural(files, 'file')}: fix them and run brief check again`,
  notCovered: (question: string) => `Not in the knowledge base: nothing in it answers "${question}" with confidence.`,
  closestTopicsTitle: () => 'Closest topics:',
  coveredSourcesTitle: () => 'The knowledge base covers:',
  dislikedHeading: () => 'Facts with most 👎:',
  skippedLines: (count: number, where: string) => `Skipped ${count} unreadable line(s) in ${where}.`,
  belowMin: (overall: number, min: number) => `Overall accuracy ${(overall * 100).toFixed(1)}% is below --min ${(min * 100).toFixed(1)}%`,
  /** A closest topic ruled out by its fact's `does_not_answer`. */
  notAnsweredBy: (phrasing: string) => `ruled out, its does_not_answer lists "${phrasing}"`,
  /** The "Why:" line of an answer: why it matched (`matches`, as `describeMatch` words them), its score and fact. */
  why: (matches: string, score: string, fact: string, restated?: boolean, spelledOut?: string) =>
    `Why: ${spelledOut !== undefined ? `spells out ${spelledOut}; ` : restated ? 'asks what one of its stored questions asks; ' : ''}matched ${matches} (score ${score}, fact ${fact})`,
  otherMatchesTitle: 'Other matches:',
  toCheck: 'Not a sure match: check that the excerpt answers the question before you rely on it.',
  gapsHeading: () => 'Unanswered questions, grouped by what they ask (brief gaps --accept N writes proposal N into the knowledge):',
  gapAddPhrasing: (n: number, factId: string, relevance: number) =>
    `proposal ${n}: add this phrasing to fact ${factId} (match ${relevance.toFixed(2)}), if that fact answers it`,
  gapWriteFact: (closest: string | undefined, relevance: number) =>
    `no fact covers this: write one${closest ? ` (closest: ${closest}, match ${relevance.toFixed(2)})` : ''}`,
  noFeedbackLog: (file: string) => `No feedback log at ${file} yet: it fills as people ask the bot and press 👍/👎.`,
  proposalsHeading: () => 'Proposed phrasings (questions people marked 👍; brief gaps --apply adds them to the facts\' questions):',
  notProposals: (numbers: readonly number[], proposals: readonly number[]) =>
    `brief gaps --accept ${numbers.join(',')}: ${numbers.length > 1 ? 'these are not proposals' : 'not a proposal'} of brief gaps (${proposals.length > 0 ? `its proposals now: ${proposals.join(', ')}` : 'it has none now'}), so nothing was written. A gap that says "no fact covers this" needs a fact written first.`,
  noProposals: () => 'No proposed phrasings: every question marked 👍 is already among its fact\'s questions.',
  noRefusals: () => 'No refused phrasings: every question marked 👎 is already among those its fact does not answer.',
  refusalsHeading: () => 'Refused phrasings (questions people marked 👎; brief gaps --refuse adds them to the facts\' does_not_answer, so they are not answered with them again):',
  proposalHeld: (holder: string, stored: boolean) =>
    `${stored ? `fact "${holder}" already has it among its questions` : `a proposal above gives it to fact "${holder}"`}: --apply skips it`,
  phrasingHeld: (question: string, factId: string, holder: string, stored: boolean) =>
    holder === factId
      ? `skipped ${JSON.stringify(question)} for fact "${factId}": ${stored ? 'it already has it among its questions' : 'an earlier proposal of this run adds it'}`
      : `skipped ${JSON.stringify(question)} for fact "${factId}": ${stored ? `fact "${holder}" already has it among its questions` : `an earlier proposal of this run gives it to fact "${holder}"`}, and a question two facts store is answered with whichever ranks first. If "${factId}" answers it better, move it there by hand`,
  phrasingAdded: (file: string, factId: string, question: string) => `${file}: fact "${factId}" now also answers ${JSON.stringify(question)}`,
  refusalAdded: (file: string, factId: string, question: string) => `${file}: fact "${factId}" no longer answers ${JSON.stringify(question)} (does_not_answer)`,
  borrowedWords: (factId: string, words: ReadonlyArray<{ word: string; factIds: readonly string[] }>) =>
    `caution: it lends ${factId} words of other facts (${words
      .map(({ word, factIds }) => `"${word}" from ${factIds.slice(0, 2).join(', ')}${factIds.length > 2 ? ` +${factIds.length - 2} more` : ''}`)
      .join('; ')}), so questions about those facts may then match ${factId}: reword it, or check them with brief ask`,
  applyFailed: (file: string, detail: string) => `${file}: not changed: ${detail}`,
  emptyQuestion: () => 'Ask a question, e.g. brief ask "What are the NRF\'s stated goals?"',
});

export function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** Where each setting lives in the Slack app settings (https://api.slack.com/apps → your app). */
export const SETTING_HELP: Readonly<Record<string, string>> = Object.freeze({
  SLACK_BOT_TOKEN: 'Slack app settings → OAuth & Permissions → "Bot User OAuth Token" (starts with xoxb-; install the app to your workspace first)',
  SLACK_APP_TOKEN: 'Slack app settings → Basic Information → App-Level Tokens → "Generate Token and Scopes" with the connections:write scope (starts with xapp-)',
  SLACK_SIGNING_SECRET: 'Slack app settings → Basic Information → App Credentials → "Signing Secret" (32 hexadecimal characters)',
  SLACK_CLIENT_ID: 'Slack app settings → Basic Information → App Credentials → "Client ID" (digits, a dot, digits)',
  SLACK_CLIENT_SECRET: 'Slack app settings → Basic Information → App Credentials → "Client Secret" (32 hexadecimal characters)',
  SLACK_STATE_SECRET: 'any random string of at least 32 characters you make up and keep secret, e.g. the output of `openssl rand -hex 32` (it signs the install state cookie)',
  PORT: 'a TCP port number from 1 to 65535 for the HTTP server (default 3000)',
  SLACK_API_URL: 'the Web API base URL, e.g. https://slack.com/api/ (leave unset for Slack itself)',
  SLACK_API_TIMEOUT_MS: 'milliseconds before a Web API call is abandoned (default 10000)',
  SLACK_STARTUP_RETRY_MS: 'milliseconds start-up keeps retrying an unreachable Web API (default 30000; 0 = try once)',
  AUTO_ANSWER_CHANNELS: 'comma-separated channel IDs such as C0123ABCD (channel details → About → Channel ID)',
  LOG_LEVEL: 'one of debug, info, warn, error',
  ALLOWED_TEAM_IDS: 'comma-separated workspace IDs (T…)',
  ALLOWED_CHANNEL_IDS: 'comma-separated channel IDs (C…, G…, D…)',
  LOG_QUESTIONS: 'true or false',
  EXPERTS_CHANNEL: 'the ID of the channel where "Ask an expert" posts questions (channel details → About → Channel ID); invite the bot there',
  CURATOR_IDS: "comma-separated user IDs (U…) of the curators, whose App Home lists recent unanswered questions and 👎 (a person's profile → ⋮ → Copy member ID)",
});

export const configMessages = Object.freeze({
  header: 'Briefing Bot cannot start: fix the settings below (in the environment or in .env; see .env.example).',
  missing: (name: string) => `${name} is not set. Where to find it: ${SETTING_HELP[name] ?? ''}`,
  missingForHttp: (name: string) =>
    `${name} is not set, and HTTP mode needs it (or set SLACK_APP_TOKEN to use Socket Mode instead). Where to find it: ${SETTING_HELP[name] ?? ''}`,
  // Never echo the value: a malformed token may still be a secret.
  malformed: (name: string, expected: string) =>
    `${name} is malformed: expected ${expected}.${/^SLACK_(BOT|APP)_TOKEN$|^SLACK_(SIGNING|CLIENT)_SECRET$|^SLACK_CLIENT_ID$/.test(name) ? ` Where to find it: ${SETTING_HELP[name]}` : ''}`,
  exampleValue: (name: string) =>
    `${name} is still the example value from .env.example: replace it with your own. Where to find it: ${SETTING_HELP[name] ?? ''}`,
  exampleAppToken: () =>
    `SLACK_APP_TOKEN is still the example value from .env.example: for Socket Mode replace it with your app-level token (${SETTING_HELP.SLACK_APP_TOKEN}); for HTTP mode delete the line.`,
  tokenAndOAuth: () =>
    'SLACK_BOT_TOKEN is set together with the OAuth settings (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET): choose one. One workspace: keep SLACK_BOT_TOKEN and delete the OAuth settings. Many workspaces (installed through /slack/install): delete SLACK_BOT_TOKEN.',
  missingForOAuth: (name: string) =>
    `${name} is not set, and installing in many workspaces (OAuth) needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together. Where to find it: ${SETTING_HELP[name] ?? ''}`,
  oauthNeedsDatabase: () =>
    'DATABASE_URL is not set, and installing in many workspaces (OAuth: SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET) needs it: the workspaces\' tokens are kept in PostgreSQL, so that they survive a restart and every replica sees them. Set DATABASE_URL=postgres://USER@HOST:5432/DATABASE.',
  notConnected: () =>
    [
      'Briefing Bot is not connected to Slack yet: no Slack settings were found.',
      '',
      'To connect it (step by step: README.md, "Connect to Slack"):',
      '  1. At https://api.slack.com/apps choose "Create New App" → "From a manifest" and paste app-manifest.yml.',
      '  2. Install the app to your workspace, then either',
      '       Socket Mode (no public URL needed): set SLACK_BOT_TOKEN=xoxb-… and SLACK_APP_TOKEN=xapp-…',
      '       HTTP mode: set SLACK_BOT_TOKEN=xoxb-… and SLACK_SIGNING_SECRET=…, and point the app at https://YOUR-HOST/slack/events',
      '  3. Put them in .env (copy .env.example) and run npm start again.',
      '',
      'To try the bot offline right now, no Slack needed:',
      '  npx --no-install brief ask "What are the NRF\'s stated goals?"',
    ].join('\n'),
});

/** Start-up checks against Slack itself, after the settings are well-formed. One line each: they end the process. */
export const startupMessages = Object.freeze({
  tokenRejected: (name: string, code: string) =>
    `Briefing Bot cannot start: Slack rejected ${name} (${code}). Get a current value from ${SETTING_HELP[name] ?? ''}, then run npm start again.`,
  refused: (method: string, code: string) =>
    `Briefing Bot cannot start: Slack answered ${method} with the error ${code}. Check the app's settings at https://api.slack.com/apps, then run npm start again.`,
  unreachable: (url: string, seconds: number, detail: string) =>
    `Briefing Bot cannot start: the Slack Web API at ${url} did not answer (${detail}), and retrying for ${seconds} s did not help. Check the network, the proxy or SLACK_API_URL, then run npm start again.`,
  failed: (detail: string) => `Briefing Bot failed to start: ${detail}`,
  running: (mode: string, facts: number, sources: number, team: string) =>
    `Briefing Bot is running (${mode}) in workspace ${team}, ${facts} facts from ${sources} sources`,
  runningOAuth: (mode: string, facts: number, sources: number, installPath: string) =>
    `Briefing Bot is running (${mode}) for every workspace that installs it at ${installPath}, ${facts} facts from ${sources} sources`,
});

/** The OAuth install flow (the page Bolt shows after Slack's redirect, and the log). */
export const installMessages = Object.freeze({
  rotationRefused: () =>
    'Briefing Bot was not installed: this Slack app has token rotation turned on, which Briefing Bot does not support. Turn it off (Slack app settings → OAuth & Permissions → Advanced token security via token rotation → Opt out), then install again.',
  teamNotAllowed: (team: string) => `Briefing Bot was not installed: workspace ${team} is not in ALLOWED_TEAM_IDS on this server. Ask its operator to add it.`,
});

export const cacheMessages = Object.freeze({
  folderRefused: (dir: string, why: string) =>
    `knowledge cache ${dir} not used: ${why}; working without a cache (slower start). Fix: chmod 700 the folder, or set KNOWLEDGE_CACHE_DIR to a folder of your own`,
  keyRefused: (file: string, why: string) => `its key ${file} is unsafe (${why}): delete the file and it will be created again`,
  unusable: (dir: string, detail: string) =>
    `knowledge cache ${dir} not used: ${detail}; working without a cache (slower start). Set KNOWLEDGE_CACHE_DIR to a folder of your own`,
});

export const slackMessages = Object.freeze({
  notEnabledHere: () =>
    "Briefing Bot isn't enabled in this channel or workspace, so it won't answer here. A Slack admin can enable it (ALLOWED_CHANNEL_IDS / ALLOWED_TEAM_IDS).",
  rateLimited: (limit: number, waitSeconds: number) =>
    `You've asked ${limit} questions in the last minute, which is my limit per person. Please try again in ${waitSeconds} s.`,
  replyFailed: () => 'Sorry, Slack did not accept my answer. Please try again in a moment.',
  notCovered: () => "The knowledge base doesn't cover that, so I can't answer it with a quote.",
  closestTopicsTitle: () => 'Closest topics I can answer:',
  coveredSourcesTitle: () => 'It covers these sources:',
  helpText: (example: string) =>
    `Ask me a briefing question, e.g. /brief ${example}. I answer with a verbatim excerpt and its source, or say when the knowledge base doesn't cover it.`,
  helpHowTo: () =>
    '*Ask me a briefing question.* I reply with the verbatim excerpt that answers it and its source, or say plainly that the knowledge base does not cover it.\n' +
    '• `/brief your question` — only you see the answer; *Share in channel* posts it for everyone\n' +
    '• Mention me in a channel — I answer in a thread\n' +
    '• Send me a direct message',
  noOtherMatches: () => 'No other matches in the knowledge base.',
  answerGone: () => 'That answer is no longer in the knowledge base: ask again to get a fresh one.',
  unreadableButton: () => 'Sorry, I could not read that button. Please ask again.',
  thanksUp: () => 'Thanks! Glad that helped.',
  welcome: () => "You're welcome. Ask me another briefing question any time.",
  thanksDown: () => 'Thanks, noted: the curators review answers marked 👎.',
  shareButton: () => 'Share in channel',
  otherMatchesButton: () => 'Other matches',
  /** `user` is a Slack user id: the mention names who shared, it does not ping anyone new. */
  sharedBy: (user: string) => `Shared by <@${user}>`,
  inContextButton: () => 'In context',
  inContextTitle: (textFile: string) => `In context, from ${textFile}:`,
  noContext: () => "I can't show that excerpt in context: its source has no stored text, or the excerpt is no longer in it.",
  toCheck: () => ':mag: Not a sure match: check that this excerpt answers your question before you rely on it.',
});

/** Curation: drafts, review dates, verbatim checks, ingest. */
export const curationMessages = Object.freeze({
  asOf: (date: string) => `as of ${formatDate(date)}`,
  draft: (id: string) => `fact "${id}" is a draft: it is not answered until you delete its "status: draft" line`,
  reviewDue: (id: string, date: string) =>
    `fact "${id}" was due for review on ${formatDate(date)}: check it against its source, then move review_by to the next review date`,
  questionShared: (id: string, question: string, others: ReadonlyArray<{ id: string; at: string }>) =>
    `fact "${id}" stores the question ${JSON.stringify(question)}, as ${others.map((o) => `fact "${o.id}" (${o.at})`).join(' and ')} ${others.length > 1 ? 'do' : 'does'}: asked so, it is answered with whichever ranks first by word matching. Keep it on the one fact that answers it`,
  subjectShared: (id: string, question: string, others: ReadonlyArray<{ id: string; at: string; question: string }>) =>
    `fact "${id}" defines the subject of ${JSON.stringify(question)}, as ${others.map((o) => `fact "${o.id}" (${o.at}) does with ${JSON.stringify(o.question)}`).join(' and ')}: a request for an overview of it ("tell me about …") is answered with whichever ranks first by word matching. Keep the questions that define it on the one fact that does`,
  checkSummaryExtras: (drafts: number, due: number, shared: number, subjects: number) =>
    [
      drafts > 0 && `${drafts} ${plural(drafts, 'draft')}`,
      due > 0 && `${due} due for review`,
      shared > 0 && `${shared} ${plural(shared, 'question')} stored by more than one fact`,
      subjects > 0 && `${subjects} ${plural(subjects, 'subject')} defined by more than one fact`,
    ]
      .filter(Boolean)
      .join(', '),
  strictFailed: (due: number, shared: number, subjects: number) =>
    [
      due > 0 && `${due} ${plural(due, 'fact')} due for review (--strict): review ${due > 1 ? 'them' : 'it'} and run brief check again`,
      shared > 0 && `${shared} ${plural(shared, 'question')} stored by more than one fact (--strict): keep each on one fact and run brief check again`,
      subjects > 0 &&
        `${subjects} ${plural(subjects, 'subject')} defined by more than one fact (--strict): keep the questions that define each subject on one fact and run brief check again`,
    ]
      .filter(Boolean)
      .join('\n'),
  reviewItem: (date: string, where: string, id: string, topic: string) => `${formatDate(date)}  ${where}  ${id}: ${topic}`,
  notVerbatim: (id: string, textFile: string, passage: string, diff: string) =>
    `fact "${id}" is not verbatim in ${textFile}\n  closest passage: "${passage}"\n  diff ([-fact only-] {+source only+}): ${diff}`,
  textFileUnreadable: (textFile: string, detail: string) =>
    `the stored text ${textFile} of this source cannot be read (${detail}): fix source.text_file or restore the file`,
  contextHeader: (textFile: string) => `  In ${textFile}:`,
  contextBefore: (sentence: string) => `    before: ${sentence}`,
  contextAfter: (sentence: string) => `    after:  ${sentence}`,
  contextNotFound: (textFile: string) => `  (not found word for word in ${textFile}: run brief check)`,
  noStoredText: () => '  (no stored text for this source: brief ingest keeps one, or set source.text_file)',
  statsKnowledge: (dir: string, sources: number, facts: number, drafts: number, due: number) =>
    `${dir}: ${sources} ${plural(sources, 'source')}, ${facts} published ${plural(facts, 'fact')}, ${drafts} ${plural(drafts, 'draft')}, ${due} due for review`,
  statsHeader: (file: string) => `Questions per week (${file}):\n  week      asked  answered  unanswered   👍   👎`,
  statsRow: (week: string, asked: number, answered: number, unanswered: number, up: number, down: number) =>
    `  ${week}  ${String(asked).padStart(5)}  ${String(answered).padStart(8)}  ${String(unanswered).padStart(10)}  ${String(up).padStart(3)}  ${String(down).padStart(3)}`,
  statsNote: () => 'Counts what the log records: unanswered questions and rated answers (an answer nobody rated is not logged).',
  nothingDue: () => 'Nothing is due for review.',
  reviewHeader: (due: number) => `${due} ${plural(due, 'fact')} due for review, oldest first:`,
});

/** `brief ingest`: what it read, what it wrote, and what stops it (then it writes nothing). */
export const ingestMessages = Object.freeze({
  noFiles: () => 'brief ingest: give the documents to ingest, e.g. brief ingest report.pdf --out knowledge/',
  fetchFailed: (url: string, detail: string) => `${url}: could not download it (${detail}): nothing was written`,
  unsupported: (file: string, ext: string) =>
    `${file}: cannot ingest "${ext || 'no extension'}" files: give a .txt, .md, .html, .docx or .pdf document`,
  unreadable: (file: string, detail: string) => `${file}: cannot read the file (${detail})`,
  noText: (file: string) => `${file}: no text found: the document is empty (a scanned PDF needs OCR first)`,
  noTitle: (file: string, line: number, name: string, sections: number) =>
    sections > 1
      ? `${file}:${line}: this section has no title line: name it in ${name}.sections.yml, e.g. "- line: ${line}" and "  title: …" (see README, Curating knowledge)`
      : `${file}: no title found in the document: pass --source-title "…"`,
  titleForManySections: (file: string, sections: number) =>
    `${file}: --source-title names one source, but the document has ${sections} sections: name them in its .sections.yml file instead`,
  overrideLinePastEnd: (line: number, lines: number) => `line ${line} is past the end of the document (${lines} lines): give the line where the section starts`,
  encrypted: (file: string) => `${file}: the PDF is password-protected: save an unprotected copy and ingest that`,
  malformed: (file: string, kind: string, detail: string) => `${file}: not a readable ${kind} (${detail}): nothing was written`,
  badOption: (option: string, value: string, rule: string) => `brief ingest: ${option} "${value}" is not valid: ${rule}`,
  existingInvalid: (file: string) => `${file}: the existing knowledge file has problems: fix them (brief check) and ingest again; nothing was written`,
  progress: (file: string, megabytes: string) => `Reading ${file} (${megabytes} MB)…`,
  created: (file: string, facts: number, title: string) => `${file}: new: ${facts} draft ${plural(facts, 'fact')} from "${title}"`,
  updated: (file: string, r: { added: number; removed: number; kept: number; published: number }) =>
    `${file}: updated: ${r.added} new ${plural(r.added, 'draft')}, ${r.removed} ${plural(r.removed, 'draft')} removed (no longer in the document), ${r.kept} ${plural(r.kept, 'draft')} kept, ${r.published} published ${plural(r.published, 'fact')} kept unchanged`,
  sameOutput: (file: string) =>
    `two of the documents would both write ${file} (same source title or file name): ingest them one at a time, or rename one; nothing was written`,
  unchanged: (file: string) => `${file}: unchanged`,
  stale: (id: string) => `published fact "${id}" is no longer in the document: review it (brief check shows the difference)`,
  storedText: (file: string, sha: string) => `${file}: stored text, sha256 ${sha.slice(0, 12)}…`,
  next: (dir: string) => `Next: review the drafts in ${dir}, add questions, delete "status: draft" from each fact you keep, then run: brief check ${dir}`,
});

/** "Ask an expert": a question handed to the people in EXPERTS_CHANNEL, and their reply handed back. */
export const expertMessages = Object.freeze({
  button: () => 'Ask an expert',
  asked: (channel: string) => `I've passed your question to the experts in <#${channel}>. When one of them replies, I'll send you the answer here in a direct message.`,
  unreachable: () => "Sorry, I couldn't reach the experts' channel. Please ask them directly.",
  question: (asker: string) => `*Question from <@${asker}>:*`,
  askedIn: (where: string) => `Asked in ${where}`,
  replyHint: () => "Reply in this thread: I'll send each reply to the asker and note it in the curators' feedback log.",
  answered: (expert: string) => `*<@${expert}> from the experts' channel answered your question:*`,
  notFromBriefing: () => "This answer is from a person, not from the briefing's knowledge base.",
});

/** The App Home tab: how to ask, the sources, and for curators their to-do list. */
export const homeMessages = Object.freeze({
  title: () => 'Briefing Bot',
  howToAsk: () =>
    '*Ask me a briefing question.* I reply with the verbatim excerpt that answers it and its source, or say plainly that the knowledge base does not cover it.\n' +
    '• `/brief your question` — only you see the answer; *Share in channel* posts it for everyone\n' +
    '• Mention me in a channel — I answer in a thread\n' +
    '• Send me a direct message (the *Messages* tab)\n' +
    '• On any message, *⋮ → Check the briefing* — what the briefing says on its claims, shown only to you',
  tryThese: () => '*Try:*',
  sources: (n: number) => `*Sources (${n}):*`,
  factCount: (n: number) => `${n} ${plural(n, 'fact')}`,
  more: (n: number, what: string) => `… and ${n} more ${plural(n, what)}`,
  curatorTitle: () => 'For curators',
  unanswered: (n: number) => `*Recent questions I could not answer* (${n} in the feedback log, newest first):`,
  disliked: (n: number) => `*Recent 👎* (${n} in the feedback log, newest first):`,
  noneYet: () => 'None yet.',
  factGone: (id: string) => `fact ${id}, no longer in the knowledge base`,
  noFact: () => 'no fact recorded',
});

/** The "Check against the briefing" message shortcut: what the briefing says on the message's claims, never a verdict. */
export const checkMessages = Object.freeze({
  noText: () => 'That message has no sentences I can check against the briefing.',
  nothing: (claims: number) =>
    `The briefing has nothing on this message: none of its ${claims} ${plural(claims, 'sentence')} matches a fact in the knowledge base.`,
  claim: () => 'Claim:',
  briefingSays: () => 'The briefing says:',
  moreSupported: (n: number) => `… and ${n} more ${plural(n, 'sentence')} with related facts.`,
  unsupported: (n: number) => `${n} ${plural(n, 'sentence')} of the message ${n === 1 ? 'has' : 'have'} nothing in the briefing.`,
});

/** Briefing books (sub-folders of the knowledge folder) and channels.yml, which maps channels to them. */
export const bookMessages = Object.freeze({
  notAChannelId: (field: string, key: string) =>
    `${field}: "${key}" is not a channel id: write the channel's id, e.g. C0123ABCD (in Slack: the channel's name › About, at the bottom); names are not used because they change`,
  unknownBook: (field: string, book: string, known: readonly string[]) =>
    `${field} "${book}" is not a book: the books are ${known.join(', ')} (one per sub-folder of the knowledge folder; "default" is the files at its top)`,
  noDefault: (known: readonly string[]) =>
    `no default book: the knowledge folder has no files of its own, so say which book answers direct messages and channels not listed: add "default: BOOK" (books: ${known.join(', ')})`,
  reservedName: () => 'a sub-folder cannot be named "default": that is the name of the book formed by the files at the top of the knowledge folder; rename the folder',
  emptyFile: () => 'the file is empty: write "channels:" with one "CHANNEL_ID: book" line per channel, or delete the file',
  notAMapping: (found: string) => `the file should be a mapping with channels: (and optionally default:) at the top level, not ${found}`,
  unknownBookOption: (book: string, known: readonly string[]) => `brief: no book named "${book}": the books are ${known.join(', ')}`,
  booksHeading: (dir: string) => `Books in ${dir} (channels.yml maps channels to them):`,
  bookLine: (name: string, isDefault: boolean, facts: number, sources: number, channels: readonly string[]) =>
    `  ${name}${isDefault ? ' (default: DMs, App Home, channels not listed)' : ''}: ${facts} ${plural(facts, 'fact')}, ${sources} ${plural(sources, 'source')}${channels.length ? `; channels ${channels.join(', ')}` : ''}`,
  channelsOk: (file: string, channels: number, defaultBook: string) =>
    `${file}: OK: ${channels} ${plural(channels, 'channel')} mapped, default book ${defaultBook}`,
});
