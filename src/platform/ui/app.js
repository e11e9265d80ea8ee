// Progressive enhancement only: every page works without this file.
document.addEventListener("htmx:afterSwap", (event) => {
  const target = event.detail.target.querySelector("[autofocus], h1, h2");
  if (target) {
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }
});

// A search's filters apply as soon as one is changed; the button stays for a browser without this file.
// After the page comes back, the filters stay open and the focus returns to the control that was changed.
const FILTER_KEY = "sammen-filter-changed";
document.addEventListener("change", (event) => {
  const control = event.target;
  if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) return;
  if (control instanceof HTMLInputElement && control.type !== "checkbox" && control.type !== "radio") return;
  const form = control.closest("form[data-autosubmit]");
  if (!form || !control.closest("details")) return;
  try {
    sessionStorage.setItem(FILTER_KEY, JSON.stringify({ name: control.name, value: control instanceof HTMLInputElement ? control.value : "" }));
  } catch {
    // Private browsing without storage: the filters close after the page comes back; nothing else changes.
  }
  form.requestSubmit();
});
document.addEventListener("DOMContentLoaded", () => {
  let changed = null;
  try {
    changed = JSON.parse(sessionStorage.getItem(FILTER_KEY) ?? "null");
    sessionStorage.removeItem(FILTER_KEY);
  } catch {
    changed = null;
  }
  if (!changed) return;
  const form = document.querySelector("form[data-autosubmit]");
  const details = form?.querySelector("details");
  if (!form || !details) return;
  details.open = true;
  const control = [...form.elements].find((el) => el.name === changed.name && (!changed.value || el.value === changed.value));
  if (control) control.focus();
});

// A question asked only after a given answer is hidden until that answer is chosen; without this file
// it stays visible with its "only when …" note, and the server ignores it when the answer differs.
function showConditionalFields(form) {
  for (const field of form.querySelectorAll("[data-show-if]")) {
    const chosen = [...form.elements].find((el) => el.name === field.dataset.showIf && el.checked);
    field.hidden = chosen?.value !== field.dataset.showEquals;
  }
}
document.addEventListener("change", (event) => {
  const form = event.target.form;
  if (form?.querySelector("[data-show-if]")) showConditionalFields(form);
});
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form")) if (form.querySelector("[data-show-if]")) showConditionalFields(form);
});
