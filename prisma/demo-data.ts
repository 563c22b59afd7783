import type { JSONContent } from "@tiptap/core";
/**
 * The demo dataset, as plain data: `npm run db:seed` (prisma/seed.ts) writes it, and the
 * browser tests (tests/e2e) read it to know what each hub may and may not show.
 *
 * Dates are days relative to the day the seed runs, so "overdue" stays overdue whenever it runs.
 * Owners are "csm" (the account's owning CSM), "admin" (the vendor's admin) or a stakeholder
 * of the same account named by the part of their email before the "@".
 */

export const DEMO_PASSWORD = "tandem-demo-password";

export type TaskStatus = "todo" | "in_progress" | "blocked" | "done";
export type HubRole = "champion" | "executive" | "member";
export type LifecycleStage = "onboarding" | "adoption" | "renewal" | "expansion" | "churned";
export type EngagementKind = "onboarding" | "adoption" | "renewal" | "expansion";

export type DemoTask = { title: string; owner: string; due: number; status: TaskStatus; internal?: boolean };
export type DemoMilestone = { title: string; target: number; internal?: boolean; tasks: DemoTask[] };
export type DemoObjective = { title: string; description?: string; internal?: boolean; milestones: DemoMilestone[] };
/** `body` is plain text, one paragraph a line; `doc`, when given, is the same comment as the editor's document (JSON), to show formatting. */
export type DemoComment = {
  task: string;
  by: string;
  body: string;
  doc?: { type: "doc"; content: unknown[] };
  internal?: boolean;
  daysAgo: number;
};
/** A shared document on the account, written by its CSM; internal ones never reach the hub. */
export type DemoDocument = { title: string; internal?: boolean; doc: JSONContent };
export type DemoActivity = { by: string; action: string; task?: string; summary: string; daysAgo: number; internal?: boolean };
export type DemoStakeholder = {
  name: string;
  email: string;
  title: string;
  hubRole: HubRole;
  lastSeen?: number; // last hub visit, in days from today (0 or less); none: never visited
};

export type DemoAccount = {
  name: string;
  domain: string;
  arr: number; // dollars a year
  renewal: number; // days from today
  stage: LifecycleStage;
  owner: string; // email of the owning CSM
  stakeholders: DemoStakeholder[];
  engagement: { kind: EngagementKind; start: number; end: number };
  plan: string;
  objectives: DemoObjective[];
  comments?: DemoComment[];
  activity?: DemoActivity[];
  documents?: DemoDocument[];
};

export type DemoUser = { name: string; email: string; role: "admin" | "csm" };

/**
 * A shared resource: for every account, or for the one named. A file is a small generated PDF.
 * `opens` are stakeholders (by email) who opened it, days ago.
 */
export type DemoResource = {
  kind: "link" | "file" | "video";
  title: string;
  description?: string;
  url?: string;
  fileName?: string;
  account?: string;
  opens?: Array<{ by: string; daysAgo: number }>;
};

export type DemoVendor = {
  slug: string;
  name: string;
  primaryColor: string;
  logoUrl?: string;
  welcomeMessage: string;
  users: DemoUser[];
  accounts: DemoAccount[];
  resources?: DemoResource[];
};

/** A task in one line: title, owner, due (days from today), status. */
function task(title: string, owner: string, due: number, status: TaskStatus = "todo", internal = false): DemoTask {
  return internal ? { title, owner, due, status, internal } : { title, owner, due, status };
}
const internalTask = (title: string, owner: string, due: number, status: TaskStatus = "todo") => task(title, owner, due, status, true);

