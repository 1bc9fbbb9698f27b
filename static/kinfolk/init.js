// Progressive enhancement only: every page works without this script.
import { initAll as initGovukFrontend } from "../govuk/govuk-frontend.min.js";
import { initAll as initMojFrontend } from "../moj/moj-frontend.min.js";

initGovukFrontend();
initMojFrontend();
