import { describe, expect, it } from 'vitest';
import { sampleReportDocument } from './page.fixture';
import { renderNotFoundHtml, renderReportHtml } from './page.render';

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/;
const sectionOrder = (html: string) => [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the report page', () => {
  it('follows the seeds’ order of sections in both languages', async () => {
    const order = [
      'policy',
      'framework',
      'disaster',
      'programs',
      'volunteering',
      'regional',
      'goals',
      'expenses',
    ];
    for (const lang of ['ja', 'en'] as const) {
      const html = await renderReportHtml(sampleReportDocument(lang), { viewer: 'public' });
      expect(sectionOrder(html)).toEqual(order);
      expect(html).toContain(`<html lang="${lang}">`);
    }
  });

  it('never shows a word of the other language', async () => {
    const en = await renderReportHtml(sampleReportDocument('en'), {
      viewer: 'reader',
      drillBase: '/reports/2024/records',
    });
    expect(en).not.toContain('【JA】');
    expect(CJK.exec(en)?.[0]).toBeUndefined();
    const ja = await renderReportHtml(sampleReportDocument('ja'), {
      viewer: 'reader',
      drillBase: '/reports/2024/records',
    });
    expect(ja).not.toContain('[EN]');
    for (const english of ['Policy', 'Total', 'Draft', 'million yen', 'fiscal 2024', 'Achieved'])
      expect(visibleText(ja)).not.toContain(english);
  });

  it('reads the total as the seeds do: 億円, 百万円 or million yen', async () => {
    const ja = await renderReportHtml(sampleReportDocument('ja'), { viewer: 'public' });
    expect(visibleText(ja)).toContain(
      '2023年度の共生グループ【JA】全体の企業市民活動支出額は、総額約8.3億円です。',
    );
    expect(ja).toContain('「教育・社会教育【JA】」「学術・研究【JA】」など');
    const hyakuman = await renderReportHtml(sampleReportDocument('ja', { amountUnitJa: 'hyakuman' }), {
      viewer: 'public',
    });
    expect(visibleText(hyakuman)).toContain('総額約828百万円です。');
    const en = await renderReportHtml(sampleReportDocument('en'), { viewer: 'public' });
    expect(visibleText(en)).toContain(
      'In fiscal 2024, total corporate citizenship activity expenses for the Kyosei Group [EN] were approximately 828 million yen.',
    );
    expect(en).toContain('including “Education [EN]” and “Academic research [EN]”.');
    expect(visibleText(en)).toContain('15 million yen');
    expect(visibleText(ja)).toContain('1,500万円');
  });

  it('draws the trend and the breakdown by field as inline SVG with the years and amounts', async () => {
    const html = await renderReportHtml(sampleReportDocument('ja'), { viewer: 'public' });
    const svgs = html.match(/<svg role="img"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(2);
    for (const year of ['2019年度', '2023年度', '6.1億円', '8.3億円']) expect(svgs[0]).toContain(year);
    expect(svgs[1]).toContain('教育・社会教育【JA】');
    expect(svgs[1]).toContain('31.4%');
  });

  it('shows the goals with the M mark, status, target and actual, and next year’s goals', async () => {
    const en = visibleText(await renderReportHtml(sampleReportDocument('en'), { viewer: 'public' }));
    expect(en).toContain('Period: April 2021 to March 2026');
    expect(en).toContain('M Expand range of corporate citizenship [EN] On track');
    expect(en).toContain('Target: 10,000 people Actual: 8,721 people');
    expect(en).toContain('Goals for fiscal 2024');
    expect(en).toContain('Goals for fiscal 2025');
    expect(en).toContain('Comprehensive cooperation agreement with Fukushima Prefecture [EN]');
  });

  it('gives a reader drill-down links on figures, the public none, a saved page none', async () => {
    const doc = sampleReportDocument('en');
    const reader = await renderReportHtml(doc, { viewer: 'reader', drillBase: '/reports/2024/records' });
    expect(reader).toContain('href="/reports/2024/records?figure=expenses.total"');
    expect(reader).toContain('href="/reports/2024/records?figure=volunteering.newRegistrants"');
    expect(reader).toContain('href="/reports/2024/records?figure=programs.SES.graduatesTotal"');
    for (const opts of [
      { viewer: 'public' as const },
      { viewer: 'reader' as const, drillBase: '/r', standalone: true },
    ])
      expect(await renderReportHtml(doc, opts)).not.toContain('figure=');
  });

  it('marks a draft, and shows a reader where a translation is missing while the public sees nothing', async () => {
    const doc = sampleReportDocument('en', { status: 'draft', publishedAt: null });
    doc.goals[1] = { ...doc.goals[1], textEn: null };
    const reader = await renderReportHtml(doc, { viewer: 'reader' });
    expect(reader).toContain('Draft: this report is not published yet.');
    expect(reader).toContain('<meta name="robots" content="noindex">');
    expect(reader).toContain('(translation missing)');
    expect(CJK.test(reader)).toBe(false);
    const pub = await renderReportHtml(doc, { viewer: 'public' });
    expect(pub).not.toContain('(translation missing)');
    expect(CJK.test(pub)).toBe(false);
  });

  it('escapes what users write and keeps their lists and paragraphs', async () => {
    const doc = sampleReportDocument('en');
    doc.blocks[0] = { ...doc.blocks[0], body: 'First <script>alert(1)</script>\n\n- one\n- two' };
    const html = await renderReportHtml(doc, { viewer: 'public' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('First &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    doc.blocks[1] = { ...doc.blocks[1], body: 'Three frameworks:\n- programs\n- grants\nAll of them.' };
    expect(await renderReportHtml(doc, { viewer: 'public' })).toContain(
      '<p>Three frameworks:</p>\n<ul><li>programs</li><li>grants</li></ul>\n<p>All of them.</p>',
    );
  });

  it('shows a restatement with its reason and the totals before and after', async () => {
    const en = visibleText(await renderReportHtml(sampleReportDocument('en'), { viewer: 'public' }));
    expect(en).toContain(
      '1 September 2024: A donation left out of the close [EN] (total 826,000,000 yen → 828,123,456 yen)',
    );
  });

  it('links a style sheet and the other language when asked (the static bundle)', async () => {
    const html = await renderReportHtml(sampleReportDocument('ja'), {
      viewer: 'public',
      standalone: true,
      cssHref: '../style.css',
      otherLanguageHref: '../en/index.html',
    });
    expect(html).toContain('<link rel="stylesheet" href="../style.css">');
    expect(html).not.toContain('<style>');
    expect(html).toContain('href="../en/index.html" hreflang="en">英語版</a>');
  });

  it('says a report was not found in the asked language', async () => {
    expect(renderNotFoundHtml('ja')).toContain('報告書が見つかりません');
    expect(renderNotFoundHtml('en')).toContain('Report not found');
  });
});
