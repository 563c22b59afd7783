import { BrandedMail, mutedText, preferencesFooterText, renderMailHtml } from "~/emails/branded-mail";
import { formatDate } from "~/utils/format";

/**
 * A mail about one of the recipient's tasks: newly assigned, due soon, or overdue. Its button
 * completes the task in one step (see email-action.server.ts); the plan link opens the hub.
 */
export type TaskNoticeKind = "assigned" | "due_soon" | "overdue";

export type TaskNoticeMailProps = {
  kind: TaskNoticeKind;
  vendorName: string;
  brandColor: string;
  recipientName: string;
  taskTitle: string;
  dueDate: Date | null;
  completeUrl: string;
  planUrl: string;
  preferencesUrl: string;
};

function headline({ kind, taskTitle, dueDate }: TaskNoticeMailProps) {
  const due = dueDate ? formatDate(dueDate) : null;
  if (kind === "assigned") return `You are now the owner of “${taskTitle}”${due ? `, due ${due}` : ""}.`;
  if (kind === "due_soon") return `“${taskTitle}” is due ${due ?? "soon"}.`;
  return `“${taskTitle}” was due ${due ?? "already"} and is not done yet.`;
}

const subjects: Record<TaskNoticeKind, (title: string) => string> = {
  assigned: (title) => `New task for you: ${title}`,
  due_soon: (title) => `Due soon: ${title}`,
  overdue: (title) => `Overdue: ${title}`,
};

function TaskNoticeEmail(props: TaskNoticeMailProps) {
  return (
    <BrandedMail
      vendorName={props.vendorName}
      brandColor={props.brandColor}
      title={subjects[props.kind](props.taskTitle)}
      action={{ url: props.completeUrl, label: "Mark as done" }}
      preferencesUrl={props.preferencesUrl}
    >
      {{
        before: (
          <>
            <p style={{ margin: "0 0 16px" }}>Hi {props.recipientName},</p>
            <p style={{ margin: "0 0 24px" }}>{headline(props)} Already done? One click tells the team.</p>
          </>
        ),
        after: (
          <p style={{ margin: 0, ...mutedText }}>
            <a href={props.planUrl} style={{ color: "#334155" }}>
              Open your plan
            </a>{" "}
            to see everything else. The button works once, for 7 days.
          </p>
        ),
      }}
    </BrandedMail>
  );
}

export function renderTaskNoticeEmail(props: TaskNoticeMailProps) {
  const text = [
    `Hi ${props.recipientName},`,
    "",
    headline(props),
    "",
    `Mark it as done: ${props.completeUrl}`,
    `Open your plan: ${props.planUrl}`,
    "",
    preferencesFooterText(props.preferencesUrl),
  ].join("\n");
  return {
    subject: subjects[props.kind](props.taskTitle),
    html: renderMailHtml(<TaskNoticeEmail {...props} />),
    text,
    template: `task-${props.kind.replace("_", "-")}`,
  };
}
