/** FormApp: the script-visible service (form-app.ts) over the world's FormStore (store.ts). */
export { createFormApp, Form, DestinationType, EmailCollectionType } from './form-app';
export { FormStore } from './store';
export type { FormDescription } from './store';
export { FormSubmitError } from './submission';
export type { Submission, SubmitResult } from './submission';
