/**
 * Reading words out of text character by character, for the places the answer engine reads a great
 * deal of it: the spelling vocabulary (every passage, at start-up), the stem postings (every minute)
 * and the passages a question's search returns. A regex `match` makes an array and a string for every
 * word; over 100 MB of papers that took seconds. The scanners here find the same words as the regexes
 * they stand for did in the lower-cased text (test/answer/wordScan.test.ts compares them), and
 * `WordTable` turns a repeated word into a number without making a string.
 *
 * They lower-case A-Z as they read instead of copying the text lower-cased first: at 100 MB the copies
 * alone were 40 MB of garbage. Only a text holding one of the two characters whose lower case is ASCII
 * though they are not ("İ" → "i̇", the Kelvin sign → "k") is lower-cased whole first, as V8 does it.
 */

const LOWER_A = 0x61;
const LOWER_Z = 0x7a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const LOWER_P = 0x70;
const PLUS = 0x2b;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const LOWER_S = 0x73;

const UPPER_A = 0x41;
const UPPER_Z = 0x5a;
const CAPITAL_I_WITH_DOT = '\u0130';
const KELVIN_SIGN = '\u212a';

/** A character as lower-casing leaves it, among those the scanners look for: A-Z become a-z. */
function lower(c: number): number {
  return c >= UPPER_A && c <= UPPER_Z ? c + 0x20 : c;
}

/** `text`, or its lower case when it holds a character that lower-cases to ASCII but is not ASCII itself. */
function readable(text: string): string {
  return text.includes(CAPITAL_I_WITH_DOT) || text.includes(KELVIN_SIGN) ? text.toLowerCase() : text;
}

function isLetter(c: number): boolean {
  return c >= LOWER_A && c <= LOWER_Z;
}

function isLetterOrDigit(c: number): boolean {
  return (c >= LOWER_A && c <= LOWER_Z) || (c >= DIGIT_0 && c <= DIGIT_9);
}

/**
 * Where the words of one text are: word k is `text.slice(starts[k], ends[k])` lower-cased, and
 * `hashes[k]` its `WordTable` hash, worked out while scanning so no word is read twice. Reused from
 * text to text.
 */
export class WordSpans {
  /** The text the spans are in: the one scanned, or its lower case (see `readable`). */
  text = '';
  count = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);

  push(start: number, end: number, hash: number): void {
    if (this.count === this.starts.length) {
      this.starts = grown(this.starts);
      this.ends = grown(this.ends);
      this.hashes = grown(this.hashes);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.hashes[this.count] = hash;
    this.count++;
  }
}

function grown(list: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(list.length * 2);
  bigger.set(list);
  return bigger;
}

/** FNV-1a, one character at a time: `hashOf` a word is `addToHash` over its characters from `HASH_START`. */
const HASH_START = 0x811c9dc5 | 0;

function addToHash(hash: number, c: number): number {
  return Math.imul(hash ^ c, 0x01000193);
}

/**
 * The words of `text` as `words` (glossary.ts) reads them: what
 * `text.toLowerCase().match(/pp\+|[a-z0-9]+(?:['’][a-z]+)?/gu)` finds, with a final "'s" or "’s"
 * left off ("children's" → "children", "don't" stays, "pp+" is the pupil premium plus).
 */
