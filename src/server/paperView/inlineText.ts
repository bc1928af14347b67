/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

// Text conversions of council papers carry light markdown: **bold** labels, *italic* headers and
// <https://...> links. Shown raw they read as noise; these become the emphasis they stand for.
// Each pattern is linear on a line already cut to VIEW_LIMITS.lineChars.
const BOLD = /\*\*([^*\n]{1,500}?)\*\*/gu;
const ITALIC = /(^|[\s(])\*([^*\s][^*\n]{0,500}?)\*(?=[\s).,;:]|$)/gu;
const LINK = /&#60;(https?:\/\/[^\s&]{1,500})&#62;/gu;
const LIST_MARK = /^(\s*)[-*] /u;

/** One line of paper text as HTML: escaped, with its markdown emphasis and links rendered. */
export function inlineHtml(line: string): string {
  return escapeHtml(line.replace(LIST_MARK, '$1• '))
    .replace(BOLD, '<strong>$1</strong>')
    .replace(ITALIC, '$1<em>$2</em>')
    .replace(LINK, '<a href="$1" rel="noopener noreferrer nofollow">$1</a>');
}

