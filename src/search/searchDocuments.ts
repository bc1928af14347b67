import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';

/** minisearch's saved index without its per-document tables, which a snapshot keeps as numbers. */
export type SearchTerms = Omit<AsPlainObject, 'documentIds' | 'fieldLength' | 'storedFields'>;

/**
 * minisearch's per-document tables (short id → id, each field's length) as 2 + fields numbers a
 * document: short id, id, then each field's length (-1 where the document has none). As JSON objects
 * they were 7.5 MB of a 100 MB corpus's snapshot, parsed, then turned into Maps key by key (`loadJS`):
 * a tenth of a cold start. Ids must be numbers (PaperIndex's passage ids); nothing is stored per
 * document (`storeFields: []`).
 */
export function saveSearchDocuments(search: AsPlainObject): Int32Array {
  const fields = Object.keys(search.fieldIds).length;
  const shortIds = Object.keys(search.documentIds);
  if (Object.keys(search.storedFields).length > 0) throw new Error('snapshot: minisearch stores fields, which a snapshot does not save');
  const table = new Int32Array(shortIds.length * (2 + fields)).fill(-1);
  shortIds.forEach((key, k) => {
    const id = search.documentIds[key];
    if (typeof id !== 'number') throw new Error(`snapshot: minisearch document ${key} has id ${String(id)}, not a number`);
    const lengths = search.fieldLength[key] ?? [];
    table[k * (2 + fields)] = Number(key);
    table[k * (2 + fields) + 1] = id;
    for (let f = 0; f < fields; f++) if (typeof lengths[f] === 'number') table[k * (2 + fields) + 2 + f] = lengths[f]!;
  });
  return table;
}

/** minisearch's private tables that `loadJS` fills from the saved objects; filled here from the numbers instead. */
interface DocumentTables {
  _documentIds: Map<number, number>;
  _idToShortId: Map<number, number>;
  _fieldLength: Map<number, number[]>;
}

/**
 * `MiniSearch.loadJS` of terms and a saveSearchDocuments table, filling minisearch's own tables
 * directly. They are private, hence the cast: should another version of minisearch name them otherwise,
 * the loaded index finds nothing, the snapshot's probe searches fail (checkPaperIndex), and the index is
 * rebuilt from the records: slower, never wrong.
 */
export function loadSearch<T>(terms: SearchTerms, table: Int32Array, options: Options<T>): MiniSearch<T> {
  const search = MiniSearch.loadJS<T>({ ...terms, documentIds: {}, fieldLength: {}, storedFields: {} }, options);
  const tables = search as unknown as DocumentTables;
  const fields = Object.keys(terms.fieldIds).length;
  for (let k = 0; k < table.length; k += 2 + fields) {
    const shortId = table[k]!;
    const id = table[k + 1]!;
    // Made at its length: an array grown from empty holds room for 16 numbers, 26 MB over 238,000 passages.
    let count = 0;
    for (let f = 0; f < fields; f++) if (table[k + 2 + f]! >= 0) count = f + 1;
    const lengths = new Array<number>(count);
    // Where a document had no such field minisearch's array has a hole; a saved one had null. Either is never read.
    for (let f = 0; f < count; f++) if (table[k + 2 + f]! >= 0) lengths[f] = table[k + 2 + f]!;
    tables._documentIds.set(shortId, id);
    tables._idToShortId.set(id, shortId);
    tables._fieldLength.set(shortId, lengths);
  }
  return search;
}
