import { Form, Link } from "@remix-run/react";
import { useEffect, useRef, type ComponentProps } from "react";
import { DocumentList } from "~/components/documents/document-ui";
import { Button } from "~/components/ui/button";
import { FieldErrors } from "~/components/ui/field";
import { Input } from "~/components/ui/input";
import { Label } from "~/components/ui/label";
import { MAX_DOCUMENT_QUERY_LENGTH } from "~/models/document-fields";

// The search box of a documents list and what it found, for the console and the hub alike.

/** A plain GET form, so it works before (or without) the page's JavaScript. */
export function DocumentSearchForm({ q, error, variant = "primary" }: { q: string; error: string | null; variant?: "primary" | "brand" }) {
  const input = useRef<HTMLInputElement>(null);
  // A default value is read once: the field follows the URL after "Show all documents" or Back.
  useEffect(() => {
    if (input.current) input.current.value = q;
  }, [q]);
  return (
    <Form method="get" role="search" aria-label="Documents" className="space-y-1">
      <Label htmlFor="document-search">Search documents</Label>
      <div className="flex flex-wrap gap-2">
        <Input
          ref={input}
          id="document-search"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={MAX_DOCUMENT_QUERY_LENGTH}
          autoComplete="off"
          placeholder="Words in a title or text"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "document-search-error" : undefined}
          className="min-w-0 flex-1 basis-56"
        />
        <Button type="submit" variant={variant}>
          Search
        </Button>
      </div>
      <FieldErrors id="document-search-error" errors={error ? [error] : undefined} />
    </Form>
  );
}

type ListProps = ComponentProps<typeof DocumentList>;

/** What a search found, or a clear "nothing" naming the query, with the way back to the whole list. */
export function DocumentSearchResults({
  q,
  results,
  clearHref,
  ...list
}: { q: string; results: ListProps["documents"]; clearHref: string } & Omit<ListProps, "documents" | "empty">) {
  const count = results.length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
        <p role="status" className="text-slate-700">
          {count === 0 ? `No documents match “${q}”.` : `${count} ${count === 1 ? "document matches" : "documents match"} “${q}”.`}
        </p>
        <Link
          to={clearHref}
          className="font-medium text-blue-700 underline underline-offset-4 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-blue-600"
        >
          Show all documents
        </Link>
      </div>
      <DocumentList
        documents={results}
        empty={`No document has every word of “${q}” in its title or text. Try fewer or other words.`}
        {...list}
      />
    </div>
  );
}
