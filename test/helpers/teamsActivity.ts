import type { Activity } from 'botbuilder';

export const BOT = { id: '28:panel-papers-bot', name: 'Panel Papers' } as const;
export const USER = { id: '29:user-1', name: 'Cllr Test', aadObjectId: '00000000-0000-0000-0000-0000000000aa' } as const;

/** A Teams-shaped message as the connector delivers it; override any field. */
export function teamsMessage(text: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: `msg-${Math.random().toString(36).slice(2)}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1',
    from: { ...USER },
    recipient: { ...BOT },
    conversation: { id: 'a:personal-conversation', conversationType: 'personal', isGroup: false, name: '' },
    text,
    textFormat: 'plain',
    locale: 'en-GB',
    ...overrides,
  };
}

/** A channel message that @mentions the bot, as Teams sends it. */
export function channelMention(question: string, overrides: Partial<Activity> = {}): Partial<Activity> {
  return teamsMessage(`<at>${BOT.name}</at> ${question}`, {
    conversation: { id: '19:channel@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, name: 'Scrutiny' },
    entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: { ...BOT } }],
    channelData: { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:channel@thread.tacv2' }, tenant: { id: 'tenant-1' } },
    ...overrides,
  });
}
