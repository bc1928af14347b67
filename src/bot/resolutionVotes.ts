import type { Minutes, RecordedVote, Resolution } from '../model';

const NONE: readonly RecordedVote[] = [];
const built = new WeakMap<readonly Minutes[], Map<string, readonly RecordedVote[]>>();

/**
 * The recorded votes of the minute item a resolution was resolved under (none for most decisions),
 * looked up by where the resolution is written. Built once per corpus.
 */
export function resolutionVotes(minutes: readonly Minutes[]): (resolution: Resolution) => readonly RecordedVote[] {
  let byPlace = built.get(minutes);
  if (!byPlace) {
    byPlace = new Map();
    for (const record of minutes) {
      for (const item of record.items) {
        if (item.votes.length === 0) continue;
        for (const r of item.resolutions) byPlace.set(placeOf(r), item.votes);
      }
    }
    built.set(minutes, byPlace);
  }
  const found = byPlace;
  return (resolution) => found.get(placeOf(resolution)) ?? NONE;
}

function placeOf(r: Resolution): string {
  return `${r.source.file}\n${r.source.lineStart}`;
}
