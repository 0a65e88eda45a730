import { strToU8, zipSync } from 'fflate';
import { renderReportHtml } from './page.render.js';
import { REPORT_CSS } from './page.style.js';
import type { ReportDocument } from './report.schema.js';

/**
 * The static HTML bundle of a report: `ja/index.html`, `en/index.html` (each linking the other and
 * the shared `style.css`, charts inline as SVG) and `style.css`, zipped. Opens from a folder or any
 * static web server, without the app.
 */
export async function reportBundle(docs: { ja: ReportDocument; en: ReportDocument }): Promise<Uint8Array> {
  const page = async (doc: ReportDocument, other: 'ja' | 'en') =>
    strToU8(
      await renderReportHtml(doc, {
        viewer: 'public',
        standalone: true,
        cssHref: '../style.css',
        otherLanguageHref: `../${other}/index.html`,
      }),
    );
  const mtime = new Date(docs.ja.publishedAt ?? docs.ja.computedAt);
  return zipSync(
    {
      'ja/index.html': await page(docs.ja, 'en'),
      'en/index.html': await page(docs.en, 'ja'),
      'style.css': strToU8(`${REPORT_CSS}\n`),
    },
    { mtime },
  );
}
