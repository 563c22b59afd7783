import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDocument } from "~/models/document.server";
import { readDocumentQuery, searchAccountDocuments, searchHubDocuments, type TextPart } from "~/models/document-search.server";
import { db } from "~/utils/db.server";
import { consoleCookie, createAccount, createStakeholder, createTenant, hubCookie } from "../support/factories";
import { randomText, seededRandom, testSeed } from "../support/seeded-random";
import { expectNone, startTestServer, type TestServer } from "../support/server";

/**
 * Searching shared documents by title and stored text: case-insensitive, `%` and `_` taken
 * literally, an excerpt around the first match with the matches marked (as text, never HTML),
 * and the hub's search reaching only customer-visible documents of the stakeholder's account.
 */
type Tenant = Awaited<ReturnType<typeof createTenant>>;

let server: TestServer;
let a: Tenant;
let b: Tenant;
let cookies: { csmA: string; csmB: string; championA: string };
let kickoff: Doc;
let risks: Doc;
let discount: Doc;
let lookalike: Doc;
let hostile: Doc;
let otherAccount: Doc;
let otherVendor: Doc;

type Doc = { id: string; title: string; text: string };

async function writeDocument(
  tenant: Tenant,
  accountId: string,
  title: string,
  visibility: "customer" | "internal",
  text: string,
): Promise<Doc> {
  const created = await createDocument({ vendorId: tenant.vendor.id, userId: tenant.csm.id }, accountId, { title, visibility });
  await db.sharedDocument.update({ where: { id: created!.id }, data: { contentText: text } });
  return { id: created!.id, title, text };
}

const filler = (words: number) => Array.from({ length: words }, (_, i) => `filler${i}`).join(" ");

beforeAll(async () => {
  server = await startTestServer();
  [a, b] = await Promise.all([createTenant(), createTenant()]);
  const accountA2 = await createAccount(a.vendor.id, { ownerId: a.csm.id });
  await createStakeholder(accountA2);
  cookies = { csmA: await consoleCookie(a.csm.id), csmB: await consoleCookie(b.csm.id), championA: await hubCookie(a.champion.id) };
  kickoff = await writeDocument(
    a,
    a.account.id,
    "Kickoff agenda",
    "customer",
    `${filler(40)}\n\nWe agree the Rollout Plan and name an owner for each step.\n${filler(60)}`,
  );
  risks = await writeDocument(a, a.account.id, "Renewal risks", "internal", "The budget owner is leaving; the rollout is at risk.");
  discount = await writeDocument(a, a.account.id, "Pricing notes", "customer", "They pay 50% upfront; fields keep their snake_case names.");
  lookalike = await writeDocument(
    a,
    a.account.id,
    "Invoice notes",
    "customer",
    "They pay 5000 upfront; fields keep their snakeXcase names.",
  );
  hostile = await writeDocument(a, a.account.id, "Pasted markup", "customer", `Someone pasted <img src=x onerror=alert(1)> here`);
  otherAccount = await writeDocument(a, accountA2.id, "Rollout for account two", "customer", "Rollout plan of another account");
  otherVendor = await writeDocument(b, b.account.id, "Rollout elsewhere", "customer", "Rollout plan of another vendor");
});
afterAll(() => server.close());

const titles = (results: Array<{ title: string }> | null) => (results ?? []).map((result) => result.title).sort();
const marked = (parts: TextPart[]) => parts.filter((part) => part.match).map((part) => part.text);
const consoleDocs = () => `/console/accounts/${a.account.id}/documents`;
const hubDocs = () => `/hub/${a.vendor.slug}/documents`;
const withQuery = (path: string, q: string) => `${path}?${new URLSearchParams({ q })}`;
/** The single-fetch data a client-side search navigation reads. */
const dataWithQuery = (path: string, q: string, cookie: string) => server.request(`${path}.data?${new URLSearchParams({ q })}`, { cookie });

