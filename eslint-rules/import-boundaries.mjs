// `keyfront/import-boundaries`: which folders of the project may import which. Every import is
// resolved to a path in the project first (the `@/` alias and relative paths alike), so
// `../admin/x` is caught exactly like `@/components/admin/x`. All boundaries live in one rule with
// one list in eslint.config.mjs: flat-config entries for one rule name replace each other where
// their `files` overlap, and a list in one place cannot lose a restriction that way.
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const testFile = /\.test\.tsx?$/;

/** Is `file` (project-relative, `/`-separated) the folder or inside it? "" is the whole project. */
function isIn(file, folder) {
  return folder === "" || file === folder || file.startsWith(`${folder}/`);
}

/** The project path an import names, or null for packages and paths outside the project. */
function resolveImport(importer, specifier) {
  const resolved = specifier.startsWith("@/")
    ? path.posix.normalize(specifier.slice(2))
    : specifier.startsWith(".")
      ? path.posix.join(path.posix.dirname(importer), specifier)
      : null;
  return resolved === null || resolved.startsWith("../") ? null : resolved;
}

const folderList = { type: "array", items: { type: "string" } };

/** @type {import("eslint").Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: "problem",
    docs: { description: "Keeps each part of the app to the modules it may import." },
    schema: [
      {
        type: "array",
        items: {
          type: "object",
          properties: {
            from: folderList,
            except: folderList,
            to: folderList,
            allowTypeImports: { type: "boolean" },
            allowInTests: { type: "boolean" },
            message: { type: "string" },
          },
          required: ["from", "to", "message"],
          additionalProperties: false,
        },
      },
    ],
    messages: { crossed: "'{{specifier}}' is off limits here: {{message}}" },
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join("/");
    const boundaries = (context.options[0] ?? []).filter(
      (boundary) =>
        boundary.from.some((folder) => isIn(file, folder)) &&
        !(boundary.except ?? []).some((folder) => isIn(file, folder)) &&
        !(boundary.allowInTests && testFile.test(file)),
    );
    if (boundaries.length === 0) return {};

    function check(source, typeOnly) {
      if (typeof source?.value !== "string") return;
      const target = resolveImport(file, source.value);
      if (target === null) return;
      for (const boundary of boundaries) {
        if (!boundary.to.some((folder) => isIn(target, folder))) continue;
        if (typeOnly && boundary.allowTypeImports) continue;
        context.report({
          node: source,
          messageId: "crossed",
          data: { specifier: source.value, message: boundary.message },
        });
      }
    }

    return {
      ImportDeclaration(node) {
        const typeOnly =
          node.importKind === "type" ||
          (node.specifiers.length > 0 &&
            node.specifiers.every((specifier) => specifier.importKind === "type"));
        check(node.source, typeOnly);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node.source, node.exportKind === "type");
      },
      ExportAllDeclaration(node) {
        check(node.source, node.exportKind === "type");
      },
      ImportExpression(node) {
        check(node.source, false);
      },
    };
  },
};

export default importBoundaries;
