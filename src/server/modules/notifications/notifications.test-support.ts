import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { Database } from '../../db/client.js';
import type { TestOrg } from '../../test/factories.js';
import { opportunities, opportunityShifts, signups } from '../volunteering/volunteering.table.js';

/** A message as a real SMTP server received it: the envelope and the raw RFC 5322 text. */
export type Received = { from: string; to: string[]; raw: string; user?: string };

export type LocalSmtp = {
  port: number;
  url: string;
  received: Received[];
  close(): Promise<void>;
};

/**
 * A real SMTP server (smtp-server) on a free local port, with AUTH PLAIN/LOGIN over plain text and
 * no STARTTLS. Recipients in `refuse` are rejected with 550 at RCPT TO.
 */
export async function startLocalSmtp(
  options: { user?: string; password?: string; refuse?: string[] } = {},
): Promise<LocalSmtp> {
  const { user = 'mailer', password = 'secret', refuse = [] } = options;
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      return callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (refuse.includes(address.address)) {
        const err = new Error('Mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        return callback(err);
      }
      return callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://${user}:${password}@127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The headers (unfolded, names lower-cased) and the decoded text body of a raw single-part message. */
export function parseMessage(raw: string): { headers: Record<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body)
        : Buffer.from(body, 'utf8');
  return { headers, text: bytes.toString('utf8').replace(/\r\n/g, '\n') };
}

function quotedPrintable(s: string): Buffer {
  const soft = s.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(out);
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) in a header value. */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : quotedPrintable(text.replace(/_/g, ' ')).toString('utf8'),
    );
}

/** A published opportunity of the test organisation's JP company with one shift per start given. */
export async function createOpportunity(
  database: Database,
  org: TestOrg,
  options: { starts: Date[]; timeZone?: string; status?: string; titleJa?: string; titleEn?: string },
) {
  const [o] = await database.db
    .insert(opportunities)
    .values({
      orgId: org.orgId,
      companyId: org.companies.jp,
      titleJa: options.titleJa ?? '海岸清掃ボランティア',
      titleEn: options.titleEn ?? 'Beach clean-up',
      organiser: 'CSR Office',
      field: 'environment',
      mode: 'online',
      onlineUrl: 'https://meet.example/clean',
      timeZone: options.timeZone ?? 'Asia/Tokyo',
      status: options.status ?? 'published',
    })
    .returning();
  const shifts = await database.db
    .insert(opportunityShifts)
    .values(
      options.starts.map((startsAt, i) => ({
        orgId: org.orgId,
        opportunityId: o.id,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        capacity: 10,
        checkinCode: `${o.id}-${i}`,
      })),
    )
    .returning();
  return { opportunity: o, shifts };
}

/** A sign-up row as the participation service leaves it. */
export async function createSignup(
  database: Database,
  org: TestOrg,
  values: { shiftId: string; employeeId: string; status?: string; createdAt?: Date; promotedAt?: Date },
) {
  const [s] = await database.db
    .insert(signups)
    .values({
      orgId: org.orgId,
      shiftId: values.shiftId,
      employeeId: values.employeeId,
      status: values.status ?? 'confirmed',
      cancelledAt: values.status === 'cancelled' ? new Date() : null,
      createdAt: values.createdAt ?? new Date(),
      promotedAt: values.promotedAt ?? null,
    })
    .returning();
  return s;
}