export function scanWords(raw: string, spans: WordSpans): WordSpans {
  const text = readable(raw);
  spans.text = text;
  spans.count = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = lower(text.charCodeAt(i));
    if (!isLetterOrDigit(c)) {
      i++;
      continue;
    }
    const start = i;
    // The regex tries "pp+" first wherever a word starts.
    if (c === LOWER_P && lower(text.charCodeAt(i + 1)) === LOWER_P && text.charCodeAt(i + 2) === PLUS) {
      spans.push(start, i + 3, addToHash(addToHash(addToHash(HASH_START, LOWER_P), LOWER_P), PLUS));
      i += 3;
      continue;
    }
    let hash = HASH_START;
    for (; i < n && isLetterOrDigit((c = lower(text.charCodeAt(i)))); i++) hash = addToHash(hash, c);
    let end = i;
    if ((c === APOSTROPHE || c === RIGHT_QUOTE) && isLetter(lower(text.charCodeAt(i + 1)))) {
      let withEnding = addToHash(hash, c);
      let after = i + 1;
      for (; after < n && isLetter((c = lower(text.charCodeAt(after)))); after++) withEnding = addToHash(withEnding, c);
      // "'s" alone is dropped; any other ending after the apostrophe is part of the word.
      const possessive = after === i + 2 && lower(text.charCodeAt(i + 1)) === LOWER_S;
      if (!possessive) {
        end = after;
        hash = withEnding;
      }
      i = after;
    }
    spans.push(start, end, hash);
  }
  return spans;
}

/** V8 keeps a long slice as a view of its whole text; a word kept for good must not hold a passage alive. */
const LONGEST_COPIED_SLICE = 12;

/**
 * Words by number, found by their characters: a word seen before costs a probe and a compare, no new
 * string. Numbers run from 0 in the order words were first seen.
 */
export class WordTable {
  readonly words: string[] = [];
  /** Open addressing: each slot holds a word's number (or -1) and that word's hash. Kept at most half full. */
  private slots = new Int32Array(1 << 12).fill(-1);
  private slotHashes = new Int32Array(1 << 12);

  get size(): number {
    return this.words.length;
  }

  /** The number of `text.slice(start, end)` lower-cased, whose hash is `hash` (from `WordSpans`), given one if it is new. */
  idOf(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id < 0) return this.add(text.slice(start, end).toLowerCase(), hash, slot);
      if (this.slotHashes[slot] === hash && sameCharacters(this.words[id]!, text, start, end)) return id;
    }
  }

  private add(slice: string, hash: number, slot: number): number {
    const id = this.words.length;
    this.words.push(slice.length > LONGEST_COPIED_SLICE ? [...slice].join('') : slice);
    this.slots[slot] = id;
    this.slotHashes[slot] = hash;
    if (this.words.length * 2 > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const { slots, slotHashes } = this;
    this.slots = new Int32Array(slots.length * 2).fill(-1);
    this.slotHashes = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old]! < 0) continue;
      let slot = slotHashes[old]! & mask;
      while (this.slots[slot]! >= 0) slot = (slot + 1) & mask;
      this.slots[slot] = slots[old]!;
      this.slotHashes[slot] = slotHashes[old]!;
    }
  }
}

function sameCharacters(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lower(text.charCodeAt(start + i))) return false;
  return true;
}

/** Characters a fingerprint samples, spread over the text. */
const FINGERPRINT_SAMPLES = 16;

/**
 * For each text, the position of the first text equal to it (its own when it is the first). Papers
 * repeat themselves (standing items, the same paragraph in every pack), and a text read once can count
 * for all its copies. Texts are grouped by length and a few characters, then compared whole: a hash of
 * every character would cost about as much as reading them.
 */
export function firstCopies(texts: readonly string[]): Int32Array {
  const first = new Int32Array(texts.length);
  const byFingerprint = new Map<number, number[]>();
  texts.forEach((text, k) => {
    const step = Math.max(1, Math.floor(text.length / FINGERPRINT_SAMPLES));
    let fingerprint = text.length;
    for (let i = 0; i < text.length; i += step) fingerprint = addToHash(fingerprint, text.charCodeAt(i));
    // Small integers make the fastest Map keys.
    fingerprint &= 0x3fffffff;
    const group = byFingerprint.get(fingerprint);
    if (!group) {
      byFingerprint.set(fingerprint, [k]);
      first[k] = k;
      return;
    }
    for (const j of group) {
      if (texts[j] === text) {
        first[k] = j;
        return;
      }
    }
    group.push(k);
    first[k] = k;
  });
  return first;
}
