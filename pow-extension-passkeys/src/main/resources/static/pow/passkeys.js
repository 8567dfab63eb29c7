/*
 * Pow's passkeys: registration on the passkeys page, and username-less sign-in (a button,
 * and the browser's autofill where it offers passkeys there) on the sign-in page. The
 * server sends options as JSON with base64url buffers; the browser's answer goes back
 * the same way, in a form post carrying Pow's CSRF token.
 */
(function () {
    'use strict';

    function toBase64url(buffer) {
        var bytes = new Uint8Array(buffer);
        var text = '';
        for (var i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function fromBase64url(value) {
        var base64 = value.replace(/-/g, '+').replace(/_/g, '/');
        while (base64.length % 4) {
            base64 += '=';
        }
        var text = atob(base64);
        var bytes = new Uint8Array(text.length);
        for (var i = 0; i < text.length; i++) {
            bytes[i] = text.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function credentialJson(credential) {
        var response = credential.response;
        var json = {
            id: credential.id,
            rawId: toBase64url(credential.rawId),
            type: credential.type,
            response: { clientDataJSON: toBase64url(response.clientDataJSON) },
            clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
        };
        if (credential.authenticatorAttachment) {
            json.authenticatorAttachment = credential.authenticatorAttachment;
        }
        if (response.attestationObject) {
            json.response.attestationObject = toBase64url(response.attestationObject);
            json.response.transports = response.getTransports ? response.getTransports() : [];
        }
        if (response.authenticatorData) {
            json.response.authenticatorData = toBase64url(response.authenticatorData);
            json.response.signature = toBase64url(response.signature);
            json.response.userHandle = response.userHandle ? toBase64url(response.userHandle) : null;
        }
        return JSON.stringify(json);
    }

    function fetchOptions(element) {
        var headers = { 'Accept': 'application/json' };
        headers[element.dataset.csrfHeader] = element.dataset.csrfToken;
        return fetch(element.dataset.optionsUrl, { method: 'POST', headers: headers, credentials: 'same-origin' })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error('Passkey options: HTTP ' + response.status);
                }
                return response.json();
            });
    }

    function showError(id, text) {
        var element = document.getElementById(id);
        if (element && text) {
            element.textContent = text;
            element.hidden = false;
        }
    }

    function supported() {
        return !!(window.PublicKeyCredential && navigator.credentials);
    }

    // The passkeys page: add one.
    function setUpRegistration(form) {
        form.addEventListener('submit', function (event) {
            if (form.elements.credential.value) {
                return;
            }
            event.preventDefault();
            if (!supported()) {
                showError('pow-passkey-add-error', form.dataset.messageUnsupported);
                return;
            }
            fetchOptions(form).then(function (options) {
                options.challenge = fromBase64url(options.challenge);
                options.user.id = fromBase64url(options.user.id);
                options.excludeCredentials = (options.excludeCredentials || []).map(function (excluded) {
                    return { type: excluded.type, id: fromBase64url(excluded.id) };
                });
                return navigator.credentials.create({ publicKey: options });
            }).then(function (credential) {
                form.elements.credential.value = credentialJson(credential);
                form.submit();
            }).catch(function (error) {
                showError('pow-passkey-add-error', form.dataset.messageFailed);
                if (window.console) {
                    console.warn(error);
                }
            });
        });
    }

    // The sign-in page: the button, and the autofill where the browser offers it.
    function setUpSignIn(button) {
        if (!supported()) {
            return;
        }
        button.hidden = false;
        var pending = null;

        function signIn(mediation) {
            if (pending) {
                pending.abort();
            }
            var controller = (typeof AbortController === 'function') ? new AbortController() : null;
            pending = controller;
            return fetchOptions(button).then(function (options) {
                options.challenge = fromBase64url(options.challenge);
                options.allowCredentials = [];
                var request = { publicKey: options };
                if (mediation) {
                    request.mediation = mediation;
                }
                if (controller) {
                    request.signal = controller.signal;
                }
                return navigator.credentials.get(request);
            }).then(function (credential) {
                if (credential) {
                    submit(credential);
                }
            }).catch(function (error) {
                if (error && error.name === 'AbortError') {
                    return;
                }
                if (!mediation) {
                    showError('pow-passkey-sign-in-error', button.dataset.messageFailed);
                }
                if (window.console) {
                    console.warn(error);
                }
            });
        }

        function submit(credential) {
            var form = document.createElement('form');
            form.method = 'post';
            form.action = button.dataset.action;
            form.hidden = true;
            var fields = {};
            fields[button.dataset.csrfParameter] = button.dataset.csrfToken;
            fields.credential = credentialJson(credential);
            var signInForm = button.closest('.pow-card') ? button.closest('.pow-card').querySelector('form') : null;
            if (signInForm) {
                var requestPath = signInForm.querySelector('input[name="request_path"]');
                if (requestPath && requestPath.value) {
                    fields.request_path = requestPath.value;
                }
                var remember = signInForm.querySelector('input[name="persistent_session"]');
                if (remember && remember.checked) {
                    fields.persistent_session = remember.value || 'true';
                }
            }
            Object.keys(fields).forEach(function (name) {
                var input = document.createElement('input');
                input.type = 'hidden';
                input.name = name;
                input.value = fields[name];
                form.appendChild(input);
            });
            document.body.appendChild(form);
            form.submit();
        }

        button.addEventListener('click', function () {
            signIn(null);
        });

        if (typeof PublicKeyCredential.isConditionalMediationAvailable === 'function') {
            PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
                if (!available) {
                    return;
                }
                var field = document.querySelector('input[name="userId"]');
                if (field) {
                    field.setAttribute('autocomplete', 'username webauthn');
                }
                signIn('conditional');
            }).catch(function () {
                // No autofill then; the button still works.
            });
        }
    }

    function start() {
        var form = document.getElementById('pow-passkey-add');
        if (form) {
            setUpRegistration(form);
        }
        var button = document.getElementById('pow-passkey-sign-in');
        if (button) {
            setUpSignIn(button);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    }
    else {
        start();
    }
})();