describe("searching an account's documents", () => {
  it("finds a document by its title, ignoring case, and marks the match", async () => {
    const results = await searchAccountDocuments({ vendorId: a.vendor.id }, a.account.id, "KICKOFF");
    expect(titles(results)).toEqual([kickoff.title]);
    expect(marked(results![0]!.titleParts)).toEqual(["Kickoff"]);
  });

  it("finds a document by every word of its text, with an excerpt around the first match", async () => {
    const results = await searchAccountDocuments({ vendorId: a.vendor.id }, a.account.id, "rollout plan");
    // "Renewal risks" says rollout but not plan.
    expect(titles(results)).toEqual([kickoff.title]);
    const excerpt = results![0]!.excerpt;
    expect(marked(excerpt)).toEqual(["Rollout", "Plan"]);
    const line = excerpt.map((part) => part.text).join("");
    expect(line).toMatch(/^… .*We agree the Rollout Plan and name an owner for each step\. .* …$/);
    expect(line).not.toContain("\n");
    expect(line).toContain("filler39 · We agree");
    expect(line.length).toBeLessThan(300);
  });

  it("finds internal documents in the console", async () => {
    expect(titles(await searchAccountDocuments({ vendorId: a.vendor.id }, a.account.id, "Budget"))).toEqual([risks.title]);
  });

  it("takes % and _ literally", async () => {
    expect(titles(await searchAccountDocuments({ vendorId: a.vendor.id }, a.account.id, "50%"))).toEqual([discount.title]);
    expect(titles(await searchAccountDocuments({ vendorId: a.vendor.id }, a.account.id, "snake_case"))).toEqual([discount.title]);
    expect(titles(await searchAccountDocuments({ vendorId: a.vendor.id }, a.account.id, "%"))).toEqual([discount.title]);
  });

  it("is null for another vendor's account", async () => {
    expect(await searchAccountDocuments({ vendorId: b.vendor.id }, a.account.id, "rollout")).toBeNull();
  });

  it("in the hub, finds only customer-visible documents of the stakeholder's own account", async () => {
    const scope = { vendorId: a.vendor.id, accountId: a.account.id };
    expect(titles(await searchHubDocuments(scope, "rollout"))).toEqual([kickoff.title]);
    expect(await searchHubDocuments(scope, "budget")).toEqual([]);
  });

  it("reads the query from the URL: words one space apart, a clear message when too long", () => {
    expect(readDocumentQuery(new URLSearchParams({ q: "  rollout \t\n plan\u0000 " }))).toEqual({ q: "rollout plan", error: null });
    expect(readDocumentQuery(new URLSearchParams())).toEqual({ q: "", error: null });
    expect(readDocumentQuery(new URLSearchParams({ q: "x".repeat(201) })).error).toBe("Search for at most 200 characters");
  });
});

describe("the console's documents page", () => {
  it("shows what matched, with the match marked and the visibility", async () => {
    const response = await server.request(withQuery(consoleDocs(), "budget"), { cookie: cookies.csmA });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<mark[^>]*>budget<\/mark>/);
    expect(html).toMatch(/>Internal<\/span>/);
    expect(html).toContain("1 document matches “budget”.");
    expectNone(html, [kickoff.title, discount.title], "a search for budget");
  });

  it("shows user content as text, never as markup", async () => {
    const html = await (await server.request(withQuery(consoleDocs(), "onerror"), { cookie: cookies.csmA })).text();
    expect(html).toContain(hostile.title);
    expect(html).toMatch(/&lt;img src=x <mark[^>]*>onerror<\/mark>=alert\(1\)&gt;/);
    expect(html).not.toContain("<img src=x");
  });

  it("says what was searched when nothing matches", async () => {
    const html = await (await server.request(withQuery(consoleDocs(), "zebra crossing"), { cookie: cookies.csmA })).text();
    expect(html).toContain("No documents match “zebra crossing”.");
    expect(html).toContain("Show all documents");
  });

  it("is the whole list for an empty query", async () => {
    const html = await (await server.request(withQuery(consoleDocs(), "   "), { cookie: cookies.csmA })).text();
    for (const doc of [kickoff, risks, discount, lookalike]) expect(html).toContain(doc.title);
    expect(html).not.toContain("<mark");
  });

  it("is a 404 for another vendor's account, in the HTML and the data", async () => {
    const page = await server.request(withQuery(consoleDocs(), "rollout"), { cookie: cookies.csmB });
    expect(page.status).toBe(404);
    expectNone(await page.text(), [kickoff.title, risks.title, a.account.name], "another vendor's search");
    expect((await dataWithQuery(consoleDocs(), "rollout", cookies.csmB)).status).toBe(404);
  });

  it("answers a too-long query with a 400 and the field's message", async () => {
    const page = await server.request(withQuery(consoleDocs(), "x".repeat(201)), { cookie: cookies.csmA });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Search for at most 200 characters");
    const loaderData = await dataWithQuery(consoleDocs(), "x".repeat(201), cookies.csmA);
    expect(await loaderData.text()).toContain("Search for at most 200 characters");
  });
});

