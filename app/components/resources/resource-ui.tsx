import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { Badge } from "~/components/ui/badge";
import { Control } from "~/components/ui/control";
import { Field } from "~/components/ui/field";
import { Select } from "~/components/ui/select";
import { Textarea } from "~/components/ui/textarea";
import { ALL_ACCOUNTS, fileTypeLabel, formatFileSize, type ResourceKind } from "~/models/resource-fields";

/** Pieces of the resources library shared by the console's pages and the hub's. */

export const KIND_LABELS: Record<ResourceKind, string> = { link: "Link", file: "File", video: "Video" };

export function KindBadge({ kind }: { kind: ResourceKind }) {
  return <Badge>{KIND_LABELS[kind]}</Badge>;
}

export function sharingLabel(account: { name: string } | null) {
  return account ? account.name : "All accounts";
}

/** "PDF, 1.2 MB": what a download is before anyone opens it. */
export function fileFacts(resource: { mimeType: string | null; sizeBytes: number | null }) {
  return [fileTypeLabel(resource.mimeType), formatFileSize(resource.sizeBytes)].filter(Boolean).join(", ");
}

export function openCountLabel(count: number) {
  return count === 0 ? "Not opened yet" : count === 1 ? "Opened once" : `Opened ${count} times`;
}

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;

/** Title, description and "Shared with": the same in the new-resource form and the edit form. */
export function ResourceDetailsFields({
  fields,
  accounts,
}: {
  fields: { title: Meta; description: Meta; sharedWith: Meta };
  accounts: ReadonlyArray<{ id: string; name: string }>;
}) {
  return (
    <>
      <Field
        label="Title"
        errors={fields.title.errors}
        inputProps={{ ...getInputProps(fields.title, { type: "text" }), id: fields.title.id, maxLength: 200, required: true }}
      />
      <Control id={fields.description.id} label="Description" errorId={fields.description.errorId} errors={fields.description.errors}>
        <Textarea {...getTextareaProps(fields.description)} maxLength={2000} rows={3} />
      </Control>
      <Control id={fields.sharedWith.id} label="Shared with" errorId={fields.sharedWith.errorId} errors={fields.sharedWith.errors}>
        <Select {...getSelectProps(fields.sharedWith)} required>
          <option value={ALL_ACCOUNTS}>All accounts</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </Select>
      </Control>
    </>
  );
}
