/**
 * Draws the Teams app icons (run once; the PNGs are committed):
 *   npx tsx scripts/makeIcons.ts
 * color.png: 192x192, a white paper with text lines on the accent colour.
 * outline.png: 32x32, the same paper in white on transparent (Teams' rule for outline icons).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng } from './png';

export const ACCENT = [0x4b, 0x3f, 0x8f] as const; // #4B3F8F, also the manifest's accentColor

const inRect = (x: number, y: number, x0: number, y0: number, x1: number, y1: number): boolean => x >= x0 && x < x1 && y >= y0 && y < y1;

function colour(x: number, y: number): readonly [number, number, number, number] {
  const paper = inRect(x, y, 52, 32, 140, 160) && !(x - 112 > y - 32 && y < 60); // folded corner
  const line = [64, 84, 104, 124].some((ly) => inRect(x, y, 68, ly, 124, ly + 8)) || inRect(x, y, 68, 144, 100, 152);
  if (paper && line) return [...ACCENT, 255];
  if (paper) return [255, 255, 255, 255];
  return [...ACCENT, 255];
}

function outline(x: number, y: number): readonly [number, number, number, number] {
  const border = inRect(x, y, 7, 3, 25, 29) && !inRect(x, y, 9, 5, 23, 27);
  const line = [9, 13, 17, 21].some((ly) => inRect(x, y, 11, ly, 21, ly + 2));
  return border || line ? [255, 255, 255, 255] : [0, 0, 0, 0];
}

const dir = path.resolve(__dirname, '..', 'appManifest');
writeFileSync(path.join(dir, 'color.png'), encodePng(192, 192, colour));
writeFileSync(path.join(dir, 'outline.png'), encodePng(32, 32, outline));
process.stdout.write(`wrote ${dir}/color.png and outline.png\n`);