export const northwind: DemoVendor = {
  slug: "northwind",
  name: "Northwind Cloud",
  primaryColor: "#1d4ed8",
  logoUrl: "/brand/northwind.svg",
  welcomeMessage:
    "Welcome to your Northwind Cloud success hub. This is where our teams plan together: see what's next, what's done, and what we need from you.",
  users: [
    { name: "Avery Brooks", email: "admin@northwind.test", role: "admin" },
    { name: "Jordan Lee", email: "csm1@northwind.test", role: "csm" },
    { name: "Priya Shah", email: "csm2@northwind.test", role: "csm" },
  ],
  accounts: [
    {
      documents: [
        {
          title: "Kickoff notes",
          doc: {
            type: "doc",
            content: [
              { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Kickoff notes" }] },
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "Goal: every dispatcher on the new routing board by " },
                  { type: "text", text: "the end of next quarter", marks: [{ type: "bold" }] },
                  { type: "text", text: ", with handling time down 20%." },
                ],
              },
              { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Decisions" }] },
              {
                type: "bulletList",
                content: [
                  {
                    type: "listItem",
                    content: [
                      {
                        type: "paragraph",
                        content: [{ type: "text", text: "Pilot with the Rotterdam hub first, then roll out region by region." }],
                      },
                    ],
                  },
                  {
                    type: "listItem",
                    content: [
                      {
                        type: "paragraph",
                        content: [
                          { type: "text", text: "SSO through Okta; " },
                          {
                            type: "text",
                            text: "the runbook",
                            marks: [{ type: "link", attrs: { href: "https://docs.northwind.test/sso" } }],
                          },
                          { type: "text", text: " covers the setup." },
                        ],
                      },
                    ],
                  },
                ],
              },
              { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Next steps" }] },
              {
                type: "taskList",
                content: [
                  {
                    type: "taskItem",
                    attrs: { checked: true },
                    content: [{ type: "paragraph", content: [{ type: "text", text: "Share the Okta metadata" }] }],
                  },
                  {
                    type: "taskItem",
                    attrs: { checked: false },
                    content: [{ type: "paragraph", content: [{ type: "text", text: "Pick ten pilot dispatchers" }] }],
                  },
                  {
                    type: "taskItem",
                    attrs: { checked: false },
                    content: [{ type: "paragraph", content: [{ type: "text", text: "Book the training sessions" }] }],
                  },
                ],
              },
              { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Success criteria" }] },
              {
                type: "table",
                content: [
                  {
                    type: "tableRow",
                    content: [
                      { type: "tableHeader", content: [{ type: "paragraph", content: [{ type: "text", text: "Measure" }] }] },
                      { type: "tableHeader", content: [{ type: "paragraph", content: [{ type: "text", text: "Today" }] }] },
                      { type: "tableHeader", content: [{ type: "paragraph", content: [{ type: "text", text: "Target" }] }] },
                    ],
                  },
                  {
                    type: "tableRow",
                    content: [
                      { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "Average handling time" }] }] },
                      { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "11 min" }] }] },
                      { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "9 min" }] }] },
                    ],
                  },
                  {
                    type: "tableRow",
                    content: [
                      {
                        type: "tableCell",
                        content: [{ type: "paragraph", content: [{ type: "text", text: "Dispatchers on the board" }] }],
                      },
                      { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "0" }] }] },
                      { type: "tableCell", content: [{ type: "paragraph", content: [{ type: "text", text: "140" }] }] },
                    ],
                  },
                ],
              },
            ],
          },
        },
        {
          title: "Account strategy",
          internal: true,
          doc: {
            type: "doc",
            content: [
              { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: "Account strategy" }] },
              {
                type: "paragraph",
                content: [
                  {
                    type: "text",
                    text: "Renewal risk is low, expansion potential high: the EU team is evaluating us for 60 more seats. Keep the pilot tight and bring the VP Operations to the QBR.",
                  },
                ],
              },
            ],
          },
        },
      ],
      name: "Acme Logistics",
      domain: "acme.test",
      arr: 84_000,
      renewal: 330,
      stage: "onboarding",
      owner: "csm1@northwind.test",
      stakeholders: [
        { name: "Maya Patel", email: "maya@acme.test", title: "Head of Customer Operations", hubRole: "champion", lastSeen: -1 },
        { name: "Tom Reyes", email: "tom@acme.test", title: "Chief Operating Officer", hubRole: "executive", lastSeen: -9 },
        { name: "Lin Chen", email: "lin@acme.test", title: "Support Team Lead", hubRole: "member" },
      ],
      engagement: { kind: "onboarding", start: -21, end: 45 },
      plan: "Acme Logistics onboarding",
      objectives: [
        {
          title: "Cut ticket handling time by 20% before peak season",
          description: "Baseline: 11 minutes per ticket in Q1.",
          milestones: [
            {
              title: "Workspace live for the support team",
              target: -3,
              tasks: [
                task("Kickoff call and success criteria agreed", "csm", -18, "done"),
                task("Share current ticket volumes and handling times", "maya", -12, "done"),
                task("Configure SSO with Acme's Okta", "csm", -5, "in_progress"),
                task("Invite the support team leads", "maya", -2),
                internalTask("Flag the SSO delay in the forecast call", "csm", -4, "done"),
              ],
            },
            {
              title: "First 30 agents working in Northwind",
              target: 21,
              tasks: [
                task("Import macros and saved replies", "lin", 7),
                task("Run the agent training sessions", "csm", 10),
                task("Confirm the go-live date with the COO", "tom", 14),
              ],
            },
          ],
        },
        {
          title: "Retire the legacy ticket router by the end of Q3",
          milestones: [
            {
              title: "Routing rules migrated",
              target: 40,
              tasks: [
                task("Export the current routing rules", "lin", 5, "in_progress"),
                task("Map Acme queues to Northwind teams", "csm", 18),
              ],
            },
          ],
        },
        {
          title: "Secure a multi-year renewal with Acme",
          internal: true,
          milestones: [
            {
              title: "Executive sponsor alignment",
              target: 30,
              internal: true,
              tasks: [
                internalTask("Brief our VP on Acme's expansion potential", "admin", 12),
                internalTask("Check Acme's procurement calendar with finance", "csm", -1),
              ],
            },
          ],
        },
      ],
      comments: [
        {
          task: "Configure SSO with Acme's Okta",
          by: "csm",
          daysAgo: 4,
          internal: true,
          body: "Their Okta admin is on leave until next week. Don't promise a date yet.",
        },
        {
          task: "Configure SSO with Acme's Okta",
          by: "maya",
          daysAgo: 3,
          body: "Our Okta admin is back on Monday. Can we pair on this then?",
        },
        {
          task: "Invite the support team leads",
          by: "csm",
          daysAgo: 2,
          body: "Maya, the list of team leads can go straight into the invite form, one email a line.",
          doc: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  { type: "text", text: "Maya, the list of team leads can go straight into the invite form, " },
                  { type: "text", marks: [{ type: "bold" }], text: "one email a line" },
                  { type: "text", text: ". Before you send it:" },
                ],
              },
              {
                type: "taskList",
                content: [
                  {
                    type: "taskItem",
                    attrs: { checked: true },
                    content: [{ type: "paragraph", content: [{ type: "text", text: "Leads for EMEA and APAC" }] }],
                  },
                  {
                    type: "taskItem",
                    attrs: { checked: false },
                    content: [{ type: "paragraph", content: [{ type: "text", text: "Leads for the night shift" }] }],
                  },
                ],
              },
            ],
          },
        },
      ],
      activity: [
        {
          by: "csm",
          action: "task.completed",
          task: "Kickoff call and success criteria agreed",
          summary: "completed “Kickoff call and success criteria agreed”",
          daysAgo: 18,
        },
        {
          by: "maya",
          action: "task.completed",
          task: "Share current ticket volumes and handling times",
          summary: "completed “Share current ticket volumes and handling times”",
          daysAgo: 12,
        },
        {
          by: "csm",
          action: "comment.created",
          task: "Configure SSO with Acme's Okta",
          summary: "added an internal note on “Configure SSO with Acme's Okta”",
          daysAgo: 4,
          internal: true,
        },
      ],
    },
    {
      name: "Globetrotter Travel",
      domain: "globetrotter.test",
      arr: 126_000,
      renewal: 210,
      stage: "adoption",
      owner: "csm1@northwind.test",
      stakeholders: [
        { name: "Sofia Alvarez", email: "sofia@globetrotter.test", title: "Director of Guest Services", hubRole: "champion", lastSeen: -3 },
        { name: "Daniel Okafor", email: "daniel@globetrotter.test", title: "VP Customer Experience", hubRole: "executive", lastSeen: -20 },
        { name: "Hannah Wu", email: "hannah@globetrotter.test", title: "Regional Team Manager", hubRole: "member", lastSeen: -6 },
      ],
      engagement: { kind: "adoption", start: -60, end: 60 },
      plan: "Globetrotter Travel adoption",
      objectives: [
        {
          title: "Reach 80% weekly active agents in every region",
          milestones: [
            {
              title: "EMEA team fully onboarded",
              target: -10,
              tasks: [
                task("Run EMEA admin training", "csm", -25, "done"),
                task("Roll out the mobile app to EMEA agents", "hannah", -12, "done"),
                task("Publish the EMEA adoption dashboard", "csm", -9, "done"),
              ],
            },
            {
              title: "APAC team onboarded",
              target: 14,
              tasks: [
                task("Nominate APAC super-users", "sofia", -4),
                task("Schedule APAC training in local time zones", "csm", 6),
                task("Translate the knowledge base into Japanese", "hannah", 10, "in_progress"),
              ],
            },
            {
              title: "Lisbon usage review",
              target: 5,
              internal: true,
              tasks: [
                internalTask("Find out why Lisbon agents stopped logging in", "csm", -2, "in_progress"),
                internalTask("Prepare a low-adoption rescue play for APAC", "csm", 9),
              ],
            },
          ],
        },
        {
          title: "Raise CSAT from 82 to 88",
          milestones: [
            {
              title: "Self-service portal launched",
              target: 35,
              tasks: [
                task("Choose the top 20 FAQ articles", "sofia", 8, "in_progress"),
                task("Configure the portal theme", "csm", 15),
                task("Approve the portal launch announcement", "daniel", 28),
              ],
            },
          ],
        },
      ],
      comments: [
        { task: "Nominate APAC super-users", by: "sofia", daysAgo: 5, body: "Waiting on two names from the Singapore office." },
        {
          task: "Find out why Lisbon agents stopped logging in",
          by: "csm",
          daysAgo: 2,
          internal: true,
          body: "Usage export shows Lisbon on the old VPN profile; could be SSO timeouts.",
        },
      ],
      activity: [
        {
          by: "hannah",
          action: "task.completed",
          task: "Roll out the mobile app to EMEA agents",
          summary: "completed “Roll out the mobile app to EMEA agents”",
          daysAgo: 12,
        },
      ],
    },
    {
      name: "Initech",
      domain: "initech.test",
      arr: 240_000,
      renewal: 45,
      stage: "renewal",
      owner: "csm2@northwind.test",
      stakeholders: [
        { name: "Peter Gibbons", email: "peter@initech.test", title: "IT Operations Manager", hubRole: "champion", lastSeen: -2 },
        { name: "Bill Lumbergh", email: "bill@initech.test", title: "VP Operations", hubRole: "executive", lastSeen: -40 },
        { name: "Milton Waddams", email: "milton@initech.test", title: "Facilities Coordinator", hubRole: "member" },
      ],
      engagement: { kind: "renewal", start: -30, end: 45 },
      plan: "Initech renewal",
      objectives: [
        {
          title: "Show a year of measurable value before the renewal",
          milestones: [
            {
              title: "Value review delivered to the VP",
              target: 14,
              tasks: [
                task("Pull the year-one ticket deflection numbers", "csm", -6, "done"),
                task("Confirm last year's baseline handling time", "peter", -3),
                task("Review the value summary draft", "bill", 10),
              ],
            },
            {
              title: "Renewal signed",
              target: 40,
              tasks: [task("Send the renewal proposal", "csm", 18), task("Route the order form through procurement", "bill", 35)],
            },
          ],
        },
        {
          title: "Automate password-reset tickets",
          milestones: [
            {
              title: "Password-reset workflow live",
              target: -5,
              tasks: [
                task("Enable the identity connector", "csm", -20, "done"),
                task("Test the workflow with ten pilot users", "peter", -8, "done"),
                task("Announce self-service resets to all staff", "peter", -1, "blocked"),
              ],
            },
          ],
        },
        {
          title: "Protect the Initech renewal from the competitor pilot",
          internal: true,
          milestones: [
            {
              title: "Discount approval",
              target: 20,
              internal: true,
              tasks: [
                internalTask("Get deal desk approval for a two-year discount", "admin", 7, "in_progress"),
                internalTask("Log the competitor evaluation in the risk register", "csm", -4, "done"),
              ],
            },
          ],
        },
      ],
      comments: [
        {
          task: "Announce self-service resets to all staff",
          by: "peter",
          daysAgo: 1,
          body: "Blocked until internal comms approves the wording.",
        },
        {
          task: "Review the value summary draft",
          by: "csm",
          daysAgo: 1,
          internal: true,
          body: "Bill rarely opens the hub; send him the PDF as well.",
        },
      ],
      activity: [
        {
          by: "csm",
          action: "task.completed",
          task: "Pull the year-one ticket deflection numbers",
          summary: "completed “Pull the year-one ticket deflection numbers”",
          daysAgo: 6,
        },
        {
          by: "peter",
          action: "task.updated",
          task: "Announce self-service resets to all staff",
          summary: "marked “Announce self-service resets to all staff” as blocked",
          daysAgo: 1,
        },
      ],
    },
    {
      name: "Umbrella Health",
      domain: "umbrella-health.test",
      arr: 310_000,
      renewal: 150,
      stage: "expansion",
      owner: "csm2@northwind.test",
      stakeholders: [
        {
          name: "Claire Redfield",
          email: "claire@umbrella-health.test",
          title: "Director of Patient Support",
          hubRole: "champion",
          lastSeen: -1,
        },
        { name: "Albert Wesker", email: "albert@umbrella-health.test", title: "Chief Digital Officer", hubRole: "executive", lastSeen: -5 },
        { name: "Leon Kennedy", email: "leon@umbrella-health.test", title: "Support Engineer", hubRole: "member", lastSeen: -2 },
        { name: "Ada Wong", email: "ada@umbrella-health.test", title: "Procurement Lead", hubRole: "member" },
      ],
      engagement: { kind: "expansion", start: -14, end: 75 },
      plan: "Umbrella Health billing expansion",
      objectives: [
        {
          title: "Extend Northwind to the billing team (120 seats)",
          milestones: [
            {
              title: "Billing pilot complete",
              target: 10,
              tasks: [
                task("Pick 15 pilot agents from billing", "claire", -7, "done"),
                task("Set up the billing queue and SLAs", "csm", -2, "in_progress"),
                task("Collect pilot feedback", "leon", 9),
              ],
            },
            {
              title: "Billing team rollout",
              target: 45,
              tasks: [
                task("Sign the expansion order form", "ada", 20),
                task("Train the billing team leads", "csm", 30),
                internalTask("Align expansion pricing with the regional VP", "admin", 5),
              ],
            },
          ],
        },
        {
          title: "Launch the patient chatbot",
          milestones: [
            {
              title: "Chatbot answers the top 10 intents",
              target: 60,
              tasks: [
                task("Share anonymised chat transcripts", "leon", 12),
                task("Approve the chatbot's tone of voice", "albert", 25),
                task("Train the intent model", "csm", 40),
              ],
            },
            {
              title: "Analytics add-on upsell",
              target: 70,
              internal: true,
              tasks: [internalTask("Write the analytics add-on business case", "csm", 50)],
            },
          ],
        },
      ],
      comments: [
        {
          task: "Set up the billing queue and SLAs",
          by: "claire",
          daysAgo: 1,
          body: "Billing wants a 2-hour first response on invoice disputes.",
        },
      ],
    },
    {
      name: "Stark Manufacturing",
      domain: "stark.test",
      arr: 58_000,
      renewal: 350,
      stage: "onboarding",
      owner: "csm2@northwind.test",
      stakeholders: [
        { name: "Pepper Potts", email: "pepper@stark.test", title: "Head of Service", hubRole: "champion", lastSeen: 0 },
        { name: "Happy Hogan", email: "happy@stark.test", title: "Field Service Manager", hubRole: "member" },
      ],
      engagement: { kind: "onboarding", start: -7, end: 60 },
      plan: "Stark Manufacturing onboarding",
      objectives: [
        {
          title: "Handle every warranty claim in Northwind within 60 days",
          milestones: [
            {
              title: "Kickoff and technical setup",
              target: 7,
              tasks: [
                task("Hold the kickoff workshop", "csm", -5, "done"),
                task("Share the warranty claim process map", "pepper", 2, "in_progress"),
                task("Connect the ERP integration", "csm", 6),
                internalTask("Confirm the ERP connector is in the contract scope", "csm", 1),
              ],
            },
            {
              title: "Field team live",
              target: 45,
              tasks: [task("Enrol field technicians in the mobile app", "happy", 25), task("Run a field service dry run", "csm", 35)],
            },
          ],
        },
        {
          title: "Give managers a daily view of open claims",
          milestones: [
            {
              title: "Claims dashboard in use",
              target: 50,
              tasks: [task("Agree on the dashboard KPIs", "pepper", 14), task("Build the open-claims dashboard", "csm", 28)],
            },
          ],
        },
      ],
    },
    {
      name: "Hooli Media",
      domain: "hooli.test",
      arr: 96_000,
      renewal: -20,
      stage: "churned",
      owner: "csm1@northwind.test",
      stakeholders: [
        { name: "Gavin Belson", email: "gavin@hooli.test", title: "Chief Executive Officer", hubRole: "executive", lastSeen: -95 },
        { name: "Jared Dunn", email: "jared@hooli.test", title: "Head of Support", hubRole: "champion", lastSeen: -30 },
      ],
      engagement: { kind: "renewal", start: -120, end: -20 },
      plan: "Hooli Media renewal",
      objectives: [
        {
          title: "Consolidate support tools onto one platform",
          milestones: [
            {
              title: "Legacy tool retired",
              target: -60,
              tasks: [
                task("Migrate the archive of closed tickets", "csm", -75, "done"),
                task("Switch off the legacy inbox", "jared", -62, "done"),
              ],
            },
            {
              title: "Renewal decision",
              target: -20,
              tasks: [
                task("Present the renewal business case", "csm", -35, "done"),
                task("Decide on the renewal", "gavin", -21, "blocked"),
              ],
            },
          ],
        },
        {
          title: "Win Hooli back within six months",
          internal: true,
          milestones: [
            {
              title: "Win-back outreach",
              target: 150,
              internal: true,
              tasks: [
                internalTask("Record Hooli's churn reasons", "csm", -15, "done"),
                internalTask("Check in with Jared about their new platform", "csm", 90),
              ],
            },
          ],
        },
      ],
      activity: [{ by: "csm", action: "account.churned", summary: "marked Hooli Media as churned", daysAgo: 18, internal: true }],
    },
    {
      name: "Vandelay Imports",
      domain: "vandelay.test",
      arr: 42_000,
      renewal: 95,
      stage: "adoption",
      owner: "csm1@northwind.test",
      stakeholders: [
        { name: "Art Vandelay", email: "art@vandelay.test", title: "Managing Director", hubRole: "executive", lastSeen: -14 },
        { name: "Elaine Benes", email: "elaine@vandelay.test", title: "Operations Manager", hubRole: "champion", lastSeen: -4 },
        { name: "George Costanza", email: "george@vandelay.test", title: "Import Coordinator", hubRole: "member", lastSeen: -40 },
      ],
      engagement: { kind: "adoption", start: -90, end: 30 },
      plan: "Vandelay Imports adoption",
      objectives: [
        {
          title: "Answer importer emails within 4 hours",
          milestones: [
            {
              title: "Shared inbox workflows",
              target: -30,
              tasks: [
                task("Move the orders@ inbox to Northwind", "csm", -50, "done"),
                task("Create auto-replies for customs questions", "elaine", -35, "done"),
              ],
            },
            {
              title: "4-hour response time met for a month",
              target: 20,
              tasks: [
                task("Turn on response-time alerts", "csm", -10, "done"),
                task("Review missed response times every Friday", "elaine", -3),
                task("Plan inbox cover for the holidays", "george", 12),
                internalTask("Only 3 of 8 seats active: raise it with Elaine", "csm", -6, "in_progress"),
              ],
            },
          ],
        },
        {
          title: "Use the reporting add-on every month",
          milestones: [
            {
              title: "Monthly report reviewed with the MD",
              target: 25,
              tasks: [
                task("Build the monthly volume report", "csm", 5, "in_progress"),
                task("Review the report in the management meeting", "art", 25),
              ],
            },
          ],
        },
      ],
      comments: [
        {
          task: "Review missed response times every Friday",
          by: "elaine",
          daysAgo: 3,
          body: "Missed last week because of the customs audit, doing it Monday.",
        },
      ],
    },
    {
      name: "Soylent Foods",
      domain: "soylent.test",
      arr: 175_000,
      renewal: 28,
      stage: "renewal",
      owner: "csm2@northwind.test",
      stakeholders: [
        { name: "Helen Thorn", email: "helen@soylent.test", title: "Customer Care Director", hubRole: "champion", lastSeen: -8 },
        { name: "Robert Kline", email: "robert@soylent.test", title: "Chief Financial Officer", hubRole: "executive", lastSeen: -60 },
        { name: "Nina Park", email: "nina@soylent.test", title: "Quality Analyst", hubRole: "member", lastSeen: -15 },
      ],
      engagement: { kind: "renewal", start: -45, end: 28 },
      plan: "Soylent Foods renewal",
      objectives: [
        {
          title: "Keep first-contact resolution above 75%",
          milestones: [
            {
              title: "Quarterly business review held",
              target: -7,
              tasks: [
                task("Draft the QBR deck", "csm", -12, "done"),
                task("Send the QBR attendee list", "helen", -10, "done"),
                task("Hold the QBR with the CFO", "csm", -7, "done"),
              ],
            },
            {
              title: "Renewal agreed",
              target: 21,
              tasks: [
                task("Share the renewal quote", "csm", -2),
                task("Confirm next year's support budget", "robert", 10),
                task("Sign the renewal", "robert", 25),
              ],
            },
          ],
        },
        {
          title: "Score the quality of product-recall calls",
          milestones: [
            {
              title: "Recall call scorecard live",
              target: 14,
              tasks: [task("Define the recall call scorecard", "nina", -5, "in_progress"), task("Enable QA sampling", "csm", 7, "blocked")],
            },
          ],
        },
        {
          title: "Reduce renewal risk from the budget freeze",
          internal: true,
          milestones: [
            {
              title: "Executive outreach to Soylent's CFO",
              target: 10,
              internal: true,
              tasks: [
                internalTask("Ask our CFO to call Robert Kline", "admin", 3),
                internalTask("Prepare a downgrade fallback offer", "csm", 8),
              ],
            },
          ],
        },
      ],
      comments: [
        { task: "Share the renewal quote", by: "helen", daysAgo: 1, body: "Robert needs the quote before the budget meeting on Thursday." },
        {
          task: "Share the renewal quote",
          by: "csm",
          daysAgo: 1,
          internal: true,
          body: "Holding the quote until deal desk signs off the fallback offer.",
        },
      ],
      activity: [
        {
          by: "csm",
          action: "task.completed",
          task: "Hold the QBR with the CFO",
          summary: "completed “Hold the QBR with the CFO”",
          daysAgo: 7,
        },
        {
          by: "helen",
          action: "comment.created",
          task: "Share the renewal quote",
          summary: "commented on “Share the renewal quote”",
          daysAgo: 1,
        },
      ],
    },
  ],
  resources: [
    {
      kind: "link",
      title: "Northwind Help Center",
      description: "Guides for admins and agents, searchable.",
      url: "https://help.northwind.example/",
      opens: [
        { by: "maya@acme.test", daysAgo: 3 },
        { by: "sofia@globetrotter.test", daysAgo: 1 },
      ],
    },
    {
      kind: "video",
      title: "Product tour (4 minutes)",
      description: "The agent workspace, routing rules and reports in one walkthrough.",
      url: "https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ",
    },
    {
      kind: "file",
      title: "Acme rollout checklist",
      description: "What each of your teams does before go-live.",
      fileName: "Acme rollout checklist.pdf",
      account: "Acme Logistics",
      opens: [{ by: "maya@acme.test", daysAgo: 2 }],
    },
    {
      kind: "link",
      title: "Travel-season staffing guide",
      url: "https://help.northwind.example/guides/seasonal-staffing",
      account: "Globetrotter Travel",
    },
  ],
};

