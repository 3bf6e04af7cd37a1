// Marks the page as script-enabled (GOV.UK Frontend's convention, done here
// because our Content-Security-Policy forbids inline scripts) and starts its components.
import { initAll } from "/lib/govuk/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();

// GOV.UK's conditional reveals set aria-expanded on radio buttons, which ARIA does not allow on a radio (axe:
// aria-allowed-attr). The revealed field follows its radio in the page, so the attribute is taken off whenever it is set.
const stripExpanded = () => document.querySelectorAll(".govuk-radios__input[aria-expanded]").forEach((input) => input.removeAttribute("aria-expanded"));
stripExpanded();
new MutationObserver(stripExpanded).observe(document.body, { attributes: true, subtree: true, attributeFilter: ["aria-expanded"] });
