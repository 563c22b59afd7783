/** What a one-step mail link does, shared by its confirm page and email-action.server.ts. */
export type EmailActionKind = "complete_task" | "reply";

/** Issued tokens are 32 characters; anything far longer is refused before it reaches the database. */
export const MAX_EMAIL_ACTION_TOKEN_LENGTH = 128;
