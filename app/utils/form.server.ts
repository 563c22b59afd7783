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