/** A second tenant: none of its data may ever show to Northwind's users or stakeholders. */
export const globex: DemoVendor = {
  slug: "globex",
  name: "Globex Success",
  primaryColor: "#047857",
  welcomeMessage: "Welcome to the Globex customer hub.",
  users: [
    { name: "Hank Scorpio", email: "admin@globex.test", role: "admin" },
    { name: "Frank Grimes", email: "csm@globex.test", role: "csm" },
  ],
  accounts: [
    {
      name: "Cyberdyne Systems",
      domain: "cyberdyne.test",
      arr: 150_000,
      renewal: 300,
      stage: "onboarding",
      owner: "csm@globex.test",
      stakeholders: [
        { name: "Sarah Connor", email: "sarah@cyberdyne.test", title: "Head of Support", hubRole: "champion", lastSeen: -2 },
        { name: "Miles Dyson", email: "miles@cyberdyne.test", title: "Director of Engineering", hubRole: "executive" },
      ],
      engagement: { kind: "onboarding", start: -10, end: 50 },
      plan: "Cyberdyne onboarding",
      objectives: [
        {
          title: "Automate the Cyberdyne robotics support desk",
          milestones: [
            {
              title: "Cyberdyne support desk live",
              target: 20,
              tasks: [
                task("Configure the Cyberdyne robotics queue", "csm", 5),
                task("Train the Cyberdyne robotics agents", "sarah", -3),
                internalTask("Check Cyberdyne's payment terms", "admin", 2),
              ],
            },
          ],
        },
        {
          title: "Land the Cyberdyne defence division",
          internal: true,
          milestones: [
            {
              title: "Cyberdyne defence introduction",
              target: 30,
              internal: true,
              tasks: [internalTask("Ask Miles Dyson for a defence CIO intro", "csm", 20)],
            },
          ],
        },
      ],
    },
    {
      name: "Tyrell Corporation",
      domain: "tyrell.test",
      arr: 220_000,
      renewal: 120,
      stage: "adoption",
      owner: "csm@globex.test",
      stakeholders: [
        { name: "Rachael Tyrell", email: "rachael@tyrell.test", title: "Customer Programs Lead", hubRole: "champion", lastSeen: -6 },
        { name: "Eldon Tyrell", email: "eldon@tyrell.test", title: "Chief Executive Officer", hubRole: "executive" },
        { name: "J. F. Sebastian", email: "sebastian@tyrell.test", title: "Design Engineer", hubRole: "member" },
      ],
      engagement: { kind: "adoption", start: -40, end: 40 },
      plan: "Tyrell adoption",
      objectives: [
        {
          title: "Double Tyrell's support satisfaction score",
          milestones: [
            {
              title: "Tyrell feedback survey launched",
              target: 15,
              tasks: [
                task("Write the Tyrell satisfaction survey", "rachael", 4, "in_progress"),
                task("Publish the Tyrell survey in the hub", "csm", 10),
                task("Approve the Tyrell survey budget", "eldon", -1),
                task("Test the Tyrell survey on the design team", "sebastian", 8),
              ],
            },
          ],
        },
      ],
    },
  ],
};

