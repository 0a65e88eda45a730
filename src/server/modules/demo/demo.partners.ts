import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { rowsOf } from '../../lib/sql.js';
import { storedFiles } from '../files/files.table.js';
import {
  partnerAgreementDocuments,
  partnerAgreementParties,
  partnerAgreements,
} from '../partners/agreements.table.js';
import { partnerContacts, partners } from '../partners/partners.table.js';
import { DEMO_AGREEMENTS, DEMO_PROGRAM_PARTNERS } from './demo.partners-data.js';

/**
 * A one-page PDF with a few lines of ASCII text (Helvetica), its cross-reference table computed: the
 * stand-in for a scanned signed agreement.
 */
export function tinyPdf(lines: string[]): Buffer {
  const pdfText = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const text = lines.map(
    (l, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - i * 24} Td (${pdfText(l)}) Tj ET`,
  );
  const stream = text.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Inserts the programs demo's partner organisations with their contacts, and the agreements (two
 * active comprehensive partnerships, Fukushima Prefecture and the Kawasaki City Council of Social
 * Welfare, and the expired 2018 pro bono agreement with Kakegawa) each with a signed document,
 * signed by the head company (DEC). Partners are not eligible here: the screening demo screens them.
 * Deterministic; `today` only dates the uploads. Returns the numbers inserted.
 */
export async function insertDemoPartners(
  tx: Tx,
  orgId: string,
  today: string,
): Promise<{ partners: number; contacts: number; agreements: number }> {
  const [company] = await rowsOf<{ id: string }>(
    tx,
    sql`select id from group_companies where org_id = ${orgId} order by (code = 'DEC') desc, code limit 1`,
  );
  const [uploader] = await rowsOf<{ id: string }>(
    tx,
    sql`select u.id from users u join role_grants g on g.org_id = u.org_id and g.user_id = u.id
      where u.org_id = ${orgId} and g.role in ('csr_manager', 'org_admin')
      order by (g.role = 'csr_manager') desc, u.email limit 1`,
  );
  const inserted = await tx
    .insert(partners)
    .values(
      DEMO_PROGRAM_PARTNERS.map(({ contacts: _, ...p }) => ({
        orgId,
        ...p,
        corporateNumber: p.corporateNumber ?? null,
        localGovCode: p.localGovCode ?? null,
      })),
    )
    .onConflictDoNothing({ target: [partners.orgId, partners.code] })
    .returning({ id: partners.id, code: partners.code });
  const partnerId = new Map(inserted.map((p) => [p.code, p.id]));
  const contacts = DEMO_PROGRAM_PARTNERS.flatMap((p) =>
    partnerId.has(p.code)
      ? (p.contacts ?? []).map(([name, title, email], i) => ({
          orgId,
          partnerId: partnerId.get(p.code) as string,
          name,
          title,
          email,
          isPrimary: i === 0,
        }))
      : [],
  );
  if (contacts.length) await tx.insert(partnerContacts).values(contacts);
  let agreements = 0;
  if (!company) return { partners: inserted.length, contacts: contacts.length, agreements };
  for (const a of DEMO_AGREEMENTS) {
    const parties = a.partners.flatMap((code) => partnerId.get(code) ?? []);
    if (!parties.length) continue;
    const { partners: _codes, ...values } = a;
    const [row] = await tx
      .insert(partnerAgreements)
      .values({ orgId, companyId: company.id, ...values, createdAt: new Date(`${a.startsOn}T01:00:00Z`) })
      .onConflictDoNothing({ target: [partnerAgreements.orgId, partnerAgreements.code] })
      .returning({ id: partnerAgreements.id });
    if (!row) continue;
    agreements++;
    await tx
      .insert(partnerAgreementParties)
      .values(parties.map((p) => ({ orgId, agreementId: row.id, partnerId: p })));
    if (!uploader) continue;
    const content = tinyPdf([a.titleEn, `Signed on ${a.signedOn}`, `Agreement ${a.code}`, 'Demo document']);
    const [file] = await tx
      .insert(storedFiles)
      .values({
        orgId,
        uploadedBy: uploader.id,
        purpose: 'agreement_document',
        name: `${a.code}.pdf`,
        contentType: 'application/pdf',
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
        content,
        createdAt: new Date(`${today}T00:00:00Z`),
      })
      .returning({ id: storedFiles.id });
    await tx.insert(partnerAgreementDocuments).values({ orgId, agreementId: row.id, fileId: file.id });
  }
  return { partners: inserted.length, contacts: contacts.length, agreements };
}
