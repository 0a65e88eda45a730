import { resolve } from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  KYOSEI_DATA_DIR: z.string().default('./data'),
  KYOSEI_ADMIN_EMAIL: z.string().email().optional(),
  KYOSEI_ADMIN_PASSWORD: z.string().min(8).optional(),
  KYOSEI_DEMO_PASSWORD: z.string().min(8).optional(),
  KYOSEI_DEMO_EMPLOYEES: z.coerce.number().int().min(50).max(200_000).default(20_000),
  KYOSEI_DEMO: z.enum(['auto', 'off']).default('auto'),
  KYOSEI_TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  KYOSEI_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  KYOSEI_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  KYOSEI_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  KYOSEI_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
  KYOSEI_WEB_DIST: z.string().default('./dist/web'),
  KYOSEI_LANG: z.enum(['ja', 'en']).optional(),
  LANG: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]+/, 'expected smtp://user:password@host:port or smtps://…')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  MAIL_FROM: z.string().min(3).optional(),
  KYOSEI_JOBS: z.enum(['on', 'off']).default('on'),
  DONATION_WEBHOOK_SECRET: z.string().min(16).optional(),
});

/** Where mail goes: an SMTP server, given as one URL or as host, port, TLS and credentials. */
export type SmtpConfig =
  | { url: string }
  | { host: string; port: number; secure: boolean; user?: string; password?: string };

export type Config = Readonly<{
  port: number;
  host: string;
  publicUrl?: string;
  databaseUrl?: string;
  dataDir: string;
  adminEmail?: string;
  adminPassword?: string;
  demoPassword?: string;
  demoEmployees: number;
  demo: 'auto' | 'off';
  trustProxy: boolean;
  sessionDays: number;
  bodyLimit: number;
  loginMaxFailures: number;
  lockoutMinutes: number;
  webDist: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  /** Language of the CLI and start-up messages: KYOSEI_LANG, else ja when LANG starts with ja, else en. */
  lang: 'ja' | 'en';
  /** Unset: mails stay in the outbox (readable in the admin screens) until SMTP is configured. */
  smtp?: SmtpConfig;
  /** The From of every mail: MAIL_FROM, else `Kyosei <no-reply@host of PUBLIC_URL or localhost>`. */
  mailFrom: string;
  /** Background jobs (mail delivery, reminders) in the serving process: KYOSEI_JOBS, on by default. */
  jobs: boolean;
  /** HMAC secret of the donation payment webhook (docs/webhooks.md); unset: the webhook is off. */
  donationWebhookSecret?: string;
}>;

function smtpOf(e: z.infer<typeof EnvSchema>): SmtpConfig | undefined {
  if (e.SMTP_URL) return { url: e.SMTP_URL };
  if (!e.SMTP_HOST) return undefined;
  const port = e.SMTP_PORT ?? (e.SMTP_SECURE === 'true' ? 465 : 587);
  const secure = e.SMTP_SECURE ? e.SMTP_SECURE === 'true' : port === 465;
  return { host: e.SMTP_HOST, port, secure, user: e.SMTP_USER, password: e.SMTP_PASSWORD };
}

/** The only reader of process.env: one zod parse into a frozen object. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.KYOSEI_DATA_DIR),
    adminEmail: e.KYOSEI_ADMIN_EMAIL,
    adminPassword: e.KYOSEI_ADMIN_PASSWORD,
    demoPassword: e.KYOSEI_DEMO_PASSWORD,
    demoEmployees: e.KYOSEI_DEMO_EMPLOYEES,
    demo: e.KYOSEI_DEMO,
    trustProxy: e.KYOSEI_TRUST_PROXY,
    sessionDays: e.KYOSEI_SESSION_DAYS,
    bodyLimit: e.KYOSEI_BODY_LIMIT,
    loginMaxFailures: e.KYOSEI_LOGIN_MAX_FAILURES,
    lockoutMinutes: e.KYOSEI_LOCKOUT_MINUTES,
    webDist: resolve(e.KYOSEI_WEB_DIST),
    logLevel: e.LOG_LEVEL,
    lang: e.KYOSEI_LANG ?? (e.LANG?.toLowerCase().startsWith('ja') ? 'ja' : 'en'),
    smtp: smtpOf(e),
    mailFrom:
      e.MAIL_FROM ?? `Kyosei <no-reply@${e.PUBLIC_URL ? new URL(e.PUBLIC_URL).hostname : 'localhost'}>`,
    jobs: e.KYOSEI_JOBS === 'on',
    donationWebhookSecret: e.DONATION_WEBHOOK_SECRET,
  });
}

/** A config for tests and tools: defaults plus overrides, no environment. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', KYOSEI_DEMO: 'off', KYOSEI_JOBS: 'off', ...overrides });
}