export const demoVendors: DemoVendor[] = [northwind, globex];

/**
 * The starter library of success blueprints, per vendor slug: each is written as a published
 * version 1. Owners are roles (csm, admin, champion, executive, member); days count from kickoff.
 */
export type DemoBlueprintTask = {
  title: string;
  owner: "csm" | "admin" | "champion" | "executive" | "member";
  day: number;
  internal?: boolean;
};
export type DemoBlueprintInitiative = { title: string; day: number; internal?: boolean; tasks: DemoBlueprintTask[] };
export type DemoBlueprintObjective = { title: string; description?: string; internal?: boolean; initiatives: DemoBlueprintInitiative[] };
export type DemoBlueprint = { name: string; description: string; objectives: DemoBlueprintObjective[] };

export const blueprintLibrary: Record<string, DemoBlueprint[]> = {
  [northwind.slug]: [
    {
      name: "Standard onboarding",
      description: "From kickoff to a team working in Northwind within 60 days, with success criteria agreed up front.",
      objectives: [
        {
          title: "Agree what success looks like",
          description: "Measurable goals both sides sign up to in the first two weeks.",
          initiatives: [
            {
              title: "Kickoff completed",
              day: 7,
              tasks: [
                { title: "Run the kickoff call", owner: "csm", day: 2 },
                { title: "Share today's support metrics", owner: "champion", day: 5 },
                { title: "Agree three success criteria", owner: "champion", day: 7 },
                { title: "Check the deal notes for promises made in the sale", owner: "csm", day: 3, internal: true },
              ],
            },
          ],
        },
        {
          title: "Get the workspace ready",
          initiatives: [
            {
              title: "Workspace configured",
              day: 21,
              tasks: [
                { title: "Connect single sign-on", owner: "csm", day: 10 },
                { title: "Provide the admin contacts", owner: "champion", day: 8 },
                { title: "Import users and teams", owner: "member", day: 14 },
                { title: "Review routing rules together", owner: "csm", day: 18 },
              ],
            },
            {
              title: "Data migrated",
              day: 30,
              tasks: [
                { title: "Export tickets from the old tool", owner: "member", day: 20 },
                { title: "Run the migration dry run", owner: "admin", day: 25 },
                { title: "Sign off the migrated data", owner: "champion", day: 30 },
              ],
            },
          ],
        },
        {
          title: "Go live with the first team",
          initiatives: [
            {
              title: "First team live",
              day: 45,
              tasks: [
                { title: "Train the first team", owner: "csm", day: 35 },
                { title: "Switch the first team over", owner: "champion", day: 40 },
                { title: "Hold the go-live review", owner: "csm", day: 45 },
                { title: "Send the 60-day check-in survey", owner: "csm", day: 60 },
              ],
            },
          ],
        },
      ],
    },
    {
      name: "Adoption push",
      description: "For accounts whose usage stalls after go-live: find the blockers, re-train, measure again.",
      objectives: [
        {
          title: "Lift weekly active agents to 80%",
          initiatives: [
            {
              title: "Blockers understood",
              day: 10,
              tasks: [
                { title: "Review usage by team", owner: "csm", day: 3 },
                { title: "Interview two low-usage teams", owner: "champion", day: 10 },
              ],
            },
            {
              title: "Teams re-trained",
              day: 30,
              tasks: [
                { title: "Run refresher sessions", owner: "csm", day: 20 },
                { title: "Nominate a power user per team", owner: "champion", day: 15 },
                { title: "Flag the account to the renewals team if usage stays flat", owner: "csm", day: 30, internal: true },
              ],
            },
          ],
        },
      ],
    },
    {
      name: "Renewal prep",
      description: "Ninety days before renewal: prove the value delivered and agree next year's goals.",
      objectives: [
        {
          title: "Show the value delivered this year",
          initiatives: [
            {
              title: "Value review held",
              day: 30,
              tasks: [
                { title: "Collect this year's outcomes", owner: "csm", day: 10 },
                { title: "Confirm the outcomes with the champion", owner: "champion", day: 20 },
                { title: "Present the value review to the executive sponsor", owner: "executive", day: 30 },
              ],
            },
          ],
        },
        {
          title: "Renewal terms agreed",
          internal: true,
          initiatives: [
            {
              title: "Commercials ready",
              day: 60,
              internal: true,
              tasks: [
                { title: "Draft the renewal quote", owner: "admin", day: 45 },
                { title: "Agree the discount floor with deal desk", owner: "csm", day: 50 },
              ],
            },
          ],
        },
      ],
    },
  ],
  [globex.slug]: [
    {
      name: "Globex quick start",
      description: "A 30-day start for smaller accounts.",
      objectives: [
        {
          title: "Live in 30 days",
          initiatives: [
            {
              title: "Set up",
              day: 14,
              tasks: [
                { title: "Kickoff call", owner: "csm", day: 1 },
                { title: "Invite the team", owner: "champion", day: 7 },
              ],
            },
            {
              title: "Live",
              day: 30,
              tasks: [{ title: "First week review", owner: "csm", day: 30 }],
            },
          ],
        },
      ],
    },
  ],
};

