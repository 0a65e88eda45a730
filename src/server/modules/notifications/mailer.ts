import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Config } from '../../config.js';

/** One plain-text mail to deliver. `id` (the outbox row's) becomes its Message-ID. */
export type OutgoingMail = { id: string; to: string; subject: string; text: string; locale: string };

/** Delivers mail; `null` stands for "no SMTP configured" wherever a mailer is taken. */
export type Mailer = {
  send(mail: OutgoingMail): Promise<void>;
  /** Closes pooled connections. */
  close(): void;
};

/** What an SMTP failure tells us: a permanent refusal of the recipient is not worth retrying. */
export function isPermanentRefusal(err: unknown): boolean {
  const e = err as { code?: string; responseCode?: number };
  return e.code === 'EENVELOPE' && typeof e.responseCode === 'number' && e.responseCode >= 500;
}

// Short timeouts: a sender holds its claimed mails for a lease of minutes (outbox.service.ts).
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

function transportOptions(smtp: NonNullable<Config['smtp']>): SMTPTransport.Options {
  if ('url' in smtp) return { ...TIMEOUTS, url: smtp.url };
  return {
    ...TIMEOUTS,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
  };
}

/** A nodemailer SMTP transport from the configuration, or null when SMTP is not configured. */
export function createMailer(config: Pick<Config, 'smtp' | 'mailFrom' | 'publicUrl'>): Mailer | null {
  if (!config.smtp) return null;
  const transport = nodemailer.createTransport(transportOptions(config.smtp), {
    from: config.mailFrom,
  });
  const domain = config.publicUrl ? new URL(config.publicUrl).hostname : 'kyosei.localhost';
  return {
    async send(mail) {
      await transport.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${mail.id}@${domain}>`,
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': mail.locale },
      });
    },
    close() {
      transport.close();
    },
  };
}
