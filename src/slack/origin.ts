import { isFromPerson, type IncomingMessage } from './incoming';

/** Who sent a request and where, whatever its kind (event, slash command, button). */
export interface Origin {
  kind: 'event' | 'command' | 'action' | 'other';
  team?: string;
  channel?: string;
  user?: string;
  /** The user addressed the bot (a mention, a DM, a command, a button), as opposed to channel chatter. */
  addressed: boolean;
  /** Written by a person: not a bot, an edit, a deletion or a system notice. */
  fromPerson: boolean;
  text?: string;
  ts?: string;
  threadTs?: string;
}

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function originOf(raw: unknown): Origin {
  const body = (raw ?? {}) as Body;
  if (body.type === 'event_callback' && body.event) {
    const e = body.event as Body;
    const addressed = e.type === 'app_mention' || (e.type === 'message' && e.channel_type === 'im');
    return {
      kind: 'event',
      team: body.team_id ?? e.team,
      // The Home tab is not a conversation: the channel allowlist does not apply to it.
      channel: e.type === 'app_home_opened' ? undefined : e.channel,
      user: e.user,
      addressed,
      fromPerson: isFromPerson(e as IncomingMessage),
      text: e.text,
      ts: e.ts,
      threadTs: e.thread_ts,
    };
  }
  if (typeof body.command === 'string') {
    return { kind: 'command', team: body.team_id, channel: body.channel_id, user: body.user_id, addressed: true, fromPerson: true, text: body.text };
  }
  // A message shortcut is a click like a button: same allowlists, and a decline goes to its response URL.
  if (body.type === 'block_actions' || body.type === 'message_action') {
    return { kind: 'action', team: body.team?.id ?? body.user?.team_id, channel: body.channel?.id ?? body.container?.channel_id, user: body.user?.id, addressed: true, fromPerson: true };
  }
  return { kind: 'other', team: body.team_id, addressed: false, fromPerson: false };
}