/** Blueprints applied by the seed (through the app's own apply model), so the console shows who runs which version. */
export const appliedBlueprints = [{ vendor: northwind.slug, blueprint: "Standard onboarding", account: "Stark Manufacturing" }];

/**
 * The starter play library of each vendor, by slug. Item owners are roles (csm, admin, champion,
 * executive, member); due is days from the launch.
 */
export type DemoPlay = {
  name: string;
  situation: string;
  kind: "customer" | "internal";
  items: Array<{ title: string; owner: "csm" | "admin" | "champion" | "executive" | "member"; due: number }>;
};

export const demoPlays: Record<string, DemoPlay[]> = {
  northwind: [
    {
      name: "Executive sponsor change",
      situation: "The customer's executive sponsor left or changed roles.",
      kind: "internal",
      items: [
        { title: "Identify the new executive sponsor", owner: "csm", due: 3 },
        { title: "Brief our leadership on the sponsor change", owner: "admin", due: 5 },
        { title: "Book an introduction meeting with the new sponsor", owner: "csm", due: 10 },
      ],
    },
    {
      name: "Low-adoption rescue",
      situation: "Active users dropped or a key capability is barely used.",
      kind: "customer",
      items: [
        { title: "Review usage together and agree on the gaps", owner: "csm", due: 3 },
        { title: "Name a go-to person for each team", owner: "champion", due: 7 },
        { title: "Run a refresher session for low-usage teams", owner: "csm", due: 14 },
        { title: "Confirm the adoption target for next quarter", owner: "executive", due: 21 },
      ],
    },
    {
      name: "Renewal risk review",
      situation: "The renewal is near and health is yellow or red.",
      kind: "internal",
      items: [
        { title: "Score renewal risk and document the blockers", owner: "csm", due: 2 },
        { title: "Agree on a save plan with sales leadership", owner: "admin", due: 7 },
      ],
    },
    {
      name: "Adoption push workshop",
      situation: "A new capability is live and teams need to start using it.",
      kind: "customer",
      items: [
        { title: "Pick the teams and goals for the workshop", owner: "champion", due: 5 },
        { title: "Hold the hands-on workshop", owner: "csm", due: 12 },
        { title: "Share the workshop recording with every team", owner: "member", due: 14 },
      ],
    },
  ],
  globex: [
    {
      name: "Onboarding stall recovery",
      situation: "Onboarding milestones slipped for two weeks or more.",
      kind: "customer",
      items: [
        { title: "Agree on a new go-live date", owner: "champion", due: 3 },
        { title: "Unblock the overdue setup tasks", owner: "csm", due: 7 },
      ],
    },
  ],
};

