// The assessment draft: saved in the background as the worker types (a few seconds after
// typing stops, and when a field is left), with a GOV.UK-style warning before the session
// times out. Progressive enhancement only: without this script "Save draft" saves the draft.

const form = document.querySelector('[data-module="kinfolk-assessment-draft"]');
const status = document.getElementById("autosave-status");
const dialog = document.getElementById("timeout-warning");
const WARN_BEFORE_SECONDS = 120;
const PAUSE_MILLISECONDS = 3000;

if (form && status) {
  const sessionSeconds = Number(form.dataset.sessionSeconds);
  let timer = null;
  let dirty = false;
  let saving = Promise.resolve();
  let warningTimer = null;
  let signOutTimer = null;

  const csrf = () => form.querySelector('input[name="csrfmiddlewaretoken"]').value;

  const say = (text) => {
    status.textContent = text;
  };

  const signedOut = () => {
    say("Your session has ended. Your draft as last saved is kept: sign in again to carry on.");
  };

  const restartSessionClock = () => {
    clearTimeout(warningTimer);
    clearTimeout(signOutTimer);
    if (!sessionSeconds) return;
    warningTimer = setTimeout(
      () => {
        if (dialog && !dialog.open) dialog.showModal();
      },
      Math.max(sessionSeconds - WARN_BEFORE_SECONDS, 0) * 1000,
    );
    signOutTimer = setTimeout(() => {
      if (dialog && dialog.open) dialog.close();
      signedOut();
    }, sessionSeconds * 1000);
  };

  const post = (url, body) =>
    fetch(url, {
      method: "POST",
      body,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRFToken": csrf(), Accept: "application/json" },
    });

  // One save at a time, each sent with the version the previous one saved, so that the
  // worker's own saves are never refused as stale.
  const save = () => {
    saving = saving.then(send);
    return saving;
  };

  const send = () => {
    if (!dirty) return undefined;
    dirty = false;
    const body = new FormData(form);
    body.delete("action");
    say("Saving…");
    return post(form.dataset.autosaveUrl, body)
      .then(async (response) => {
        if (response.type === "opaqueredirect" || response.status === 0) {
          dirty = true;
          signedOut();
          return;
        }
        const answer = await response.json();
        if (answer.saved) {
          form.querySelector('input[name="opened_versions"]').value = answer.opened_versions;
          const time = new Date().toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
          say(`Draft saved at ${time}`);
          restartSessionClock();
        } else {
          if (response.status !== 409) dirty = true;
          say(answer.message);
        }
      })
      .catch(() => {
        dirty = true;
        say("Not saved: the connection failed. Your changes will be saved when it returns.");
      });
  };

  const changed = () => {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, PAUSE_MILLISECONDS);
  };

  // "Save draft" or "Submit" waits for a save in flight, so that the page is sent with the
  // version that save made (else it would be refused as stale).
  let sending = false;
  form.addEventListener("submit", (event) => {
    if (sending) return;
    event.preventDefault();
    clearTimeout(timer);
    dirty = false;
    sending = true;
    const button = event.submitter;
    saving.then(() => {
      if (button && button.name) {
        const choice = document.createElement("input");
        choice.type = "hidden";
        choice.name = button.name;
        choice.value = button.value;
        form.append(choice);
      }
      form.submit();
    });
  });

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("focusout", () => {
    if (dirty) {
      clearTimeout(timer);
      save();
    }
  });
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && dirty) save();
  });

  if (dialog) {
    dialog.querySelector("[data-timeout-stay]").addEventListener("click", () => {
      post(form.dataset.keepAliveUrl, new FormData()).then((response) => {
        dialog.close();
        if (response.ok) restartSessionClock();
        else signedOut();
      });
    });
    dialog.addEventListener("cancel", () => dialog.querySelector("[data-timeout-stay]").click());
  }
  restartSessionClock();
}
