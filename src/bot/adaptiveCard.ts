/** Teams renders Adaptive Cards up to schema 1.5; newer elements are dropped silently. */
export const ADAPTIVE_CARD_VERSION = '1.5';

/**
 * Card elements are kept as plain JSON: the Adaptive Card schema is large and Teams is the
 * only consumer, so a full type model would cost more than it checks.
 */
export type CardElement = Readonly<Record<string, unknown>>;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardElement[];
}

export function adaptiveCard(body: readonly CardElement[], actions?: readonly CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
}

export const heading = (text: string): CardElement => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
export const paragraph = (text: string, extra: CardElement = {}): CardElement => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const facts = (pairs: readonly (readonly [string, string | null | undefined])[]): CardElement => ({
  type: 'FactSet',
  facts: pairs.filter((pair): pair is readonly [string, string] => Boolean(pair[1])).map(([title, value]) => ({ title, value })),
});
export const openUrl = (title: string, url: string): CardElement => ({ type: 'Action.OpenUrl', title, url });
/** An OpenUrl action, or none when there is no link (the paper view is off). */
export const openUrlIfAny = (title: string, url: string | null): CardElement[] => (url === null ? [] : [openUrl(title, url)]);
