import type { Coverage } from '../parse';

/** How many files a list names before "and N more". */
const LISTED = 8;

/**
 * The coverage summary that ends `npm run papers`: what the bot did not understand, so a council's IT
 * team can see at once which papers to look at (or which headings to add to data/).
 */
export function coverageSummary(c: Coverage): string {
  const out: string[] = ['', 'Coverage:'];
  const pct = (n: number, of: number): string => (of === 0 ? '' : ` (${Math.round((100 * n) / of)}%)`);
  out.push(`  files with an identity (committee and meeting date): ${c.identified}/${c.files}${pct(c.identified, c.files)}; committee ${c.withCommittee}/${c.files}, date ${c.withDate}/${c.files}`);
  if (c.unidentified.length > 0) out.push(`    not identified: ${listed(c.unidentified)}`);
  out.push(`  meetings per committee:${c.committees.length === 0 ? ' none found' : ''}`);
  for (const k of c.committees) {
    const status = Object.entries(k.status).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ');
    out.push(`    ${k.committee}: ${k.meetings} (${status}), ${k.withPapers} with papers`);
  }
  const m = c.minutes;
  out.push(`  minutes: ${m.total}; attendance found in ${m.withAttendance}, apologies in ${m.withApologies}, declarations in ${m.withDeclarations}, decisions in ${m.withDecisions}`);
  out.push(`  lines that look like decisions left outside any decision record: ${c.decisionLinesOutside.count}`);
  for (const l of c.decisionLinesOutside.examples) out.push(`    ${l.file}:${l.line}: ${l.text.length > 100 ? `${l.text.slice(0, 97)}...` : l.text}`);
  out.push(`  files read by no layout, as plain text only: ${c.plainTextOnly.length}${c.plainTextOnly.length > 0 ? `: ${listed(c.plainTextOnly)}` : ''}`);
  out.push(`  files whose cues disagree: ${new Set(c.disagreements.map((d) => d.file)).size}`);
  for (const d of c.disagreements.slice(0, LISTED)) out.push(`    ${d.file}: ${d.field} ${d.kept}, not ${d.other}: ${d.why}`);
  return `${out.join('\n')}\n`;
}

function listed(files: readonly string[]): string {
  return `${files.slice(0, LISTED).join(', ')}${files.length > LISTED ? `, and ${files.length - LISTED} more` : ''}`;
}
