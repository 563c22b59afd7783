import { z } from "zod";

/**
 * The only reader of process.env. Validated once, when the server boots: a bad value
 * stops the process with a message naming the variable, instead of failing later.
 */
const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .default("file:./data/tandem.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  APP_ORIGIN: z.string().url().default("http://localhost:3000"),
  RESEND_API_KEY: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("Tandem <hello@tandem.localhost>"),
  DEV_MAILBOX: booleanFlag,
  /** Where uploaded resource files are kept: outside public/, served only through the app. */
  UPLOADS_DIR: z.string().min(1).default("./data/uploads"),
  TRUST_PROXY: booleanFlag,
  SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  /** The production build to serve; another directory lets two builds live side by side. */
  BUILD_DIR: z.string().min(1).default("build"),
});

export type Env = z.infer<typeof envSchema>;

function readEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();

export const isProduction = env.NODE_ENV === "production";

/** Cookies are Secure in production unless explicitly turned off (plain-http demo runs). */
export const secureCookies = env.SECURE_COOKIES === undefined ? isProduction : env.SECURE_COOKIES === "true";

/** The dev mailbox page shows magic links, so it is never on in production unless asked for. */
export const devMailboxEnabled = env.DEV_MAILBOX || env.NODE_ENV !== "production";

export type DatabaseEngine = "sqlite" | "postgresql";

export function databaseEngine(url: string = env.DATABASE_URL): DatabaseEngine {
  return url.startsWith("file:") ? "sqlite" : "postgresql";
}
