/** A document that cannot be ingested; each line is shown to the curator as is. Nothing is written. */
export class IngestError extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'IngestError';
  }
}
