import { db } from "~/utils/db.server";

/**
 * Fixed-window rate limiting kept in the database, so every server process shares the counts.
 * Keys name what is limited, e.g. `magic-link:ip:1.2.3.4` or `login:email:a@b.c`.
 */
export type RateLimit = { limit: number; windowMs: number };

export async function consumeRateLimit(key: string, { limit, windowMs }: RateLimit): Promise<boolean> {
  const now = Date.now();
  const windowStart = new Date(now - (now % windowMs));
  const hit = await db.rateLimitHit.upsert({
    where: { key_windowStart: { key, windowStart } },
    create: { key, windowStart, count: 1 },
    update: { count: { increment: 1 } },
    select: { count: true },
  });
  return hit.count <= limit;
}

/** Consumes every limit (so each counter sees the attempt) and allows only if all allow. */
export async function consumeRateLimits(entries: Array<[key: string, limit: RateLimit]>): Promise<boolean> {
  const results = await Promise.all(entries.map(([key, limit]) => consumeRateLimit(key, limit)));
  return results.every(Boolean);
}
