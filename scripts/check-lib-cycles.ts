// Fails when two folders of lib/ depend on each other, directly or through others: each folder is
// one room of the domain, and a cycle between rooms means a rule has no single home.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = path.resolve(import.meta.dirname, "..");
const libDir = path.join(root, "lib");
const ignoredFolders = new Set(["generated"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return ignoredFolders.has(name) ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** The lib/ folder a file or import target belongs to, or null when it is outside lib/. */
function libFolderOf(absolutePath: string): string | null {
  const relative = path.relative(libDir, absolutePath);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [folder] = relative.split(path.sep);
  return folder && !ignoredFolders.has(folder) && relative.includes(path.sep) ? folder : null;
}

function resolveSpecifier(fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.join(root, specifier.slice(2));
  if (specifier.startsWith(".")) return path.resolve(path.dirname(fromFile), specifier);
  return null;
}

const edges = new Map<string, Map<string, string>>(); // folder -> (folder it imports -> example file)
for (const file of sourceFiles(libDir)) {
  const from = libFolderOf(file);
  if (!from) continue;
  const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  for (const { fileName } of importedFiles) {
    const target = resolveSpecifier(file, fileName);
    const to = target && libFolderOf(target);
    if (!to || to === from) continue;
    const targets = edges.get(from) ?? new Map<string, string>();
    if (!targets.has(to)) targets.set(to, `${path.relative(root, file)} -> ${fileName}`);
    edges.set(from, targets);
  }
}

// Tarjan's strongly connected components: every component with more than one folder is a cycle.
let index = 0;
const indices = new Map<string, number>();
const lowLinks = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];

function visit(folder: string) {
  indices.set(folder, index);
  lowLinks.set(folder, index);
  index += 1;
  stack.push(folder);
  onStack.add(folder);
  for (const next of edges.get(folder)?.keys() ?? []) {
    if (!indices.has(next)) {
      visit(next);
      lowLinks.set(folder, Math.min(lowLinks.get(folder)!, lowLinks.get(next)!));
    } else if (onStack.has(next)) {
      lowLinks.set(folder, Math.min(lowLinks.get(folder)!, indices.get(next)!));
    }
  }
  if (lowLinks.get(folder) === indices.get(folder)) {
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== folder);
    if (component.length > 1) cycles.push(component.sort());
  }
}

for (const folder of edges.keys()) if (!indices.has(folder)) visit(folder);

if (cycles.length === 0) {
  console.log(`lib/: no import cycle between its ${edges.size} folders`);
} else {
  for (const cycle of cycles) {
    console.error(`lib/: import cycle between ${cycle.join(", ")}`);
    for (const from of cycle) {
      for (const [to, example] of edges.get(from) ?? []) {
        if (cycle.includes(to)) console.error(`  ${from} -> ${to}  (${example})`);
      }
    }
  }
  process.exit(1);
}
