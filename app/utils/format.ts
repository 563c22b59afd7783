/**
 * Display formats shared by server and browser. Dates are shown in UTC: they are calendar dates
 * (renewals, due dates), and the server and the browser must render the same text.
 */
const currency = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });
const calendarDate = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatCents(cents: number) {
  return currency.format(cents / 100);
}

export function formatDate(date: Date | null | undefined, empty = "—") {
  return date ? calendarDate.format(date) : empty;
}

export function formatDateTime(date: Date) {
  return `${dateTime.format(date)} UTC`;
}

/** "in_progress" → "In progress" */
export function humanize(value: string) {
  const words = value.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
