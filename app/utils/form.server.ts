import { data, MaxPartSizeExceededError, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";

/**
 * The request's form fields. A body that is not a form (JSON, a broken multipart stream) is the
 * client's mistake: it gets a 400, not the 500 that request.formData() would turn into.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw data({ message: "This request must be sent as a form." }, { status: 400 });
  }
}

/**
 * A multipart form with a file, held in memory, read only up to `maxBytes` in all: beyond that
 * the answer is "too large" and the rest of the upload is never buffered.
 */
export async function readUploadFormData(request: Request, maxBytes: number): Promise<FormData | "too_large"> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  // The multipart framing adds a little to the file itself.
  if (declared > maxBytes + 16_384) return "too_large";
  let total = 0;
  const uploadHandler: UploadHandler = async ({ filename, contentType, data: chunksOf, name }) => {
    const chunks: Buffer[] = [];
    for await (const chunk of chunksOf) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new MaxPartSizeExceededError(name, maxBytes);
      chunks.push(Buffer.from(chunk));
    }
    const bytes = Buffer.concat(chunks);
    if (typeof filename === "string") return new File([bytes], filename, { type: contentType });
    return bytes.toString("utf8");
  };
  try {
    return await unstable_parseMultipartFormData(request, uploadHandler);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "too_large";
    throw data({ message: "This request must be sent as a form with a file." }, { status: 400 });
  }
}
