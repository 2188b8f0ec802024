// Progressive enhancement only: every page works without JavaScript.
import { initAll } from "./govuk-frontend.min.js";

initAll();

const htmx = window.htmx;
if (htmx) {
  // Content htmx swaps in gets GOV.UK Frontend's behaviour as a loaded page does
  // (a success banner takes focus, an error summary too). The page itself was
  // initialised above.
  htmx.onLoad((element) => {
    if (element !== document.body) initAll({ scope: element });
  });

  // A form whose request htmx cannot show the outcome of (a decision refused for a
  // missing note, an item changed since the page was opened, a server error) is
  // submitted again by the browser itself, so that the person sees the page they
  // would see without JavaScript. A refused request saved nothing.
  document.addEventListener("htmx:responseError", (event) => {
    const form = event.detail.elt;
    if (!(form instanceof HTMLFormElement)) return;
    const submitter = event.detail.requestConfig?.triggeringEvent?.submitter;
    if (submitter?.name) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = submitter.name;
      input.value = submitter.value;
      form.append(input);
    }
    HTMLFormElement.prototype.submit.call(form);
  });
}
