/** Plan arithmetic shared by the console and the hub (pure, so both sides count the same way). */
export type TaskStatus = "todo" | "in_progress" | "blocked" | "done";
export const TASK_STATUSES: readonly TaskStatus[] = ["todo", "in_progress", "blocked", "done"];

export type ProgressTask = { status: string; dueDate: Date | null };

export function isOverdue(task: ProgressTask, now = new Date()) {
  return task.status !== "done" && task.dueDate !== null && task.dueDate.getTime() < now.getTime();
}

export type Progress = { total: number; done: number; overdue: number; percent: number };

export function summarizeProgress(tasks: ProgressTask[], now = new Date()): Progress {
  const done = tasks.filter((task) => task.status === "done").length;
  const overdue = tasks.filter((task) => isOverdue(task, now)).length;
  return { total: tasks.length, done, overdue, percent: tasks.length ? Math.round((done / tasks.length) * 100) : 0 };
}
