import { describe, expect, it } from "vitest";
import { checkFileType, formatFileSize, parseVideoUrl } from "~/models/resource-fields";

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe("parseVideoUrl", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://youtu.be/dQw4w9WgXcQ?t=10", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://m.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"],
    ["https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"],
    ["https://vimeo.com/76979871/abc123def0", "https://player.vimeo.com/video/76979871?h=abc123def0"],
    ["https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871"],
    ["https://www.loom.com/share/0281766fa2d04bb788eaf19e65135184?sid=1", "https://www.loom.com/embed/0281766fa2d04bb788eaf19e65135184"],
  ])("%s → %s", (address, embed) => {
    expect(parseVideoUrl(address)?.embedUrl).toBe(embed);
  });

  it.each([
    "https://www.dailymotion.com/video/x7tgad0",
    "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    "https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ",
    "https://www.youtube.com/watch?v=short",
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"onload=',
    "https://vimeo.com/channels/staffpicks",
    "https://user:pass@vimeo.com/76979871",
    "javascript:alert(1)",
    "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
    "not a url",
  ])("refuses %s", (address) => {
    expect(parseVideoUrl(address)).toBeNull();
  });
});

describe("checkFileType", () => {
  const pdf = text("%PDF-1.7\n");
  it("accepts a file whose name, declared type and bytes agree", () => {
    expect(checkFileType("report.PDF", "application/pdf", pdf)).toEqual({ ok: true, mimeType: "application/pdf" });
    expect(checkFileType("deck.pptx", "", bytes(0x50, 0x4b, 0x03, 0x04))).toMatchObject({ ok: true });
    expect(checkFileType("old.doc", "application/octet-stream", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toMatchObject({
      ok: true,
    });
    expect(checkFileType("anim.webp", "image/webp", text("RIFF\0\0\0\0WEBPVP8 "))).toMatchObject({ ok: true, mimeType: "image/webp" });
    expect(checkFileType("a.gif", "image/gif", text("GIF89a"))).toMatchObject({ ok: true });
  });

  it("refuses unknown types, mismatched bytes and contradicting declared types", () => {
    expect(checkFileType("setup.exe", "application/octet-stream", text("MZ"))).toMatchObject({ ok: false });
    expect(checkFileType("page.html", "text/html", text("<html>"))).toMatchObject({ ok: false });
    expect(checkFileType("noextension", "application/pdf", pdf)).toMatchObject({ ok: false });
    expect(checkFileType("notes.pdf", "application/pdf", text("plain text"))).toMatchObject({
      ok: false,
      message: expect.stringContaining("not a real PDF"),
    });
    expect(checkFileType("report.pdf", "text/html", pdf)).toMatchObject({ ok: false });
    expect(checkFileType("photo.png", "image/png", bytes(0xff, 0xd8, 0xff))).toMatchObject({ ok: false });
    expect(checkFileType("anim.webp", "image/webp", text("RIFF\0\0\0\0WAVE"))).toMatchObject({ ok: false });
  });
});

describe("formatFileSize", () => {
  it.each([
    [512, "512 bytes"],
    [1536, "1.5 KB"],
    [200 * 1024, "200 KB"],
    [10 * 1024 * 1024, "10.0 MB"],
  ])("%i → %s", (size, label) => {
    expect(formatFileSize(size)).toBe(label);
  });
});
