import { Badge } from "~/components/ui/badge";
import type { InvitationState } from "~/models/invitation.server";
import { formatDate } from "~/utils/format";

const tones = { not_invited: "neutral", invited: "warning", expired: "danger", accepted: "success", revoked: "neutral" } as const;

/** What became of a person's newest hub invitation, in words with its dates. */
export function invitationStatusText(state: InvitationState) {
  switch (state.status) {
    case "not_invited":
      return "No invitation sent yet";
    case "invited":
      return `Invited on ${formatDate(state.sentAt)}, link valid until ${formatDate(state.expiresAt)}`;
    case "expired":
      return `Invited on ${formatDate(state.sentAt)}, link expired on ${formatDate(state.expiresAt)}`;
    case "accepted":
      return `Accepted: first visit on ${formatDate(state.acceptedAt)}`;
    case "revoked":
      return `Invitation revoked on ${formatDate(state.revokedAt)}`;
  }
}

const labels = { not_invited: "Not invited", invited: "Invited", expired: "Expired", accepted: "Accepted", revoked: "Revoked" } as const;

export function InvitationStatus({ state }: { state: InvitationState }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Badge tone={tones[state.status]}>{labels[state.status]}</Badge>
      <span className="text-sm text-slate-700">{invitationStatusText(state)}</span>
    </span>
  );
}
