// Passkeys (WebAuthn) on the sign-in, second-step and security pages (issue 20).
//
// Progressive: the passkey controls are rendered hidden and shown only when this browser can
// make and use passkeys from JSON options (WebAuthn Level 3: parse*OptionsFromJSON, toJSON).
// The server does every check (webauthn-rs); this file only carries the options to the
// authenticator and its answer back, through the portal's server functions.

const supported =
  typeof window.PublicKeyCredential === 'function' &&
  typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function' &&
  typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

/** Calls a server function with form fields; resolves to its JSON answer, throws on a refusal. */
async function call(endpoint, fields = {}) {
  const response = await fetch(`/api/${endpoint}`, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: new URLSearchParams(fields),
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw new Error(`${endpoint} answered ${response.status}`);
  }
  return response.json();
}

function showError(box, error) {
  const message = box.querySelector('[role="alert"]');
  message.textContent = box.dataset.failed;
  message.hidden = false;
  console.warn('passkey:', error);
}

async function register(box) {
  const name = box.querySelector('input[name="name"]').value;
  const options = JSON.parse(await call('start_passkey_registration'));
  const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(options.publicKey);
  const credential = await navigator.credentials.create({ publicKey });
  await call('finish_passkey_registration', {
    credential: JSON.stringify(credential.toJSON()),
    name,
  });
  window.location.reload();
}

async function signIn() {
  const options = JSON.parse(await call('start_passkey_sign_in'));
  const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(options.publicKey);
  const credential = await navigator.credentials.get({ publicKey });
  const next = await call('finish_passkey_sign_in', {
    credential: JSON.stringify(credential.toJSON()),
  });
  window.location.assign(next);
}

function wire(selector, action) {
  for (const box of document.querySelectorAll(selector)) {
    if (box.dataset.wired) continue;
    box.dataset.wired = 'true';
    box.hidden = false;
    const button = box.querySelector('button');
    button.addEventListener('click', async () => {
      button.disabled = true;
      box.querySelector('[role="alert"]').hidden = true;
      try {
        await action(box);
      } catch (error) {
        showError(box, error);
      } finally {
        button.disabled = false;
      }
    });
  }
}

if (supported) {
  wire('[data-passkey-register]', register);
  wire('[data-passkey-sign-in]', signIn);
} else {
  for (const note of document.querySelectorAll('[data-passkey-unsupported]')) {
    note.hidden = false;
  }
}
