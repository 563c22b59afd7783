import crypto from "node:crypto";
import type { NextFunction, Request, Response } from "express";

/** Per-request CSP nonce plus the headers every response carries. */
export function securityHeaders({ development }: { development: boolean }) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = crypto.randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    const csp = [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      "font-src 'self'",
      // Vite's dev server talks to the page over a websocket.
      development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
      "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com https://www.loom.com",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ];
    res.setHeader("Content-Security-Policy", csp.join("; "));
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.removeHeader("X-Powered-By");
    next();
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence: a state-changing request must carry an Origin equal to the origin the browser
 * reached (behind a trusted proxy, its X-Forwarded-Host and -Proto). A missing Origin is refused.
 * Remix's own check (2.17.3+) compares the same pair for actions; this one covers every route
 * and answers 403 instead of an error.
 */
export function sameOriginOnly({ trustProxy }: { trustProxy: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const forwardedHost = trustProxy ? req.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
    const own = `${req.protocol}://${forwardedHost || req.get("host")}`;
    if (req.get("origin") === own) return next();
    res.status(403).type("text/plain").send("Forbidden: cross-origin request");
  };
}
