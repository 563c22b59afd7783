import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Select } from "~/components/ui/select";

const options = ["bronze", "silver", "gold"].map((value) => (
  <option key={value} value={value}>
    {value}
  </option>
));

describe("Select after a refused submission", () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows the first value of a repeated field, with no React warning", () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const html = renderToString(<Select defaultValue={["silver", "gold"]}>{options}</Select>);
    expect(html).toMatch(/<option value="silver" selected="">/);
    expect(html).not.toMatch(/<option value="gold" selected/);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("keeps every value of a multiple select", () => {
    const html = renderToString(
      <Select multiple defaultValue={["silver", "gold"]}>
        {options}
      </Select>,
    );
    expect(html).toMatch(/<option value="silver" selected="">/);
    expect(html).toMatch(/<option value="gold" selected="">/);
  });
});