/** Plays the seed launches on Northwind accounts, so the console and the hub show cases running. */
export const demoLaunches: Array<{ vendor: string; play: string; account: string; daysAgo: number }> = [
  { vendor: "northwind", play: "Low-adoption rescue", account: "Globetrotter Travel", daysAgo: 4 },
  { vendor: "northwind", play: "Renewal risk review", account: "Initech", daysAgo: 2 },
];

/** Stakeholders the seed prints for trying the hub sign-in (and the browser tests use). */
export const hubTryEmails = ["maya@acme.test", "sofia@globetrotter.test"] as const;

// ---- Views of the dataset for the browser tests ----------------------------------------

export function demoAccount(name: string): DemoAccount {
  const account = demoVendors.flatMap((vendor) => vendor.accounts).find((candidate) => candidate.name === name);
  if (!account) throw new Error(`no demo account named ${name}`);
  return account;
}

export function accountOfStakeholder(email: string): DemoAccount {
  const account = demoVendors
    .flatMap((vendor) => vendor.accounts)
    .find((candidate) => candidate.stakeholders.some((person) => person.email === email));
  if (!account) throw new Error(`no demo stakeholder ${email}`);
  return account;
}

/** Everything a customer of this account may see in its plan: visible objectives, milestones and tasks. */
export function customerVisibleTitles(account: DemoAccount) {
  const objectives: string[] = [];
  const milestones: string[] = [];
  const tasks: string[] = [];
  for (const objective of account.objectives) {
    if (objective.internal) continue;
    objectives.push(objective.title);
    for (const milestone of objective.milestones) {
      if (milestone.internal) continue;
      milestones.push(milestone.title);
      for (const item of milestone.tasks) if (!item.internal) tasks.push(item.title);
    }
  }
  return { objectives, milestones, tasks };
}

/** Every title and note of this account that must never reach the hub. */
export function internalTexts(account: DemoAccount): string[] {
  const texts: string[] = [];
  for (const objective of account.objectives) {
    if (objective.internal) texts.push(objective.title);
    for (const milestone of objective.milestones) {
      if (objective.internal || milestone.internal) texts.push(milestone.title);
      for (const item of milestone.tasks) {
        if (objective.internal || milestone.internal || item.internal) texts.push(item.title);
      }
    }
  }
  for (const comment of account.comments ?? []) if (comment.internal) texts.push(comment.body);
  return texts;
}

/** Every objective, milestone and task title of an account, whatever its visibility. */
export function allTitles(account: DemoAccount): string[] {
  return account.objectives.flatMap((objective) => [
    objective.title,
    ...objective.milestones.flatMap((milestone) => [milestone.title, ...milestone.tasks.map((item) => item.title)]),
  ]);
}
