import { adaptiveCard, openUrl, paragraph, type AdaptiveCard, type CardElement } from './adaptiveCard';

/**
 * The welcome as a card. What it says is the caller's (`welcomeText`, from the papers served): each
 * paragraph becomes a text block, whose markdown (bold, lists) Teams renders in a card where a plain
 * message showed raw asterisks. The tab link opens the calendar, decision register and search.
 */
export function welcomeCard(text: string, tabLink: string | null): AdaptiveCard {
  const blocks: CardElement[] = text
    .split(/\n{2,}/u)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p, i) => paragraph(p, i === 0 ? { size: 'Medium', weight: 'Bolder' } : { spacing: 'Medium' }));
  return adaptiveCard(blocks, tabLink ? [openUrl('Browse meetings and decisions', tabLink)] : []);
}
