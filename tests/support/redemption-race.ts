import http from "node:http";
import { expect } from "vitest";
import { db } from "~/utils/db.server";
import { validateSessionToken } from "~/utils/session.server";
import type { TestServer } from "./server";

/** How many browsers redeem the same link at once. */
export const RACING_REDEMPTIONS = 50;

type Answer = { status: number; location: string | undefined; setCookie: string[]; body: string };

/**
 * Sends RACING_REDEMPTIONS POSTs of one link to the hub's verify page, as the page's own form
 * does, and checks the single-use rule end to end: exactly one answer signs in (302 to the hub
 * with a session cookie), every other one is the "expired or already used" page with no cookie,
 * and the database holds exactly one session for the stakeholder, the winner's.
 *
 * Merely sent at once, the requests hardly race: one server process takes each through its
 * pipeline in turn, and a redemption is often over before the next one reaches the database.
 * So each request asks "Expect: 100-continue" and holds its body back. The server answers
 * "100 Continue" as it takes the request in and starts its action, which then waits for the
 * form; once all of them have had that answer, every body goes out together and the actions
 * resume side by side. On PostgreSQL a claim that checks and then updates in two queries lets
 * nearly all of them in. On SQLite the driver is synchronous, so one process runs a request's
 * queries back to back; such a claim is caught there only once anything asynchronous comes
 * between its check and its update.
 */
export async function expectOneOfManyRedemptions(server: TestServer, vendorSlug: string, token: string, stakeholderId: string) {
  const answers = await racePosts(server, `/hub/${vendorSlug}/verify`, new URLSearchParams({ token }).toString(), {
    count: RACING_REDEMPTIONS,
  });

  const signedIn = answers.filter((answer) => answer.status === 302);
  const refused = answers.filter((answer) => answer.status !== 302);
  expect(signedIn, "redemptions that signed in").toHaveLength(1);
  expect(refused.map((answer) => answer.status)).toEqual(Array(RACING_REDEMPTIONS - 1).fill(400));
  for (const answer of refused) {
    expect(answer.setCookie).toEqual([]);
    expect(answer.body).toContain("This sign-in link has expired or was already used");
  }

  const [winner] = signedIn;
  expect(winner!.location).toBe(`/hub/${vendorSlug}`);
  expect(winner!.setCookie).toEqual([expect.stringMatching(/^tandem_hub_session=/)]);
  const sessions = await db.session.findMany({ where: { stakeholderId }, select: { id: true } });
  expect(sessions, "sessions in the database").toHaveLength(1);
  const cookieToken = decodeURIComponent(winner!.setCookie[0]!.split(";")[0]!.split("=")[1]!);
  expect((await validateSessionToken(cookieToken))?.stakeholderId).toBe(stakeholderId);
  expect(cookieToken.split(".")[0]).toBe(sessions[0]!.id);
}

/**
 * `count` POSTs of one form body to one page, held back until the server has taken in every
 * one of them (see above), then sent together: the answers, in sending order.
 */
export async function racePosts(
  server: TestServer,
  pathname: string,
  body: string,
  { count, cookie }: { count: number; cookie?: string },
): Promise<Answer[]> {
  const { hostname, port } = new URL(server.origin);
  const requests = Array.from({ length: count }, () => {
    const request = http.request({
      host: hostname,
      port,
      path: pathname,
      method: "POST",
      agent: false,
      headers: {
        Origin: server.origin,
        "X-Forwarded-For": server.clientIp,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        Expect: "100-continue",
        ...(cookie ? { Cookie: cookie } : {}),
      },
    });
    const answer = new Promise<Answer>((resolve, reject) => {
      request.on("error", reject);
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", reject);
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            setCookie: response.headers["set-cookie"] ?? [],
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      });
    });
    const takenIn = new Promise<void>((resolve, reject) => {
      request.once("continue", resolve);
      request.once("error", reject);
      request.once("response", () => reject(new Error("answered before the form was sent")));
    });
    request.flushHeaders();
    return { request, answer, takenIn };
  });
  await Promise.all(requests.map(({ takenIn }) => takenIn));
  for (const { request } of requests) request.end(body);
  return Promise.all(requests.map(({ answer }) => answer));
}