describe("the hub's documents page", () => {
  it("finds customer-visible documents of the stakeholder's account only, in the HTML and the data", async () => {
    const page = await server.request(withQuery(hubDocs(), "rollout"), { cookie: cookies.championA });
    const loaderData = await dataWithQuery(hubDocs(), "rollout", cookies.championA);
    expect([page.status, loaderData.status]).toEqual([200, 200]);
    const html = await page.text();
    expect(html).toMatch(/<mark[^>]*>Rollout<\/mark>/);
    for (const [what, body] of [
      ["html", html],
      ["data", await loaderData.text()],
    ] as const) {
      expect(body, what).toContain(kickoff.title);
      expectNone(body, [risks.title, risks.text, otherAccount.title, otherAccount.text, otherVendor.title, otherVendor.text], what);
    }
  });

  it("finds nothing for words only an internal document has", async () => {
    const page = await server.request(withQuery(hubDocs(), "budget"), { cookie: cookies.championA });
    const html = await page.text();
    expect(html).toContain("No documents match “budget”.");
    const loaderData = await (await dataWithQuery(hubDocs(), "budget", cookies.championA)).text();
    for (const body of [html, loaderData]) expectNone(body, [risks.title, risks.text], "a hub search for budget");
  });

  it("answers a too-long query with a 400 and the field's message", async () => {
    const page = await server.request(withQuery(hubDocs(), "x".repeat(201)), { cookie: cookies.championA });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("Search for at most 200 characters");
  });
});

describe("any query", () => {
  it("finds words with hyphens, slashes and quotes literally", async () => {
    const scope = { vendorId: a.vendor.id };
    await writeDocument(a, a.account.id, "Follow-up call", "customer", "Next step: a follow-up on 2027/01 with O'Brien -1 day.");
    for (const q of ["follow-up", "-1", "2027/01", "O'Brien", "' OR 1=1--"]) {
      const results = await searchAccountDocuments(scope, a.account.id, q);
      expect(results, q).not.toBeNull();
    }
    expect(titles(await searchAccountDocuments(scope, a.account.id, "follow-up"))).toEqual(["Follow-up call"]);
    expect(marked((await searchAccountDocuments(scope, a.account.id, "-1"))![0]!.excerpt)).toEqual(["-1"]);
  });

  it("answers 200 or 400, never a 500, for random strings, in the console and the hub", async () => {
    const seed = testSeed("SEARCH_SEED");
    console.info(`document search property test: SEARCH_SEED=${seed}`);
    const random = seededRandom(seed);
    for (let i = 0; i < 150; i++) {
      const q = randomText(random, 12);
      const [consolePage, hubPage] = await Promise.all([
        server.request(withQuery(consoleDocs(), q), { cookie: cookies.csmA }),
        server.request(withQuery(hubDocs(), q), { cookie: cookies.championA }),
      ]);
      expect([200, 400], `console q=${JSON.stringify(q)} (SEARCH_SEED=${seed})`).toContain(consolePage.status);
      expect([200, 400], `hub q=${JSON.stringify(q)} (SEARCH_SEED=${seed})`).toContain(hubPage.status);
    }
    for (let i = 0; i < 2_000; i++) {
      const q = readDocumentQuery(new URLSearchParams({ q: randomText(random, 40) })).q;
      await expect(
        searchAccountDocuments({ vendorId: a.vendor.id }, a.account.id, q),
        `q=${JSON.stringify(q)} (SEARCH_SEED=${seed})`,
      ).resolves.not.toBeNull();
    }
    // 300 pages and 2,000 searches: about 15 s alone, more beside the other test workers on two cores.
  }, 120_000);
});
