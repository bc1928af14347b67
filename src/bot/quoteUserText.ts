/** The most of a user's own words a reply repeats: enough to recognise, never a wall of text. */
export const MAX_QUOTED_CHARS = 60;

// Controls (NUL, escape), format characters (bidi overrides, zero-width joiners, BOM) and lone
// surrogates: they hide or reorder the text around them, and nobody types them on purpose.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;
// What Teams' markdown, its HTML subset and Adaptive Card TextBlocks give a meaning to: emphasis,
// links and images, code, headings, tables, tags and entities, `${...}` and `{{DATE(...)}}`.
const MARKUP = /[\\`*_~[\]()<>#|{}$!&]/gu;

/**
 * The user's words made safe to repeat in a markdown reply or a card: invisible characters dropped,
 * clipped (whole characters, never half an emoji), and markup escaped with a backslash, so that
 * `[a](javascript:…)` or `**x**` shows as typed instead of becoming a link or bold text.
 * @example quoteUserText('**x** [a](b)') // '\*\*x\*\* \[a\]\(b\)'
 */
export function quoteUserText(text: string, maxChars = MAX_QUOTED_CHARS): string {
  const visible = Array.from(text.replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim());
  const clipped = visible.length > maxChars ? `${visible.slice(0, maxChars).join('').trimEnd()}…` : visible.join('');
  return clipped.replace(MARKUP, (c) => `\\${c}`);
}
