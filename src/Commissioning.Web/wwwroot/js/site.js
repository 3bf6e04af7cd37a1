// Marks the page as script-enabled (GOV.UK Frontend's convention, done here
// because our Content-Security-Policy forbids inline scripts) and starts its components.
import { initAll } from "/lib/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
