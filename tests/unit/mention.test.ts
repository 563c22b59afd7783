import { describe, expect, it } from "vitest";
import { mentionInsertText, mentionsAsText, mentionToken, resolveMentions, splitMentions, type MentionPerson } from "~/models/mention";

const priya: MentionPerson = { kind: "user", id: "u1", name: "Priya Shah" };
const peter: MentionPerson = { kind: "stakeholder", id: "s1", name: "Peter Gibbons" };
const pete: MentionPerson = { kind: "stakeholder", id: "s2", name: "Peter" };
const sam1: MentionPerson = { kind: "stakeholder", id: "s3", name: "Sam Lee" };
const sam2: MentionPerson = { kind: "user", id: "u2", name: "Sam Lee" };
const people = [priya, peter, pete, sam1, sam2];

describe("resolveMentions", () => {
  it("turns an exact typed name into a token, preferring the longest name and stopping at a word boundary", () => {
    const { body, mentioned } = resolveMentions("@Peter Gibbons and @Peter, not @Priya Shahs. @Priya Shah!", people);
    expect(body).toBe(`${mentionToken(peter)} and ${mentionToken(pete)}, not @Priya Shahs. ${mentionToken(priya)}!`);
    expect(mentioned).toEqual([peter, pete, priya]);
  });

  it("keeps tokens of known people with their current name and turns foreign or made-up ones into plain text", () => {
    const { body, mentioned } = resolveMentions("@[Old name](user:u1) @[Boss](user:foreign) @[X](stakeholder:s9)", people);
    expect(body).toBe(`${mentionToken(priya)} @Boss @X`);
    expect(mentioned).toEqual([priya]);
  });

  it("leaves a name two people share as text; the picker inserts a token for them instead", () => {
    expect(resolveMentions("@Sam Lee hi", people)).toEqual({ body: "@Sam Lee hi", mentioned: [] });
    expect(mentionInsertText(sam2, people)).toBe(mentionToken(sam2));
    expect(resolveMentions(`${mentionInsertText(sam2, people)} hi`, people).mentioned).toEqual([sam2]);
    expect(mentionInsertText(priya, people)).toBe("@Priya Shah");
  });

  it("mentions a person once however often they are named", () => {
    expect(resolveMentions("@Priya Shah @Priya Shah @[P](user:u1)", people).mentioned).toEqual([priya]);
  });
});

describe("showing a body", () => {
  it("splits text and tokens and reads tokens as @Name", () => {
    const body = `Hi ${mentionToken(priya)},\nsee this`;
    expect(splitMentions(body)).toEqual([{ text: "Hi " }, { mention: priya }, { text: ",\nsee this" }]);
    expect(mentionsAsText(body)).toBe("Hi @Priya Shah,\nsee this");
  });
});
