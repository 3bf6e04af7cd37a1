// Compiles our Sass against GOV.UK Frontend and copies its script into wwwroot.
// Run by the Web project's build (npm run build); the outputs are never committed.
import { compile } from "sass";
import { mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const web = join(root, "src", "Commissioning.Web");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

const css = compile(join(web, "Styles", "app.scss"), {
  loadPaths: [root],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
mkdirSync(join(web, "wwwroot", "css"), { recursive: true });
writeFileSync(join(web, "wwwroot", "css", "app.css"), css.css);

mkdirSync(join(web, "wwwroot", "lib", "govuk"), { recursive: true });
copyFileSync(join(govuk, "govuk-frontend.min.js"), join(web, "wwwroot", "lib", "govuk", "govuk-frontend.min.js"));
console.log("front end built: wwwroot/css/app.css, wwwroot/lib/govuk");
