/**
 * The RPC contract of the "Review & assign" sidebar, imported from here by the page and the server:
 * what the page sends through google.script.run (./review-requests, on the fields every sidebar request
 * shares in ./request-fields), what comes back (./review-replies), the actions a supervisor may take
 * (./review-actions) and the sections and limits of the list (./review-sections). The server validates
 * every request with these schemas; the page validates every reply with the reply schemas, as the tests
 * do. A refusal is a reply, `{ ok: false, message }`, so the sidebar can show it; only bugs throw.
 */
export * from './request-fields';
export * from './review-actions';
export * from './review-sections';
export * from './review-requests';
export * from './review-replies';
