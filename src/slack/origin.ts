/** Who sent a request and where, whatever its kind (event, slash command, button). */
export interface Origin {
  kind: 'event' | 'command' | 'action' | 'other';
  team?: string;
  channel?: string;
  user?: string;
  /** An event type ("app_mention", "message"), for events. */
  eventType?: string;
  channelType?: string;
  /** The user addressed the bot (a mention, a DM, a command, a button), as opposed to channel chatter. */
  addressed: boolean;
  isBot: boolean;
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
      channel: e.channel,
      user: e.user,
      eventType: e.type,
      channelType: e.channel_type,
      addressed,
      isBot: !!e.bot_id || (e.subtype !== undefined && e.subtype !== 'file_share' && e.subtype !== 'thread_broadcast'),
      text: e.text,
      ts: e.ts,
      threadTs: e.thread_ts,
    };
  }
  if (typeof body.command === 'string') {
    return { kind: 'command', team: body.team_id, channel: body.channel_id, user: body.user_id, addressed: true, isBot: false, text: body.text };
  }
  if (body.type === 'block_actions') {
    return { kind: 'action', team: body.team?.id ?? body.user?.team_id, channel: body.channel?.id ?? body.container?.channel_id, user: body.user?.id, addressed: true, isBot: false };
  }
  return { kind: 'other', team: body.team_id, addressed: false, isBot: false };
}
