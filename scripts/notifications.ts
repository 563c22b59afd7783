// One run of the reminder and digest jobs, by hand (the server runs them every 15 minutes).
import { runNotificationJobs } from "~/models/reminders.server";
import { db } from "~/utils/db.server";

await runNotificationJobs();
await db.$disconnect();
