import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../../scripts/lib/chromium.mjs';
import { AppError } from '../../lib/errors.js';
import { renderReportHtml } from './page.render.js';
import type { ReportDocument } from './report.schema.js';

/**
 * The report page printed by Chromium (Debian's, with fonts-noto-cjk for Japanese): A4 with the
 * page's backgrounds, page numbers in the footer. The page is the standalone one: no links into the
 * app, the draft banner kept for a draft.
 * @throws AppError pdf_unavailable (no Chromium on this server)
 */
export async function reportPdf(doc: ReportDocument, chromiumPath = CHROMIUM_PATH): Promise<Buffer> {
  if (!existsSync(chromiumPath)) throw new AppError('pdf_unavailable');
  const html = await renderReportHtml(doc, { viewer: 'public', standalone: true });
  // Loaded here, not with the server: only a PDF export needs it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;font-size:8px;color:#666;text-align:center;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
    });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
