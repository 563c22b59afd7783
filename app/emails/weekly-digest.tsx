import { BrandedMail, mutedText, preferencesFooterText, renderMailHtml } from "~/emails/branded-mail";
import { formatDate } from "~/utils/format";

/** The weekly summary: the recipient's open tasks (overdue first), the next milestones, the week's activity. */
export type WeeklyDigestMailProps = {
  vendorName: string;
  brandColor: string;
  recipientName: string;
  tasks: Array<{ title: string; dueDate: Date | null; overdue: boolean }>;
  milestones: Array<{ title: string; targetDate: Date | null }>;
  activity: Array<{ actor: string; summary: string }>;
  planUrl: string;
  preferencesUrl: string;
};

const heading = { margin: "0 0 8px", fontSize: 16, fontWeight: 600 } as const;
const list = { margin: "0 0 24px", paddingLeft: 20 } as const;

function taskLine(task: WeeklyDigestMailProps["tasks"][number]) {
  if (task.overdue) return `${task.title} (overdue, was due ${formatDate(task.dueDate)})`;
  return task.dueDate ? `${task.title} (due ${formatDate(task.dueDate)})` : task.title;
}

function milestoneLine(milestone: WeeklyDigestMailProps["milestones"][number]) {
  return milestone.targetDate ? `${milestone.title} (${formatDate(milestone.targetDate)})` : milestone.title;
}

function Section({ title, lines }: { title: string; lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <p style={heading}>{title}</p>
      <ul style={list}>
        {lines.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </>
  );
}

function sections(props: WeeklyDigestMailProps) {
  return [
    { title: "Your open tasks", lines: props.tasks.map(taskLine) },
    { title: "Next milestones", lines: props.milestones.map(milestoneLine) },
    { title: "This week", lines: props.activity.map((event) => `${event.actor} ${event.summary}`) },
  ];
}

function WeeklyDigestEmail(props: WeeklyDigestMailProps) {
  return (
    <BrandedMail
      vendorName={props.vendorName}
      brandColor={props.brandColor}
      title={`Your week with ${props.vendorName}`}
      action={{ url: props.planUrl, label: "Open your plan" }}
      preferencesUrl={props.preferencesUrl}
    >
      {{
        before: (
          <>
            <p style={{ margin: "0 0 16px" }}>Hi {props.recipientName},</p>
            <p style={{ margin: "0 0 24px" }}>Here is where your plan with {props.vendorName} stands.</p>
            {sections(props).map((section) => (
              <Section key={section.title} {...section} />
            ))}
          </>
        ),
        after: <p style={{ margin: 0, ...mutedText }}>You get this summary once a week.</p>,
      }}
    </BrandedMail>
  );
}

export function renderWeeklyDigestEmail(props: WeeklyDigestMailProps) {
  const text = [
    `Hi ${props.recipientName},`,
    "",
    `Here is where your plan with ${props.vendorName} stands.`,
    ...sections(props).flatMap((section) =>
      section.lines.length ? ["", `${section.title}:`, ...section.lines.map((line) => `- ${line}`)] : [],
    ),
    "",
    `Open your plan: ${props.planUrl}`,
    "",
    preferencesFooterText(props.preferencesUrl),
  ].join("\n");
  return {
    subject: `Your week with ${props.vendorName}`,
    html: renderMailHtml(<WeeklyDigestEmail {...props} />),
    text,
    template: "weekly-digest",
  };
}
