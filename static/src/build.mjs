// Builds static/dist/: the service's CSS from Sass, GOV.UK Frontend's JavaScript and
// the image assets it references, and htmx. Run with `npm run build`.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const dist = join(root, "static", "dist");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");
const htmx = join(root, "node_modules", "htmx.org", "dist");

mkdirSync(dist, { recursive: true });

const result = sass.compile(join(here, "main.scss"), {
  style: "compressed",
  importers: [new sass.NodePackageImporter(root)],
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(dist, "app.css"), result.css);

cpSync(join(govuk, "govuk-frontend.min.js"), join(dist, "govuk-frontend.min.js"));
cpSync(join(htmx, "htmx.min.js"), join(dist, "htmx.min.js"));
cpSync(join(here, "init.js"), join(dist, "init.js"));
cpSync(join(govuk, "assets", "images"), join(dist, "assets", "images"), {
  recursive: true,
});
cpSync(join(govuk, "assets", "manifest.json"), join(dist, "assets", "manifest.json"));
console.log("Built static/dist/");
