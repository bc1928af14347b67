/** A link as a path on this server: a page works whatever address it was opened at (PUBLIC_BASE_URL or not). */
export function relativeLink(link: string | null): string | null {
  if (!link) return null;
  const url = new URL(link);
  return `${url.pathname}${url.search}${url.hash}`;
}
