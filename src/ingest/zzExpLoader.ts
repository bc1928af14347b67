export async function viaImport(): Promise<string> {
  const m = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return typeof m.getDocument;
}
export async function viaFunction(): Promise<string> {
  const load = new Function('s', 'return import(s)') as (s: string) => Promise<{ getDocument: unknown }>;
  const m = await load('pdfjs-dist/legacy/build/pdf.mjs');
  return typeof m.getDocument;
}
export async function viaRequire(): Promise<string> {
  const { createRequire } = process.getBuiltinModule('node:module');
  const req = createRequire(__filename);
  const m = req('pdfjs-dist/legacy/build/pdf.mjs') as { getDocument: unknown };
  return typeof m.getDocument;
}
