import { BrandedMail, mutedText, preferencesFooterText, renderMailHtml } from "~/emails/branded-mail";
import { formatDate } from "~/utils/format";

/**
 * One mail for many new tasks: applying a blueprint or launching a play can hand a person a
 * dozen tasks at once, and a dozen mails would teach them to ignore us.
 */
export type NewTasksMailProps = {
  vendorName: string;
  brandColor: string;
  recipientName: string;
  /** How many tasks are new; the list may be shorter. */
  count: number;
  tasks: Array<{ title: string; dueDate: Date | null }>;
  planUrl: string;
  preferencesUrl: string;
};

const taskLine = (task: NewTasksMailProps["tasks"][number]) =>
  task.dueDate ? `${task.title} (due ${formatDate(task.dueDate)})` : task.title;

const subject = (props: NewTasksMailProps) => `${props.count} new tasks for you from ${props.vendorName}`;

function moreLine(props: NewTasksMailProps) {
  const more = props.count - props.tasks.length;
  return more > 0 ? `…and ${more} more in your plan.` : null;
}

function NewTasksEmail(props: NewTasksMailProps) {
  const more = moreLine(props);
  return (
    <BrandedMail
      vendorName={props.vendorName}
      brandColor={props.brandColor}
      title={subject(props)}
      action={{ url: props.planUrl, label: "Open your plan" }}
      preferencesUrl={props.preferencesUrl}
    >
      {{
        before: (
          <>
            <p style={{ margin: "0 0 16px" }}>Hi {props.recipientName},</p>
            <p style={{ margin: "0 0 8px" }}>
              {props.vendorName} added {props.count} tasks for you to your plan, soonest first:
            </p>
            <ul style={{ margin: "0 0 24px", paddingLeft: 20 }}>
              {props.tasks.map((task, index) => (
                <li key={index}>{taskLine(task)}</li>
              ))}
            </ul>
            {more ? <p style={{ margin: "0 0 24px" }}>{more}</p> : null}
          </>
        ),
        after: <p style={{ margin: 0, ...mutedText }}>Each task has its own page in your plan, where you can mark it as done.</p>,
      }}
    </BrandedMail>
  );
}

export function renderNewTasksEmail(props: NewTasksMailProps) {
  const more = moreLine(props);
  const text = [
    `Hi ${props.recipientName},`,
    "",
    `${props.vendorName} added ${props.count} tasks for you to your plan, soonest first:`,
    ...props.tasks.map((task) => `- ${taskLine(task)}`),
    ...(more ? [more] : []),
    "",
    `Open your plan: ${props.planUrl}`,
    "",
    preferencesFooterText(props.preferencesUrl),
  ].join("\n");
  return { subject: subject(props), html: renderMailHtml(<NewTasksEmail {...props} />), text, template: "new-tasks" };
}
