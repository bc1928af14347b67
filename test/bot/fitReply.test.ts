import { fitReply, MAX_REPLY_BYTES } from '../../src/bot/fitReply';

const size = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

describe('fitReply', () => {
  it('leaves a reply that fits as it is', () => {
    const reply = { type: 'message', text: 'Resolved: that the report be noted.' };
    expect(fitReply(reply)).toEqual({ activity: reply, shortened: false });
  });

  it('cuts a long text to fit, at a word, saying so, keeping small cards and citations', () => {
    const reply = { type: 'message', text: 'minute '.repeat(40_000), entities: [{ type: 'https://schema.org/Message' }] };
    const { activity, shortened } = fitReply(reply);
    expect(shortened).toBe(true);
    expect(size(activity)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
    expect(activity.text).toMatch(/^minute minute .*minute\n\n_\(Shortened: the full reply was too long for Teams\.\)_$/su);
    expect(activity.entities).toEqual(reply.entities);
  });

  it('counts characters as the bytes they are sent as', () => {
    const { activity } = fitReply({ type: 'message', text: 'é"\u2019'.repeat(60_000) });
    expect(size(activity)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
  });

  it('drops cards that alone are too large, keeping the text', () => {
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { body: 'x'.repeat(100_000) } };
    const { activity } = fitReply({ type: 'message', text: 'The panel resolved to note the report.', attachments: [card] });
    expect(activity.attachments).toBeUndefined();
    expect(activity.text).toMatch(/^The panel resolved to note the report\./u);
    expect(size(activity)).toBeLessThanOrEqual(MAX_REPLY_BYTES);
  });
});
