/** Search queries that reach both halves of the index: common words, prefixes ("exclusion" reaches "exclusions"), misspellings within fuzzy reach, rare names. */
export const SEARCH_QUERIES = [
  'school exclusions',
  'exclusion',
  'safeguardng children',
  'social work health check',
  'holiday activities food funding headstart',
  'children in care placements',
  'virtual school head report attainment',
  'Councillor Potter',
];
