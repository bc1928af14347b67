import { join } from 'node:path';
import { REPO_ROOT } from '../config';
import { createInterface } from 'node:readline';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { answerQuestion } from '../answer';
import type { Answer } from '../model';
import { progressBar } from '../ingest';
import { loadPaperIndexAsync, type PaperIndex } from '../search';

/**
 * `npm run ask -- "question"` for a person; `--json` prints the answer object; `--as-of YYYY-MM-DD` sets the day;
 * `--jsonl` answers JSON Lines on stdin (the eval contract in ../shared/eval/README.md); no question: a prompt.
 */
const ISO_DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date as YYYY-MM-DD')
  .refine((value) => DateTime.fromISO(value).isValid, 'a date that exists (YYYY-MM-DD)');

const USAGE = `Usage: npm run ask -- [options] ["question"]

Answers a question from the papers, as the bot would, with its citations.
With no question: an interactive prompt.

Options:
  --as-of YYYY-MM-DD   the day the question is asked (default: today in Europe/London)
  --dir DIR            the papers folder (default: data/papers)
  --json               print the answer object as JSON
  --jsonl              answer JSON Lines on stdin: {"id", "question", "asOf"} a line (see ../shared/eval/README.md)
  --help               this text
`;

/** A command-line mistake: said with the usage, exit code 2, never a stack trace. */
class UsageError extends Error {}

const VALUE_FLAGS = new Set(['--dir', '--as-of']);
const SWITCHES = new Set(['--json', '--jsonl', '--help', '-h']);

/** Refuses flags it does not know and value flags without a value, so a typo is not read as part of the question. */
function checkFlags(argv: readonly string[]): void {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_FLAGS.has(a)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`ask: ${a} needs a value`);
      i++;
    } else if (a.startsWith('-') && !SWITCHES.has(a)) throw new UsageError(`ask: unknown option ${a}`);
  }
}
const JsonlQuestion = z.object({ id: z.union([z.string(), z.number()]), question: z.string(), asOf: ISO_DATE.nullish() });

function today(): string {
  return DateTime.now().setZone('Europe/London').toISODate()!;
}

function flag(argv: readonly string[], name: string): string | undefined {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  checkFlags(argv);
  const dir = flag(argv, '--dir') ?? join(REPO_ROOT, 'data', 'papers');
  const asOfFlag = flag(argv, '--as-of');
  if (asOfFlag !== undefined && !ISO_DATE.safeParse(asOfFlag).success) throw new UsageError(`ask: --as-of "${asOfFlag}" is not a real date written YYYY-MM-DD`);
  const { index, issues } = await loadPaperIndexAsync(dir, { onProgress: progressBar(process.stderr) });
  for (const issue of issues) process.stderr.write(`${issue.message}\n`);
  const asOf = asOfFlag ?? today();
  if (argv.includes('--jsonl')) return answerLines(index);
  const question = argv.filter((a, i) => !a.startsWith('--') && !VALUE_FLAGS.has(argv[i - 1] ?? '')).join(' ').trim();
  if (question) {
    const answer = answerQuestion(index, { text: question, asOf });
    process.stdout.write(argv.includes('--json') ? `${JSON.stringify(answer, null, 2)}\n` : forPerson(answer));
    return;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'ask> ' });
  process.stdout.write(`Panel Papers: ${index.stats.meetings} meetings in ${index.stats.files} papers. Ask a question (Ctrl-D to quit).\n`);
  rl.prompt();
  // The prompt is one conversation: "who presented it?" follows the last answer (--jsonl lines stay independent).
  let previous: Answer['context'];
  for await (const line of rl) {
    if (line.trim()) {
      const answer = answerQuestion(index, { text: line.trim(), asOf, previous });
      previous = answer.context;
      process.stdout.write(forPerson(answer));
    }
    rl.prompt();
  }
}

/** One JSON answer a line on stdout, in order; a bad line gets an error object, never a crash. */
async function answerLines(index: PaperIndex): Promise<void> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let parsed: z.infer<typeof JsonlQuestion>;
    try {
      parsed = JsonlQuestion.parse(JSON.parse(line));
    } catch (error) {
      process.stderr.write(`ask: skipped a line that is not {"id","question","asOf"}: ${(error as Error).message.slice(0, 200)}\n`);
      continue;
    }
    try {
      const answer = answerQuestion(index, { text: parsed.question, asOf: parsed.asOf ?? today() });
      process.stdout.write(`${JSON.stringify({ id: parsed.id, ...answer })}\n`);
    } catch (error) {
      // One question that trips a bug must not lose the answers to the rest.
      process.stderr.write(`ask: question ${parsed.id} failed: ${(error as Error).stack ?? String(error)}\n`);
      process.stdout.write(`${JSON.stringify({ id: parsed.id, kind: 'not_found', text: 'Sorry, I could not answer that question.', citations: [] })}\n`);
    }
  }
}

function forPerson(answer: Answer): string {
  const lines = [answer.text, ''];
  answer.citations.forEach((c, i) => {
    lines.push(`[${i + 1}] ${c.title} — ${c.file} lines ${c.lineStart}-${c.lineEnd}${c.page ? `, page ${c.page}` : ''}`);
    lines.push(`    "${c.quote.replace(/\n/gu, ' ').slice(0, 300)}"`);
  });
  return `${lines.join('\n')}\n\n`;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  if (error instanceof UsageError) process.stderr.write(`\n${USAGE}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
