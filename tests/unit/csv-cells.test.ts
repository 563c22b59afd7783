import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";

import { neutralizeCell, toCsv } from "~/utils/csv.server";
import { centsToMoneyText, parseMoneyToCents } from "~/utils/validation";

describe("neutralizeCell", () => {
  it.each([
    ['=HYPERLINK("http://evil.test","x")', '\'=HYPERLINK("http://evil.test","x")'],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
  ])("puts an apostrophe before %j", (cell, expected) => {
    expect(neutralizeCell(cell)).toBe(expected);
  });

  it("leaves ordinary text, numbers and empty cells as they are", () => {
    expect(neutralizeCell("Acme = best")).toBe("Acme = best");
    expect(neutralizeCell("acme.com")).toBe("acme.com");
    expect(neutralizeCell(-5)).toBe(-5);
    expect(neutralizeCell(null)).toBe("");
    expect(neutralizeCell(undefined)).toBe("");
  });

  it("applies to every cell of a document, which starts with a BOM and quotes what needs it", () => {
    const csv = toCsv(["Name", "Note"], [["=1+1", 'a, "quoted"\nline']]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(parse(csv, { bom: true })).toEqual([
      ["Name", "Note"],
      ["'=1+1", 'a, "quoted"\nline'],
    ]);
  });
});

describe("parseMoneyToCents", () => {
  it.each([
    ["120000", 12_000_000],
    ["120,000.50", 12_000_050],
    ["0", 0],
    ["0.5", 50],
    ["1,234,567.89", 123_456_789],
  ])("reads %s", (text, cents) => {
    expect(parseMoneyToCents(text)).toBe(cents);
  });

  it.each(["-5", "abc", "1e5", "12,00", "1.234", "$100", "1 000", ""])("refuses %j", (text) => {
    expect(parseMoneyToCents(text)).toBeNull();
  });

  it("shows cents back as a plain amount", () => {
    expect(centsToMoneyText(12_000_050)).toBe("120000.50");
    expect(centsToMoneyText(7)).toBe("0.07");
  });

  it("round-trips amounts up to twelve digits of whole currency, to the cent", () => {
    for (const text of ["999999999999.99", "987654321098.76", "100000000000.01", "12.30"]) {
      expect(centsToMoneyText(parseMoneyToCents(text)!)).toBe(text);
    }
  });
});
