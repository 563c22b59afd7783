/**
 * Prisma for two engines (docs/decisions/002-database-engines-and-migrations.md).
 *
 *   tsx scripts/prisma.ts generate          derive the PostgreSQL schema, generate both clients
 *   tsx scripts/prisma.ts migration <name>  write the SQL migration for both engines from the
 *                                           change between the last snapshot and schema.prisma
 *   tsx scripts/prisma.ts check             fail if schema.prisma has changes with no migration
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const schemaFile = path.join(root, "prisma", "schema.prisma");
const generatedDir = path.join(root, "prisma", "generated");
const migrationsDir = path.join(root, "prisma", "migrations");
const snapshotFile = path.join(migrationsDir, "schema.snapshot.prisma");
const engines = ["sqlite", "postgresql"] as const;
type Engine = (typeof engines)[number];

function schemaFor(engine: Engine, source: string) {
  if (engine === "sqlite") return source;
  const derived = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/tandem"')
    .replace('"generated/sqlite"', '"postgresql"');
  if (derived === source) throw new Error("could not derive the PostgreSQL schema");
  return `// Generated from prisma/schema.prisma by scripts/prisma.ts. Do not edit.\n${derived}`;
}

function writeEngineSchema(engine: Engine, source: string, name: string) {
  fs.mkdirSync(generatedDir, { recursive: true });
  const file = path.join(generatedDir, `${name}.${engine}.prisma`);
  fs.writeFileSync(file, schemaFor(engine, source));
  return file;
}

function prisma(args: string[]) {
  return execFileSync(path.join(root, "node_modules", ".bin", "prisma"), args, {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_CLI_QUERY_ENGINE_TYPE: "client" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function generate() {
  const source = fs.readFileSync(schemaFile, "utf8");
  for (const engine of engines) {
    const file = engine === "sqlite" ? schemaFile : writeEngineSchema(engine, source, "schema");
    prisma(["generate", "--schema", file]);
    console.log(`generated the ${engine} client`);
  }
}

function diff(engine: Engine) {
  const current = writeEngineSchema(engine, fs.readFileSync(schemaFile, "utf8"), "current");
  const from = fs.existsSync(snapshotFile)
    ? ["--from-schema-datamodel", writeEngineSchema(engine, fs.readFileSync(snapshotFile, "utf8"), "snapshot")]
    : ["--from-empty"];
  const sql = prisma(["migrate", "diff", ...from, "--to-schema-datamodel", current, "--script"]);
  return sql.includes("-- This is an empty migration.") ? "" : sql.trim();
}

function migration(name: string | undefined) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: migration <name_in_snake_case>");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const scripts = engines.map((engine) => [engine, diff(engine)] as const);
  if (scripts.every(([, sql]) => !sql)) return console.log("schema.prisma has no changes to migrate");
  for (const [engine, sql] of scripts) {
    const file = path.join(migrationsDir, engine, `${stamp}_${name}.sql`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sql + "\n");
    console.log(`wrote ${path.relative(root, file)}`);
  }
  fs.copyFileSync(schemaFile, snapshotFile);
}

function check() {
  const pending = engines.filter((engine) => diff(engine));
  if (pending.length) {
    console.error(`schema.prisma has changes with no migration (${pending.join(", ")}): run npm run db:migration -- <name>`);
    process.exit(1);
  }
  console.log("migrations match schema.prisma");
}

const [command, arg] = process.argv.slice(2);
if (command === "generate") generate();
else if (command === "migration") migration(arg);
else if (command === "check") check();
else {
  console.error("usage: tsx scripts/prisma.ts generate | migration <name> | check");
  process.exit(1);
}
