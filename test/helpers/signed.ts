import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '8f742231b10e8888abcd99e3f0c285a5';

/** Slack's v0 signature: HMAC-SHA256 of `v0:timestamp:body` with the signing secret. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  contentType?: string;
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

/** POSTs a signed request to the app, as Slack does. */
export async function sendSigned(url: string, body: string, options: SendOptions = {}): Promise<{ status: number; text: string; ms: number }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const started = Date.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/json',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
  return { status: response.status, text: await response.text(), ms: Date.now() - started };
}
