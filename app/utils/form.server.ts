import { data } from "@remix-run/node";

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

// The multipart framing and the form's other fields add a little to the file itself.
const FRAMING_BYTES = 64 * 1024;
// A body over the limit is still read (and dropped) up to this size, so the browser finishes
// sending and shows the answer; a client that keeps sending beyond it is cut off.
const DISCARD_BYTES = 32 * 1024 * 1024;

/**
 * A multipart form with a file, held in memory, of at most `maxFileBytes` plus some framing:
 * a larger body is "too large", and none of it beyond the limit is kept.
 */
export async function readUploadFormData(request: Request, maxFileBytes: number): Promise<FormData | "too_large"> {
  const limit = maxFileBytes + FRAMING_BYTES;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size <= limit) chunks.push(read.value);
      else if (size > DISCARD_BYTES) {
        await reader.cancel();
        break;
      }
    }
  }
  if (size > limit) return "too_large";
  const buffered = new Request(request.url, { method: request.method, headers: request.headers, body: Buffer.concat(chunks) });
  return readFormData(buffered);
}
