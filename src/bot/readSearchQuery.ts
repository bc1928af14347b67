import { z } from 'zod';

/** What Teams sends with `composeExtension/query`: the search box is the `searchQuery` parameter. */
const SearchQueryValue = z.looseObject({
  parameters: z.array(z.looseObject({ name: z.unknown(), value: z.unknown() }).nullable()).max(20).optional(),
});

/** The typed search text, or '' for a query of any other shape (the extension then asks for a topic). */
export function readSearchQuery(value: unknown): string {
  const parsed = SearchQueryValue.safeParse(value);
  if (!parsed.success) return '';
  const text = parsed.data.parameters?.find((p) => p?.name === 'searchQuery')?.value;
  return typeof text === 'string' ? text : '';
}
