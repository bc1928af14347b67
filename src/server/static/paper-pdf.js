// The cited page of a PDF as the council published it: drawn by pdf.js (the project's pdfjs-dist,
// served by the bot) from the original file, with pdf.js's text layer over it and the cited text
// marked there. Plain JavaScript, no build step. The text of the paper below stays the accessible copy.
import * as pdfjs from '/static/pdfjs/pdf.min.mjs';

pdfjs.GlobalWorkerOptions.workerSrc = '/static/pdfjs/pdf.worker.min.mjs';

const holder = document.getElementById('pdf-page');
const status = document.querySelector('.pdf-status');

/** Words only, one space between, lower case: a PDF's runs and the paper's lines split text differently. */
const words = (text) => text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ').trim();

async function showPage() {
  const pageNumber = Number(holder.dataset.page);
  const cited = words(holder.dataset.cited || '');
  const pdf = await pdfjs.getDocument({ url: holder.dataset.file, isEvalSupported: false, standardFontDataUrl: "/static/pdfjs/standard_fonts/", wasmUrl: "/static/pdfjs/wasm/" }).promise;
  const page = await pdf.getPage(pageNumber);
  const natural = page.getViewport({ scale: 1 });
  const scale = Math.min(holder.parentElement.clientWidth, 900) / natural.width;
  const viewport = page.getViewport({ scale });
  holder.style.width = `${viewport.width}px`;
  holder.style.height = `${viewport.height}px`;
  holder.style.setProperty('--scale-factor', String(scale));
  holder.style.setProperty('--total-scale-factor', String(scale));

  const canvas = holder.querySelector('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${viewport.width}px`;
  canvas.style.height = `${viewport.height}px`;
  await page.render({ canvasContext: canvas.getContext("2d"), canvas, viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] }).promise;

  const layer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: holder.querySelector('.textLayer'), viewport });
  await layer.render();
  let marked = 0;
  for (const span of layer.textDivs) {
    const text = words(span.textContent || '');
    // Short runs ("1", "of") appear everywhere: only runs long enough to be the cited text's own.
    if (cited && text.length >= 4 && cited.includes(text)) {
      const mark = document.createElement('mark');
      mark.textContent = span.textContent;
      span.replaceChildren(mark);
      marked += 1;
    }
  }
  status.textContent = marked > 0 ? `Page ${pageNumber} as published; the cited text is marked on it.` : `Page ${pageNumber} as published.`;
  const first = holder.querySelector('.textLayer mark');
  // The page as published is what the reader came for: bring its first mark into view.
  if (first) first.scrollIntoView({ block: 'center' });
  holder.dataset.rendered = 'true';
}

showPage().catch((error) => {
  status.textContent = `The page could not be drawn (${error && error.message ? error.message : 'unknown error'}); its text follows.`;
  holder.hidden = true;
});
