/** What a command may touch, passed in so tests run commands in-process without globals. */
export interface CliIO {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Lines of standard input, read lazily (only `ask` with no question reads them). */
  stdinLines: () => AsyncIterable<string>;
  env: NodeJS.ProcessEnv;
  cwd: string;
}
