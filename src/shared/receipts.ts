/** What a receipt of a volunteer expense claim may be, shared by the upload route and the claim form. */

export const RECEIPT_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
] as const;
export type ReceiptContentType = (typeof RECEIPT_CONTENT_TYPES)[number];

/** The largest receipt accepted: 5 MB. */
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;

/** The receipt type named by a Content-Type header (parameters and case ignored), or null. */
export function receiptTypeOf(contentType: string | undefined | null): ReceiptContentType | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return (RECEIPT_CONTENT_TYPES as readonly string[]).includes(type) ? (type as ReceiptContentType) : null;
}
