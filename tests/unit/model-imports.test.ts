import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * No import cycle among app/models: a mailer or a reader that imported a writer back (as the
 * mention mail once reached the hub's actions through the email action) would make the domain
 * one knot. Type-only imports count too: they tie the modules' meanings together all the same.
 */
const MODELS = path.resolve(import.meta.dirname, "../../app/models");

function modelImports() {
  const graph = new Map<string, string[]>();
  const walk = (directory: string) => {
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const file = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.tsx?$/.test(entry.name)) {
        const name = path.relative(MODELS, file).replace(/\.tsx?$/, "");
        const source = fs.readFileSync(file, "utf8");
        graph.set(
          name,
          [...source.matchAll(/from "~\/models\/([^"]+)"/g)].map((match) => match[1]!),
        );
      }
    }
  };
  walk(MODELS);
  return graph;
}

/** Every cycle's modules, in import order (depth-first, each cycle once by its first module). */
function findCycles(graph: Map<string, string[]>) {
  const cycles: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (name: string) => {
    state.set(name, "visiting");
    stack.push(name);
    for (const next of graph.get(name) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "visiting") cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(name, "done");
  };
  for (const name of graph.keys()) if (!state.has(name)) visit(name);
  return cycles;
}

describe("the models' imports", () => {
  it("form no cycle", () => {
    const graph = modelImports();
    expect(graph.size).toBeGreaterThan(40);
    expect(findCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("would see one", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(findCycles(graph)).toEqual([["a", "b", "c", "a"]]);
  });
});
